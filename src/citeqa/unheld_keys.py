"""A table lookup of a key no table holds: "What is the default of --max-size?" on a manual
whose options table has `--min-size` and `--max-depth` but no `--max-size`.

The answer layer would quote a neighbouring row (`--min-size`, at confidence .80 in session
11's user trial) or the prose around the table. Reading the evidence (the passages the answer
models would read), a question abstains here, before its candidates are ranked, when all of
these hold:

- it names a key of a known kind (keyshapes.py: an option, a setting, a number, a code) that
  the corpus never writes in a form the build stored (QuestionTerms.unwritten_keys,
  questions.Vocabulary.writes_key), so no prose speaks of it: a number after a cue word is
  looked for with its cue only ("code 42"), which no table cell writes, so for a number it is
  the tables below that decide;
- the evidence's passages hold a table looked up by keys of that kind: most of the cells of
  its key column, two at least, are of it; its key column is its first one that does not
  number its rows 1, 2, … n (`| # | Error code |` is looked up by its error codes);
- no row of those passages' tables, whole, names any of its keys, written any way
  (`keyshapes.skeleton`: `max_size` for "--max-size"), in any cell or word of a cell ("715"
  in "713/715"), or, for a number, as a range anywhere in a cell holding it ("64–78", "64 ..
  78 (reserved)", "64 à 78" for 70). A table looked up by keys that are no numbers holds no
  number: its numbers are values (`| --jobs N | 4 |`);
- for a number, no table of the evidence is open-ended: a cell of its key column standing for
  many numbers ("128+n", "4xx", "≥ 128", "100 and above": language data `open_keys`) holds
  any number, as bash's `128+n` holds exit code 143.

A key the corpus writes, even in prose only, leaves the question to the answer models, as a
name the documents never write is a paraphrase as often as a near miss when no table of its
kind is in sight (evals/README.md, session 11's identifier rule, not shipped). The reason names
the closest keys of the key columns of those tables, so the reader sees what the documents do
list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.keyshapes import cell_key, key_kind, skeleton
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank
from citeqa.tables import Rows, column_keys, first_unnumbered_column

__all__ = ["CLOSEST_NAMED", "UnheldKey", "closest", "unheld_key"]

CLOSEST_NAMED = 2
"""How many of the tables' keys the reason names as the closest to the asked one."""
NUMBER_DIGITS = 18
"""A key's number is read from its first digits only: a cell of thousands of digits is no
number Python reads at once (int() refuses over 4,300), nor one a person compares."""
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class UnheldKey:
    """The key a lookup asks that no table holds, as the question writes it, and the keys of
    its kind the evidence's tables hold that are closest to it, as the tables write them."""

    key: str
    closest: list[str]


def unheld_key(terms: QuestionTerms, hits: Sequence[Hit], bank: SentenceBank) -> UnheldKey | None:
    """The key of a table lookup that no table of the evidence (`hits`, the passages the
    answer models read) holds, nor the corpus writes; None when the question asks none."""
    if not terms.unwritten_keys:
        return None
    tables = _tables(hits, bank)
    if any(_holds(table, terms.keys) for table in tables):
        return None
    for key in terms.unwritten_keys:
        kind = key_kind(key)
        keys = [cell for table in tables if table.kind == kind for cell in table.keys]
        if kind is not None and keys:
            return UnheldKey(key, closest(key, keys))
    return None


@dataclass(frozen=True)
class _Table:
    """A table of the evidence: its rows, header row first, each the tuple of its cells
    (tables.row_cells); the kind of key it is looked up by (None for none) and those keys, as
    its key column writes them (`_key_column`); whether its key column is open-ended, a cell
    of it standing for many numbers (`_open`: "128+n", "4xx", "≥ 128"). Immutable: the bank
    keeps one for each table read (`_tables`), shared by every question after."""

    rows: Rows
    kind: str | None
    keys: tuple[str, ...]
    open: bool = False

    @classmethod
    def of(cls, rows: Sequence[Sequence[str]]) -> _Table:
        cells = _key_column(rows)
        open_ended = any(map(_open, cells))
        column = [cell_key(cell) for cell in cells]
        kind, keyed = column_keys(column)
        return cls(tuple(map(tuple, rows)), kind, tuple(keyed), open_ended)


def _tables(hits: Sequence[Hit], bank: SentenceBank) -> list[_Table]:
    """Each table that a passage of `hits` holds a row or a piece of a row of (a sentence of
    the passage starting on one of its rows: SentenceBank.table_holding, so a row cut longer
    than a chunk counts in each of its chunks), the whole table read (the rows outside the
    passage too), each table once. A sentence is read where it starts, as answering reads it:
    a shell line continued into '| grep x | sort' starts on no row, so it is no table.
    Each table's `_Table` is read once while the bank keeps its document's tables
    (SentenceBank.read_table, by the table's place): the same tables are in the evidence of
    question after question."""
    spans = dict.fromkeys(
        table
        for hit in hits
        for index in bank.in_chunk(hit.chunk)
        if (table := bank.table_holding(index)) is not None
    )
    return [read for span in spans if (read := bank.read_table(span, _Table.of)) is not None]


