"""Which rows of a reference table give a default to the setting a question asks ("What is the
default gap limit?" of a configuration table "| Setting | … | Default | Description |" whose
row "| gap_limit | … | 3h | … |" answers it).

asked_fields.py answers a question asking a default by the signatures giving an asked word one
("fill_gaps(limit=None)") and by the sentences saying a default of one. A configuration
reference writes its defaults in a table's column instead, and the signature won on a word it
shared with the question (s46 trial on a library's docs: "the default comes from gap_limit"
under `fill_gaps(limit=None)` was quoted for the table's gap_limit row). A row answers when:
- it is a table row (tables.table_of: pipe-delimited or tab-separated) below its table's
  header row, which has a column headed by a `default_words` word ("Default", "Valeur par
  défaut"), its cell in that column not empty;
- its first cell names a setting the question asks: how many of the question's asked words
  the cell's name parts are ("gap_limit", "gapLimit", "gap.limit" → gap, limit: `coverage`).
asked_fields keeps such rows over the signatures when their name covers more asked words than
any signature's defaulted parameter does. No I/O; reads only the language data.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from citeqa.glossary import fold, language_words
from citeqa.language import Span
from citeqa.tables import table_of

__all__ = ["coverage", "default_rows"]

_PARTS = re.compile(r"[_.\-\s]+|(?<=[a-z])(?=[A-Z])")
"""Where a setting's name splits into its words ("gap_limit", "gapLimit", "gap.limit")."""


def coverage(name: str, words: frozenset[str]) -> int:
    """How many of the asked `words` (casefolded) the parts of `name` are."""
    parts = {part.casefold() for part in _PARTS.split(name.strip(" `*")) if part}
    return len(parts & words)


def default_rows(placed: Iterable[tuple[str, int, str]], words: frozenset[str]) -> dict[int, int]:
    """The candidates (document text, start, line) that are a table row giving a default, by
    their number, each with its first cell's `coverage` of the asked `words` (above zero)."""
    found = {}
    read: list[_Read] = []
    for number, (document, start, text) in enumerate(placed):
        cells = _default_row(document, start, text, read)
        covered = coverage(cells[0], words) if cells else 0
        if covered:
            found[number] = covered
    return found


def _default_row(document: str, start: int, text: str, read: list[_Read]) -> list[str] | None:
    """The cells of the one-line candidate `text` at `start` of `document` when it is a row
    below the header row of its table (`_table_at`) and its cell in the column headed by a
    default word is not empty; else None."""
    table = None if "\n" in text.strip() else _table_at(document, start, read)
    if table is None:
        return None
    rows, spans = table
    place = bisect_right(spans, start, key=lambda span: span[0]) - 1
    place = place if place > 0 and start < spans[place][1] else 0
    column = _default_column(rows[0])
    cells = rows[place]
    if place == 0 or column is None or column >= len(cells) or not cells[column].strip():
        return None
    return cells


_Table = tuple[list[list[str]], list[Span]]
"""A table's rows' cells and where each row stands (tables.table_of)."""
_Read = tuple[str, list[list[str]], list[Span]]
"""A table read: its document's text, its rows' cells and where each row stands."""


def _table_at(document: str, start: int, read: list[_Read]) -> _Table | None:
    """The table of `document` whose rows hold `start` (tables.table_of), one already `read`
    reused: a question's candidates are often rows of one table, each read afresh before (55
    candidates of a 60,000-row table took 18 s)."""
    for text, rows, spans in read:
        if spans[0][0] <= start < spans[-1][1] and text == document:
            return rows, spans
    table = table_of(document, start)
    if table is not None and table[1]:
        read.append((document, *table))
    return table


def _default_column(header: list[str]) -> int | None:
    """The column of the `header` row's cells headed by a default word."""
    defaults = language_words("default_words")
    spoken = [" ".join(re.findall(r"\w+", fold(cell))) for cell in header]
    return next((n for n, cell in enumerate(spoken) if _says_default(cell, defaults)), None)


def _says_default(cell: str, defaults: frozenset[str]) -> bool:
    """Whether a header cell's folded words hold a default word ("default", "valeur par defaut")."""
    padded = f" {cell} "
    return any(f" {word} " in padded for word in defaults)
