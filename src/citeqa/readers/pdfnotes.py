"""A PDF's footnotes and captions read as sentences of their own, and a sentence broken by a
page's end read whole.

pypdf gives a page's lines in drawing order: a report's 8 pt footnote under the page's last
line, which breaks off mid-sentence ("…on volunteers who"), was read into that sentence ("…on
volunteers who 1 A household is counted as connected when…"), and the sentence went on in
another paragraph on the next page (pages are joined by a blank line); a 9 pt caption with no
final stop ("Figure 4.2 Median turbidity (NTU) by district") ran into the body sentence under
it (s22 trial, failure 5). Here, on each page (its margins dropped, pdfmargins.py):

- a footnote is the run of lines the page ends with, every character of them drawn smaller
  than the page's text (pypdf's visitor_text sizes: `Page.pieces`), the first opening with a
  note's mark (`_NOTE_MARK`: "1 A household…", "* Provisional", "† …"); it stands apart,
  a blank line before and after it, before the sentence the page's text breaks off in (the
  page's last sentence end, language.split_sentences), so that that sentence runs on into the
  next page; but on a slide (a page opening with a larger title, no sentence of it running
  over a line's end: its smaller lines are sub-bullets) nothing is moved;
- a caption is a run of lines drawn smaller than the page's text, the first opening with a
  caption's label and its number (language data `caption_labels`: "Figure 3.1", "Tableau 2 –"):
  it stands apart, a blank line before and after it (a body sentence "Table 2.1 summarises…",
  in the text's size, stays in its paragraph), but for a caption short enough to read as a
  heading (blocks.is_label_line: "Table 2.1 Headline figures"), which would head the text
  after it (the table, then the section's text, cited under it): it keeps to the lines under
  it, as before;
- pages are joined by a blank line (`PAGE_BREAK`), but by a line break when the page before
  breaks off mid-sentence (its last line ends in a lower-case word, or in a number after one,
  a comma or a dash, and is no list item) and the next page carries on with a lower-case word
  ("pH", "e.g." open sentences of their own): pdfheadings' rule of a line inside a sentence
  (`joined_pages`).

Written here: pypdf's docs leave such layout to the caller. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from citeqa.blocks import is_caption_line, is_label_line
from citeqa.language import is_bullet, split_sentences, without_closing_marks
from citeqa.readers.pdfheadings import breaks_off, carries_on
from citeqa.readers.pdfmargins import Page, body_size

__all__ = ["PAGE_BREAK", "joined_pages", "smaller_lines", "with_notes_apart"]

PAGE_BREAK = "\n\n"
"""What joins two pages' texts, but where a sentence runs on from one into the next."""
_NOTE_MARK = re.compile(r"(?:\d{1,3}|[*†‡§]{1,3})\s*[^\W\d_]")
"""A footnote opens with its mark, then a word: "1 A household…", "12 See…", "* Provisional"."""
_NAME_END = re.compile(r"(?:^|\s)[^\W\d_]*[a-zà-ÿ][^\W\d_]*$")
"""A line ending in a word holding a lower-case letter (a name: no digit, no acronym)."""


def smaller_lines(page: Page) -> frozenset[str]:
    """The page's lines (spaces evened) every character of which is drawn smaller than its
    text (pdfmargins.body_size)."""
    body = body_size(page.pieces)
    if body is None:
        return frozenset()
    found: set[str] = set()
    line: list[str] = []
    small = True
    for text, size in page.pieces:
        parts = text.split("\n")
        for number, part in enumerate(parts):
            if part.strip():
                line.append(part)
                small = small and size < body
            if number < len(parts) - 1:
                found.update(_evened(line, small))
                line, small = [], True
    found.update(_evened(line, small))
    return frozenset(found)


def _evened(line: list[str], small: bool) -> set[str]:
    """The line (its parts), spaces evened, when all of it is `small`; else nothing."""
    words = " ".join("".join(line).split())
    return {words} if words and small else set()


def with_notes_apart(
    read: Sequence[Page], pages: Sequence[str], titled: Collection[int] = ()
) -> list[str]:
    """The `pages`' texts (those of the pages `read`, margins dropped) with their footnotes and
    captions standing apart (see the module docstring); on a slide (`_slide_shaped`), captions
    only."""
    return [
        _notes_apart(text, smaller_lines(page), not _slide_shaped(text, number in titled))
        for number, (page, text) in enumerate(zip(read, pages, strict=True))
    ]


