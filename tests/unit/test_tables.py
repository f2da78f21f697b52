"""Tables in plain text: a row's header row, a markdown table's frame (header and rule)."""

from __future__ import annotations

import itertools
import re

import pytest

from citeqa import tables
from citeqa.language import is_table_separator, pipe_row
from citeqa.models import Chunk, Document, Sentence
from citeqa.sentences import SECTIONS, SentenceBank, _heading_tokens
from citeqa.tables import (
    KeyCells,
    TableHeaders,
    first_unnumbered_column,
    is_table_frame,
    key_cells,
    key_column,
    row_cells,
)

MARKDOWN = (
    "## Tomato trial 2025\n\n"
    "We grew four varieties.\n\n"
    "| Variety | Yield per plant (kg) |\n"
    "|------|:----:|\n"
    "| Roma | 5.6 |\n"
    "| Sungold | 3.2 |\n\n"
    "After the table.\n"
)


def header_of(text: str, word: str) -> str | None:
    span = TableHeaders(text).header(text.index(word))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize("line", ["|---|---|", "| --- | :---: |", "---|---", "  |:--|--:|  "])
def test_markdown_rules_are_separators(line: str) -> None:
    assert is_table_separator(line)


@pytest.mark.parametrize("line", ["| Roma | 5.6 |", "-----", "a|b|c", "| - 3 | 4 |", ""])
def test_rows_rules_and_prose_are_not_separators(line: str) -> None:
    assert not is_table_separator(line)


def test_every_row_of_a_markdown_table_has_the_header_row_above_its_rule() -> None:
    for word in ("Roma", "Sungold", "|------", "Variety"):
        assert header_of(MARKDOWN, word) == "| Variety | Yield per plant (kg) |"
    assert header_of(MARKDOWN, "We grew") is None
    assert header_of(MARKDOWN, "After the table") is None


def test_tab_tables_with_crlf_and_lone_rows() -> None:
    text = "a\tb\r\nc\td\r\ne\tf\r\n"
    assert header_of(text, "e") == "a\tb"
    assert header_of("x\ty\nplain words\n", "x") is None  # one row alone is no table


def test_a_table_opening_with_its_rule_has_no_header() -> None:
    text = "|---|---|\n| Roma | 5.6 |\n"
    assert header_of(text, "Roma") is None


def test_the_frame_is_the_rule_and_the_header_row_only() -> None:
    framed = {
        w
        for w in ("Variety", "|------", "Roma", "Sungold", "We grew")
        if is_table_frame(MARKDOWN, MARKDOWN.index(w))
    }
    assert framed == {"Variety", "|------"}
    tabs = "a\tb\nc\td\n"
    assert not is_table_frame(tabs, 0)  # a tab table has no rule: its first row may be data


MIXED = (
    "Intro line.\r\n"
    "a\tb\r\nc\td\r\ne\tf\r\n"
    "\n"
    "| H1 | H2 |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
    "between\r"
    "| lone | row |\r"
    "\r"
    "|---|---|\n| x | y |\n"
    "end"
)


def test_one_table_headers_answers_as_a_fresh_search_in_any_order() -> None:
    offsets = list(range(-1, len(MIXED) + 1))
    expected = [TableHeaders(MIXED).header(o) for o in offsets]  # a fresh search each
    assert {MIXED[s[0] : s[1]] for s in expected if s is not None} == {"a\tb", "| H1 | H2 |"}
    for order in (offsets, offsets[::-1], offsets[1::2] + offsets[::2]):
        headers = TableHeaders(MIXED)
        found = {o: headers.header(o) for o in order}
        assert [found[o] for o in offsets] == expected


def test_a_long_table_is_read_once() -> None:
    rows = "".join(f"| {n} | {n * 2} |\n" for n in range(2000))
    text = "| N | Double |\n|---|---|\n" + rows
    headers = TableHeaders(text)
    bottom = text.rindex("| 1999")
    assert headers.header(bottom) == (0, len("| N | Double |"))
    assert len(headers._tables) == 1
    assert headers.header(text.index("| 7 |")) == (0, len("| N | Double |"))
    assert len(headers._tables) == 1  # found among the tables known, not walked again


