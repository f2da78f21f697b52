"""A table row repeated under labels of different years, the latest first for a question
writing no year: a price list's "| Pose de parquet | m² | 32,00 € |" under the sheet "Tarifs
2024" (and its copy in the folder "2024/") and "| Pose de parquet | m² | 35,00 € |" under the
sheet "Tarifs 2025" (s31 trial: "prix pose parquet m2" quoted last year's 32,00 €).

superseded.py reads a dated series from documents' paths (one folder, one name, years apart);
here the years are the rows' labels, whatever the documents: the section a row stands under (a
spreadsheet's sheet name, a heading) and its document's path. What is read, among the first
`YEARLY_ROW_RANKS` candidates (a near-best row, never a far one): the first candidate is a
table row whose label writes one year; another is a row of the same key (its first cell
that is no row number, folded: "pose de parquet" of `| 1 | Pose de parquet | … |`) whose
label writes one later year, and whose other cells' words that are no number are those of the
first's, or share one with them (`| 1 | Lambris |` of one quote is no `| 1 | Pose de fenêtre |`
of another, s32 review: row numbers paired unrelated rows), and that stands in the first's
document or in one of its series: the two sections, or the two files' names, are the same but
for their years ("Tarifs 2024"/"Tarifs 2025", "2024/tarifs_2024.csv"/"tarifs_2025.csv"; a
"| Total | 8 000 |" row of numbers is every table's, and another document's later total is no
later edition of the first's: s32 review). The latest such row is moved
first; the others keep their order (a row of last year may still be quoted beside it). A
question writing a year asks for that year's row: nothing is moved. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from citeqa.dates import YEAR_DIGITS
from citeqa.lexical import fold
from citeqa.superseded import years_written
from citeqa.tables import line_cells

__all__ = ["YEARLY_ROW_RANKS", "latest_year_row"]

YEARLY_ROW_RANKS = 5
"""The first candidates (by the sentence ranker) among which a later year's row may be
moved first."""


def latest_year_row(placed: Iterable[tuple[str, str]]) -> int | None:
    """The place, among the first `YEARLY_ROW_RANKS` of `placed` (each candidate's line and
    label: its section and its document's path), of the row of the first's key under the
    latest year later than the first's (the module's rules); None when there is none. The
    others are read only after a first that is a row under one year's label (`placed` may
    read their labels as they are asked)."""
    candidates = iter(placed)
    first = next(candidates, None)
    if first is None:
        return None
    first_key, first_words = _key(first[0])
    first_year = _year(first[1]) if first_key else None
    if first_year is None:
        return None
    latest, latest_year = None, first_year
    for at, (line, label) in enumerate(islice(candidates, YEARLY_ROW_RANKS - 1), 1):
        year = _year(label)
        if year is None or year <= latest_year:
            continue
        key, words = _key(line)
        if key != first_key or not (words & first_words or words == first_words):
            continue
        if _same_series(first[1], label):
            latest, latest_year = at, year
    return latest


_NUMBER = re.compile(r"[#n°.\s]*\d+[.)]?")
"""A cell numbering a row: "1", "2.", "#3", "n° 4"."""
_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: a cell's word that is no number."""


def _key(line: str) -> tuple[str, frozenset[str]]:
    """A table row's first cell that numbers no row, folded and stripped, and the words of
    its cells after it that are no number; "" for a line that is no row."""
    cells = [fold(cell).strip() for cell in line_cells(line)]
    at = next((at for at, cell in enumerate(cells) if not _NUMBER.fullmatch(cell)), len(cells))
    if at == len(cells):
        return "", frozenset()
    return cells[at], frozenset(word for cell in cells[at + 1 :] for word in _WORD.findall(cell))


_YEAR = re.compile(rf"(?<!\d){YEAR_DIGITS}(?!\d)")


def _same_series(first: str, other: str) -> bool:
    """Whether the labels `first` and `other` (a section, a line break, a document's path) are
    of one document, or of one series: their sections, or their files' names, the same words
    but for their years (none empty)."""
    first_section, _, first_path = first.rpartition("\n")
    section, _, path = other.rpartition("\n")
    if first_path == path:
        return True
    pairs = ((first_section, section), (first_path.rpartition("/")[2], path.rpartition("/")[2]))
    return any(_undated(one) and _undated(one) == _undated(two) for one, two in pairs)


def _undated(name: str) -> tuple[str, ...]:
    """The words of `name`, folded, its years out."""
    return tuple(_WORD.findall(fold(_YEAR.sub(" ", name))))


def _year(label: str) -> int | None:
    """The one year a label writes, or None when it writes none or several."""
    years = years_written(label)
    return next(iter(years)) if len(years) == 1 else None
