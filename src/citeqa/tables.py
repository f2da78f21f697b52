"""Tables in plain text: a table row's header row, a markdown table's frame, a row's cells.

A table is two or more consecutive lines with tabs or pipes (language.is_table_row); a markdown
table's second line is its `|---|` rule. Only the lines around an offset are read, and
`TableHeaders` reads each table of a text once, so these are cheap to call for every candidate
sentence when answering.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

from citeqa.glossary import fold, language_words
from citeqa.keyshapes import cell_key, cell_lettered_key, key_kind
from citeqa.language import (
    Span,
    is_table_row,
    is_table_separator,
    line_end,
    line_spans,
    line_start,
    pipe_offsets,
    pipe_pieces,
    trim_span,
)
from citeqa.record_ids import is_record_id

__all__ = [
    "KeyCells",
    "TableHeaders",
    "cell_spans",
    "columns",
    "first_unnumbered_column",
    "is_header_row",
    "is_table_frame",
    "key_cell",
    "key_cells",
    "key_column",
    "line_cells",
    "lookup_column",
    "marked_cells",
    "row_cells",
    "table_line_count",
    "table_of",
]

_BARE_NUMBER = re.compile(r"[\d\s.,:/%+\-−€$£]+")
"""A cell holding only a number, an amount or a date: a data row's, never a header's."""
Rows = tuple[tuple[str, ...], ...]
"""A table's rows, each the tuple of its cells (`row_cells`), header row first."""
Reading = TypeVar("Reading")

MIN_NUMBERED_ROWS = 2
"""The fewest rows a column numbers 1, 2, … n to be a row-number column (`key_column`)."""
MIN_KEYED_ROWS = 2
"""A column is looked up by keys of a kind when at least this many of its cells, and at least
half of them, are of that kind (`column_keys`)."""

HEADER_CARRIED = 2000
"""The most characters of its table's header row that a chunk opening inside the table carries
(`TableHeaders.header_over`), cut after a whole cell: a chunk's share of the header is read
for its BM25 entry and its section tokens, and this bounds what each chunk reads whatever
the width of the header (the headers of the sheets set are 40 to 150 characters)."""
LINES_KEPT = 16
"""How many lines' cell starts a TableHeaders keeps (`_cell_starts`: the lines a chunk opens
and ends in), so that a wide row's line is split once, not once for each of its chunks."""

_Table = tuple[int, int, Span | None, bool]
"""A table's first line's start, last line's end, header row (None for a lone row or a table
opening with its `|---|` rule), and whether its second line is its `|---|` rule."""