def _holds(table: _Table, keys: Iterable[str]) -> bool:
    """Whether a row of the table names one of the question's `keys`, in any of its cells
    (`_names`), or the table is open-ended and one of them is a number (`_open`: "128+n"
    holds 143). A table looked up by keys that are no numbers holds no number: its numbers
    are values (`| --jobs N | 4 |` holds no exit code 4)."""
    numbers = table.kind is None or all(map(str.isdigit, table.keys))
    asked = {skeleton(key) for key in keys if numbers or not key.isdigit()}
    if table.open and any(key.isdigit() for key in asked):
        return True
    return bool(asked) and any(_names(cell, asked) for row in table.rows for cell in row)


_CELL_WORDS = re.compile(r"[\s,;=()\[\]`*/+]+")
"""What separates the words of a cell, each of which may be a key: `-j, --jobs N`,
`--max-size=SIZE`, "65 is bad input data", "713/715" (two trips sharing a row), "128+15".
Not ":" nor ".": a time (12:42) or a price (42.00) names no 42."""
_WORD_END = ".:!?"
"""Punctuation after a word of a cell, left out before its kind is read ("65." or "E1042:")."""


def _names(cell: str, asked: set[str]) -> bool:
    """Whether a cell names one of the `asked` keys (their skeletons): whole, by one of its
    words shaped as a key (`keyshapes.key_kind`: "--jobs" in `-j, --jobs N`, "65" in "65 is
    bad input data", "715" in "713/715", not "jobs" in "Parallel jobs"), or, for a number, by
    a range anywhere in it that holds it ("64–78", "64 .. 78 (reserved)", "64 à 78" for 70)."""
    words = (word.rstrip(_WORD_END) for word in _CELL_WORDS.split(cell))
    if skeleton(cell) in asked or any(
        skeleton(word) in asked for word in words if key_kind(word) is not None
    ):
        return True
    numbers = [_number(key) for key in asked if key.isdigit()]
    return bool(numbers) and any(
        low <= number <= high for low, high in _ranges(cell) for number in numbers
    )


@cache
def _range_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in language_data().range_words)
    dash = r"\s*(?:[-–—]|\.\.)\s*"
    joint = rf"{dash}|\s+(?:{words})\s+" if words else dash
    number = rf"(\d{{1,{NUMBER_DIGITS}}})"
    # neither end is part of a longer number, a code, a version or a date (E64-78, 1.64,
    # 2024-03-12)
    alone = r"(?<![\w.\-–—/])"
    return re.compile(rf"{alone}{number}(?:{joint}){number}(?![\w.]*\d|[-–—/]\d)")


def _ranges(cell: str) -> Iterable[tuple[int, int]]:
    """The ends of each range of numbers a cell writes, anywhere in it ("64-78", "64 – 78
    (reserved)", "64..78", "64 to 78", "64 à 78": language data `range_words`), lowest
    first."""
    for found in _range_pattern().finditer(fold(cell)):
        low, high = sorted((int(found.group(1)), int(found.group(2))))
        yield low, high


@cache
def _open_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in language_data().open_keys)


def _open(cell: str) -> bool:
    """Whether a cell of a key column stands for many numbers (language data `open_keys`:
    "128+n", "4xx", "≥ 128", "100 and above")."""
    folded = fold(cell)
    return any(pattern.search(folded) for pattern in _open_patterns())


def _key_column(table: Sequence[Sequence[str]]) -> list[str]:
    """The cells of a table's key column for this rule, header included: its first column that
    does not number its rows (tables.first_unnumbered_column; a `| # | Step |` list numbered
    1, 2, 3 is no table looked up by numbers, so it holds no number nor names a closest one);
    [] when every column numbers rows."""
    column = first_unnumbered_column(table)
    return [] if column is None else [row[column] for row in table if column < len(row)]


def closest(key: str, keys: list[str]) -> list[str]:
    """The CLOSEST_NAMED of `keys` nearest `key`, each once: those whose letters are most
    alike first (rapidfuzz's ratio over the skeletons without their digits), then those whose
    number is nearest ("BK-110" before "BK-101" for "BK-115"; 7 before 3 for 6), then the most
    alike whole."""
    asked = skeleton(key)

    def distance(cell: str) -> tuple[float, int, float]:
        held = skeleton(cell)
        letters = fuzz.ratio(_DIGITS.sub("", asked), _DIGITS.sub("", held))
        return -letters, abs(_number(held) - _number(asked)), -fuzz.ratio(asked, held)

    return sorted(dict.fromkeys(keys), key=distance)[:CLOSEST_NAMED]


def _number(skeleton_: str) -> int:
    """The number a key's skeleton writes, its digits read together (0 for none)."""
    digits = "".join(_DIGITS.findall(skeleton_))[:NUMBER_DIGITS]
    return int(digits) if digits else 0