def test_the_readers_of_one_table_split_its_rows_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its key column and the keys it holds are each read from one split of its rows (s26
    hostile probe: a table of 10^4 ragged rows was split once for each reader, an answer)."""
    split: list[tuple[int, int]] = []
    real_rows = tables.row_cells

    def counted(text: str, span: tuple[int, int]) -> list[list[str]]:
        split.append(span)
        return real_rows(text, span)

    monkeypatch.setattr(tables, "row_cells", counted)
    text = "| Code | Meaning |\n|---|---|\n| E1 | bad |\n| E2 | worse |\n"
    headers = TableHeaders(text)
    assert headers.key_column(text.index("| E2")) == 0
    assert headers.read(text.index("| E1"), len) == 3
    assert headers.read(0, lambda rows: rows[-1]) == ("E2", "worse")
    assert len(split) == 1


def test_the_chunks_of_one_long_line_read_that_line_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text on one line has every chunk open on it: its ends are searched and its row test
    run for the first offset only (s21: once a chunk made chunking a one-line text quadratic).
    Another line asked about, then the long one again, is read again."""
    looked_at: list[int] = []
    real_test = tables.is_table_row

    def counted(line: str) -> bool:
        looked_at.append(len(line))
        return real_test(line)

    monkeypatch.setattr(tables, "is_table_row", counted)
    text = "word " * 20_000 + "\n| a | b |\n| 1 | 2 |\n"
    headers = TableHeaders(text)
    assert all(headers.header_above(offset) is None for offset in range(0, 100_000, 500))
    assert looked_at == [text.index("\n")]
    header = text.index("| a")
    assert headers.header(text.index("| 1")) == (header, header + len("| a | b |"))
    assert headers.header(10) is None
    assert len(looked_at) == 2 + 2 + 1  # the table's two rows, twice (found, then walked)


def test_a_ruled_header_is_the_header_of_a_table_whose_second_line_is_its_rule() -> None:
    """`ruled_header` answers as `header` then `is_table_frame` on the header row: the header of
    a markdown table only (never of a tab table, a lone row or a table opening with its rule)."""
    offsets = range(-1, len(MIXED) + 1)
    expected = []
    for offset in offsets:
        header = TableHeaders(MIXED).header(offset)
        framed = header is not None and is_table_frame(MIXED, header[0])
        expected.append(header if framed else None)
    assert {MIXED[s[0] : s[1]] for s in expected if s is not None} == {"| H1 | H2 |"}
    headers = TableHeaders(MIXED)
    assert [headers.ruled_header(o) for o in offsets] == expected
    assert TableHeaders(MARKDOWN).ruled_header(MARKDOWN.index("Roma")) is not None
    assert TableHeaders("a\tb\nc\td\n").ruled_header(4) is None


def _line_bank(text: str) -> tuple[SentenceBank, list[str]]:
    """A bank of one document whose sentences are its lines."""
    lines = text.splitlines(keepends=True)
    starts = [sum(len(line) for line in lines[:n]) for n in range(len(lines))]
    cuts = [(a, a + len(line.rstrip("\r\n"))) for a, line in zip(starts, lines, strict=True)]
    doc = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts if b > a]
    tokens = [frozenset[str]() for _ in sentences]
    return SentenceBank({"d": doc}, [chunk], sentences, None, tokens), [
        text[a:b] for a, b in cuts if b > a
    ]


def test_a_bank_reads_each_row_with_its_ruled_header_however_often_asked() -> None:
    bank, lines = _line_bank(MARKDOWN + "x\ty\nz\tw\n")
    variety = lines.index("| Variety | Yield per plant (kg) |")
    for _ in range(3):  # the second and third answers are the remembered ones
        headers = {lines[n]: bank.table_header(n) for n in range(len(lines))}
        frames = {lines[n] for n in range(len(lines)) if bank.is_table_frame(n)}
        assert {line for line, h in headers.items() if h is not None} == {
            "|------|:----:|",
            "| Roma | 5.6 |",
            "| Sungold | 3.2 |",
        }
        assert {h for h in headers.values() if h is not None} == {variety}
        assert frames == {"| Variety | Yield per plant (kg) |", "|------|:----:|"}
    rows = [line for line in lines if "|" in line or "\t" in line]
    assert bank._headers.cache_info().currsize == len(rows) == 6  # prose is not remembered