class TableHeaders:
    """The header rows of one text's tables, each table read once: asked about many rows of
    a long table (every candidate sentence, several times a question), it walks the table's
    lines the first time only, then finds the row's table among those it knows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._firsts: list[int] = []
        """The start of each known table's first line, in text order."""
        self._tables: list[_Table] = []
        """Each known table, in text order."""
        self._readings: dict[tuple[int, Callable[[Rows], object]], object] = {}
        """What each reader made of each table it read (`read`), by the table's first line's
        start and the reader."""
        self._line: tuple[int, int, bool] = (-1, -1, False)
        """The last line looked at: its start, its end and whether it is a table row. The
        chunks of a long line (a text written on one line) each open on it, and finding its
        ends and testing it cost its length: read once, not once a chunk (s21: a one-line
        50 MB text took hours to chunk)."""
        self._starts: dict[Span, list[int]] = {}
        """The cell starts of the lines last read (`_cell_starts`)."""
        self._rows: tuple[int, Rows] = (-1, ())
        """The rows of the table last read (`read`), by its first line's start: the readers
        of one table (its key column, the keys it holds) each read the same rows, split once
        (s26 hostile probe: 10^4 rows of 43 cells split twice an answer)."""

    def header(self, offset: int) -> Span | None:
        """The span of the header row (first row) of the table holding `offset`, or None. A
        table is two or more consecutive lines with tabs or pipes; a markdown table whose first
        row is its `|---|` rule has no header."""
        table = self._table_at(offset)
        return None if table is None else table[2]

    def header_above(self, offset: int) -> Span | None:
        """`header` of the table holding `offset` when that header row ends before `offset`
        (a long table's later chunk opening at `offset`), else None: the column names a chunk
        opening inside a table is read with (`header_over`,
        SentenceBank.section_tokens)."""
        header = self.header(offset)
        return None if header is None or header[1] > offset else header

    def header_over(self, start: int, end: int) -> str:
        """The text of the header row of the table `text[start:end]` opens inside (a chunk),
        over the columns that span holds cells of, when that row is above it (`header_above`;
        "" when it is not): the whole header row for a span holding a row of all its columns,
        as any chunk of a narrow table does, else only the header cells over the span's own
        columns (a chunk of a row thousands of cells wide, `| 4000 | 4001 |`, is read under
        `c4000 | c4001`), at most HEADER_CARRIED characters of it. What a chunk's BM25 entry
        indexes with its own words (chunkpass.chunk_tokens) and its section tokens
        (SentenceBank.section_tokens): the column names its cells are read under, so that a
        lookup naming a column finds the chunk holding its cell. Each chunk reads the header
        cells of its own columns, not the whole row: a header of 10^5 cells read in full for
        each of its rows' chunks made the chunk pass grow with the square of the width (s21
        hostile probe: 10,000 columns 36.8 s)."""
        header = self.header_above(start)
        table = self._table_at(start)
        if header is None or table is None:
            return ""
        starts = self._cell_starts(header)
        columns = self._columns_over(start, min(end, table[1]), len(starts))
        return _carried(self.text, header, starts, columns)

    def _columns_over(self, start: int, end: int, width: int) -> list[Span]:
        """The ranges of columns (first, last) whose cells `text[start:end]` holds pieces of,
        merged, in order (a `|---|` rule's pieces hold none); at once all `width` columns of
        the header when it holds a whole row of as many cells."""
        pieces = line_spans(self.text, start, end)
        ranges = []
        for number, (first, last) in enumerate(pieces):
            if 0 < number < len(pieces) - 1:  # a whole line
                if not is_table_separator(self.text[first:last]):
                    cells = len(_row_cell_starts(self.text, (first, last)))
                    if cells >= width:
                        return [(0, width - 1)]
                    ranges.append((0, cells - 1))
            elif first < last:
                starts = self._cell_starts(self._line_of(first))
                if starts:
                    ranges.append((_column(starts, first), _column(starts, last - 1)))
        return _merged(ranges)

    def _line_of(self, offset: int) -> Span:
        """The line holding `offset`: one of those `_cell_starts` keeps when it is (a wide row's
        next chunk), found without reading the line again, else `_line_at`."""
        for line in self._starts:
            if line[0] <= offset <= line[1]:
                return line
        return _line_at(self.text, offset)

    def _cell_starts(self, line: Span) -> list[int]:
        """The offsets where the cells of the table row at `line` start (`_row_cell_starts`),
        none for a `|---|` rule (it is under no column name), kept for the last LINES_KEPT
        lines asked: a chunk reads the line its neighbour ended in."""
        if line not in self._starts:
            if len(self._starts) >= LINES_KEPT:
                self._starts.clear()
            ruled = is_table_separator(self.text[slice(*line)])
            self._starts[line] = [] if ruled else _row_cell_starts(self.text, line)
        return self._starts[line]

    def ruled_header(self, offset: int) -> Span | None:
        """The header row of the markdown table holding `offset`, the table's second line
        being its `|---|` rule; None for any other line (a table of tabs has no header here)."""
        table = self._table_at(offset)
        return table[2] if table is not None and table[3] else None

    def span(self, offset: int) -> Span | None:
        """The (start, end) of the table holding `offset`, from its first line's start to its
        last line's end, or None: which table a row belongs to."""
        table = self._table_at(offset)
        return None if table is None else (table[0], table[1])

    def key_column(self, offset: int) -> int:
        """The position of the key column (`key_column`) of the table holding `offset`, read
        once a table; 0, its first column, when no table is there or every column numbers
        its rows."""
        column = self.read(offset, lookup_column)
        return 0 if column is None else column

    def read(self, offset: int, reader: Callable[[Rows], Reading]) -> Reading | None:
        """`reader` of the rows (`row_cells`, as tuples) of the table holding `offset`, read
        once a table and reader while this text's tables are kept (SentenceBank keeps a
        document's, TABLE_DOCUMENTS of them); None when no table is there. `reader` is a
        function of the rows alone and its reading is shared by every caller: an immutable
        value."""
        table = self._table_at(offset)
        if table is None:
            return None
        key = (table[0], reader)
        if key not in self._readings:
            if self._rows[0] != table[0]:
                rows = row_cells(self.text, (table[0], table[1]))
                self._rows = (table[0], tuple(tuple(row) for row in rows))
            self._readings[key] = reader(self._rows[1])
        return self._readings[key]  # type: ignore[return-value]  # stored by `reader` above

    def _table_at(self, offset: int) -> _Table | None:
        if not 0 <= offset < len(self.text):
            return None
        known = bisect.bisect_right(self._firsts, offset)
        if known and offset <= self._tables[known - 1][1] and not _crlf_end(self.text, offset):
            return self._tables[known - 1]  # its line not read again: a wide row's every chunk
        row = self._row_at(offset)
        if row is None:
            return None
        position = bisect.bisect_right(self._firsts, row[0])
        if position and row[0] <= self._tables[position - 1][1]:
            return self._tables[position - 1]
        table = _table_around(self.text, row)
        self._firsts.insert(position, table[0])
        self._tables.insert(position, table)
        return table

    def _row_at(self, offset: int) -> Span | None:
        """The line holding `offset` when it is a table row, else None; the last line looked
        at is remembered (`_line`), so that asking again about it reads nothing."""
        start, end, is_row = self._line
        if not start <= offset <= end:
            start, end = _line_at(self.text, offset)
            is_row = is_table_row(self.text[start:end])
            self._line = (start, end, is_row)
        return (start, end) if is_row else None