def _slide_shaped(text: str, titled: bool) -> bool:
    """Whether a page reads as a slide, its smaller lines sub-bullets, no footnote: it opens
    with a larger title (`titled`: pdfmargins.opens_larger, as a report's chapter page does)
    and no sentence of it runs over a line's end (language.split_sentences; a report's
    paragraphs wrap)."""
    return titled and not any("\n" in text[start:end] for start, end in split_sentences(text))


def _notes_apart(text: str, small: frozenset[str], footnotes: bool = True) -> str:
    """A page's text with its captions, then its footnote (if `footnotes`), standing apart."""
    if not small:
        return text
    lines = text.split("\n")
    evened = [" ".join(line.split()) for line in lines]
    holding = [number for number, line in enumerate(evened) if line]
    if len(holding) < 3:
        return text
    note = _footnote_start(evened, holding, small) if footnotes else len(lines)
    body, notes = lines[:note], lines[note:]
    body = _captions_apart(body, evened[:note], small)
    if not notes:
        return "\n".join(body)
    return _before_broken_sentence("\n".join(body).rstrip("\n"), "\n".join(notes).strip("\n"))


def _footnote_start(evened: list[str], holding: list[int], small: frozenset[str]) -> int:
    """Where the page's footnote starts (the number of its first line), or past its last line:
    the trailing run of small lines, cut at its first line opening with a note's mark, with
    text of the page's size above it."""
    start = len(evened)
    for number in reversed(holding[1:]):
        if evened[number] not in small:
            break
        if _NOTE_MARK.match(evened[number]):
            start = number
    return start


def _captions_apart(lines: list[str], evened: list[str], small: frozenset[str]) -> list[str]:
    """The lines with a blank line before and after each caption (a run of small lines
    opening with a caption's label and number), but at the page's start or end, and after one
    reading as a heading."""
    out: list[str] = []
    number = 0
    while number < len(lines):
        end = number
        if evened[number] in small and is_caption_line(evened[number]):
            while end + 1 < len(lines) and evened[end + 1] in small:
                end += 1
            if out and out[-1].strip():
                out.append("")
            out.extend(lines[number : end + 1])
            heading_like = is_label_line(" ".join(evened[number : end + 1]))
            if end + 1 < len(lines) and lines[end + 1].strip() and not heading_like:
                out.append("")
        else:
            out.append(lines[number])
        number = end + 1
    return out


def _before_broken_sentence(body: str, note: str) -> str:
    """The page's `body` with its footnote `note` set apart after its last sentence end
    (language.split_sentences: "e.g." ends none), when the body breaks off mid-sentence (the
    sentence then runs on into the next page); else after the body, as when the body holds no
    sentence end (a slide's lines)."""
    spans = split_sentences(body)
    if not _breaks_off(body) or len(spans) < 2:
        return f"{body}\n\n{note}"
    start = spans[-1][0]
    return f"{body[:start].rstrip()}\n\n{note}\n\n{body[start:]}"


def _breaks_off(text: str) -> bool:
    """Whether a page's text breaks off mid-sentence: its last line does (pdfheadings.breaks_off),
    or ends in a name ("…households in Siaya" ⏎ "were…"; a list item aside), or in a number
    after such a line ("…field teams held 51" ⏎ "community…")."""
    line = " ".join(text.rstrip().rsplit("\n", 1)[-1].split())
    before, _, last = line.rpartition(" ")
    if before and last.isdigit():
        line = before
    core = without_closing_marks(line)
    name_end = not is_bullet(line) and _NAME_END.search(core) is not None
    return breaks_off(line) or name_end


def _carries_on(text: str) -> bool:
    """Whether a page's text opens with a lower-case word of a sentence (pdfheadings.carries_on:
    a sentence carried on; "pH", "e.g." open sentences of their own)."""
    return carries_on(" ".join(text.lstrip().split("\n", 1)[0].split()))


def joined_pages(pages: Sequence[str]) -> tuple[str, list[int]]:
    """The pages' texts joined (`PAGE_BREAK`, a line break where a sentence runs on from one
    page into the next), and the offset where each page starts."""
    parts: list[str] = []
    starts, position = [], 0
    for number, page in enumerate(pages):
        if number:
            before = pages[number - 1]
            runs_on = before.strip() and _breaks_off(before) and _carries_on(page)
            parts.append("\n" if runs_on else PAGE_BREAK)
            position += len(parts[-1])
        starts.append(position)
        parts.append(page)
        position += len(page)
    return "".join(parts), starts
