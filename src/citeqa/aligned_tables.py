"""Tables whose columns are aligned with spaces: found in a text and given tabs to read by.

A report exported to plain text, or a PDF table as pypdf extracts it, writes its table as lines
whose cells stand in columns, two spaces or more apart ("North       1,200        1,350").
Read as prose, such a table is one sentence a line with no header over it: asked "What were the
sales of the North region in 2025?", citeqa quoted the header row and the first row whatever
the row asked. `tabbed_aligned_tables` finds those tables and writes a tab at the first column
of each gap between their cells, in place of the space there: the text keeps its length and
every offset (a citation still points at the same characters of the file), and the lines are
tab-separated table rows (language.is_table_row), read with their header as every other table
(tables.py, blocks.py).

Only an unambiguous shape is a table: at least MIN_LINES consecutive lines, none indented as
code, none a table row already, whose blank columns line up into one gap or more at least
GAP_MIN wide (a gap every line keeps blank); every line holds a first cell and another; the
first line, the header, holds every column and no cell of it is a bare number; no first cell
is a label ending in a colon ("Date:      14/02/2025" is a field, not a row); the cells past
the first column are short on average (CELL_MEAN_MAX: two columns of prose side by side, as a
PDF page's text may come out, are no table). A markdown file's fenced code is never read
(`_candidate_runs`). A shape past MAX_GAPS columns is a data dump, read as written; a long
table costs about its size (`_written_columns`, SAMPLED_ROWS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeqa.language import Span, is_table_row, line_spans
from citeqa.markup import is_fence
from citeqa.tables import is_header_row

__all__ = ["GAP_MIN", "MIN_LINES", "column_gaps", "tabbed_aligned_tables"]

MIN_LINES = 3
"""The fewest lines (header row included) a space-aligned table holds."""
GAP_MIN = 2
"""The fewest blank columns between two cells ("12 400", one space, is one cell)."""
CELL_MEAN_MAX = 32
"""The longest a table's cells beyond its first column are on average: values, names, short
labels; two columns of prose side by side (a PDF page's, its lines ~40 characters) are none."""
MAX_GAPS = 40
"""The most gaps (columns less one) a table aligned with spaces has: a wider shape is a data
dump, read as it is written (and never split into that many cells a line)."""
SAMPLED_ROWS = 64
"""How many of a table's first lines are read cell by cell for its header and the length of
its cells (`_is_table`); the others only for their first cell and another."""
CODE_INDENT = 4
"""A line indented by this many spaces or more is code (markdown's indented block), no row."""

_GAPPED = re.compile(rf"\S {{{GAP_MIN},}}\S")
"""Two cells of a line: text, GAP_MIN spaces or more, text."""
_GAP = re.compile(rf" {{{GAP_MIN},}}")
_BLANK = bytes(4)


def tabbed_aligned_tables(text: str, markdown: bool = False) -> str:
    """`text` with a tab at the first column of each gap of its space-aligned tables, in
    place of a space (same length, same offsets); `text` itself when it holds none. In
    markdown, lines inside a code fence are never a table's."""
    if "  " not in text:
        return text
    tabs = [offset for run in _candidate_runs(text, markdown) for offset in _tab_places(text, run)]
    if not tabs:
        return text
    edges = [0, *tabs]
    kept = [text[edges[i] + (i > 0) : edges[i + 1]] for i in range(len(tabs))]
    return "\t".join([*kept, text[tabs[-1] + 1 :]])


def column_gaps(lines: Sequence[str]) -> list[Span]:
    """The gaps between the columns of `lines` as a table: each (start, end) of a run of at
    least GAP_MIN columns blank in every line (past a line's end is blank) with text to its
    left and right in some line; [] when `lines` are no table (`_is_table`)."""
    written = _written_columns(lines)
    gaps = [gap.span() for gap in _GAP.finditer(written) if gap.start() > 0]
    return gaps if 0 < len(gaps) <= MAX_GAPS and _is_table(lines, gaps) else []


def _written_columns(lines: Sequence[str]) -> str:
    """A line of "x" at each column some line of `lines` writes in, " " at each other one, up
    to the last written: each line's characters read as one integer (four bytes a column, a
    blank's zero) and OR-ed in C, so that a long run of wide lines (a fixed-width data dump)
    costs about its size, not its lines times its width in Python steps."""
    mask = 0
    for line in lines:
        mask |= int.from_bytes(line.replace(" ", "\0").encode("utf-32-le"), "little")
    columns = mask.to_bytes((mask.bit_length() + 31) // 32 * 4, "little")
    return "".join(" " if columns[i : i + 4] == _BLANK else "x" for i in range(0, len(columns), 4))


def _is_table(lines: Sequence[str], gaps: list[Span]) -> bool:
    """Whether `lines` cut at `gaps` read as a header row over rows (see the module): the
    header and the first SAMPLED_ROWS lines read cell by cell, every line's first cell and
    what it writes past it read for each."""
    sample = [_cells(line, gaps) for line in lines[:SAMPLED_ROWS]]
    if not is_header_row(sample[0]) or not _short_cells(sample):
        return False
    first_end, second_start = gaps[0]
    return all(_is_row(line[:first_end].strip(), line[second_start:]) for line in lines)


def _is_row(first: str, rest: str) -> bool:
    """Whether a line whose first cell is `first`, followed by `rest`, is a table's row: a
    first cell that is no label ending in a colon, and another cell."""
    return bool(first) and not first.endswith(":") and bool(rest.strip())


def _short_cells(rows: list[list[str]]) -> bool:
    """Whether the cells of `rows` beyond their first column are CELL_MEAN_MAX long or less on
    average."""
    later = [len(cell) for row in rows for cell in row[1:] if cell]
    return sum(later) <= CELL_MEAN_MAX * len(later)


def _cells(line: str, gaps: list[Span]) -> list[str]:
    """The cells of `line` between `gaps`, stripped (empty where the line writes none)."""
    edges = [0, *(edge for gap in gaps for edge in gap), len(line)]
    return [line[edges[i] : edges[i + 1]].strip() for i in range(0, len(edges), 2)]


def _candidate_runs(text: str, markdown: bool) -> list[list[Span]]:
    """The runs of at least MIN_LINES consecutive lines that could be a table's rows: each
    with two cells GAP_MIN spaces apart, not indented as code, not a table row already, and
    in markdown outside a code fence."""
    runs: list[list[Span]] = [[]]
    fenced = False
    for start, end in line_spans(text):
        line = text[start:end]
        if markdown and is_fence(line.strip()):
            fenced = not fenced
        if not fenced and _may_be_row(line):
            runs[-1].append((start, end))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= MIN_LINES]


def _may_be_row(line: str) -> bool:
    indent = len(line) - len(line.lstrip(" "))
    return (
        indent < CODE_INDENT
        and not line.startswith("\t")
        and _GAPPED.search(line) is not None
        and not is_table_row(line)
    )


def _tab_places(text: str, run: list[Span]) -> list[int]:
    """The offsets in `text` where a tab is written in `run`: the first column of each gap of
    its lines as a table, on each line reaching past it."""
    starts = [gap[0] for gap in column_gaps([text[start:end] for start, end in run])]
    return [start + gap for start, end in run for gap in starts if start + gap < end]
