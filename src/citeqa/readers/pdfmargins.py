"""A PDF's running header and footer: the lines it repeats at the top or bottom of its pages.

A journal's paper sets "Journal of … · Vol. 12 (2025) · 41-47" over each page and "J … 12: page
1 of 2" under it; a slide deck exported as PDF ends each slide with "Acme Ops · Confidential ·
Q3 2025 review", a date and the slide's number, each on a line of its own. Read as text, the
header of page 2 runs into the first sentence of the page ("… · 41-47 · 2.3 Field samples A
total of …"), the first page's header is taken for the document's title, and a slide's footer
is quoted with its last bullet and matches questions on every slide. A margin line is one of a
page's first or last EDGE_LINES lines that half the pages or more (two at least) also open or
end with: the same text; the same but for its numbers ("page 1 of 2", "page 2 of 2") when it is
set smaller than the page's text (pypdf's visitor_text gives each piece of text with its font
size), so that pages opening with "Table 1" and "Table 2" keep them; or, among a page's last
lines, the same but for a number running with the page's own ("3" on the third slide, "4" on
the fourth: a deck's footer is often set in the size of its few words of text), ending no
sentence ("Results of part 3." on page 3 is the page's text) and set small or in few words
("Q3 revenue 1.9 million EUR" on the slide numbered 3 is the slide's). A page loses the
margin lines it opens and ends with, up to the first line that is none (a line numbering it in
words, in its text's size, only while it keeps most of its lines), but for the first
page's header (kept: it says where the paper was published); a page of fewer than LINES_MIN
lines keeps them, but when all are margin lines (a blank page's header and number). The first
page's smaller first lines, in a document of one page too, are no title
(`smaller_first_lines`). Written here: pypdf's docs ("Post-Processing in Text Extraction")
leave header and footer removal to the caller.
Pure functions, no I/O.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from citeqa.language import SENTENCE_ENDS

__all__ = [
    "Page",
    "SizedText",
    "body_size",
    "margin_free_pages",
    "opens_larger",
    "smaller_first_lines",
]

SizedText = tuple[str, float]
"""A piece of a page's text as pypdf draws it, with its font size (points, scaled)."""

_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
MARGIN_PAGES_SHARE = 0.5
"""A margin line is repeated on at least this share of the pages (two at least): a manual page
ending 13 of its 109 pages with "Example:" (its example on the next page) keeps them."""
LINES_MIN = 3
"""A page of fewer lines keeps them (its lines are its text, not margins around it), but when
all of them are margin lines (`_margins_only`)."""
EDGE_LINES = 3
"""How many of a page's first and of its last lines may be margin lines: a slide's footer, its
date and its number each stand on a line of their own."""
NUMBERS_MAX = 4
"""How many of a line's first numbers may be the page's number ("Q3 2025 review 3": the third)."""
NUMBER_DIGITS_MAX = 6
"""A longer run of digits numbers no page (a date written 20250930, an identifier)."""
NUMBERED_WORDS_MAX = 3
"""How many words (holding a letter) a last line running with the page's number may hold in the
size of the page's text to number it ("Page 3 of 12", "Acme Ops · 3"): "Q3 revenue 1.9 million
EUR" on the slide numbered 3 is the slide's text."""


@dataclass(frozen=True)
class Page:
    """A page's text and the pieces it was drawn from, with their sizes."""

    text: str
    pieces: Sequence[SizedText] = ()
    bold: Sequence[bool] = ()
    """Whether each of `pieces` is drawn in a bold font (pdfheadings.py); empty: unknown."""


def margin_free_pages(pages: Sequence[Page]) -> list[str]:
    """The pages' text without their running header and footer lines (kept: the first
    page's header)."""
    edges = [_edges(page) for page in pages]
    repeats = _Repeats(
        exact=Counter(line for edge in edges for line in set(edge.top + edge.bottom)),
        folded=Counter(_folded(line) for edge in edges for line in edge.small),
        numbered=Counter(
            key for number, edge in enumerate(edges) for key in _numbered_keys(edge, number)
        ),
        least=max(2, math.ceil(len(pages) * MARGIN_PAGES_SHARE)),
        pages=len(pages),
    )
    return [
        _without(page.text, repeats.margins(edge, number), keep_top=number == 0)
        for number, (page, edge) in enumerate(zip(pages, edges, strict=True))
    ]


def smaller_first_lines(page: Page) -> int:
    """How many of the page's first lines are set smaller than its text (the size holding
    most of its characters): a running header, a journal's name over the title."""
    return _smaller_lines(_text_lines(page.text), list(page.pieces), body_size(page.pieces))


def opens_larger(page: Page, text: str) -> bool:
    """Whether `text` (the page's, its margins dropped) opens with a line set larger than the
    page's text, whole (or wrapped over its first lines): a slide's title, which a guide's page
    opening with an answer, or with a word of a larger heading further down, is not."""
    body = body_size(page.pieces)
    lines = evened_lines(text)
    openings = {" ".join(lines[:count]) for count in range(1, min(len(lines), 3) + 1)}
    return body is not None and any(run in openings for run in _larger_runs(page.pieces, body))


