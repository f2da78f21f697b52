"""Tables whose records are their columns: a comparison table's shape, read from its cells alone.

Many tables put one record per column: a slide comparing studies or products, a report's table
of years whose rows hold values of several kinds (a name, a count, a date). Their first column
names the fields ("Produit", "Efficacité", "Patients"), their header row the records ("Study
A", "Study B", "2024"), and a cell is the value of its row's field for its column's record. A
table of numbers alone ("Adhérents" 120, 134 and "Budget" 12 000 €, 14 500 € under 2023, 2024)
is as alike down its columns as along its rows and is not told: it is read as records by rows.
A header of years or codes would not tell it apart either: a score sheet's "J1", "J2" head
columns of numbers whose rows are teams, records (s29 review B).

The row checks read a row as one record (unheld_cells.py), and would call the "Efficacy" row
"of" its last cell; the answer step (record_cells.py) quotes the asked field's row up to the
asked record's cell instead.

A table (its rows as tables.table_of reads them) of MAX_ROWS rows at most is one of records
by columns when:
- a row names MIN_RECORDS records or more past its first column (`record_row`: the first such;
  rows above it hold nothing past their first cell, a title such as "Comparatif des offres"), its
  filled cells all different;
- MIN_FIELDS rows or more below it hold values past their first column (a note under the
  table, one cell long, is none), each labelled by its first cell: filled, with a letter, at
  most LABEL_WORDS words, the labels all different, few holding a digit (a date, an id or an
  amount opens a record's row, not a field's);
- its values are alike along its rows rather than down its columns (`_alike`: each filled cell
  a number, a code or words, `value_kind`): a field holds one kind of value whatever the record
  ("n": 27, 21, 8), a record many (A-12, 27, "contrat annuel"); a table of people, where each
  column holds one kind and each row many, is one of records by rows. The share of a row's or a
  column's cells of its commonest kind, averaged over the rows and over the columns, must be
  higher along the rows by SHAPE_MARGIN, or at all when the header row's first cell is empty
  (the blank corner of a two-way table: its first column labels its rows). A cell of no letter
  or digit ("-") is no value, and a row whose values are one value repeated ("absent",
  "absent", "absent": `_placeholder_row`) is left out: one such row of words among rows of
  marks or goals made a table of pupils or players read as records by columns.
No word list: the shape alone decides, whatever the language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal, NamedTuple

__all__ = ["RecordColumns", "record_columns", "value_kind"]

MIN_RECORDS = 2
"""The fewest records (filled cells past the first column) a table's record row names."""
MIN_FIELDS = 2
"""The fewest rows of fields (holding values past their first column) below the record row."""
MAX_ROWS = 60
"""The most rows (title, records, fields and notes) of a table of records by columns: a table
compares a few records on a few dozen fields at most, and a longer one lists its records by
rows (an export of 10,000 claims is not read for its shape: benchmarks/unheld_cell_cost.py)."""
LABEL_WORDS = 6
"""The most words a field's label holds ("Suivi à 12 mois", "Taux de réponse"): a longer first
cell is a record's own text."""
DIGIT_LABELS = 0.25
"""The largest share of a table's field labels that may hold a digit ("CD19 count")."""
SHAPE_MARGIN = 0.25
"""How much more alike along its rows than down its columns a table's values must be to read
as records by columns when its header row's first cell is filled (`_alike`)."""
UNIT_LETTERS = 3
"""The most letters beside its digits of a cell read as a number ("12 mg", "10 h", "96%")."""

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\S+")
_ALPHANUMERIC = re.compile(r"[^\W_]")

Kind = Literal["number", "code", "words"]


class RecordColumns(NamedTuple):
    """Where a table of records by columns names its records and its fields."""

    header: int
    """The place (in the table's rows) of the row naming the records, one a column."""
    fields: tuple[int, ...]
    """The places of the rows of fields, each labelled by its first cell."""


