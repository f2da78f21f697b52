"""Print what reading e-books (.epub), notebooks (.ipynb) and RTF files costs
(readers/epub.py, notebook.py, rtf.py), the hostile ones included: CPU seconds (median of
--rounds; wall time on this shared machine waits for a core) per file and per MB of the file,
and what it gave (its text's size, or the reason it was skipped). Each should take under 2 s a
MB, or be refused at a bound.

- RTF: --megabytes of ordinary paragraphs; as many letters; 100,000 nested "{"; nested field
  groups and a long font table (each took striprtf minutes); a run of \\'hh bytes and of \\uN
  pairs; a picture of binary data (\\bin);
- notebooks: 100,000 cells; a cell with a --megabytes base64 image output; a printed log;
- EPUB: a book of --megabytes of XHTML in 40 chapters; 100,000 chapters (read up to the
  bound); a zip bomb (refused by the sizes its directory states), and a small one (under the
  bound of XHTML, but hundreds of times its file: refused by officezip.MAX_XML_RATIO).

Not a test; run it by hand:

    python benchmarks/ebook_read.py [--megabytes 1] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import json
import time
import zipfile
from collections.abc import Callable

from fake_corpus import median_seconds

from citeqa.readers import UnreadableDocument, reader_for

PARAGRAPH = (
    r"\pard\plain\s0\f0\fs24 The caf\'e9 on the ground floor closes on 14 March, and staff"
    r" move to the new building {\b on Monday} \u8212? as planned.\par" + "\n"
)


def rtf_files(size: int) -> dict[str, bytes]:
    head = r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times;}}"
    return {
        "rtf paragraphs": (head + PARAGRAPH * (size // len(PARAGRAPH)) + "}").encode(),
        "rtf letters": (head + "a" * size + "}").encode(),
        "rtf 100,000 nested {": ("{\\rtf1 " + "{" * 100_000 + "x" + "}" * 100_000).encode(),
        "rtf nested fields": (head + r"{\field{\*\fldinst{HYPERLINK " * (size // 30)).encode(),
        "rtf long font table": (
            r"{\rtf1{\fonttbl" + r"{\f1 Arial}" * (size // 12) + "}x}"
        ).encode(),
        "rtf \\'hh bytes": (head + r"\'e9" * (size // 4) + "}").encode(),
        "rtf \\u pairs": (head + r"\u-10179?\u-8704?" * (size // 17) + "}").encode(),
        "rtf \\bin picture": (head + r"{\pict\bin" + str(size) + " ").encode()
        + bytes(size)
        + b"}ok}",
    }


def notebook_files(size: int) -> dict[str, bytes]:
    cell: dict[str, object] = {"cell_type": "markdown", "metadata": {}, "source": "A short note."}
    image: dict[str, object] = {
        "cell_type": "code", "source": "plot()", "execution_count": 1, "metadata": {},
        "outputs": [{"output_type": "display_data", "metadata": {},
                     "data": {"image/png": "iVBOR" * (size // 5), "text/plain": "<Figure>"}}],
    }  # fmt: skip
    log: dict[str, object] = {
        "cell_type": "code", "source": "run()", "execution_count": 1, "metadata": {},
        "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "step done\n" * (size // 10)}
        ],
    }  # fmt: skip
    return {
        "ipynb 100,000 cells": _notebook([cell] * 100_000),
        "ipynb base64 image": _notebook([cell, image]),
        "ipynb printed log": _notebook([cell, log]),
    }


def _notebook(cells: list[dict[str, object]]) -> bytes:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}).encode()


CONTAINER = (
    '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def epub(chapters: list[str], bomb: int = 0) -> bytes:
    items = "".join(
        f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>'
        for n in range(len(chapters))
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    package = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Book</dc:title></metadata>'
        f"<manifest>{items}</manifest><spine>{spine}</spine></package>"
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("book.opf", package)
        for number, chapter in enumerate(chapters):
            archive.writestr(f"c{number}.xhtml", chapter + " " * (bomb if number == 0 else 0))
    return stream.getvalue()


def epub_files(size: int) -> dict[str, bytes]:
    page = "<html><body><h1>Chapter</h1>" + "<p>The queen lays two thousand eggs.</p>" * (
        size // 40 // 40
    )
    return {
        "epub 40 chapters": epub([page + "</body></html>"] * 40),
        "epub 100,000 chapters": epub(["<html><body><p>A line.</p></body></html>"] * 100_000),
        "epub zip bomb": epub(["<html><body><p>x</p></body></html>"], bomb=200 * 1024 * 1024),
        "epub 350,000 open links": epub(["<p>" + "<a " * 350_000 + "</p></body></html>"]),
        "epub small bomb, 16 MB of XHTML": epub(
            ["<html><body>" + "<p>The queen lays two thousand eggs.</p>\n" * 400_000]
        ),
    }


def measure(name: str, raw: bytes, rounds: int) -> None:
    suffix = "." + name.split()[0]
    reader = reader_for(suffix)
    assert reader is not None
    outcome: list[str] = []

    def read() -> None:
        try:
            content: str | bytes = raw.decode("utf-8") if reader.decoded else raw
            extracted = reader.extract(content, f"file{suffix}")
            outcome[:] = [f"{len(extracted.text):,} characters of text"]
        except UnreadableDocument as refused:
            outcome[:] = [f"skipped: {refused.reason}"]

    seconds = median_seconds(read, rounds, clock=time.process_time)
    megabytes = len(raw) / 1e6
    print(
        f"{name:28} {megabytes:8.2f} MB {seconds:7.2f} s CPU {seconds / megabytes:7.2f} s/MB  "
        f"{outcome[0][:90]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    size = int(arguments.megabytes * 1_000_000)
    makers: list[Callable[[int], dict[str, bytes]]] = [rtf_files, notebook_files, epub_files]
    for make in makers:
        for name, raw in make(size).items():
            measure(name, raw, arguments.rounds)


if __name__ == "__main__":
    main()
