"""Which tables of the evidence the unheld-key rule reads (unheld_keys._tables): a passage's
tables are those its sentences start on a row of, as a build cuts the passage, each read once
while the bank keeps its document's tables, by its place, into an immutable `_Table`."""

from __future__ import annotations

import pytest

from citeqa import unheld_keys
from citeqa.chunking import chunk_document
from citeqa.language import is_table_row
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank
from citeqa.tables import TableHeaders
from citeqa.tallies import document_sentences
from citeqa.unheld_keys import _tables, unheld_key

SHELL = "Run it:\n\n    find . -name x \\\n    | grep x | sort\n\nDone.\n"
LONG_ROW = (
    "# Options\n\n| Option | Meaning |\n|---|---|\n| --min-size | Smallest file. |\n"
    "| --max-size | " + "word " * 500 + "|\n\nAfter the table.\n"
)


def _bank(text: str) -> tuple[SentenceBank, list[Chunk]]:
    """A bank of one document cut as a build cuts it (its chunks, their sentences)."""
    doc = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")
    chunks = chunk_document(doc)
    spans = [(n, chunk.start, chunk.end) for n, chunk in enumerate(chunks)]
    rows = document_sentences(text, spans, doc.kind)
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    tokens = [frozenset[str]() for _ in sentences]
    return SentenceBank({"d": doc}, chunks, sentences, None, tokens), chunks


def _hit(chunk: Chunk, number: int) -> Hit:
    return Hit(chunk=chunk, chunk_index=number, score=1.0)


def test_a_shell_line_continued_into_pipes_is_no_table() -> None:
    """'find . -name x \\' continued by '| grep x | sort' is one sentence holding two pipes,
    starting on a line that is no row: no table for the rule, as scoring never read one there
    (a walk of the passage's lines read '| grep x | sort' as a one-row table)."""
    bank, chunks = _bank(SHELL)
    assert len(chunks) == 1
    pipes = [bank.text(n) for n in bank.in_chunk(chunks[0]) if "|" in bank.text(n)]
    assert pipes == ["find . -name x \\\n    | grep x | sort"] and is_table_row(pipes[0])
    assert TableHeaders(SHELL).span(SHELL.index("| grep")) is not None  # a row, read as a line
    assert _tables([_hit(chunks[0], 0)], bank) == []


def test_a_row_longer_than_a_chunk_counts_in_each_of_its_chunks() -> None:
    """The --max-size row, cut over three chunks: the middle one holds a piece of it with no
    pipe, still a piece of the options table."""
    bank, chunks = _bank(LONG_ROW)
    row = LONG_ROW.index("| --max-size")
    holding = [n for n, chunk in enumerate(chunks) if chunk.start < LONG_ROW.index("|\n\nAfter")
               and chunk.end > row]  # fmt: skip
    assert len(holding) >= 3
    assert any("|" not in chunks[n].text for n in holding)
    for n in holding:
        tables = _tables([_hit(chunks[n], n)], bank)
        assert [(table.kind, list(table.keys)) for table in tables] == [
            ("option", ["--min-size", "--max-size"])
        ], n


def test_a_table_is_read_once_by_its_place_into_an_immutable_value() -> None:
    bank, chunks = _bank(LONG_ROW)
    hits = [_hit(chunk, n) for n, chunk in enumerate(chunks)]
    (first,) = _tables(hits, bank)
    (again,) = _tables(hits[:1], bank)
    assert again is first
    assert isinstance(first.rows, tuple) and isinstance(first.ranges, tuple)
    assert first.names_any(frozenset({"maxsize"})) and not first.names_any(frozenset({"maxx"}))
    hash(first)  # no list inside: shared by every question, changed by none
    other, other_chunks = _bank(LONG_ROW.replace("--min-size", "--min-depth"))
    (elsewhere,) = _tables([_hit(other_chunks[0], 0)], other)
    assert elsewhere.keys == ("--min-depth", "--max-size")  # the other bank's own table


def test_a_lookup_asking_no_amount_reads_no_cell_for_amounts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Which cells may hold an amount (`_Table.bounded_cells`, every cell of the table read) is
    read only when the question asks an amount ("750 €"): a lookup of an option reads none."""
    read: list[str] = []
    real = unheld_keys.may_hold_amount

    def counted(cell: str, with_unit: bool) -> bool:
        read.append(cell)
        return real(cell, with_unit)

    monkeypatch.setattr(unheld_keys, "may_hold_amount", counted)
    bank, chunks = _bank(LONG_ROW)
    hits = [_hit(chunk, n) for n, chunk in enumerate(chunks)]
    option = QuestionTerms(
        focus="what does --max-depth do",
        keys=frozenset({"maxdepth"}),
        unwritten_keys=["--max-depth"],
    )
    unheld = unheld_key(option, hits, bank)
    assert unheld is not None and unheld.key == "--max-depth"
    assert read == []
    amount = QuestionTerms(
        focus="which option costs 750 €", keys=frozenset({"750"}), unwritten_keys=["750"]
    )
    unheld_key(amount, hits, bank)
    assert read
