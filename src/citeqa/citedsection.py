"""The section a citation names: the heading its quote stands under (chunking.section_of), or,
in a manual page rendered to text, the heading in capitals at column 0 over indented text that
the quote stands under ("OPTIONS", "EXIT STATUS": titles.capitals_heading), after the page's
name when the page opens with its running header: "UNIQ(1) › OPTIONS". A manual page is a
document opening with its running header ("UNIQ(1) User Commands UNIQ(1)") or with the heading
naming it (the language data's `manual_name_headings`: "NAME", "NOM") over indented text; a
document opening with another heading in capitals ("USAGE", "TERMS OF SERVICE") is none, its
later headings being of other kinds ("## Configuration", "Payment"). In a paper's plain or PDF
text, a heading nearer the quote that the build does not cut at (blocks.label_headings: "2
Results" over "Table 1. …", "Abstract" under the authors' lines) names it.

Only the citation's label: a manual page is cut, scored and quoted as any plain text is (its
running header the section of its passages, whose words carry the command's name into each
sentence's context). Cutting at those headings too was tried and cost right answers
(evals/README.md, "Sections", session 15). No I/O but the language data's word list, read
once; a page's headings are kept for the last few documents cited (`_manual_headings`).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass

from citeqa.blocks import label_headings
from citeqa.chunking import section_bounds, section_of
from citeqa.glossary import fold, language_words
from citeqa.headingpath import headings_above
from citeqa.models import Chunk
from citeqa.recently_used import RecentlyUsed
from citeqa.titles import capitals_heading, page_name, running_header
from citeqa.visible import cut, shown

__all__ = ["SECTION_PATH", "citation_section", "own_heading"]

SECTION_PATH = " › "
"""Between a manual page's name and its heading in a citation's section ("UNIQ(1) › OPTIONS")."""


def citation_section(text: str, chunk: Chunk, offset: int, latex: bool = False) -> str | None:
    """The section a citation of the character at `offset` of `chunk` (its document's text
    `text`) names: in a manual page, the nearest heading in capitals above it, named after the
    page (`_ManualHeadings`); else the heading it stands under (chunking.section_of). A label
    longer than visible.cut shows is cut as names are (its ends and its length): a 100 KB
    heading was the whole section of the JSON and of the Sources line (probe s16-hostile). Each
    heading of the path is shown as names are (visible.shown: a control character of an
    ancestor heading, "[1.0.0] ESC[31mRED", reached the terminal)."""
    headings = _manual_headings(chunk.doc_id, text)
    index = bisect.bisect_right(headings.starts, offset) - 1
    if index >= 0:
        return headings.names[index]
    section = _label_heading(text, chunk, offset, latex) or section_of(text, chunk, offset, latex)
    if section is None:
        return None
    path = [*headings_above(text, offset, section), section]
    return SECTION_PATH.join(shown(cut(heading)) for heading in path)


def _label_heading(text: str, chunk: Chunk, offset: int, latex: bool = False) -> str | None:
    """The heading of a paper that the character at `offset` stands under past the build's
    (blocks.label_headings: "2 Results" over a table's caption, "Abstract" under the authors),
    inside the chunk, after the heading the build found (or the chunk's start); None if none."""
    if not chunk.start <= offset < chunk.end:
        return None
    low, _ = section_bounds(text, chunk, offset, latex)
    found = [
        heading
        for start, heading in _chunk_label_headings(text[chunk.start : chunk.end])
        if low <= chunk.start + start <= offset
    ]
    return found[-1] if found else None


@functools.lru_cache(maxsize=256)
def _chunk_label_headings(chunk_text: str) -> tuple[tuple[int, str], ...]:
    """`label_headings` of a chunk's text, cached by the text (a chunk's several citations)."""
    return tuple(label_headings(chunk_text))


def own_heading(section: str) -> str:
    """A section's own heading, without the page's name that `citation_section` put before
    it ("UNIQ(1) › EXIT STATUS" → "EXIT STATUS"); any other section whole, " › " and all
    ("Settings › Display" is a heading of its own)."""
    page, path, heading = section.partition(SECTION_PATH)
    built = path and page_name(page) and heading.upper() == heading and SECTION_PATH not in heading
    return heading if built else section


@dataclass(frozen=True)
class _ManualHeadings:
    """A manual page's headings in capitals over indented text: where each starts and the
    section each names; both empty for a document that is no manual page."""

    starts: tuple[int, ...] = ()
    names: tuple[str, ...] = ()


_OPENING = re.compile(r"(?:[ \t]*\r?\n)*(?P<first>[^\r\n]*)(?:\r?\n(?P<below>[^\r\n]*))?")
"""A text's first line that is not blank, and the line under it."""


CACHED_DOCUMENTS = 64
"""How many documents' `_ManualHeadings` `_manual_headings` keeps (small: offsets and names)."""
_CACHE: RecentlyUsed[tuple[str, str], _ManualHeadings] = RecentlyUsed(CACHED_DOCUMENTS)


def _manual_headings(doc_id: str, text: str) -> _ManualHeadings:
    """A document's `_ManualHeadings` (`_read_manual_headings`): none for a document that is no
    manual page, told from its first two lines (`_page_prefix`) before anything else is read;
    a manual page's kept for the last CACHED_DOCUMENTS pages asked about (a page's several
    citations read it once), by its id and a digest of its text: the cache holds no whole
    document, and a document whose text changed under the same id is read again
    (`RecentlyUsed`)."""
    page = _page_prefix(text)
    if page is None:
        return _ManualHeadings()  # no manual page: its headings are the build's (section_of)
    key = (
        doc_id,
        hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest(),
    )
    return _CACHE.get(key, lambda: _read_manual_headings(text, page))


def _page_prefix(text: str) -> str | None:
    """What a manual page's headings are named after: its name and SECTION_PATH when it opens
    with a running header ("UNIQ(1) User Commands UNIQ(1)" → "UNIQ(1) › "), "" when it opens
    with the heading naming a page ("NAME" over indented text); None for a document opening
    with neither, no manual page, whose nearer headings may be of other kinds ("USAGE" over an
    indented command, then "## Configuration")."""
    opening = _OPENING.match(text)
    first, below = (opening["first"], opening["below"] or "") if opening else ("", "")
    page = first.split()[0] + SECTION_PATH if running_header(first.strip()) else ""
    named = capitals_heading(first, below) and fold(first) in language_words("manual_name_headings")
    return page if page or named else None


def _read_manual_headings(text: str, page: str) -> _ManualHeadings:
    """A manual page's headings in capitals over indented text, each named after the page
    (`page`, `_page_prefix`: "UNIQ(1) › OPTIONS", else "OPTIONS"), cut (visible.cut)."""
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    names: list[str] = []
    position = 0
    for line, below in zip(lines, [*lines[1:], ""], strict=True):
        if line[:1].isupper() and capitals_heading(line.rstrip("\r\n"), below):
            starts.append(position)
            names.append(cut(page + " ".join(line.split())))
        position += len(line)
    return _ManualHeadings(tuple(starts), tuple(names))
