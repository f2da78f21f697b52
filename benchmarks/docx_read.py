"""Print what reading a .docx costs (readers/docx.py): for Word files of growing body XML,
the seconds the reader takes and the peak memory of a process that reads only it (lxml's tree
is C memory, which tracemalloc does not see: each file is read in a child process and its
peak resident size, VmHWM (reset by exec, where ru_maxrss keeps the parent's), is printed
beside that of a child that only imports the reader), and how a zip bomb past the bound is
refused.

The files are python-docx's own empty document with its word/document.xml replaced by
paragraphs of a heading, a sentence and a two-row table each (about 1.4 KB of XML), so the
XML a real report holds per page. This is what MAX_XML_BYTES is set from.

Not a test; run it by hand:

    python benchmarks/docx_read.py [--megabytes 1 8 32 64]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx

from citeqa.readers.docx import MAX_XML_BYTES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECTION = (
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Section {n}</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>The maintenance of site {n} was carried out on time and the boiler"
    " pressure stayed within 2.5 bars during the whole visit.</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Site</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>"
    "<w:t>Cost</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Lyon {n}</w:t>"
    "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{n} EUR</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)
CHILD = """
import re, sys, time
from citeqa.readers.docx import DocxReader, UnreadableDocument
raw = open(sys.argv[1], "rb").read() if len(sys.argv) > 1 else None
started = time.perf_counter()
said = "imported only"
if raw is not None:
    try:
        said = f"{len(DocxReader().extract(raw, 'big.docx').text) / 1e6:.1f} M characters"
    except UnreadableDocument as refused:
        said = refused.reason
status = open("/proc/self/status").read()
peak = int(re.search(r"VmHWM:\\s+(\\d+)", status)[1]) / 1024
print(f"{time.perf_counter() - started:.2f} s, peak {peak:.0f} MB: {said}")
"""


def body_xml(megabytes: float) -> bytes:
    """A document.xml of about `megabytes` MB."""
    sections, size, n = [], 0, 0
    while size < megabytes * 1e6:
        n += 1
        sections.append(SECTION.format(n=n))
        size += len(sections[-1])
    return f'<w:document xmlns:w="{W}"><w:body>{"".join(sections)}</w:body></w:document>'.encode()


def word_file(body: bytes) -> bytes:
    """python-docx's empty document with `body` as its word/document.xml."""
    empty, out = io.BytesIO(), io.BytesIO()
    docx.Document().save(empty)
    with (
        zipfile.ZipFile(empty) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            data = body if entry.filename == "word/document.xml" else source.read(entry)
            target.writestr(entry.filename, data)
    return out.getvalue()


def child(path: Path | None) -> str:
    args = [sys.executable, "-c", CHILD, *([str(path)] if path else [])]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1, 8, 30])
    options = parser.parse_args()
    print(f"bound: {MAX_XML_BYTES >> 20} MB of XML; import alone: {child(None)}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in options.megabytes:
            path = Path(folder) / "big.docx"
            path.write_bytes(word_file(body_xml(megabytes)))
            zipped = path.stat().st_size / 1e6
            print(f"{megabytes:g} MB of XML ({zipped:.1f} MB zipped): {child(path)}")
        bomb = Path(folder) / "bomb.docx"
        bomb.write_bytes(word_file(b" " * (MAX_XML_BYTES + 1)))
        print(f"bomb ({bomb.stat().st_size / 1e3:.0f} KB zipped): {child(bomb)}")


if __name__ == "__main__":
    main()