def _crlf_end(text: str, offset: int) -> bool:
    """Whether `offset` is the "\n" of a "\r\n": the empty line between them (`_line_at`),
    no table row."""
    return text[offset] == "\n" and offset > 0 and text[offset - 1] == "\r"


def _row_cell_starts(text: str, line: Span) -> list[int]:
    """The offsets in `text` where the cells of the table row at `line` start, as `_pieces`
    splits it: after each unescaped pipe of a markdown row (its line's start too when no pipe
    opens it), or its line's start and after each tab; none after a closing pipe."""
    start, end = line
    row = text[start:end]
    if row.count("|") >= 2:
        pipes = [start + offset + 1 for offset in pipe_offsets(row)]
        opened = row.lstrip(" \t").startswith("|")
        starts = pipes if opened else [start, *pipes]
    else:
        starts = [start + len(row) - len(row.lstrip(" "))]
        starts += [start + offset + 1 for offset, char in enumerate(row) if char == "\t"]
    while len(starts) > 1 and not text[starts[-1] : end].strip():
        starts.pop()  # the empty piece after a closing pipe is no cell
    return starts


def cell_spans(text: str, line: Span) -> list[Span]:
    """Where each cell of the table row at `line` of `text` stands (start, end), without the
    spaces around it, in the order of its columns as `_pieces` reads them (`_row_cell_starts`:
    a cell ends at the next cell's pipe or tab, the last at its line's end or closing pipe)."""
    starts = _row_cell_starts(text, line)
    piped = text[slice(*line)].count("|") >= 2
    spans: list[Span] = []
    for place, start in enumerate(starts):
        end = starts[place + 1] - 1 if place + 1 < len(starts) else line[1]
        last = text[start:end].rstrip(" \t")
        if piped and place + 1 == len(starts) and last.endswith("|") and last[-2:] != "\\|":
            end = start + len(last) - 1  # a markdown row's closing pipe
        spans.append(trim_span(text, start, max(start, end)))
    return spans