def record_columns(rows: Sequence[Sequence[str]]) -> RecordColumns | None:
    """The record row and the field rows of `rows` (a table's, header first: tables.table_of)
    when its records are its columns (the module's rules); None for a table of records by rows,
    or one too small or too long to tell."""
    if len(rows) > MAX_ROWS:
        return None
    header = record_row(rows)
    if header is None:
        return None
    fields = tuple(at for at in range(header + 1, len(rows)) if any(_values(rows[at])))
    if len(fields) < MIN_FIELDS or not _labels_fields([rows[at][0] for at in fields]):
        return None
    margin = 0.0 if not rows[header][0].strip() else SHAPE_MARGIN
    alike = _alike(rows, fields)
    return RecordColumns(header, fields) if alike > 0 and alike >= margin else None


def record_row(rows: Sequence[Sequence[str]]) -> int | None:
    """The place of the first row naming MIN_RECORDS records or more, all different, past its
    first cell, when every row above it holds nothing past its own first cell; else None."""
    for at, row in enumerate(rows):
        named = [cell.strip() for cell in _values(row) if cell.strip()]
        if not named:
            continue
        if len(named) < MIN_RECORDS or len(set(named)) < len(named):
            return None
        return at
    return None


def value_kind(cell: str) -> Kind:
    """What a filled cell holds: a number (digits, with at most UNIT_LETTERS letters: "27",
    "12 mg", "96%", "2025-03-11"), a code (one token of letters and digits: "CD19", "A-12"),
    or words ("contrat annuel", "68% stable, 1 rechute")."""
    if not _DIGIT.search(cell):
        return "words"
    if len(_LETTER.findall(cell)) <= UNIT_LETTERS:
        return "number"
    return "code" if len(_WORD.findall(cell)) == 1 else "words"


def _values(row: Sequence[str]) -> Sequence[str]:
    """A row's cells past its first, the label's."""
    return row[1:]


def _labels_fields(labels: list[str]) -> bool:
    """Whether the first cells of the field rows read as field labels: each filled, with a
    letter, at most LABEL_WORDS words, all different, at most DIGIT_LABELS of them with a digit."""
    folded = [" ".join(label.split()).casefold() for label in labels]
    if not all(folded) or len(set(folded)) < len(folded):
        return False
    if any(not _LETTER.search(label) or len(label.split()) > LABEL_WORDS for label in labels):
        return False
    return sum(bool(_DIGIT.search(label)) for label in labels) <= DIGIT_LABELS * len(labels)


def _alike(rows: Sequence[Sequence[str]], fields: tuple[int, ...]) -> float:
    """How much more alike the kinds of the field rows' values are along the rows than down
    the columns: the mean share of each row's filled values of its commonest kind, less the
    mean share of each column's."""
    width = max(len(rows[at]) for at in fields)
    kinds = [
        [value_kind(cell) if _ALPHANUMERIC.search(cell) else None for cell in _values(rows[at])]
        for at in fields
        if not _placeholder_row(_values(rows[at]))
    ]
    along = _mean_commonest(kinds)
    down = _mean_commonest([[row[c] for row in kinds if c < len(row)] for c in range(width - 1)])
    return along - down


def _placeholder_row(values: Sequence[str]) -> bool:
    """Whether a row's values are one value repeated ("absent", "absent", "absent"; "n/a",
    "n/a"): a record by rows with nothing to say, not a field whose values are one kind (s29
    review B: one such row of words among rows of marks made a table of pupils read as records
    by columns). A cell of no letter or digit ("-", "—") is no value (`_alike`)."""
    filled = {" ".join(cell.split()).casefold() for cell in values if _ALPHANUMERIC.search(cell)}
    return len(filled) == 1 and sum(bool(_ALPHANUMERIC.search(cell)) for cell in values) > 1


def _mean_commonest(groups: list[list[Kind | None]]) -> float:
    """The mean, over the groups holding a filled cell, of the share of its filled cells of
    its commonest kind."""
    shares = []
    for group in groups:
        filled = [kind for kind in group if kind is not None]
        if filled:
            shares.append(Counter(filled).most_common(1)[0][1] / len(filled))
    return sum(shares) / len(shares) if shares else 0.0
