"""The markdown headings above a heading: the outline a citation's section is read in.

A Keep-a-Changelog file files each line under "### Fixed", "### Added"… and those under the
version ("## [3.6.1] - 2026-01-19"); a citation naming "Fixed" alone did not say which version
the quoted line belongs to (trial s17, bug 1). Above a markdown heading ("#" to "######") stand
the nearest earlier ones of fewer "#"s (a "#" line inside a code fence is code, no
heading: fences.py), at most READ_BACK characters back. A document's outline (its markdown headings,
their levels and their text as blocks.clean_heading cleans it) is read once, by two regular
expressions over its text, and kept for the last CACHED_DOCUMENTS documents: what each further
citation of it costs (a binary search and a walk back over its headings) does not grow with
its document. The document's title (its only heading of one "#": "# Changelog") names the
document, not a part of it, and is left out. Other headings (an underlined title, a numbered
line, a bold paragraph) have none above them here: telling their levels would read the whole
document.

No I/O; the outlines kept are the only state.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from citeqa.blocks import clean_heading
from citeqa.fences import Fences, code_fences
from citeqa.recently_used import RecentlyUsed

__all__ = [
    "ANCESTORS_SHOWN",
    "READ_BACK",
    "MarkdownHeading",
    "heading_line_starts",
    "heading_starts",
    "headings_above",
    "kept_headings",
    "markdown_headings",
]

ANCESTORS_SHOWN = 2
"""At most this many headings above a section's own are named (the nearest ones): a reader needs
the version or the part, not a deep table of contents in every Sources line."""
READ_BACK = 200_000
"""How far back (characters) from a quote its headings are looked for."""

_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*)", re.MULTILINE)
"""A markdown heading line: its "#"s and the rest of the line (`_heading_text` drops the closing
"#"s with string methods: a lazy text before an optional closing run is quadratic on a heading
holding a long run of spaces)."""


CACHED_DOCUMENTS = 64
"""How many documents' outlines are kept (a few numbers and a line per heading each)."""


@dataclass(frozen=True)
class _Outline:
    """A text's markdown headings outside code fences, in order: where each starts, its level
    (its "#"s) and its text cleaned (blocks.clean_heading); and whether the text has one
    heading of one "#" only (`titled`: that heading is its title); and the headings as
    `markdown_headings` reads them (`kept_headings`)."""

    starts: tuple[int, ...]
    levels: tuple[int, ...]
    names: tuple[str, ...]
    titled: bool
    headings: tuple[MarkdownHeading, ...]


def headings_above(text: str, offset: int, section: str, shown: int = ANCESTORS_SHOWN) -> list[str]:
    """The markdown headings above `section`, the heading the character at `offset` of the
    document's text `text` stands under, outermost first, cleaned (blocks.clean_heading: no
    "**"): at most `shown` (the nearest; ANCESTORS_SHOWN for a citation, a record's path reads
    them all), never the document's title, none more than READ_BACK characters back; none when
    the nearest markdown heading before `offset` is not `section` (both compared cleaned:
    "### **Fixed**" is the section "Fixed")."""
    outline = _outline(text)
    last = bisect.bisect_right(outline.starts, offset) - 1
    floor = offset - READ_BACK
    if last < 0 or outline.starts[last] < floor:
        return []
    if outline.names[last] != clean_heading(section):
        return []
    level = outline.levels[last]
    above: list[int] = []
    index = last - 1
    while index >= 0 and level > 1 and outline.starts[index] >= floor:
        if outline.levels[index] < level:
            level = outline.levels[index]
            above.insert(0, index)
        index -= 1
    if above and outline.levels[above[0]] == 1 and outline.titled:
        above = above[1:]
    return [outline.names[index] for index in above[-shown:]]


def kept_headings(text: str) -> tuple[MarkdownHeading, ...]:
    """The text's `markdown_headings`, read once with its outline and kept as it is (membership's
    owner sections ask them of a text for every pairing and owner)."""
    return _outline(text).headings


def heading_starts(text: str) -> tuple[tuple[int, ...], bool]:
    """Where the text's `kept_headings` start, in order, and whether its only heading of one
    "#" is its title (`_Outline.titled`): read once with its outline."""
    outline = _outline(text)
    return outline.starts, outline.titled


def _outline(text: str) -> _Outline:
    """The text's `_Outline`, read once while CACHED_DOCUMENTS are kept, by its length and hash
    (which Python keeps with the string), never by the text itself, which would stay alive."""
    return _CACHE.get((len(text), hash(text)), lambda: _read_outline(text))


_CACHE: RecentlyUsed[tuple[int, int], _Outline] = RecentlyUsed(CACHED_DOCUMENTS)


def _read_outline(text: str) -> _Outline:
    """A text's `_Outline`, from its markdown headings (`markdown_headings`)."""
    found = markdown_headings(text)
    levels = tuple(heading.level for heading in found)
    return _Outline(
        tuple(heading.start for heading in found),
        levels,
        tuple(clean_heading(heading.title) for heading in found),
        levels.count(1) == 1,
        tuple(found),
    )


class MarkdownHeading(NamedTuple):
    """A markdown heading line of a text: where it starts, its level (its "#"s), its text."""

    start: int
    level: int
    title: str


def markdown_headings(text: str) -> list[MarkdownHeading]:
    """The markdown headings of `text` outside code fences (fences.py), in order (closing "#"s and
    a "\r" aside): the reader of "#" headings that membership's owner sections read too
    (`kept_headings`); numbered_sections reads heading lines with line patterns of its own."""
    fences = code_fences(text)
    return [
        MarkdownHeading(match.start(), len(match.group(1)), _heading_text(match.group(2)))
        for match in _ATX.finditer(text)
        if not fences.holds(match.start())
    ]


_ATX_START = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.MULTILINE)
"""The opening of a markdown heading line (`_ATX` without the rest of the line)."""


def heading_line_starts(text: str, *, markdown: bool) -> list[int]:
    """Where the heading lines `markdown_headings` reads start, in order, those in code fences
    aside only in a `markdown` document's text (only Markdown has fences, fences.py: a .txt's
    "~~~~~~~~~~" separator pair is no fence). No title is read and nothing is cached: the
    reader of sections that need only their bounds (later_statements.SectionDates; a
    1.25-million-heading text's outline took 165 MB, benchmarks/section_starts.py)."""
    fences = code_fences(text) if markdown else Fences()
    return [match.start() for match in _ATX_START.finditer(text) if not fences.holds(match.start())]


def _heading_text(rest: str) -> str:
    """A heading's text from the `rest` of its line after the "#"s: a final "\r" and blanks
    dropped, then closing "#"s that follow a blank, then spaces around (CommonMark)."""
    rest = rest.removesuffix("\r").rstrip(" \t")
    unclosed = rest.rstrip("#")
    if unclosed != rest and unclosed.endswith((" ", "\t")):
        rest = unclosed
    return rest.strip()
