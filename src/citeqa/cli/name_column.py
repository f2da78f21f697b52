"""How wide `citeqa status`'s document column is: wide enough that a name, which has no space
to wrap at, is not cut while the titles beside it could wrap, and never so wide that the table
passes the terminal's edge.

Hand-written because rich has no such rule: a column's `min_width` is applied after rich has
shrunk the columns to the terminal, so it pushes the table past the edge (s31 review: 82 cells
at 80 columns, 66 at 50), while a fixed `width` keeps rich from shrinking that column and lets
the columns that wrap give the room."""

from __future__ import annotations

from rich.cells import cell_len

DOCUMENT_COLUMN_MIN = 36
"""The document column is at least as wide as its longest name up to this many cells when the
other columns leave room: a name has no space to wrap at, so rich cut
"budget/budget_par_contrat_2025" mid-word at 80 columns (s30 trial) while the titles beside it,
which wrap between words, had room to give."""

FOLDED_WORD_MAX = 16
"""The other columns keep room for their longest word up to this many cells: a longer one (a
title that is a file's stem, "inventaire_echantillons_2024") folds rather than the names beside
it (s30 trial folder at 80 columns: "budget/budget_par_contrat_20" over "25" again)."""

CELL_PADDING = 2
"""Cells a rich table column adds to its text: one space each side (rich's default padding)."""


def name_column_width(names: list[str], others: list[list[str]], width: int) -> int | None:
    """The fixed width of the name column whose cells (header first) are `names`, beside the
    columns `others` (each its cells, header first), in a terminal `width` cells wide; None
    where rich may lay the table out alone: it fits whole, or the terminal is too narrow to
    keep the other columns' longest words (FOLDED_WORD_MAX at most) beside a name column as
    wide as its header."""
    borders = len(others) + 2  # one line between columns and one at each edge
    room = width - borders - CELL_PADDING  # the cells the name column and the others share
    longest = max((cell_len(name) for name in names), default=0)
    wanted = sum(_widest_line(column) + CELL_PADDING for column in others)
    if longest + wanted <= room:
        return None
    needed = sum(min(_longest_word(column), FOLDED_WORD_MAX) + CELL_PADDING for column in others)
    header = cell_len(names[0]) if names else 0
    if room - needed < header:
        return None
    return min(longest, max(DOCUMENT_COLUMN_MIN, room - wanted), room - needed)


def _widest_line(cells: list[str]) -> int:
    """The cells of a column's longest line: its width where nothing wraps."""
    return max((cell_len(line) for cell in cells for line in cell.splitlines()), default=0)


def _longest_word(cells: list[str]) -> int:
    """The cells of a column's longest word: the narrowest it wraps to without cutting one."""
    return max((cell_len(word) for cell in cells for word in cell.split()), default=0)