def _documents_bank(count: int) -> SentenceBank:
    """A bank of `count` one-table documents, each sentence a line of its document."""
    documents, chunks, sentences = {}, [], []
    for number in range(count):
        doc_id, text = f"d{number}", MARKDOWN.replace("Roma", f"Roma {number}")
        documents[doc_id] = Document(
            doc_id=doc_id, title=doc_id, path=f"/{doc_id}.md", text=text, sha256="0"
        )
        chunks.append(
            Chunk(
                chunk_id=f"{doc_id}:0",
                doc_id=doc_id,
                start=0,
                end=len(text),
                text=text,
                section=f"Trial {number}",
            )
        )
        start = 0
        for line in text.splitlines(keepends=True):
            if line.strip():
                end = start + len(line.rstrip("\n"))
                sentences.append(Sentence(doc_id=doc_id, chunk_index=number, start=start, end=end))
            start += len(line)
    tokens = [frozenset[str]() for _ in sentences]
    return SentenceBank(documents, chunks, sentences, None, tokens)


def _table_readings(bank: SentenceBank) -> list[object]:
    """Everything the bank answers about tables and headings, for every sentence in turn."""
    found: list[object] = []
    for number, sentence in enumerate(bank.sentences):
        found += [bank.table_header(number), bank.is_table_frame(number)]
        found.append(bank.header_span(sentence.doc_id, sentence.start))
        found.append(bank.section_tokens(bank.chunks[sentence.chunk_index]))
    return found


def test_what_a_bank_remembers_of_tables_and_headings_stays_within_its_bounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long chat quotes ever more documents: the bank keeps at most TABLE_DOCUMENTS of them
    read (each holds its document's text), TABLE_ROWS rows' headers and SENTENCE_FACTS
    sentences' facts (each holds its text), and answers as a bank that forgets nothing; the
    headings' tokens are one module cache of SECTIONS."""
    unbounded = _table_readings(_documents_bank(40))
    for name, bound in (("TABLE_DOCUMENTS", 8), ("TABLE_ROWS", 20), ("SENTENCE_FACTS", 30)):
        monkeypatch.setattr(f"citeqa.sentences.{name}", bound)
    bank = _documents_bank(40)
    assert _table_readings(bank) == unbounded
    assert _table_readings(bank) == unbounded  # asked again, after each cache was overrun
    sizes = [cache.cache_info() for cache in (bank._tables, bank._headers, bank.facts)]
    assert [(info.currsize, info.maxsize) for info in sizes] == [(8, 8), (20, 20), (30, 30)]
    assert _heading_tokens.cache_info().maxsize == SECTIONS


def test_a_first_cell_is_read_without_spaces_and_paired_inline_markup() -> None:
    assert key_cells(
        "| `retention_days` | **30** | Days kept |", frozenset({"retention_days"})
    ).names_key
    assert key_cells("| **30** | Days kept |", frozenset({"30"})).names_key
    assert key_cells("E1042\tDisk full\t", frozenset({"e1042"})).names_key
    # paired markup only: "_" begins identifiers ("_sync_dir", as the question keeps it)
    for row, key in [
        ("| _sync_dir | x |", "_sync_dir"),
        ("| `__init__` | x |", "__init__"),
        ("| *x* | y |", "x"),
        ("| **`y`** | z |", "y"),
        ("| ` | z |", "`"),
    ]:
        assert key_cells(row, frozenset({key})).names_key, row


def test_a_record_id_is_a_key_in_any_column_of_a_row_keyed_by_no_id() -> None:
    keys = frozenset({"hd-0009"})
    assert key_cells("| Bob | HD-0009 | closed |", keys).names_key
    assert not key_cells("| Bob | HD-0010 | closed |", keys).names_key
    assert not key_cells("| HD-0010 | Bob | HD-0009 |", keys).names_key  # keyed by another id
    assert not key_cells("| Bob | HD-0009 reopened | closed |", keys).names_key  # not the cell
    assert not key_cells("| max_connections | 64 |", frozenset({"64"})).names_key  # no id


@pytest.mark.parametrize(
    ("line", "keys", "expected"),
    [
        ("| 9 | The license has expired |", {"9"}, True),
        ("| 0 | Success |", {"9"}, False),
        ("| 19 | Nine of them |", {"9"}, False),  # a whole cell, not a part of one
        ("| `retention_days` | 30 | Days kept |", {"retention_days"}, True),
        ("| E1042 | Disk full |", {"e1042"}, True),  # folded
        ("| `max_connections` | 64 | Parallel connections |", {"64"}, False),  # a value cell
        ("| Disk full | E1042 |", {"e1042"}, False),  # the key is the first cell only
        ("| _sync_dir | ~/sync | Where files sync |", {"_sync_dir"}, True),  # "_" kept
        ("Code 9 means the license has expired.", {"9"}, False),  # not a table row
        ("| 9 | The license has expired |", set(), False),
        ("|  | 64 | raised in 2.1 |", {"64"}, False),  # an empty first cell names no key
        ("| ** ** | 64 | raised in 2.1 |", {"64"}, False),  # empty once unmarked
        ("9 | The license has expired |", {"9"}, True),  # no leading pipe
        ("9\tThe license has expired", {"9"}, True),
        ("\t64\traised in 2.1", {"64"}, False),  # a leading tab: an empty first cell
    ],
)
def test_a_row_names_a_cell_when_a_whole_cell_is_a_key(
    line: str, keys: set[str], expected: bool
) -> None:
    assert key_cells(line, frozenset(keys)).names_key is expected


def test_a_rows_table_span_is_its_tables_whole_lines() -> None:
    text = "Intro.\n\n| a | b |\n|---|---|\n| 1 | x |\n\n| c | d |\n| 2 | y |\n"
    headers = TableHeaders(text)
    first = (text.index("| a"), text.index("| 1 | x |") + len("| 1 | x |"))
    assert headers.span(text.index("| 1")) == first
    assert headers.span(text.index("| a")) == first
    assert headers.span(text.index("| 2")) == (text.index("| c"), len(text) - 1)
    assert headers.span(text.index("Intro")) is None


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "| # | Code | Meaning |\n|---|---|---|\n| 1 | `404` |  |\n| 2 | 500 | Failed |\n",
            [["#", "Code", "Meaning"], ["1", "404", ""], ["2", "500", "Failed"]],
        ),
        ("Code\tPrice\nBK-101\t12.50\n", [["Code", "Price"], ["BK-101", "12.50"]]),
        (
            "64–78 | Reserved | sysexits\n0 | Success | ok\n",
            [["64–78", "Reserved", "sysexits"], ["0", "Success", "ok"]],
        ),
    ],
)
def test_row_cells_are_every_cell_of_each_row_but_the_rule(
    text: str, rows: list[list[str]]
) -> None:
    assert row_cells(text, (0, len(text))) == rows


