"""PDF: each page's text (pypdf), pages joined by blank lines, with the offset of each page.

Each page is read with the font size of each piece of its text (pypdf's visitor_text), so that
the running header and footer repeated on its pages are dropped but for the first page's header
(pdfmargins.py), and its title is the one its metadata states (pdftitle.py), else read past
that header; words hyphenated at a line's end are joined (linehyphens.py), with what the whole
document writes as evidence; footnotes and captions stand apart, and pages are joined by a
blank line but where a sentence runs on (pdfnotes.py); a table whose cells are aligned with
spaces gets a tab at each gap between its columns (aligned_tables.py). Offsets point into that
text, as they did into pypdf's.

pypdf reports what it repaired or could not read through its `pypdf` logger (`invalid pdf
header`, `EOF marker not found`): raw lines beside citeqa's own skip line and warnings, so the
logger is quietened while a file is read (pypdf's documented way: the logger's level).
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath
from typing import Any

from citeqa.aligned_tables import tabbed_aligned_tables
from citeqa.readers.base import Extracted, UnreadableDocument
from citeqa.readers.linehyphens import join_hyphenated_pages
from citeqa.readers.pdfheadings import is_bold_font, with_headings_apart
from citeqa.readers.pdfmargins import (
    Page,
    SizedText,
    margin_free_pages,
    opens_larger,
    smaller_first_lines,
)
from citeqa.readers.pdfnotes import joined_pages, with_notes_apart
from citeqa.readers.pdfnumbered import with_numbered_headings_apart
from citeqa.readers.pdftitle import stated_title

DAMAGED = "not a readable PDF: the file is damaged or incomplete"
"""Why a PDF pypdf cannot read is skipped (a truncated download, a damaged file): in a
user's words, never the library's exception ("PdfStreamError: Stream has ended unexpectedly")."""
NOT_A_PDF = "not a PDF: the file holds something else"
"""Why a .pdf file with no PDF header (in its first 1,024 bytes, where readers look) is skipped."""
PDF_HEADER = b"%PDF-"
NO_TEXT_LAYER = "no text in it, maybe a scanned image: citeqa does no OCR"
"""Why a PDF whose pages hold no text is skipped: most often a scan, pages as images."""
NO_PAGES = "no pages in it"
"""Why a PDF of zero pages is skipped (no page to scan: NO_TEXT_LAYER would mislead)."""


class PdfFileReader:
    """A .pdf file; encrypted (with a password) or damaged files are skipped with a reason."""

    kind = "pdf"
    suffixes = (".pdf",)
    decoded = False
    version = 21
    """2: a PDF is titled past its preamble lines (titles.derived_title: a block of
    `Key: value` lines, rule lines). 3: past a running header ("XZ(1) XZ Utils XZ(1)"). 4: past
    a line standing again further on (a journal's running header on each page,
    titles.repeated_line, since removed: pdfmargins drops it). 5: running header and footer
    lines repeated on its pages dropped, titled past a first line set smaller than its text,
    words hyphenated at a line's end joined. 6: that joining weighs what the whole document
    writes (it read each page alone), leaves a break before any alphabet's capital
    ("Saint-⏎Étienne"), and keeps the hyphen of a compound's last part and before a word the
    document writes alone (linehyphens.py). 7: a deck whose first page opens with a slide's
    label alone ("Slide 1") is titled by the line after it (titles.slide_label). 8: the margin
    lines a page opens or ends with are read up to three deep (a deck's footer, date and slide
    number), and a last line numbering the pages is one in any size (pdfmargins.py). 9: such a
    numbering line is one only at a page's bottom, set small or in few words, and never so as
    to take most of a page's lines ("Q3 revenue 1.9 million EUR" closing slide 3 is kept).
    10: which pages open with a line set larger than their text (Extracted.titled_pages: a
    slide's title). 11: that line is a whole run set larger (or the first lines it wraps
    over), not any word of a larger heading further down the page. 12: a line drawn larger or
    bolder than its page's text that reads as a heading stands apart, a blank line before and
    after it (pdfheadings.py: "Délibération n° 2025-16 – …" over its text is its heading).
    13: but one standing inside a sentence: after a line breaking off on a lower-case word, a
    comma or a dash, or over one carrying on with a lower-case word (a bold phrase filling a
    line of a paragraph). 14: titled by the title its metadata states (/Title, else XMP
    dc:title) when that is a real title (pdftitle.py), before its first line. 15: a line-end
    break of a compound the data knows or of two words whose joined form is no known word keeps
    its hyphen, and a kept compound is one word, the line's break after it (linehyphens.py).
    16: a footnote and a caption set smaller than the text stand apart, a sentence broken by a
    page's end runs on into the next page (pdfnotes.py), and a page holding nothing but margin
    lines (a blank page's header and number) is read empty. 17: a break before a suffix or a
    second half written solid, or after a head such as "over-", is joined though both halves
    are words ("short-⏎ness"); a stated title loses its control characters, and a placeholder
    /Title gives way to XMP's (pdftitle.py). 18: pages run on only where pdfheadings' rule of
    a line inside a sentence holds (a list item ends its sentence, "pH" opens one), a slide's
    smaller lines stay in place, and a footnote is set after the last sentence end
    language.split_sentences finds ("e.g." ends none). 19: a numbered heading line in the
    text's own style ("3. Results" under a table's last row) opens a paragraph
    (pdfnumbered.py), and a numbered one drawn larger or bolder stays over its text (no blank
    line after it: alone it read as a list's item), so that both head sections. 20: a derived
    title is no longer cut at an abbreviation's or a reference's period ("Soil carbon under
    no-till (J. Appl. Ecol. 2021)" was titled "… (J. Appl": language.split_sentences, s40).
    21: a table whose columns are aligned with spaces ("DeepVariant   0.981    0.894") has a
    tab at the first column of each gap between its cells (aligned_tables.py): it is read as
    a table, each row with its header."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        return _pdf_text(raw, relative)


def _pdf_text(raw: bytes, relative: str) -> Extracted:
    """Each page's text joined by blank lines, with the offset where each page starts."""
    try:
        from pypdf import PdfReader

        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableDocument("encrypted PDF")
            read = [_sized_page(page) for page in reader.pages]
            stated = stated_title(reader, PurePath(relative).name)
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files: none is the user's
        raise UnreadableDocument(DAMAGED if PDF_HEADER in raw[:1024] else NOT_A_PDF) from error
    if not read:
        raise UnreadableDocument(NO_PAGES)
    if not any(page.text.strip() for page in read):
        raise UnreadableDocument(NO_TEXT_LAYER)
    pages = join_hyphenated_pages(margin_free_pages(read))
    titled = [number for number, page in enumerate(pages) if opens_larger(read[number], page)]
    pages = with_numbered_headings_apart(with_headings_apart(read, pages))
    pages = with_notes_apart(read, pages, titled)
    text, starts = joined_pages(pages)
    text = tabbed_aligned_tables(text)
    warnings = [
        f"{relative}: page {number} has no extractable text"
        for number, page in enumerate(read, start=1)
        if not page.text.strip()
    ]
    title = stated or _title_past_header(read[0], PurePath(relative).name)
    return Extracted(text, page_starts=starts, warnings=warnings, title=title, titled_pages=titled)


def _sized_page(page: Any) -> Page:
    """A pypdf page's text, with each piece of it and its font size as drawn."""
    pieces: list[SizedText] = []
    bold: list[bool] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text:
            pieces.append((text, round(size * _scale(tm) * _scale(cm), 1)))
            bold.append(is_bold_font(font))

    text = page.extract_text(visitor_text=visit) or ""
    return Page(text, tuple(pieces), tuple(bold))


def _scale(matrix: list[float]) -> float:
    """How much a PDF matrix scales text vertically (1 for the identity)."""
    return math.hypot(matrix[2], matrix[3]) if len(matrix) >= 4 else 1.0


def _title_past_header(first: Page, file_name: str) -> str | None:
    """The document's title read past its first page's opening lines set smaller than its
    text (a journal's running header), None when there are none (titled as any text is)."""
    from citeqa.titles import derived_title

    skipped = smaller_first_lines(first)
    if not skipped:
        return None
    lines = [line for line in first.text.split("\n") if line.strip()]
    return derived_title("\n".join(lines[skipped:]), file_name)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf's log lines silenced while it reads (its level restored after): a damaged file
    is skipped with citeqa's reason, a page without text is a citeqa warning."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


READERS = (PdfFileReader(),)
