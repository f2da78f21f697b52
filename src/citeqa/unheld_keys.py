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
from dataclasses import dataclass, field
from functools import cache, cached_property

from rapidfuzz import fuzz

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.keyshapes import cell_key, cell_lettered_key, key_kind, line_skeletons, skeleton
from citeqa.lettered_closest import asked_as, of_its_kind
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank
from citeqa.tables import column_keys, columns, counts_rows, first_unnumbered_column
from citeqa.value_ranges import (
    Amount,
    asked_amounts,
    holds_any,
    joined,
    may_hold_amount,
    units_written,
)

__all__ = ["CLOSEST_NAMED", "UnheldKey", "closest", "evidence_tables", "unheld_key"]

CLOSEST_NAMED = 2
"""How many of the tables' keys the reason names as the closest to the asked one."""
NUMBER_DIGITS = 18
"""A key's number is read from its first digits only: a cell of thousands of digits is no
number Python reads at once (int() refuses over 4,300), nor one a person compares."""
CLOSEST_MAGNITUDE = 100
"""How many times larger or smaller than a number asked a key held may be and still be named
as close to it: exit status 80 names codes 2 and 1, "20222" no week 14 of a rota (s25 hostile
probe); a key of another table is often of another magnitude."""
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
    if not terms.keys:
        return None
    tables = _tables(hits, bank)
    beyond = _beyond_count(terms, tables)
    if beyond is not None or not terms.unwritten_keys:
        return beyond
    asked, amounts = _Asked.of(terms.keys), asked_amounts(terms.focus)
    if any(
        _holds(table, asked) or (amounts and holds_any(table.bounded_cells, amounts))
        for table in tables
    ):
        return None
    cues = dict(reversed(terms.typed_keys))  # each key's word before it, its first as typed
    for key in terms.unwritten_keys:
        unheld = _unheld(key, cues.get(key, ""), tables, _unit_of(key, amounts))
        if unheld is not None:
            return unheld
    return None


def _unheld(key: str, before: str, tables: Sequence[_Table], unit: str | None) -> UnheldKey | None:
    """A `key` no table holds, asked after the word `before` (and with a `unit`, or None),
    written as asked with the closest keys of its kind the `tables` hold (lettered_closest:
    "Bus 14 B" is written so and named beside the buses, not a class table's "4e A"); None
    when it is of no kind or no table is looked up by keys of its kind."""
    kind = key_kind(key)
    held = [
        (cell, table.key_header)
        for table in tables
        if table.kind == kind and (unit is None or unit in table.key_units)
        for cell in table.keys
    ]
    if kind is None or not held:
        return None
    keys = of_its_kind(key, before, held)
    return UnheldKey(asked_as(key, before), closest(key, _of_its_magnitude(key, keys)))


def _unit_of(key: str, amounts: Sequence[Amount]) -> str | None:
    """The unit the question writes `key` with when it is an amount ("750 €": "€"): such a
    key is compared only with a key column writing its unit (`_Table.key_units`; s32 trial:
    "750 €" named a price list's durations "50, 30" as the closest)."""
    return next((a.unit for a in amounts if key.isdigit() and a.number == int(key)), None)


def _of_its_magnitude(key: str, keys: list[str]) -> list[str]:
    """The `keys` a reason may name as close to a number `key`: those of its magnitude (less
    than CLOSEST_MAGNITUDE times larger or smaller) and those that are no numbers. s25 hostile
    probe: "volunteers in 20222" named a rota's weeks 14 and 13 as the closest."""
    asked = skeleton(key)
    if not asked.isdigit():
        return keys
    number = _number(asked)
    return [cell for cell in keys if _near(number, skeleton(cell))]


def _near(number: int, held: str) -> bool:
    """Whether a key held (its skeleton) is no number, or one of `number`'s magnitude."""
    other = _number(held)
    return not held.isdigit() or (
        number < other * CLOSEST_MAGNITUDE and other < number * CLOSEST_MAGNITUDE
    )


