"""The markdown headings above a heading: the outline a citation's section is read in.

A Keep-a-Changelog file files each line under "### Fixed", "### Added"… and those under the
version ("## [3.6.1] - 2026-01-19"); a citation naming "Fixed" alone did not say which version
the quoted line belongs to (trial s17, bug 1). Above a markdown heading ("#" to "######") stand
the nearest earlier ones of fewer "#"s, read back from it line by line (a "#" line inside a
backtick code fence is code, no heading), at most READ_BACK characters back: what a citation
costs does not grow with its document. The document's title (its only heading of one "#":
"# Changelog") names the document, not a part of it, and is left out. Other headings (an
underlined title, a numbered line, a bold paragraph) have none above them here: telling their
levels would read the whole document.

No I/O, no state.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

__all__ = ["ANCESTORS_SHOWN", "READ_BACK", "MarkdownHeading", "headings_above", "markdown_headings"]

ANCESTORS_SHOWN = 2
"""At most this many headings above a section's own are named (the nearest ones): a reader needs
the version or the part, not a deep table of contents in every Sources line."""
READ_BACK = 200_000
"""How far back (characters) from a quote its headings are looked for."""

_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\r?$", re.MULTILINE)
"""A markdown heading line: its "#"s and its text (closing "#"s aside)."""
_FENCE = re.compile(r"^[ \t]{0,3}```", re.MULTILINE)
_TITLE = re.compile(r"^[ \t]{0,3}#[ \t]", re.MULTILINE)


def headings_above(text: str, offset: int, section: str) -> list[str]:
    """The markdown headings above `section`, the heading the character at `offset` of the
    document's text `text` stands under, outermost first: at most ANCESTORS_SHOWN, never the
    document's title; none when the nearest markdown heading before `offset` is not `section`."""
    floor = max(0, offset - READ_BACK)
    end = text.find("\n", offset)
    found = list(_ATX.finditer(text, floor, len(text) if end < 0 else end))
    fences = [match.start() for match in _FENCE.finditer(text, floor, offset)]
    found = [m for m in found if m.start() <= offset and _outside(fences, m.start())]
    if not found or found[-1].group(2).strip() != section:
        return []
    level = len(found[-1].group(1))
    above: list[re.Match[str]] = []
    for match in reversed(found[:-1]):
        if len(match.group(1)) < level:
            level = len(match.group(1))
            above.insert(0, match)
    if above and len(above[0].group(1)) == 1 and _only_title(text, above[0]):
        above = above[1:]
    return [match.group(2).strip() for match in above[-ANCESTORS_SHOWN:]]


class MarkdownHeading(NamedTuple):
    """A markdown heading line of a text: where it starts, its level (its "#"s), its text."""

    start: int
    level: int
    title: str


def markdown_headings(text: str) -> list[MarkdownHeading]:
    """The markdown headings of `text` outside backtick code fences, in order: the one reader
    of "#" headings (closing "#"s and a "\r" aside) that membership's owner sections read too."""
    fences = [match.start() for match in _FENCE.finditer(text)]
    return [
        MarkdownHeading(match.start(), len(match.group(1)), match.group(2).strip())
        for match in _ATX.finditer(text)
        if _outside(fences, match.start())
    ]


def _outside(fences: list[int], start: int) -> bool:
    """Whether a line at `start` lies outside a code fence: an even count of fence lines before
    it (`fences`: where they start, read from the same place on)."""
    return bisect.bisect_left(fences, start) % 2 == 0


def _only_title(text: str, heading: re.Match[str]) -> bool:
    """Whether a heading of one "#" is the document's only one outside code fences, its title
    (one pass of two regular expressions over the text, stopped at a second such heading)."""
    fences = [match.start() for match in _FENCE.finditer(text)]
    for match in _TITLE.finditer(text):
        if match.start() != heading.start() and _outside(fences, match.start()):
            return False
    return True
