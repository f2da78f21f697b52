"""PDF files for tests, written by hand (pypdf reads text but cannot write it)."""

from __future__ import annotations

from collections.abc import Sequence

Line = tuple[float, str]
"""A line of a test page: its font size, its text."""
BOLD = "\x00"
"""A line whose text opens with it is drawn in Helvetica-Bold (the mark is not drawn)."""


def sized_pdf(pages: Sequence[Sequence[Line]]) -> bytes:
    """A valid PDF whose pages set each line in Helvetica at its size (in Helvetica-Bold when
    its text opens with BOLD), top down (pypdf cannot write text); Latin-1 text
    (WinAnsiEncoding: "·" is a middle dot)."""
    count = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(count))
        + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        drawn = b"\n".join(
            b"BT /F%d %d Tf 60 %d Td (%s) Tj ET"
            % (2 if text.startswith(BOLD) else 1, size, height, text.lstrip(BOLD).encode("latin-1"))
            for height, (size, text) in zip(_baselines(lines), lines, strict=True)
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (6 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawn), drawn))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _baselines(lines: Sequence[Line]) -> list[int]:
    """Where each line stands, top down: 14 points apart, more under a line set larger than 10
    points (a slide's title), so that pypdf reads each as its own line."""
    heights, height = [], 780
    for size, _text in lines:
        heights.append(height)
        height -= max(14, round(size * 1.4))
    return heights


def minimal_pdf(pages: list[str]) -> bytes:
    """A valid PDF with one line of Helvetica text per page."""
    return sized_pdf([[(12, text)] for text in pages])