def _larger_runs(pieces: Sequence[SizedText], body: float) -> list[str]:
    """The page's runs of consecutive pieces set in one size larger than `body` (blank pieces
    join a run), spaces folded: a title wrapped over two lines is one run, and a subtitle or a
    key figure in another size under it is a run of its own (s21 review: "Quarterly review"
    over three lines of a smaller size was one run, no title)."""
    runs: list[str] = []
    current: list[str] = []
    size_of_run = 0.0
    for piece, size in [*pieces, ("-", body)]:
        if current and not piece.strip():
            current.append(piece)
            continue
        if current and size != size_of_run:
            runs.append(evened("".join(current)))
            current = []
        if size > body:
            current.append(piece)
            size_of_run = size
    return runs


@dataclass(frozen=True)
class _Edges:
    """A page's first and last lines holding text (EDGE_LINES of each, stripped), and those of
    them set smaller than its text."""

    top: tuple[str, ...]
    bottom: tuple[str, ...]
    small: frozenset[str]


def _edges(page: Page) -> _Edges:
    """The page's first and last lines, and which of them are set smaller than its text."""
    lines = _text_lines(page.text)
    body, pieces = body_size(page.pieces), list(page.pieces)
    small = set(lines[: min(EDGE_LINES, _smaller_lines(lines, pieces, body))])
    backwards = [(text[::-1], size) for text, size in reversed(pieces)]
    reversed_lines = [line[::-1] for line in reversed(lines)]
    small_last = min(EDGE_LINES, _smaller_lines(reversed_lines, backwards, body))
    small.update(lines[len(lines) - small_last :])
    return _Edges(tuple(lines[:EDGE_LINES]), tuple(lines[-EDGE_LINES:]), frozenset(small))


@dataclass(frozen=True)
class _Repeats:
    """On how many pages each edge line stands: as written, with its numbers folded (a line
    set small), and with its numbers folded but for the one running with the page's number."""

    exact: Counter[str]
    folded: Counter[str]
    numbered: Counter[tuple[str, int]]
    least: int
    pages: int

    def margins(self, edge: _Edges, number: int) -> _Margins:
        """The page's edge lines that are margin lines (`number`: the page's, from 0): those
        repeated at either edge, and at its bottom only, those numbering the page."""
        repeated = {
            line
            for line in edge.top + edge.bottom
            if self.exact[line] >= self.least
            or (line in edge.small and self.folded[_folded(line)] >= self.least)
        }
        numbered = {
            line
            for line in edge.bottom
            if self._footer_like(line, edge)
            and (
                self._numbered_often(_line_keys(line, number))
                or _counts_pages(line, number, self.pages)
            )
        }
        doubtful = {
            line
            for line in numbered - repeated
            if not self._set_small(line, edge) and _LETTER.search(line)
        }
        folded_often = {
            line for line in edge.top + edge.bottom if self.folded[_folded(line)] >= self.least
        }
        return _Margins(
            frozenset(repeated),
            frozenset(repeated | numbered),
            frozenset(doubtful),
            frozenset(folded_often),
        )

    def _footer_like(self, line: str, edge: _Edges) -> bool:
        """Whether a last line may number its page: it ends no sentence ("Results of part 3."
        on page 3 is the page's text) and is set small, here or as most pages' margin, or
        holds few words (NUMBERED_WORDS_MAX)."""
        if line.endswith(tuple(SENTENCE_ENDS)):
            return False
        words = (word for word in line.split() if _LETTER.search(word))
        few = len(list(itertools.islice(words, NUMBERED_WORDS_MAX + 1))) <= NUMBERED_WORDS_MAX
        return few or self._set_small(line, edge)

    def _set_small(self, line: str, edge: _Edges) -> bool:
        """Whether the line is set small on this page, or, its numbers folded, on most pages (a
        title slide's footer in the size of its few words, smaller than the other slides')."""
        return line in edge.small or self.folded[_folded(line)] >= self.least

    def _numbered_often(self, keys: set[tuple[str, int]]) -> bool:
        """Whether a line, by any of its numbered keys, stands on at least `least` pages."""
        return any(self.numbered[key] >= self.least for key in keys)


@dataclass(frozen=True)
class _Margins:
    """A page's margin lines: those it may open with, those it may end with, and of those the
    doubtful: numbering the page in words, in the size of its text ("Sprint 12"), which a page
    loses only while it keeps most of its lines."""

    top: frozenset[str]
    bottom: frozenset[str]
    doubtful: frozenset[str] = frozenset()
    folded_often: frozenset[str] = frozenset()
    """The page's edge lines that, their numbers folded, most pages set small at their edges
    (a page number drawn in the size of a blank page's only other line)."""


