"""Where a text's markdown code fences lie, so a "#" line or a numbered line inside one
("# a comment", "1.2 = x") is read as code, not as a heading (headingpath.py,
numbered_sections.py).

A fence opens on a line of three backticks or tildes or more (at most three spaces before,
maybe an info word: "```bash", "~~~python") and closes on the next line of the same character,
at least as long, holding nothing else; one never closed is none (CommonMark runs it to the
text's end, but the build's block reader, blocks._fenced_lines, reads none, and a stray "~~~"
would hide every later heading and numbered line). Only Markdown has fences: a reader of
other documents asks none (numbered_sections: a .txt's "~~~~~~~~~~" separators, an RST
overline and underline).
A tilde line opens a fence only after a blank line or at the text's start: right under a
line of text, "~~~~" is reStructuredText's commonest title underline (markup.py), and two
underlined titles would read as a fence around the text between them. Found by one regular
expression over the text (C speed); no I/O.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator
from functools import lru_cache

__all__ = ["Fences", "cached_fences", "code_fences", "is_output_fence"]

_FENCE_LINE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})([^\n]*)$", re.MULTILINE)
_OUTPUT_FENCE = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})output[ \t]*\r?$", re.MULTILINE)
"""An output block's opening fence line (readers/notebook.py writes a cell's outputs so)."""


class Fences:
    """A text's code fences, as the sorted (start, end) character spans of their lines, the
    fence lines included; `holds(offset)` says whether a character lies inside one. Held as two
    arrays of machine integers, not a list of tuples: 6 million fences (a 50 MB file of "```"
    lines) took 947 MB as tuples, 16 bytes each so (s19 hostile 8)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts, self.ends = array("q"), array("q")
        for start, end in spans:
            self.starts.append(start)
            self.ends.append(end)

    def holds(self, offset: int) -> bool:
        """Whether the character at `offset` lies in a fence (its fence lines included)."""
        return self.around(offset) is not None

    def around(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the fence holding the character at `offset`, None outside one."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0 or offset >= self.ends[index]:
            return None
        return self.starts[index], self.ends[index]


def is_output_fence(text: str, start: int) -> bool:
    """Whether the fence line opening at `start` of `text` opens an output block ("```output",
    as readers/notebook.py writes a code cell's outputs), not code."""
    return _OUTPUT_FENCE.match(text, start) is not None


@lru_cache(maxsize=8)
def cached_fences(text: str) -> Fences:
    """`code_fences(text)`, found once for the last few documents read (a str keeps its hash,
    so looking a document up again costs no pass over its text): code_results.py and
    output_cells.py read the same documents' fences while answering."""
    return code_fences(text)


def code_fences(text: str) -> Fences:
    """The `Fences` of `text` (see the module docstring)."""
    if "```" not in text and "~~~" not in text:
        return Fences()
    return Fences(_spans(text))


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each fence of `text`, in order, one at a time."""
    opening: re.Match[str] | None = None
    for line in _FENCE_LINE.finditer(text):
        mark, rest = line.group(1), line.group(2)
        if opening is None:
            if _opens(text, line.start(), mark, rest):
                opening = line
        elif _closes(opening.group(1), mark, rest):
            yield opening.start(), line.end()
            opening = None


def _closes(opened: str, mark: str, rest: str) -> bool:
    """Whether a fence line closes the fence `opened` (its mark): the same character, at least
    as many, nothing else on the line."""
    return mark[0] == opened[0] and len(mark) >= len(opened) and not rest.strip()


def _opens(text: str, start: int, mark: str, rest: str) -> bool:
    """Whether a fence line at `start` opens a fence: a backtick one whose info word holds no
    backtick (CommonMark), a tilde one after a blank line or at the text's start."""
    if mark[0] == "`":
        return "`" not in rest
    above = text.rfind("\n", 0, max(0, start - 1)) + 1
    return start == 0 or not text[above : start - 1].strip()
