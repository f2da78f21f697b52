"""How a slide deck is written as text, whichever file it came from (.pptx by readers/pptx.py,
.odp by readers/odf.py): a section per slide, headed by the slide's number and title, its text
in reading order, its speaker notes after it under a heading of their own.

A slide's heading names the slide ("## Slide 3 · Quarterly revenue", "## Slide 4" for a slide
without a title), so that a citation tells the user which slide to open; a hidden slide's says
so ("## Slide 12 (hidden) · Backup figures"): PowerPoint and Impress show hidden slides in
their editing view, dimmed, and leave them out of the slide show only, so their text is read
(backup slides are what people ask about), and the heading tells why the show did not show it.
The slide's text frames follow as blocks.py reads them: paragraphs apart by a blank line, bullet
paragraphs as list lines ("- " or "1.", two spaces of indent a level), tables as pipe tables
(readers/delimited.py's `pipe_table`: the first row the header). Its speaker notes come last,
under "### Speaker notes" (`NOTES_HEADING`), so a note is found and quoted as the slide's
notes, never as what the slide shows. A slide holding no text and no notes (a picture) is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from citeqa.readers.delimited import pipe_table
from citeqa.readers.listcounts import count_text

NOTES_HEADING = "### Speaker notes"
"""The heading of a slide's notes, under the slide's: a citation's section reads "Slide 2 ·
Warehouse › Speaker notes". A heading naming the slide again ("Notes · Slide 2") was quoted
with the note's sentences (a heading ending in a number read as a label of the passage): the
s23 end-to-end folder's "How much does it cost to replace a lost badge?" quoted "Notes · Slide
2" over the two sentences of the note; under "Speaker notes", the sentences alone."""
LEVEL_INDENT = "  "
"""The indent of a list line per level below the first (as readers/docx.py writes one)."""
MAX_LEVEL = 8
"""The deepest list level written (PowerPoint has nine: 0 to 8)."""


@dataclass
class Slide:
    """What one slide holds, as its reader found it."""

    number: int
    """Its place in the deck, from 1 (hidden slides counted, as the editing view counts)."""
    title: str = ""
    hidden: bool = False
    blocks: list[str] = field(default_factory=list)
    """Its text, a paragraph, a list or a table a block (`Lines.blocks`)."""
    notes: list[str] = field(default_factory=list)
    """Its speaker notes, as blocks."""


def slide_heading(slide: Slide) -> str:
    """The slide's heading text: "Slide 3 · Quarterly revenue", "Slide 12 (hidden)"."""
    named = f"Slide {slide.number}" + (" (hidden)" if slide.hidden else "")
    return f"{named} · {slide.title}" if slide.title else named


def deck_text(slides: Iterable[Slide]) -> str:
    """The deck as text: each slide holding any text a section (module docstring)."""
    sections = []
    for slide in slides:
        if not (slide.title or slide.blocks or slide.notes):
            continue
        parts = [f"## {slide_heading(slide)}", *slide.blocks]
        if slide.notes:
            parts += [NOTES_HEADING, *slide.notes]
        sections.append("\n\n".join(parts))
    return "\n\n".join(sections) + "\n" if sections else ""


class Lines:
    """A text frame's paragraphs gathered into blocks: consecutive list lines one block (a
    list), any other paragraph a block of its own."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._items: list[str] = []

    def paragraph(self, text: str) -> None:
        text = text.strip()
        if text:
            self._close_list()
            self.blocks.append(text)

    def item(self, text: str, level: int, marker: str = "-") -> None:
        """A list line at `level` (0: the first), its marker "-" or a number ("2."); "" for
        a line carrying an item on (a list header, a paragraph after a nested list),
        indented as the item's text."""
        text = " ".join(text.split())
        if text:
            indent = LEVEL_INDENT * max(0, min(level, MAX_LEVEL))
            self._items.append(f"{indent}{marker} {text}" if marker else f"{indent}  {text}")

    def table(self, rows: list[list[str]]) -> None:
        """A table: a pipe table when it has two rows and two columns of text or more, else
        its cells as paragraphs (a box laid out with a table)."""
        rows = [[" ".join(cell.split()) for cell in row] for row in rows]
        rows = [row for row in rows if any(row)]
        filled = {column for row in rows for column, cell in enumerate(row) if cell}
        if len(rows) >= 2 and len(filled) >= 2:
            self._close_list()
            self.blocks.append(pipe_table(rows).rstrip("\n"))
            return
        for row in rows:
            for cell in row:
                self.paragraph(cell)

    def done(self) -> list[str]:
        self._close_list()
        return self.blocks

    def _close_list(self) -> None:
        if self._items:
            self.blocks.append("\n".join(self._items))
            self._items = []


def numbered(count: int, scheme: str) -> str:
    """The marker of item `count` of an auto-numbered list: `scheme` names its shape as
    PowerPoint's `buAutoNum` types do ("arabicPeriod" "3.", "alphaLcParenR" "c)",
    "romanUcPeriod" "III.")."""
    lower = scheme.lower()
    digits = count_text(count, lower[:7])
    if lower.endswith("parenboth"):
        return f"({digits})"
    return digits + (")" if lower.endswith("parenr") else ".")