def _beyond_count(terms: QuestionTerms, tables: Sequence[_Table]) -> UnheldKey | None:
    """A number the question asks after a cue word ("semaine 53", "week 0") that the corpus
    never writes so, when a table of the evidence counts its rows 1, 2, … n in a column headed
    by that very word (`| semaine | du | au | titulaire |`, weeks 1 to 52) and n is below the
    number: the table the question names by its column lists no such row. A counting column is
    no key column for the rule above (a `| # | Step |` list's numbers are no keys), but one
    the question names by its header is the one it looks the number up in (session 20's
    on-call sheet: "Qui est d'astreinte la semaine 53 ?" quoted a budget row). Any other
    table's cells do not matter (a budget's 53 minutes is no week 53), unless one lists the
    number under a column headed by the cue too (`_Table.under`). A number the corpus writes
    after its cue (QuestionTerms.uncued_numbers: "La semaine 53 de 2026 est d'astreinte pour…",
    in a note) is answered there, not abstained on (review of 2d0ed07)."""
    if not any(table.counted_by for table in tables):
        return None  # no table counts its rows under a header: the question's words unread
    for word, cue in terms.typed_keys:
        cued = fold(cue).strip()
        if not word.isdigit() or not cued or word not in terms.uncued_numbers:
            continue
        counting = [table for table in tables if table.counted_by == cued]
        if not counting or any(word in table.column(cued) for table in tables):
            continue
        return UnheldKey(word, closest(word, [cell for t in counting for cell in t.counted]))
    return None


