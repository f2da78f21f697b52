"""Markdown footnotes: the notes a quote cites, and their marks as a reader sees them.

A Markdown note writes "The drug was withdrawn in 2019[^2]." and, further down, the note's
definition "[^2]: Only in the European Union.". Quoted as written, the sentence showed its raw
mark "[^2]" and never what the note adds. `cited_notes` finds, for a quote, the definition of
each note it cites (the text after "[^2]: " on the definition's line: its own characters of
the document, so a citation shows it verbatim beside the quote: Citation.notes), and
`shown_marks` writes each mark as a reader of the rendered note sees it: a number as a
superscript ("2019²"), any other label as "*". A definition's own "[^2]: " opening is
markup.note_markup_opening's. Pure functions; marks inside a code span are code, not notes.
"""

from __future__ import annotations

import re

from citeqa.language import Span

__all__ = ["cited_notes", "note_mark", "shown_marks"]

NOTES_CITED = 4
"""The most notes one quote shows (a sentence citing more is rare: the first ones)."""

_MARK = re.compile(r"(?<=[\w.,;:!?)\]'\"’”»])\[\^([\w-]{1,40})\](?!:)")
"""A footnote's mark in the text, right after a word or a closing mark ("2019[^2]",
"cases.[^note]"), not its definition's opening ("[^2]:") nor a pattern's negated class after
a blank ("match [^0-9]")."""
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def note_mark(label: str) -> str:
    """How a note's label reads in a rendered note: its number as a superscript ("²"), any
    other label as "*"."""
    return label.translate(_SUPERSCRIPTS) if label.isdigit() else "*"


def shown_marks(line: str) -> str:
    """`line` with each footnote mark outside a code span written as `note_mark` reads it
    ("withdrawn in 2019[^2]." → "withdrawn in 2019².")."""
    if "[^" not in line:
        return line
    pieces, position = [], 0
    for code in _CODE_SPAN.finditer(line):
        pieces.append(_MARK.sub(_shown, line[position : code.start()]) + code.group())
        position = code.end()
    return "".join(pieces) + _MARK.sub(_shown, line[position:])


def _shown(mark: re.Match[str]) -> str:
    return note_mark(mark[1])


def cited_notes(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    """The notes text[start:end] cites, in order, each once: its label and the span of its
    definition's text (after "[^label]: ", up to its line's end, trimmed), at most NOTES_CITED;
    a mark whose note the text never defines, or one inside a code span, cites none."""
    quote = text[start:end]
    if "[^" not in quote:
        return []
    code = [match.span() for match in _CODE_SPAN.finditer(quote)]
    notes: list[tuple[str, Span]] = []
    for mark in _MARK.finditer(quote):
        label = mark[1]
        if any(low <= mark.start() < high for low, high in code) or label in dict(notes):
            continue
        span = _definition(text, label)
        if span is not None:
            notes.append((label, span))
        if len(notes) == NOTES_CITED:
            break
    return notes


def _definition(text: str, label: str) -> Span | None:
    """The span of the text of the definition of note `label`: a line opening with
    "[^label]:" (three blanks before it at most), its text after the colon, trimmed."""
    opening = re.compile(r"(?m)^[ \t]{0,3}\[\^" + re.escape(label) + r"\]:[ \t]*")
    found = opening.search(text)
    if found is None:
        return None
    line_end = (
        len(text)
        if (stop := re.compile(r"[\r\n]").search(text, found.end())) is None
        else stop.start()
    )
    low, high = found.end(), line_end
    while high > low and text[high - 1].isspace():
        high -= 1
    return (low, high) if high > low else None
