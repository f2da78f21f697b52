"""PDF: each page's text (pypdf), pages joined by blank lines, with the offset of each page.

pypdf reports what it repaired or could not read through its `pypdf` logger (`invalid pdf
header`, `EOF marker not found`): raw lines beside citeqa's own skip line and warnings, so the
logger is quietened while a file is read (pypdf's documented way: the logger's level).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from citeqa.readers.base import Extracted, UnreadableDocument

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
    version = 4
    """2: a PDF is titled past its preamble lines (titles.derived_title: a block of
    `Key: value` lines, rule lines). 3: past a running header ("XZ(1) XZ Utils XZ(1)"). 4: past
    a line standing again further on (a journal's running header on each page,
    titles.repeated_line)."""

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
            pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files: none is the user's
        raise UnreadableDocument(DAMAGED if PDF_HEADER in raw[:1024] else NOT_A_PDF) from error
    if not pages:
        raise UnreadableDocument(NO_PAGES)
    if not any(page.strip() for page in pages):
        raise UnreadableDocument(NO_TEXT_LAYER)
    starts, position = [], 0
    for page in pages:
        starts.append(position)
        position += len(page) + 2
    warnings = [
        f"{relative}: page {number} has no extractable text"
        for number, page in enumerate(pages, start=1)
        if not page.strip()
    ]
    return Extracted("\n\n".join(pages), page_starts=starts, warnings=warnings)


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
