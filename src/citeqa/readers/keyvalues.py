"""Key/value tables: a two-column table of labels and their values ("Party | Acme Ltd",
"Start date | 1 March 2026"), with no header row (for readers/docx.py).

A contract's or a form's facts are often laid out so. Written as a pipe table, its first row
became the header ("| Client | Boulangeries Martin |" over the rule) and no record: "Qui est
le client du contrat ?" quoted the Référence row (session 22). The reader now writes that
first row as the header and as the first record too, so every row is read and quoted as one.
"Label: value" lines, a paragraph each, were tried and read worse: a short line is quoted
with the label lines above it (quoting.py), and 3 of 4 questions on the s22 probe contract
quoted the wrong field, where the table with its first row repeated answered all 4.

A table is one (`is_key_value`) when it has two columns and each row's first cell is a label
(a few words, no digit, no sentence's end, each once) and what the document says of it does:
its labels end with a colon, or its reader found them set apart (bold in every row where
the values are not), or, with three rows or more, its value cells below the first row are of
two kinds or more (a code, a date, an amount: data/key_value_tables.json), where a header's
column holds values of one kind ("Price": 10, 25, 40). A first row the document marks as a
header (a row repeated at each page's top) makes it a table under a header, and so does, for
values of mixed kinds, a first row whose value cell names a column (`_names_a_column`: "Product
| Price" over "Coffee | 3.00 €", "Water | free"; review B, s23: the header row was quoted as a
record), as labels ending with a colon or set apart in bold do not let it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from citeqa.jsonfiles import data_json

_SENTENCE_END = re.compile(r"[.!?]\s*$")
_DIGIT = re.compile(r"\d")
_COLON = re.compile(r":\s*$")


@dataclass(frozen=True)
class TableMarks:
    """What a reader saw of a two-column table's formatting."""

    header_row: bool = False
    """Its first row is marked as a header (Word: repeated at the top of each page)."""
    labels_set_apart: bool = False
    """Its first column's cells are bold in every row, its second column's not all."""


@functools.cache
def _shapes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = data_json("key_value_tables.json")
    shapes = data["value_shapes"].items()
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in shapes)


@functools.cache
def _label_words_max() -> int:
    return int(data_json("key_value_tables.json")["label_words_max"])


def value_kind(cell: str) -> str:
    """The kind of value a cell holds (data/key_value_tables.json's value_shapes): the first
    that matches, else "text" without a digit, else "other"."""
    for kind, pattern in _shapes():
        if pattern.search(cell):
            return kind
    return "other" if _DIGIT.search(cell) else "text"


def is_key_value(rows: Sequence[Sequence[str]], marks: TableMarks = TableMarks()) -> bool:
    """Whether `rows` (each a row's cells, two a row) are a key/value table (module
    docstring)."""
    if marks.header_row or len(rows) < 2 or any(len(row) != 2 for row in rows):
        return False
    labels = [row[0].strip() for row in rows]
    if not all(_is_label(label) for label in labels) or len(set(labels)) < len(labels):
        return False
    if all(_COLON.search(label) for label in labels) or marks.labels_set_apart:
        return True
    kinds = {value_kind(row[1]) for row in rows[1:] if row[1].strip()}
    return len(rows) >= 3 and len(kinds) >= 2 and not _names_a_column(rows)


def _names_a_column(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the first row's value cell is a column's name (its last word one of
    data/key_value_tables.json's header_words, at most three words, no digit), unlike every
    value under it."""
    name = _COLON.sub("", rows[0][1]).strip().lower()
    words = name.split()
    if not 0 < len(words) <= 3 or _DIGIT.search(name):
        return False
    values = {row[1].strip().lower() for row in rows[1:]}
    return words[-1] in _header_words() and name not in values


@functools.cache
def _header_words() -> frozenset[str]:
    return frozenset(data_json("key_value_tables.json")["header_words"])


def _is_label(cell: str) -> bool:
    """A label: one to `label_words_max` words, no digit, no sentence's end."""
    words = cell.split()
    return (
        0 < len(words) <= _label_words_max()
        and not _DIGIT.search(cell)
        and not _SENTENCE_END.search(cell)
    )
