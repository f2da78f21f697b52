"""What the repeated opening of a .docx's zip costs when an index reads Word files: the reader
opens each file's archive three times (officezip's package checks, officerels.mended, then
python-docx), so this prints, for `--files` Word files read in one run, the seconds of the
whole read (readers/docx.py's extract) beside those of the two openings before python-docx's
(the package checks and the mending, each reading the zip's directory) and their share. Not
a test; run it by hand:

    python benchmarks/docx_package_opens.py [--files 200] [--paragraphs 40]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable

import docx

from citeqa.readers import officerels
from citeqa.readers.docx import DocxReader, _check_package


def _word_file(number: int, paragraphs: int) -> bytes:
    """A Word file of a heading and `paragraphs` paragraphs of three sentences each."""
    document = docx.Document()
    document.add_heading(f"Policy {number}", 1)
    for paragraph in range(paragraphs):
        document.add_paragraph(f"Paragraph {paragraph} says what team {number} does. " * 3)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _seconds(work: list[bytes], step: Callable[[bytes], object]) -> float:
    """The seconds `step` takes over every file of `work`."""
    began = time.perf_counter()
    for raw in work:
        step(raw)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, default=40)
    args = parser.parse_args()
    files = [_word_file(number, args.paragraphs) for number in range(args.files)]
    reader = DocxReader()
    whole = _seconds(files, lambda raw: reader.extract(raw, "a.docx"))
    checks = _seconds(files, _check_package)
    mending = _seconds(files, officerels.mended)
    print(f"{args.files} Word files of {args.paragraphs} paragraphs, {len(files[0]):,} bytes each")
    print(f"whole read (extract):        {whole * 1000:8.1f} ms")
    print(f"package checks (zip open 1): {checks * 1000:8.1f} ms")
    print(f"mending (zip open 2):        {mending * 1000:8.1f} ms")
    print(f"share of the two openings before python-docx's: {(checks + mending) / whole:.3f}")


if __name__ == "__main__":
    main()
