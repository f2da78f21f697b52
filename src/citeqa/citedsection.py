"""The section a citation names: the heading its quote stands under (chunking.section_of), or,
in a manual page rendered to text, the heading in capitals at column 0 over indented text that
the quote stands under ("OPTIONS", "EXIT STATUS": titles.capitals_heading), after the page's
name when the page opens with its running header: "UNIQ(1) › OPTIONS".

Only the citation's label: a manual page is cut, scored and quoted as any plain text is (its
running header the section of its passages, whose words carry the command's name into each
sentence's context). Cutting at those headings too was tried and cost right answers
(evals/README.md, "Sections", session 15). Pure functions, no I/O.
"""

from __future__ import annotations

import bisect
import functools
import re

from citeqa.chunking import section_of
from citeqa.models import Chunk
from citeqa.titles import capitals_heading, running_header

__all__ = ["SECTION_PATH", "citation_section", "own_heading"]

SECTION_PATH = " › "
"""Between a manual page's name and its heading in a citation's section ("UNIQ(1) › OPTIONS")."""


def citation_section(text: str, chunk: Chunk, offset: int) -> str | None:
    """The section a citation of the character at `offset` of `chunk` (its document's text
    `text`) names: the nearest heading in capitals above it in a manual page, named after the
    page (`_manual_headings`), else the heading it stands under (chunking.section_of)."""
    starts, names = _manual_headings(text)
    index = bisect.bisect_right(starts, offset) - 1
    return names[index] if index >= 0 else section_of(text, chunk, offset)


def own_heading(section: str) -> str:
    """A section's own heading, without the page's name before it (`SECTION_PATH`)."""
    return section.rpartition(SECTION_PATH)[2]


_OPENING = re.compile(r"(?:[ \t]*\r?\n)*(?P<first>[^\r\n]*)(?:\r?\n(?P<below>[^\r\n]*))?")
"""A text's first line that is not blank, and the line under it."""


@functools.lru_cache(maxsize=64)
def _manual_headings(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where a manual page's headings in capitals over indented text start, and the section
    each names ("UNIQ(1) › OPTIONS" under a running header "UNIQ(1) User Commands UNIQ(1)"
    opening the document, else "OPTIONS"); none in a document opening with neither a running
    header nor such a heading ("NAME"), whose nearer headings may be of other kinds. Cached
    by the text itself (its hash is kept by the string: a document's several citations read
    it once)."""
    opening = _OPENING.match(text)
    first, below = (opening["first"], opening["below"] or "") if opening else ("", "")
    page = first.split()[0] + SECTION_PATH if running_header(first.strip()) else ""
    if not (page or capitals_heading(first, below)):
        return (), ()  # no manual page: its headings are the build's (chunking.section_of)
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    names: list[str] = []
    position = 0
    for line, below in zip(lines, [*lines[1:], ""], strict=True):
        if line[:1].isupper() and capitals_heading(line.rstrip("\r\n"), below):
            starts.append(position)
            names.append(page + " ".join(line.split()))
        position += len(line)
    return tuple(starts), tuple(names)