@dataclass(frozen=True)
class _Table:
    """A table of the evidence, as `_holds` reads it: the kind of key it is looked up by (None
    for none) and those keys, as its key column writes them (`_key_column`); whether its key
    column is open-ended, a cell of it standing for many numbers (`_open`: "128+n", "4xx",
    "≥ 128"); its rows, whose cells are read for what they name (`names_any`) and the ranges of
    numbers they write (`ranges`) only when a question asks, and then only in the rows that
    may (s26 hostile probe: reading what each of 430,000 cells of an 858 KB table names cost
    every answer quoting one of its rows 2 s). Immutable, the bank keeps one for each table
    read (`_tables`, while it keeps the table's document's tables), shared by every question
    after; what a question reads of it is kept with it (`cached_property`)."""

    kind: str | None
    keys: tuple[str, ...]
    open: bool = False
    counted_by: str = ""
    """The header, folded, of its first column counting its rows 1, 2, … n (tables.counts_rows)
    when that column has one ("semaine"); "" for none."""
    counted: tuple[str, ...] = ()
    """That column's numbers, its header left out."""
    rows: tuple[tuple[str, ...], ...] = field(default=(), repr=False)
    key_header: str = ""
    """Its key column's header ("Bus" over "12 A"): the cue word its class or group keys may
    be written after (lettered_closest.py)."""

    @cached_property
    def key_units(self) -> frozenset[str]:
        """The units its key column writes, header included (value_ranges.units_written); read
        only when a key asked writes a unit (`unheld_key`)."""
        return units_written(" ".join(_key_column(self.rows)))

    @cached_property
    def bounded_cells(self) -> tuple[tuple[str, str], ...]:
        """Its cells, each with its column's header, that may hold an amount a question asks
        (value_ranges.may_hold_amount: a number, a unit in the cell or its header, a range's
        joint or a bound's word; value_ranges.holds_amount reads them); read once a table."""
        headers = self.rows[0] if self.rows else ()
        with_unit = [bool(units_written(header)) for header in headers]
        return tuple(
            (cell, headers[at] if number and at < len(headers) else "")
            for number, row in enumerate(self.rows)
            for at, cell in enumerate(row)
            if may_hold_amount(cell, bool(number) and at < len(headers) and with_unit[at])
        )

    @cached_property
    def under(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Each column's header folded, with its cells: what a number after a cue word naming
        a column may be looked up in (`_beyond_count`)."""
        return _columns(self.rows)

    @cached_property
    def ranges(self) -> tuple[tuple[int, int], ...]:
        """The ranges of numbers its cells write (`_ranges`), each once; read over its cells
        joined by " | ", which no range runs across, as one text instead of cell by cell."""
        return tuple(dict.fromkeys(_ranges(_joined(map(_joined, self.rows)))))

    @cached_property
    def _row_skeletons(self) -> list[str]:
        """Each row's cells joined, as a skeleton (keyshapes.skeleton, read letter by letter):
        what any name of one of its cells (`_cell_names`) is a piece of. Read for all rows at
        once (keyshapes.line_skeletons: a row's cells hold no line end)."""
        return line_skeletons("\n".join(map(" ".join, self.rows)))

    def names_any(self, keys: frozenset[str]) -> bool:
        """Whether a cell of a row names one of `keys` (skeletons), whole or by one of its
        words (`_cell_names`); only the rows whose skeleton holds one of them are read cell
        by cell."""
        return any(
            any(key in whole for key in keys)
            and not keys.isdisjoint(name for cell in row for name in _cell_names(cell))
            for row, whole in zip(self.rows, self._row_skeletons, strict=True)
        )

    def column(self, header: str) -> frozenset[str]:
        """The cells of its first column headed `header` (folded); none when it has none."""
        return next((cells for name, cells in self.under if name == header), frozenset())

    @classmethod
    def of(cls, rows: Sequence[Sequence[str]]) -> _Table:
        cells = _key_column(rows)
        kind, keyed = _held_keys(cells)
        counted = _counting_column(rows)
        return cls(
            kind,
            tuple(keyed),
            open=any(map(_open, cells)),
            counted_by=fold(counted[0]).strip() if counted else "",
            counted=tuple(counted[1:]),
            rows=tuple(tuple(row) for row in rows),
            key_header=cells[0].strip() if cells else "",
        )

    def holds_numbers(self) -> bool:
        """Whether a number asked may be one of its keys: a table looked up by keys that are
        no numbers holds no number, its numbers are values (`| --jobs N | 4 |`)."""
        return self.kind is None or all(map(str.isdigit, self.keys))


@dataclass(frozen=True)
class _Asked:
    """The keys a question names, as `_holds` reads them, built once a question: the
    skeletons (keyshapes.skeleton) of all of them and the numbers those write (`every`,
    `numbers`), and the same of those that are no numbers as typed (`words`, `word_numbers`),
    all a table looked up by other keys may hold."""

    every: frozenset[str]
    numbers: tuple[int, ...]
    words: frozenset[str]
    word_numbers: tuple[int, ...]

    @classmethod
    def of(cls, keys: Iterable[str]) -> _Asked:
        typed = list(keys)
        every = frozenset(skeleton(key) for key in typed)
        words = frozenset(skeleton(key) for key in typed if not key.isdigit())
        return cls(every, _numbers(every), words, _numbers(words))


def _held_keys(cells: Sequence[str]) -> tuple[str | None, list[str]]:
    """The kind of key a key column's `cells` are (tables.column_keys) and those of that kind:
    each cell's keyshapes.cell_key (`--min-size` of `--min-size SIZE`), or a class or group
    key it ends with ("12 A" of "Bus 12 A": keyshapes.cell_lettered_key), that cell written
    whole (s43: a bus table's "Bus 12 A" was no key, so "Bus 14 B" named a class table's)."""
    typed = [_typed_key(cell) for cell in cells]
    kind, _ = column_keys(typed)
    if kind is None:
        return None, []
    whole = kind == "lettered"
    return kind, [
        cell.strip() if whole else key
        for cell, key in zip(cells, typed, strict=True)
        if key_kind(key) == kind
    ]


def _typed_key(cell: str) -> str:
    """The key a key column's cell writes (keyshapes.cell_key), or, when that is of no kind, the
    class or group key it ends with ("Bus 12 A": "12 A")."""
    key = cell_key(cell)
    if key_kind(key) is not None:
        return key
    return cell_lettered_key(cell) or key


def _numbers(skeletons: frozenset[str]) -> tuple[int, ...]:
    """The numbers of the `skeletons` that are numbers (`_number`: their first digits)."""
    return tuple(_number(key) for key in skeletons if key.isdigit())


def _tables(hits: Sequence[Hit], bank: SentenceBank) -> list[_Table]:
    """Each table that a passage of `hits` holds a row or a piece of a row of (a sentence of
    the passage starting on one of its rows: SentenceBank.table_holding, so a row cut longer
    than a chunk counts in each of its chunks), the whole table read (the rows outside the
    passage too), each table once. A sentence is read where it starts, as answering reads it:
    a shell line continued into '| grep x | sort' starts on no row, so it is no table.
    Each table's `_Table` is read once while the bank keeps its document's tables
    (SentenceBank.read_table, by the table's place): the same tables are in the evidence of
    question after question."""
    spans = evidence_tables(hits, bank)
    return [read for span in spans if (read := bank.read_table(span, _Table.of)) is not None]


def evidence_tables(hits: Sequence[Hit], bank: SentenceBank) -> list[tuple[str, int, int]]:
    """Each table (its document and span, SentenceBank.table_holding) a passage of `hits`
    holds a row or a piece of a row of, once, in the passages' order."""
    return list(
        dict.fromkeys(
            table
            for hit in hits
            for index in bank.in_chunk(hit.chunk)
            if (table := bank.table_holding(index)) is not None
        )
    )


def _holds(table: _Table, asked: _Asked) -> bool:
    """Whether a row of the table names one of the question's keys (`asked`), in any of its
    cells (`_cell_names`, or a range of numbers holding it: `_ranges`), or the table is
    open-ended and one of them is a number (`_open`: "128+n" holds 143). A table looked up by
    keys that are no numbers holds no number (`_Table.holds_numbers`: `| --jobs N | 4 |` holds
    no exit code 4)."""
    if table.holds_numbers():
        keys, numbers = asked.every, asked.numbers
    else:
        keys, numbers = asked.words, asked.word_numbers
    if table.open and numbers:
        return True
    return table.names_any(keys) or (
        bool(numbers)
        and any(low <= number <= high for low, high in table.ranges for number in numbers)
    )


_CELL_WORDS = re.compile(r"[\s,;=()\[\]`*/+]+")
"""What separates the words of a cell, each of which may be a key: `-j, --jobs N`,
`--max-size=SIZE`, "65 is bad input data", "713/715" (two trips sharing a row), "128+15".
Not ":" nor ".": a time (12:42) or a price (42.00) names no 42."""
_WORD_END = ".:!?"
"""Punctuation after a word of a cell, left out before its kind is read ("65." or "E1042:")."""


def _joined(cells: Iterable[str]) -> str:
    """Cells as one text, joined by " | ": a range of numbers (`_ranges`) runs across no
    pipe, nor does a number end or start at one."""
    return " | ".join(cells)


def _cell_names(cell: str) -> set[str]:
    """The keys a cell names, as skeletons: itself whole, and each of its words shaped as a
    key (`keyshapes.key_kind`: "--jobs" in `-j, --jobs N`, "65" in "65 is bad input data",
    "715" in "713/715", not "jobs" in "Parallel jobs"), and a class or group it ends with
    ("12 A" in "Bus 12 A": keyshapes.cell_lettered_key). A number may also be named by a range
    anywhere in a cell that holds it (`_ranges`: "64–78", "64 .. 78 (reserved)", "64 à 78")."""
    words = (word.rstrip(_WORD_END) for word in _CELL_WORDS.split(cell))
    lettered = cell_lettered_key(cell)
    named = {skeleton(cell)} | {skeleton(w) for w in words if key_kind(w) is not None}
    return named | {skeleton(lettered)} if lettered else named


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
    first; its digit groups joined (value_ranges.joined: "601 à 1 000" was read 1 to 601,
    s32 trial)."""
    for found in _range_pattern().finditer(joined(fold(cell))):
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


def _columns(table: Sequence[Sequence[str]]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each column's header folded, with its cells but its header, stripped."""
    if not table:
        return ()
    return tuple(
        (fold(header).strip(), frozenset(row[at].strip() for row in table[1:] if at < len(row)))
        for at, header in enumerate(table[0])
    )


def _counting_column(table: Sequence[Sequence[str]]) -> list[str]:
    """The cells of a table's first column that counts its rows 1, 2, … n under a header
    (tables.counts_rows), header first; [] for none."""
    for cells in columns(table):
        if len(cells) > 1 and cells[0].strip() and counts_rows(cells[1:]):
            return cells
    return []


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