def _column(starts: list[int], offset: int) -> int:
    """The column of a row holding `offset`, given its cells' `starts` (0 before the first)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _merged(ranges: list[Span]) -> list[Span]:
    """The ranges (first, last), each inclusive, merged where they touch or overlap, in order."""
    merged: list[Span] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _carried(text: str, header: Span, starts: list[int], columns: list[Span]) -> str:
    """The text of the `header` row (its cells starting at `starts`) over the `columns`, at
    most HEADER_CARRIED characters cut after a whole cell (TableHeaders.header_over): the
    whole row as written, however long, when the columns cover each of its cells (a chunk
    holding a whole row is as wide as its header: s21 review, a header of 100 long column
    names lost its last ones in every chunk)."""
    width = len(starts)
    if columns and columns[0][0] == 0 and columns[0][1] >= width - 1:
        return text[slice(*header)]  # a chunk of whole rows: bounded by the chunk's own size
    pieces = []
    for first, last in columns:
        if first < width:
            stop = starts[last + 1] - 1 if last + 1 < width else header[1]
            pieces.append(text[starts[first] : stop])
    carried = " | ".join(pieces)
    if len(carried) <= HEADER_CARRIED:
        return carried
    cut = max(carried.rfind(mark, 0, HEADER_CARRIED + 1) for mark in ("|", "\t"))
    return carried[: max(cut, 0)]


def _table_around(text: str, row: Span) -> _Table:
    """The table holding the table row `row` (see `_Table`)."""
    first = last = row
    while (above := _line_before(text, first)) is not None and is_table_row(text[slice(*above)]):
        first = above
    while (below := _line_after(text, last)) is not None and is_table_row(text[slice(*below)]):
        last = below
    if first == last or is_table_separator(text[slice(*first)]):
        return first[0], last[1], None, False
    second = _line_after(text, first)
    ruled = second is not None and (
        is_table_separator(text[slice(*second)])
        or _tabbed_header(text[slice(*first)], text[slice(*second)])
    )
    return first[0], last[1], trim_span(text, *first), ruled


def is_header_row(cells: Sequence[str]) -> bool:
    """Whether a table's first row reads as its header: two cells or more, each writing
    something, none a bare number, amount or date ("Region | Sales 2024", not "North | 1,200")."""
    return len(cells) >= 2 and all(cells) and not any(_BARE_NUMBER.fullmatch(c) for c in cells)


def _tabbed_header(line: str, below: str) -> bool:
    """Whether `line`, the first of a table of tabs (no pipes), reads as the header row of
    the row `below` it: its cells name columns (`is_header_row`) over a row writing a figure
    in one of them ("Region | Sales 2024" over "North | 1,200"; "a | b" over "c | d" may be
    two rows of data). Its rows are then read under it as a markdown table's under its `|---|`
    rule (a report's tab-separated table, a table aligned with spaces: aligned_tables.py)."""
    if line.count("|") >= 2 or not is_header_row(line_cells(line)):
        return False
    return any(_BARE_NUMBER.fullmatch(cell) for cell in line_cells(below) if cell)


_CELL_MARKUP = ("**", "`", "*", '"', "'")
"""Inline markup around a cell's text, taken off only in pairs (`code`, **bold**, *italic*,
quotes). Not "_": it begins and ends identifiers (`_sync_dir`, `__init__`), which the
question keeps as typed (questions.question_keys)."""
_MARKUP_STARTS = tuple(dict.fromkeys(mark[0] for mark in _CELL_MARKUP))


def _unmarked(cell: str) -> str:
    """The cell's text without the spaces and the paired inline markup around it."""
    cell = cell.strip(" \t")
    if not cell.startswith(_MARKUP_STARTS):
        return cell  # most cells: no mark opens them, none is looked for at each end
    while mark := _markup_around(cell):
        cell = cell[len(mark) : -len(mark)].strip(" \t")
    return cell


def _markup_around(cell: str) -> str:
    """The first of `_CELL_MARKUP` that opens and closes `cell` around some text; "" if none."""
    for mark in _CELL_MARKUP:
        if len(cell) > 2 * len(mark) and cell.startswith(mark) and cell.endswith(mark):
            return mark
    return ""


class KeyCells(NamedTuple):
    """What a table row's cells say of the keys a question names (`key_cells`)."""

    names_key: bool
    """Its key column's cell is one of them: the row the question looks up."""
    numbered_key: bool
    """A cell before its key column, a row number, is one of them: a row that holds the asked
    number without being the row it looks up."""


def key_cells(line: str, keys: frozenset[str], column: int = 0) -> KeyCells:
    """Which of a table row's cells are among `keys` (folded: a number or an identifier the
    question names, questions.question_keys), its cells split once: its cell in its key
    column (`column`, its table's `key_column`: the first by default), the row the question
    looks up ("exit code 9" → `| 9 | The license has expired |`), and those before it, its row
    numbers (`| 2 | 500 | The server failed |` for "exit code 2"). A value cell is no key:
    "exit code 64" does not look up `| max_connections | 64 | … |`, nor "exit code 2" the
    second row of `| # | Error code |`. A record's identifier (record_ids.is_record_id:
    "HD-0009") the question names is a key in any column of a row keyed by no identifier
    (`| Bob | HD-0009 | closed |` is HD-0009's row, its agents' column first), not of one keyed
    by another (`| HD-0010 | duplicate of HD-0009 |`)."""
    if not keys or not is_table_row(line):
        return KeyCells(False, False)
    cells = line_cells(line)
    key = cells[column] if column < len(cells) else ""
    return KeyCells(
        (bool(key) and _folded_key(key, keys) in keys) or _names_record(line, cells, keys, key),
        any(cell and fold(cell) in keys for cell in cells[:column]),
    )


def _folded_key(cell: str, keys: frozenset[str]) -> str:
    """A key column's `cell`, folded, a class or group written glued, dashed or after its
    cue ("4eB", "4e-B", "Bus 12 A") written as a question's key writes it ("4e b", "12 a":
    keyshapes.cell_lettered_key) when `keys` hold such a key."""
    folded = fold(cell)
    if folded in keys or not _asks_lettered(keys):
        return folded
    lettered = cell_lettered_key(cell)
    return fold(lettered) if lettered else folded


@lru_cache(maxsize=64)
def _asks_lettered(keys: frozenset[str]) -> bool:
    """Whether a question's `keys` hold a class or group ("4e b"), read once a question (each
    row of its tables asks: `_folded_key`)."""
    return any(key_kind(key) == "lettered" for key in keys)


def _names_record(line: str, cells: list[str], keys: frozenset[str], key: str) -> bool:
    """Whether a row (`line`, its `cells`) whose key-column cell, `key`, is no record's
    identifier has a cell that is one of `keys` and a record's identifier (`key_cells`). Its
    cells are folded one by one only when its line holds such a key (a sheet's row may hold
    thousands of cells)."""
    asked = _record_keys(keys)
    if not asked or is_record_id(key):
        return False
    lowered = line.lower()  # in C: an identifier's letters and digits are ASCII
    if not any(asked_key in lowered for asked_key in asked):
        return False
    return any(fold(cell) in keys and is_record_id(cell) for cell in cells if cell)


@lru_cache(maxsize=64)
def _record_keys(keys: frozenset[str]) -> tuple[str, ...]:
    """Those of a question's `keys` that are records' identifiers, read once a question (a
    table's rows each ask for them: `_names_record`)."""
    return tuple(asked_key for asked_key in keys if is_record_id(asked_key))


def key_cell(line: str, column: int = 0) -> str:
    """A table row's cell in `column` (its key column), as written without its paired markup;
    "" for a line that is no row or has no such cell."""
    if not is_table_row(line):
        return ""
    pieces = _pieces(line)  # only the key column's cell unmarked: one a row, not every one
    return _unmarked(pieces[column]) if column < len(pieces) else ""


def key_column(rows: Sequence[Sequence[str]]) -> int | None:
    """The position of a table's key column, what a lookup reads its rows by, in its `rows`
    (`row_cells`, header row first): its first column, but for columns numbering its rows
    (`_row_numbers`: "#", "N°") before a column of keys (`column_keys`: `| # | Error code |
    Meaning |` is looked up by its error codes; `| Level | Meaning |` and `| Step | Port |`,
    numbered 1, 2, 3, by their levels and steps). None when every column numbers its rows.
    Not `first_unnumbered_column`, which skips `| Step | Port |`'s steps: answering reads
    this one (SentenceBank.key_column), as "Which port does setup step 2 use?" asks the step."""
    column = _first_column(rows, _row_numbers)
    if column is None or column == 0:
        return column
    cells = [cell_key(row[column]) for row in rows if column < len(row)]
    return column if column_keys(cells)[0] is not None else 0


def first_unnumbered_column(rows: Sequence[Sequence[str]]) -> int | None:
    """The position of a table's first column whose cells do not count 1, 2, … n
    (`counts_rows`, whatever its header), in its `rows` (`row_cells`); None when every
    column counts them. Not `key_column`, which keeps a column counting its rows under a
    header other than "#" or "N°" (`| Step | Port |` numbered 1, 2, 3: 0 there, 1 here):
    unheld_keys reads this one, so that a list's numbers (`| # | Step |`, `| Step | What to
    do |`) are never keys a question asks and no table holds, nor named as the closest."""
    return _first_column(rows, counts_rows)


def lookup_column(rows: Rows) -> int:
    """`key_column` of `rows`, its first column when every column numbers its rows: what
    TableHeaders.key_column reads once a table, and unheld_names its key cells by."""
    column = key_column(rows)
    return 0 if column is None else column


def _first_column(
    rows: Sequence[Sequence[str]], numbers: Callable[[list[str]], bool]
) -> int | None:
    """The position of the first column of `rows` whose cells `numbers` does not call row
    numbers; None when it calls every column's so."""
    for column, cells in enumerate(columns(rows)):
        if not numbers([cell_key(cell) for cell in cells]):
            return column
    return None


def columns(rows: Sequence[Sequence[str]]) -> Iterator[list[str]]:
    """Each column's cells, first column first, in row order: a row too short for a column
    has no cell in it."""
    width = max((len(row) for row in rows), default=0)
    for column in range(width):
        yield [row[column] for row in rows if column < len(row)]


def column_keys(cells: list[str]) -> tuple[str | None, list[str]]:
    """The kind of key (keyshapes.key_kind) a column's `cells` (each its keyshapes.cell_key)
    are, and those of that kind, when at least MIN_KEYED_ROWS of them and half are of one
    kind; (None, []) for a column of no keys."""
    for kind in dict.fromkeys(filter(None, map(key_kind, cells))):
        keyed = [cell for cell in cells if key_kind(cell) == kind]
        if len(keyed) >= MIN_KEYED_ROWS and 2 * len(keyed) >= len(cells):
            return kind, keyed
    return None, []


def counts_rows(cells: list[str]) -> bool:
    """Whether a column's cells count 1, 2, … n, under its header or without one."""
    return any(
        len(numbered) >= MIN_NUMBERED_ROWS
        and numbered == [str(number) for number in range(1, len(numbered) + 1)]
        for numbered in (cells, cells[1:])
    )


def _row_numbers(cells: list[str]) -> bool:
    """Whether a column numbers its rows for a lookup: it counts them (`counts_rows`) under a
    header that says so ("#", "N°": the language data's `row_number_headers`) or an empty one.
    A column headed otherwise is looked up by its numbers ("Step", "Level", "Quai"), and so is
    one with no header."""
    if not cells:
        return False
    header = fold(cells[0]).strip()
    return (not header or header in language_words("row_number_headers")) and counts_rows(cells)


def row_cells(text: str, span: Span) -> list[list[str]]:
    """Every cell, as written without its paired markup, of each row of the table at `span`
    of `text` (TableHeaders.span), its header row first, its `|---|` rule left out; a row's
    cells are in the order of its columns, empty cells kept."""
    lines = [text[start:end] for start, end in line_spans(text, *span)]  # not splitlines: a
    return [  # "\u2028" in a cell ends no row, as TableHeaders reads them
        line_cells(line) for line in lines if is_table_row(line) and not is_table_separator(line)
    ]


def table_of(text: str, offset: int) -> tuple[list[list[str]], list[Span]] | None:
    """The rows of the table whose row holds `offset` in `text` (each its cells as `row_cells`
    reads them: header row first, `|---|` rule left out, `\\|` a "|" of its cell), with where
    each row's line stands (start, end); None when that line is no table row. Every line of
    the table is read: a table of n rows costs n lines split."""
    line = _line_at(text, offset)
    if not is_table_row(text[slice(*line)]):
        return None
    first, last, _, _ = _table_around(text, line)
    spans = [
        span
        for span in line_spans(text, first, last)
        if is_table_row(row := text[slice(*span)]) and not is_table_separator(row)
    ]
    return [line_cells(text[slice(*span)]) for span in spans], spans


def table_line_count(text: str, offset: int) -> int:
    """How many lines the table whose row holds `offset` in `text` spans (its `|---|` rule
    and any line between its rows included), 0 when that line is no table row: its lines are
    walked, not split into cells as `table_of` does (five times cheaper on a long table)."""
    line = _line_at(text, offset)
    if not is_table_row(text[slice(*line)]):
        return 0
    first, last, _, _ = _table_around(text, line)
    return text.count("\n", first, last) + 1


def line_cells(line: str) -> list[str]:
    """A table row's cells, empty ones kept (in `|  | 64 | … |` the first is the empty cell,
    not 64): a markdown row's pieces between its unescaped pipes (`\\|` is a "|" of its
    cell), the outer pieces before a leading `|` and after a trailing one no cells; or the
    pieces between its tabs; each without its paired markup (`_unmarked`)."""
    return [_unmarked(piece) for piece in _pieces(line)]


def marked_cells(line: str) -> list[str]:
    """A table row's cells as `line_cells` reads them, without their outer spaces but with
    their markup (`"/"` in code stays so: a value stated, where `line_cells` gives "/")."""
    return [piece.strip(" \t") for piece in _pieces(line)]


def _pieces(line: str) -> list[str]:
    """A table row's cells as `line_cells` reads them, their markup still on."""
    if line.count("|") >= 2:
        pieces = pipe_pieces(line.strip(" \t"))
        if pieces[0] == "":
            pieces = pieces[1:]
        if pieces and pieces[-1] == "":
            pieces = pieces[:-1]
        return pieces
    return line.lstrip(" ").split("\t")


def is_table_frame(text: str, start: int) -> bool:
    """Whether the line at `start` is a markdown table's `|---|` rule or the header row just
    above one, or the header row of a table of tabs (`_tabbed_header`, a row under it): the
    table's frame, which answers nothing on its own."""
    line = _line_at(text, start)
    if is_table_separator(text[slice(*line)]):
        return True
    below = _line_after(text, line)
    if below is None:
        return False
    if is_table_separator(text[slice(*below)]):
        return True
    return _heads_tab_table(text, line, below)


def _heads_tab_table(text: str, line: Span, below: Span) -> bool:
    """Whether `line` is the header row of a table of tabs whose next row is `below`."""
    row, next_row = text[slice(*line)], text[slice(*below)]
    above = _line_before(text, line)
    return (
        is_table_row(row)
        and is_table_row(next_row)
        and (above is None or not is_table_row(text[slice(*above)]))
        and _tabbed_header(row, next_row)
    )


def _line_at(text: str, offset: int) -> Span:
    """The (start, end) of the line holding `offset`, its line break excluded. A line ends at
    "\n" or "\r": "\n" is searched first, "\r" only within the line it bounds, so finding a
    line reads that line, not the text to either end."""
    return line_start(text, offset), line_end(text, offset)


def _line_before(text: str, line: Span) -> Span | None:
    if line[0] == 0:
        return None
    end = line[0] - 1
    if end > 0 and text[end - 1 : end + 1] == "\r\n":
        end -= 1
    return _line_at(text, end)


def _line_after(text: str, line: Span) -> Span | None:
    if line[1] >= len(text):
        return None
    start = line[1] + (2 if text[line[1] : line[1] + 2] == "\r\n" else 1)
    return _line_at(text, start) if start < len(text) else None