def test_an_escaped_pipe_is_a_pipe_of_its_cell() -> None:
    """GitHub's tables write a "|" inside a cell as `\\|`: it starts no cell of its own."""
    text = "| op | meaning |\n|---|---|\n| `a \\| b` | either |\n| x\\|y | z |\n"
    assert row_cells(text, (0, len(text))) == [["op", "meaning"], ["a | b", "either"], ["x|y", "z"]]


@pytest.mark.parametrize(
    "cells", [["a | b", "c"], ["x|y", "", "z"], ["ends in \\", "back\\|slash"], ["|", "||"]]
)
def test_a_pipe_row_reads_back_as_its_cells(cells: list[str]) -> None:
    """language.pipe_row, which the CSV and HTML readers write their rows with, escapes a
    cell's pipes so that tables.py reads the same cells back."""
    row = pipe_row(cells)
    assert row.startswith("| ") and row.endswith(" |")
    assert row_cells(row, (0, len(row))) == [cells]


def test_a_line_separator_inside_a_cell_ends_no_row() -> None:
    """str.splitlines ends a line at U+2028 or a form feed: the header row came out as two
    rows, its first cell lost. Rows end where TableHeaders ends them (\\n, \\r)."""
    text = "| a\u2028b | c\x0cd |\n|---|---|\n| 1 | 2 |"
    assert row_cells(text, (0, len(text))) == [["a\u2028b", "c\x0cd"], ["1", "2"]]


NUMBERED_TABLE = (
    "# Error codes\n\n"
    "| # | Error code | Meaning |\n"
    "|---|---|---|\n"
    "| 1 | 404 | The page was not found |\n"
    "| 2 | 500 | The server failed |\n"
)


