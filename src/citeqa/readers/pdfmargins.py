"""A PDF's running header and footer: the lines it repeats at the top or bottom of its pages.

A journal's paper sets "Journal of … · Vol. 12 (2025) · 41-47" over each page and "J … 12: page
1 of 2" under it. Read as text, the header of page 2 runs into the first sentence of the page
("… · 41-47 · 2.3 Field samples A total of …") and the first page's header is taken for the
document's title. A margin line is a page's first or last line that half the pages or more
(two at least) also open or end with: the same text, or the same but for its numbers ("page 1
of 2", "page 2 of 2") when it is set smaller than the page's text (pypdf's visitor_text gives
each piece of text with its font size), so that pages opening with "Table 1" and "Table 2"
keep them. Margin lines are dropped from every page but the first page's header (kept: it says
where the paper was published). The first page's smaller first lines, in a document of one
page too, are no title (`smaller_first_lines`). Written here: pypdf's docs ("Post-Processing
in Text Extraction") leave header and footer removal to the caller.
Pure functions, no I/O.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Page", "SizedText", "margin_free_pages", "smaller_first_lines"]

SizedText = tuple[str, float]
"""A piece of a page's text as pypdf draws it, with its font size (points, scaled)."""

_DIGITS = re.compile(r"\d+")
MARGIN_PAGES_SHARE = 0.5
"""A margin line is repeated on at least this share of the pages (two at least): a manual page
ending 13 of its 109 pages with "Example:" (its example on the next page) keeps them."""
LINES_MIN = 3
"""A page of fewer lines keeps them all: its lines are its text, not margins around it."""


@dataclass(frozen=True)
class Page:
    """A page's text and the pieces it was drawn from, with their sizes."""

    text: str
    pieces: Sequence[SizedText] = ()


def margin_free_pages(pages: Sequence[Page]) -> list[str]:
    """The pages' text without their running header and footer lines (kept: the first
    page's header)."""
    edges = [_edges(page) for page in pages]
    exact = Counter(line for edge in edges for line in edge.lines)
    folded = Counter(_folded(line) for edge in edges for line in edge.small)
    least = max(2, math.ceil(len(pages) * MARGIN_PAGES_SHARE))
    texts = []
    for number, (page, edge) in enumerate(zip(pages, edges, strict=True)):
        margins = {
            line
            for line in edge.lines
            if exact[line] >= least or (line in edge.small and folded[_folded(line)] >= least)
        }
        if number == 0:
            margins.discard(edge.first)
        texts.append(_without(page.text, margins))
    return texts


def smaller_first_lines(page: Page) -> int:
    """How many of the page's first lines are set smaller than its text (the size holding
    most of its characters): a running header, a journal's name over the title."""
    return _smaller_lines(_text_lines(page.text), list(page.pieces), _body_size(page.pieces))


@dataclass(frozen=True)
class _Edges:
    """A page's first and last lines holding text, and those of them set small."""

    first: str
    last: str
    small: frozenset[str]

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.first, self.last) if self.first != self.last else (self.first,)


def _edges(page: Page) -> _Edges:
    """The page's first and last lines, and which of them are set smaller than its text."""
    lines = _text_lines(page.text)
    if not lines:
        return _Edges("", "", frozenset())
    body, pieces = _body_size(page.pieces), list(page.pieces)
    small = set()
    if _smaller_lines(lines, pieces, body):
        small.add(lines[0])
    backwards = [(text[::-1], size) for text, size in reversed(pieces)]
    if _smaller_lines([line[::-1] for line in reversed(lines)], backwards, body):
        small.add(lines[-1])
    return _Edges(lines[0], lines[-1], frozenset(small))


def _smaller_lines(lines: list[str], pieces: list[SizedText], body: float | None) -> int:
    """How many of `lines` (in drawing order) the pieces set smaller than `body` cover: the
    lines, spaces evened, that the small pieces' text, spaces evened, opens with. Each line is
    compared where the one before it ended (a running prefix, read once: joining the lines up
    to each one again made a page of thousands of small lines quadratic, s19 hostile 7)."""
    if body is None:
        return 0
    small = []
    for text, size in pieces:
        if text.strip() and size >= body:
            break
        small.append(text)
    covered, count, at = " ".join("".join(small).split()), 0, 0
    for line in lines:
        words = " ".join(line.split())
        piece = f" {words}" if at and words else words
        if not covered.startswith(piece, at):
            break
        at, count = at + len(piece), count + 1
    return count


def _body_size(pieces: Sequence[SizedText]) -> float | None:
    """The font size holding most of a page's characters (None: no text drawn)."""
    sizes: Counter[float] = Counter()
    for text, size in pieces:
        sizes[size] += len(text.strip())
    return sizes.most_common(1)[0][0] if sizes else None


def _without(text: str, margins: set[str]) -> str:
    """A page's text without its first and last lines that are margin lines."""
    lines = text.split("\n")
    holding = [number for number, line in enumerate(lines) if line.strip()]
    if not margins or len(holding) < LINES_MIN:
        return text
    drop = {number for number in (holding[0], holding[-1]) if lines[number].strip() in margins}
    return "\n".join(line for number, line in enumerate(lines) if number not in drop).strip("\n")


def _text_lines(text: str) -> list[str]:
    """A page's lines holding text, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _folded(line: str) -> str:
    """A line with its numbers folded: "page 1 of 2" and "page 2 of 2" are one margin line."""
    return _DIGITS.sub("0", " ".join(line.split()))