_PAGE_OF = re.compile(r"\D{0,12}?(\d{1,5})\s*(?:/|[^\W\d_]{1,4}\.?)\s*(\d{1,5})\W{0,2}")
"""A line counting the pages: a short label, the page's number, "/" or a short word ("of",
"sur", "von", "de"), the count: "Page 1/1", "p. 2 sur 3", "Seite 2 von 5", "3 / 12"."""


def _counts_pages(line: str, number: int, pages: int) -> bool:
    """Whether `line` gives the page's own number (`number`, from 0) out of the document's
    `pages`: a one-page notice's "Page 1/1" numbers its page though no other page repeats it."""
    found = _PAGE_OF.fullmatch(line.strip())
    return found is not None and (int(found[1]), int(found[2])) == (number + 1, pages)


def _numbered_keys(edge: _Edges, number: int) -> set[tuple[str, int]]:
    """The keys of a page's last lines (`number`: the page's, from 0) under which a line
    numbering the pages ("3", "Acme Ops · Confidential · 3") stands on each page."""
    return {key for line in edge.bottom for key in _line_keys(line, number)}


def _line_keys(line: str, number: int) -> set[tuple[str, int]]:
    """A line's keys: its text with its numbers folded, and how far each of its first numbers
    runs ahead of the page's number (a slide numbered 3 on the third page: 1 ahead of 2)."""
    folded = _folded(line)
    numbers = itertools.islice(_DIGITS.finditer(line), NUMBERS_MAX)  # a line may be megabytes
    values = [int(found[0]) for found in numbers if len(found[0]) <= NUMBER_DIGITS_MAX]
    return {(folded, value - number) for value in values}


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
    covered, count, at = evened("".join(small)), 0, 0
    for line in lines:
        words = evened(line)
        piece = f" {words}" if at and words else words
        if not covered.startswith(piece, at):
            break
        at, count = at + len(piece), count + 1
    return count


def body_size(pieces: Sequence[SizedText]) -> float | None:
    """The font size holding most of a page's characters (None: no text drawn)."""
    sizes: Counter[float] = Counter()
    for text, size in pieces:
        sizes[size] += len(text.strip())
    return sizes.most_common(1)[0][0] if sizes else None


def _without(text: str, margins: _Margins, *, keep_top: bool = False) -> str:
    """A page's text without the margin lines it opens or ends with (EDGE_LINES at most each
    way, up to the first that is no margin; `keep_top`: those it opens with are kept)."""
    lines = text.split("\n")
    holding = [number for number, line in enumerate(lines) if line.strip()]
    if not (margins.top or margins.bottom):
        return text
    if len(holding) < LINES_MIN:
        return "" if _margins_only(holding, lines, margins, keep_top=keep_top) else text
    drop = _peeled(holding, lines, margins, keep_top=keep_top)
    if margins.doubtful and 2 * len(drop) > len(holding):
        sure = _Margins(margins.top, margins.bottom - margins.doubtful)
        drop = _peeled(holding, lines, sure, keep_top=keep_top)
    return "\n".join(line for number, line in enumerate(lines) if number not in drop).strip("\n")


def _margins_only(
    holding: list[int], lines: list[str], margins: _Margins, *, keep_top: bool
) -> bool:
    """Whether a page of few lines holds nothing but margin lines repeated on other pages (no
    doubtful one): a blank page's running header and number (s22 trial: page 3 was read, and
    quoted, as "Northwind Water Trust - Annual Report and Accounts 2025 3")."""
    sure = (margins.top | margins.bottom | margins.folded_often) - margins.doubtful
    return not keep_top and all(lines[number].strip() in sure for number in holding)


def _peeled(holding: list[int], lines: list[str], margins: _Margins, *, keep_top: bool) -> set[int]:
    """The numbers of the margin lines a page ends with, then of those it opens with (none:
    `keep_top`), among its lines holding text (`holding`)."""
    drop = _leading(holding[::-1][:EDGE_LINES], lines, margins.bottom)
    if not keep_top:
        drop |= _leading([n for n in holding[:EDGE_LINES] if n not in drop], lines, margins.top)
    return drop


def _leading(numbers: list[int], lines: list[str], margins: frozenset[str]) -> set[int]:
    """The first of `numbers` whose lines are margin lines, up to the first that is not."""
    leading = set()
    for number in numbers:
        if lines[number].strip() not in margins:
            break
        leading.add(number)
    return leading


def _text_lines(text: str) -> list[str]:
    """A page's lines holding text, stripped, their inner spaces as written: margin lines are
    found, and dropped, as the page writes them (`_leading`), not `evened_lines`."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def evened_lines(text: str) -> list[str]:
    """A page's lines holding text, spaces evened (`evened`): how a line is compared with the
    page's pieces (`opens_larger`) and with the other pages' lines (pdfheadings.py)."""
    return [evened(line) for line in text.split("\n") if line.strip()]


def evened(text: str) -> str:
    """`text` with its runs of white space one space, none at either end."""
    return " ".join(text.split())


def _folded(line: str) -> str:
    """A line with its numbers folded: "page 1 of 2" and "page 2 of 2" are one margin line."""
    return _DIGITS.sub("0", evened(line))