@pytest.mark.parametrize(
    ("rows", "column"),
    [
        # a column numbering its rows 1, 2, … n under a header saying so ("#", "N°") is no key
        ([["#", "Error code"], ["1", "404"], ["2", "500"]], 1),
        ([["N°", "Code"], ["1", "E1"], ["2", "E2"]], 1),
        # one headed otherwise, or with no header, is looked up by its numbers
        ([["N°", "Rang", "Code"], ["1", "1", "E1"], ["2", "2", "E2"]], 1),
        ([["Step", "Port"], ["1", "8080"], ["2", "8081"], ["3", "9000"]], 0),
        ([["Quai", "Trajet"], ["1", "713"], ["2", "715"], ["3", "717"]], 0),
        ([["1", "404"], ["2", "500"], ["3", "503"]], 0),
        ([["1"], ["2"]], 0),
        # numbered 1, 2, … n before no column of keys, a column is the key column itself
        ([["Level", "Meaning"], ["1", "Errors only"], ["2", "Warnings"], ["3", "All"]], 0),
        ([["#", "Name", "Role"], ["1", "Ann Lee", "Lead"], ["2", "Bo Kim", "Tests"]], 0),
        # keys that are no row numbers: 0, 1, 2 …, 1 and 3, a lone row
        ([["Code", "Meaning"], ["0", "OK"], ["1", "Failed"], ["2", "Usage"]], 0),
        ([["Code", "Meaning"], ["1", "Failed"], ["3", "Usage"]], 0),
        ([["1", "Failed"]], 0),
        ([["Option", "Default"], ["--jobs", "4"], ["--depth", "8"]], 0),
        # every column numbers its rows
        ([["#"], ["1"], ["2"]], None),
        ([], None),
    ],
)
def test_a_tables_key_column_is_its_first_that_numbers_no_rows(
    rows: list[list[str]], column: int | None
) -> None:
    assert key_column(rows) == column


STEPS = "| Step | Port |\n|---|---|\n| 1 | 8080 |\n| 2 | 8081 |\n| 3 | 9000 |\n"


def test_a_lookup_reads_a_numbered_steps_column_and_the_unheld_key_rule_skips_it() -> None:
    """The two readings of a table's first keyed column differ on purpose on `| Step | Port |`
    numbered 1, 2, 3: a lookup (key_column, answering) reads the steps ("Which port does setup
    step 2 use?"); the unheld-key rule (first_unnumbered_column) skips any column counting its
    rows, so a list's numbers are never keys a table lacks."""
    rows = row_cells(STEPS, (0, len(STEPS)))
    assert key_column(rows) == 0
    assert first_unnumbered_column(rows) == 1
    headers = TableHeaders(STEPS)
    assert headers.key_column(STEPS.index("| 2 |")) == 0
    assert first_unnumbered_column([["#", "Error code"], ["1", "404"], ["2", "500"]]) == 1
    assert first_unnumbered_column([["Code", "Meaning"], ["0", "OK"], ["1", "Failed"]]) == 0


def test_a_row_is_looked_up_by_its_key_column_not_its_row_number() -> None:
    keys = frozenset({"2"})
    headers = TableHeaders(NUMBERED_TABLE)
    row = "| 2 | 500 | The server failed |"
    column = headers.key_column(NUMBERED_TABLE.index(row))
    assert column == 1
    assert key_cells(row, keys, column) == KeyCells(names_key=False, numbered_key=True)
    assert key_cells(row, frozenset({"500"}), column) == KeyCells(True, False)
    assert key_cells(row, frozenset({"500"}), column).names_key
    # the first column, by default and for prose
    assert key_cells(row, keys).names_key
    assert headers.key_column(0) == 0
    assert key_cells("| 2 | Bad usage |", keys, 0) == KeyCells(True, False)
    assert not key_cells("| 2 |", frozenset({"2"}), 3).names_key


def test_a_separator_row_is_told_as_the_former_nested_pattern_told_it() -> None:
    """language._TABLE_SEPARATOR was rewritten with no two blank quantifiers side by side (the
    former took time quadratic in a line's leading blanks: benchmarks/indented_lines_cost.py);
    it must accept exactly the lines the former accepted."""
    former = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?")
    for size in range(7):
        for letters in itertools.product(" \t|:-x", repeat=size):
            line = "".join(letters)
            assert is_table_separator(line) == (former.fullmatch(line) is not None), repr(line)
    assert not is_table_separator(" " * 100_000 + "Item 1 is stored in bay 1.")
    assert is_table_separator(" " * 100_000 + "| --- |:--:|")
