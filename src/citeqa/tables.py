"""Tables in plain text: a table row's header row and a markdown table's frame.

A table is two or more consecutive lines with tabs or pipes (language.is_table_row); a markdown
table's second line is its `|---|` rule. Only the lines around an offset are read, so these are
cheap to call for every candidate sentence when answering.
"""

from __future__ import annotations

from citeqa.language import Span, is_table_row, is_table_separator, trim_span

__all__ = ["find_table_header", "is_table_frame"]


def find_table_header(text: str, offset: int) -> Span | None:
    """The span of the header row (first row) of the table holding `offset`, or None.

    A table is two or more consecutive lines with tabs or pipes; a markdown table whose first
    row is its `|---|` rule has no header. Only the table's own lines are read.
    """
    if not 0 <= offset < len(text):
        return None
    row = _line_at(text, offset)
    if not is_table_row(text[slice(*row)]):
        return None
    first, alone = row, True
    while (above := _line_before(text, first)) is not None and is_table_row(text[slice(*above)]):
        first, alone = above, False
    below = _line_after(text, row)
    if alone and (below is None or not is_table_row(text[slice(*below)])):
        return None
    if is_table_separator(text[slice(*first)]):
        return None
    return trim_span(text, *first)


def is_table_frame(text: str, start: int) -> bool:
    """Whether the line at `start` is a markdown table's `|---|` rule or the header row just
    above one: the table's frame, which answers nothing on its own."""
    line = _line_at(text, start)
    if is_table_separator(text[slice(*line)]):
        return True
    below = _line_after(text, line)
    return below is not None and is_table_separator(text[slice(*below)])


def _line_at(text: str, offset: int) -> Span:
    """The (start, end) of the line holding `offset`, its line break excluded."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [found for found in (text.find("\n", offset), text.find("\r", offset)) if found >= 0]
    return start, min(ends, default=len(text))


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
