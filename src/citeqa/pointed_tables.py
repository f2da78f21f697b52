"""Owns which of several tables keyed alike a question looks a row up in: "Qui entraîne les U15 ?"
of a club's folder holding both its fees (tarifs-licences.csv: "| U15 | 2012-2013 | 150 € |
tenue complète |") and its training schedule (planning-entrainements.csv: "| U15 | jeudi |
18h00-19h30 | terrain honneur | Nadia Ferreira |") asks the schedule, whose file name writes
"entraînements" (s58 trial: the fees row was quoted, the ranker reading the key alike in both).

A table points at a question by the question's words its name writes: its document's title and
path, and its header row ("équipement" of "équipement inclus" for "Quel équipement est inclus
pour les U9 ?"), in any form (lexical.content_word_terms: "entraîne" of "entraînements"). When
the first candidate that is a table row has a key cell (tables.key_cell) whose words the
question writes and whose table points at none of the question's other words, a candidate
row of another table whose key cell is the same, in a table pointing at some, is the row asked,
in its place: the most pointing such row. A table pointing at one word already may be the one
asked however many another points at: "What does rangeur exit code 30 mean?" asks the rangeur
tool's table of codes, not the "driftsync: exit codes" table (the gen set "tables", dev). No
I/O.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.lexical import content_word_terms, written_terms
from citeqa.models import Document, Hit
from citeqa.sentences import SentenceBank
from citeqa.tables import Rows, key_cell, lookup_column
from citeqa.unheld_keys import evidence_tables

__all__ = ["UnpointedKey", "pointed_row", "unpointed_key"]

MOST_KEYS_NAMED = 6
"""The most key cells of the table pointed at a refusal names (its first rows')."""


class UnpointedKey(NamedTuple):
    """A key looked up in a table other than the one the question points at, which lacks it."""

    key: str
    """The key cell as the quoted row writes it ("U7")."""
    title: str
    """The title of the document of the table pointed at ("planning-entrainements")."""
    keys: tuple[str, ...]
    """That table's key cells, as it writes them, its first MOST_KEYS_NAMED."""
    more: bool = False
    """Whether that table has more key cells than those."""


def pointed_row(bank: SentenceBank, rows: Sequence[int], question: str) -> tuple[int, int] | None:
    """The positions among `rows` (candidate sentence numbers, best first) of the first table
    row whose key cell the question writes, and of the row of the table the question points
    at instead (module docstring); None when no row is keyed by a cell the question writes, its
    table points at a word of the question, or no other table keyed alike points at one."""
    words = content_word_terms(question)
    written = frozenset().union(*(terms for _, terms in words))
    first = next((n for n, row in enumerate(rows) if _keyed_by(bank, row, written)), None)
    lookup = None if first is None else _lookup(bank, rows[first], words)
    if first is None or lookup is None:
        return None
    most, found = 0, None
    for position in range(first + 1, len(rows)):
        other = bank.table_of(rows[position])
        if other is None or other == lookup.table or _key(bank, rows[position]) != lookup.key:
            continue
        pointing = _pointing(bank, rows[position], lookup.asked)
        if pointing > most:
            most, found = pointing, position
    return None if found is None else (first, found)


def unpointed_key(
    bank: SentenceBank,
    row: int,
    question: str,
    hits: Sequence[Hit],
    name_terms: Mapping[str, frozenset[str]],
) -> UnpointedKey | None:
    """The key of the quoted `row` when the question writes it, the row's table points at none
    of the question's other words, and a table keyed alike (a key cell of both tables the
    same) points at some (module docstring) but has no row of that key: "Qui entraîne les U7
    ?" quoted the fees table's U7 row, the training schedule having none; None otherwise.
    The tables read are those of the passages read (`hits`) and the first of each document
    (NAMED_DOCUMENTS at most) whose name writes one of those words (`name_terms`: each
    document's, FolderFacts.name_terms)."""
    words = content_word_terms(question)
    if not _keyed_by(bank, row, frozenset().union(*(terms for _, terms in words))):
        return None
    lookup = _lookup(bank, row, words)
    held = None if lookup is None else _table_keys(bank, lookup.table)
    if lookup is None or held is None:
        return None
    table, asked = lookup.table, lookup.asked
    for span in _tables_read(bank, hits, _named(name_terms, asked, table[0])):
        other = None if span == table else _table_keys(bank, span)
        if other is None or not {_folded(k) for k in other.keys} & {_folded(k) for k in held.keys}:
            continue
        if lookup.key in {_folded(cell) for cell in other.keys}:
            return None  # held where pointed at: pointed_row quotes it
        if _name_pointing(bank.documents[span[0]], " ".join(other.header), asked):
            written = key_cell(bank.text(row), bank.key_column(row)).strip()
            title = bank.documents[span[0]].title
            more = len(other.keys) > MOST_KEYS_NAMED
            return UnpointedKey(written, title, other.keys[:MOST_KEYS_NAMED], more)
    return None


class _Lookup(NamedTuple):
    """A row looked up by its key cell, in a table pointing at none of the question's words."""

    key: str
    """The row's key cell, folded (`_key`)."""
    asked: list[frozenset[str]]
    """The terms of each of the question's other words (those its key cell does not write)."""
    table: tuple[str, int, int]
    """The row's table, as SentenceBank.table_of gives it."""


def _lookup(
    bank: SentenceBank, row: int, words: Sequence[tuple[str, frozenset[str]]]
) -> _Lookup | None:
    """The lookup of the table row `row` by its key cell, the question's content words being
    `words` (lexical.content_word_terms); None for no row, or one whose table points at one of
    the question's other words (`_pointing`): the table asked, maybe."""
    table = bank.table_of(row)
    if table is None:
        return None
    key = _key(bank, row)
    key_terms = written_terms(key)
    asked = [terms for _, terms in words if not terms & key_terms]
    return None if _pointing(bank, row, asked) else _Lookup(key, asked, table)


NAMED_DOCUMENTS = 8
"""The most documents named by a question's words whose first table `unpointed_key` reads."""
FIRST_ROW_REACH = 200
"""The most sentences of a document read for its first table row."""


def _named(
    name_terms: Mapping[str, frozenset[str]], asked: Sequence[frozenset[str]], own: str
) -> list[str]:
    """The ids of the documents but `own` whose name writes one of the `asked` words, the
    first NAMED_DOCUMENTS."""
    if not asked:
        return []
    wanted = frozenset().union(*asked)
    named = (doc_id for doc_id, terms in name_terms.items() if doc_id != own and terms & wanted)
    return list(itertools.islice(named, NAMED_DOCUMENTS))


def _tables_read(
    bank: SentenceBank, hits: Sequence[Hit], named: Sequence[str]
) -> list[tuple[str, int, int]]:
    """The tables of the passages read (unheld_keys.evidence_tables), then the first table of
    each `named` document, once each."""
    firsts = (_first_table(bank, doc_id) for doc_id in named)
    found = [*evidence_tables(hits, bank), *(table for table in firsts if table is not None)]
    return list(dict.fromkeys(found))


def _first_table(bank: SentenceBank, doc_id: str) -> tuple[str, int, int] | None:
    """The first table of the document (SentenceBank.table_of of its first row among its
    first FIRST_ROW_REACH sentences), or None."""
    numbers, _ = bank.sentences.in_document(doc_id)
    tables = (bank.table_of(number) for number in numbers[:FIRST_ROW_REACH])
    return next((table for table in tables if table is not None), None)


class _TableKeys(NamedTuple):
    """A table's header row's cells and its key cells, as it writes them."""

    header: tuple[str, ...]
    keys: tuple[str, ...]


def _table_keys(bank: SentenceBank, table: tuple[str, int, int]) -> _TableKeys | None:
    """The header row's cells and the key cells of `table` (as SentenceBank.table_of gives
    it), read once a table while the bank keeps it; None for a table of fewer than two rows
    under its header."""
    return bank.read_table(table, _read_keys)


def _read_keys(rows: Rows) -> _TableKeys | None:
    """`_table_keys` of a table's `rows`, its header row first."""
    if len(rows) < 3:
        return None
    column = lookup_column(rows)
    cells = (row[column].strip() for row in rows[1:] if column < len(row))
    return _TableKeys(tuple(rows[0]), tuple(cell for cell in cells if cell))


def _folded(cell: str) -> str:
    """A cell folded, its blanks collapsed: two tables' keys compared."""
    return " ".join(fold(cell).split())


def _keyed_by(bank: SentenceBank, row: int, written: frozenset[str]) -> bool:
    """Whether the sentence `row` is a table row whose key cell's terms the question writes
    (`written`: its terms), every one."""
    if bank.table_of(row) is None:
        return False
    terms = written_terms(_key(bank, row))
    return bool(terms) and terms <= written


def _key(bank: SentenceBank, row: int) -> str:
    """The row's key cell, folded, its blanks collapsed."""
    return _folded(key_cell(bank.text(row), bank.key_column(row)))


def _pointing(bank: SentenceBank, row: int, asked: Sequence[frozenset[str]]) -> int:
    """How many of the `asked` words (each its terms) the name of the row's table writes: its
    document's title and id, and its header row."""
    header = bank.table_header(row)
    document = bank.documents[bank.sentences[row].doc_id]
    return _name_pointing(document, "" if header is None else bank.text(header), asked)


def _name_pointing(document: Document, header: str, asked: Sequence[frozenset[str]]) -> int:
    """How many of the `asked` words the document's title and id and a table's `header` write."""
    terms = written_terms(f"{document.title} {document.doc_id} {header}", dates=False)
    return sum(1 for alternatives in asked if alternatives & terms)
