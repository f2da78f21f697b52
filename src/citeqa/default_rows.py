"""Which rows of a reference table give a default to the setting a question asks ("What is the
default gap limit?" of a configuration table "| Setting | … | Default | Description |" whose
row "| gap_limit | … | 3h | … |" answers it).

asked_fields.py answers a question asking a default by the signatures giving an asked word one
("fill_gaps(limit=None)") and by the sentences saying a default of one. A configuration
reference writes its defaults in a table's column instead, and the signature won on a word it
shared with the question (s46 trial on a library's docs: "the default comes from gap_limit"
under `fill_gaps(limit=None)` was quoted for the table's gap_limit row). A row answers when:
- it is a markdown table row (pipe-delimited) whose table's header row has a column headed by
  a `default_words` word ("Default", "Valeur par défaut"), its cell in that column not empty;
- its first cell names a setting the question asks: how many of the question's asked words
  the cell's name parts are ("gap_limit", "gapLimit", "gap.limit" → gap, limit: `coverage`).
asked_fields keeps such rows over the signatures when their name covers more asked words than
any signature's defaulted parameter does. No I/O; reads only the language data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeqa.glossary import fold, language_words
from citeqa.language import pipe_pieces

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
    for number, (document, start, text) in enumerate(placed):
        cells = _cells(text)
        column = _default_column(document, start) if cells else None
        if column is None or column >= len(cells) or not cells[column].strip():
            continue
        covered = coverage(cells[0], words)
        if covered:
            found[number] = covered
    return found


def _cells(line: str) -> list[str]:
    """A markdown table row's cells, or [] for any other line."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")) or "\n" in stripped:
        return []
    return pipe_pieces(stripped[1:-1])


def _default_column(document: str, start: int) -> int | None:
    """The column headed by a default word in the header row of the table the row at `start`
    stands in (its first row, the table's rows being consecutive lines opening with "|")."""
    header = document.rfind("\n", 0, start) + 1
    while header > 0:
        previous = document.rfind("\n", 0, header - 1) + 1
        if not document[previous : header - 1].lstrip().startswith("|"):
            break
        header = previous
    end = document.find("\n", header)
    cells = _cells(document[header : len(document) if end < 0 else end])
    defaults = language_words("default_words")
    spoken = [" ".join(re.findall(r"\w+", fold(cell))) for cell in cells]
    return next((n for n, cell in enumerate(spoken) if _says_default(cell, defaults)), None)


def _says_default(cell: str, defaults: frozenset[str]) -> bool:
    """Whether a header cell's folded words hold a default word ("default", "valeur par defaut")."""
    padded = f" {cell} "
    return any(f" {word} " in padded for word in defaults)
