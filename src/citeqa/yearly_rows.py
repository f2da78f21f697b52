"""A table row repeated under labels of different years, the latest first for a question
writing no year: a price list's "| Pose de parquet | m² | 32,00 € |" under the sheet "Tarifs
2024" (and its copy in the folder "2024/") and "| Pose de parquet | m² | 35,00 € |" under the
sheet "Tarifs 2025" (s31 trial: "prix pose parquet m2" quoted last year's 32,00 €).

superseded.py reads a dated series from documents' paths (one folder, one name, years apart);
here the years are the rows' labels, whatever the documents: the section a row stands under (a
spreadsheet's sheet name, a heading) and its document's path. What is read, among the first
`YEARLY_ROW_RANKS` candidates (a near-best row, never a far one): the first candidate is a
table row whose label writes one year; another is a row of the same key (its first cell,
folded: "pose de parquet") whose label writes one later year. The latest such row is moved
first; the others keep their order (a row of last year may still be quoted beside it). A
question writing a year asks for that year's row: nothing is moved. No I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from citeqa.lexical import fold
from citeqa.superseded import years_written
from citeqa.tables import key_cell

__all__ = ["YEARLY_ROW_RANKS", "latest_year_row"]

YEARLY_ROW_RANKS = 5
"""The first candidates (by the sentence ranker) among which a later year's row may be
moved first."""


def latest_year_row(placed: Sequence[tuple[str, str]]) -> int | None:
    """The place, among the first `YEARLY_ROW_RANKS` of `placed` (each candidate's line and
    label: its section and its document's path), of the row of the first's key under the
    latest year later than the first's (the module's rules); None when there is none."""
    if not placed:
        return None
    first_key = _key(placed[0][0])
    first_year = _year(placed[0][1])
    if not first_key or first_year is None:
        return None
    latest, latest_year = None, first_year
    for at, (line, label) in enumerate(placed[1:YEARLY_ROW_RANKS], 1):
        year = _year(label)
        if year is not None and year > latest_year and _key(line) == first_key:
            latest, latest_year = at, year
    return latest


def _key(line: str) -> str:
    """A table row's first cell, folded and stripped; "" for a line that is no row."""
    return fold(key_cell(line)).strip()


def _year(label: str) -> int | None:
    """The one year a label writes, or None when it writes none or several."""
    years = years_written(label)
    return next(iter(years)) if len(years) == 1 else None
