"""Print what reading a .pptx deck (readers/pptx.py) and OpenDocument files (readers/odf.py)
cost: for files of growing size, the CPU seconds a child process takes to read one, the
seconds per MB of the file, and its peak resident size (VmHWM: lxml's trees are C memory);
and how the files that must be refused or cut fast are (an .ods repeating a row and a column
10^9 times, an .odt zip bomb, an .odt of ten tables repeating a row 10^6 times, a .pptx of 16
MB of XML in some 50 KB).

The decks are python-pptx's, N slides of a title, three bullets and notes; the OpenDocument
files are written as tests/odf_files.py writes them (an .odt of N headings and paragraphs, an
.ods of N rows of five cells, an .odp of N slides). This is what MAX_XML_BYTES, MAX_SLIDES and
the < 2 s per MB aim are checked against.

Not a test; run it by hand:

    python benchmarks/slides_odf_read.py [--decks 100 1000] [--sizes 1000 20000 100000]

(python-pptx writes a deck in time quadratic in its slides: 5,000 take minutes to write.)
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import odf_files as odf

CHILD = """
import resource, sys, time
from pathlib import Path
from citeqa.corpus import UnreadableDocument, read_document
path = Path(sys.argv[1])
started = time.process_time()
try:
    said = f"{len(read_document(path, path.parent, {}).text):,} characters"
except UnreadableDocument as error:
    said = "refused: " + error.reason
cpu = time.process_time() - started
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
size = path.stat().st_size / 1e6
rate = cpu / max(size, 0.01)
print(f"{size:.2f} MB file, {cpu:.2f} s CPU ({rate:.2f} s/MB), peak {peak >> 10} MB: {said}")
"""


def deck(slides: int) -> bytes:
    from pptx import Presentation

    presentation = Presentation()
    for number in range(slides):
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = f"Quarter {number} results"
        frame = slide.placeholders[1].text_frame
        frame.text = f"Revenue grew {number % 17} percent in region {number}."
        for line in ("Costs were flat.", "Hiring resumes in spring."):
            frame.add_paragraph().text = line
        slide.notes_slide.notes_text_frame.text = f"Mention the audit of region {number}."
    stream = io.BytesIO()
    presentation.save(stream)
    return stream.getvalue()


def text(paragraphs: int) -> bytes:
    body = "".join(
        odf.h(f"Section {n}", 2) + odf.p(f"Paragraph {n} states a fact about the budget of {n}.")
        for n in range(paragraphs)
    )
    return odf.document("text", body)


def sheet(rows: int) -> bytes:
    records = [["Name", "Team", "Site", "Budget", "Phone"]]
    records += [[f"Person {n}", "Ops", "Lyon", str(n * 10), str(4000 + n)] for n in range(rows)]
    return odf.document("spreadsheet", odf.table(records, "Staff"))


def slides(count: int) -> bytes:
    pages = "".join(
        odf.page(
            odf.frame(odf.p(f"Slide title {n}"), "title"),
            odf.frame(odf.bullets("First point.", "Second point."), "outline"),
            notes=odf.p(f"Notes of slide {n}."),
        )
        for n in range(count)
    )
    return odf.document("presentation", pages)


def repeated() -> bytes:
    rows = odf.row(odf.cell("Ana"), odf.cell("12"), odf.cell("", 10**9), repeated=10**9)
    table = '<table:table table:name="Big">' + odf.row(odf.cell("Name"), odf.cell("Score"))
    return odf.document("spreadsheet", table + rows + "</table:table>")


def bomb() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", b"<a>" + b" " * (64 << 20) + b"</a>")
    return stream.getvalue()


def tables() -> bytes:
    """An .odt of 500 bytes: ten tables, each a row of 1,000 cells repeated 10^6 times (one
    budget of cells for all of them)."""
    table = "<table:table>" + odf.row(odf.cell("x", 1000), repeated=10**6) + "</table:table>"
    return odf.document("text", table * 10)


def deck_bomb() -> bytes:
    """A deck of 16 MB of slide XML in a file of some 50 KB (officezip.MAX_XML_RATIO)."""
    paragraph = b"<a:p><a:r><a:t>The badge costs ten euros to replace.</a:t></a:r></a:p>"
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
        archive.writestr("ppt/slides/slide1.xml", paragraph * ((16 << 20) // len(paragraph)))
    return stream.getvalue()


def child(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=False
    )
    return (done.stdout or done.stderr).strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decks", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000, 100000])
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in arguments.decks:
            path = Path(folder) / "deck.pptx"
            path.write_bytes(deck(size))
            print(f"deck.pptx, {size:,} slides: {child(path)}")
        for size in arguments.sizes:
            for name, make, unit in (
                ("text.odt", text, "paragraphs"),
                ("sheet.ods", sheet, "rows"),
                ("deck.odp", slides, "slides"),
            ):
                path = Path(folder) / name
                path.write_bytes(make(size))
                print(f"{name}, {size:,} {unit}: {child(path)}")
        bounded = (("repeated.ods", repeated), ("bomb.odt", bomb), ("tables.odt", tables))
        for name, refused in (*bounded, ("bomb.pptx", deck_bomb)):
            path = Path(folder) / name
            path.write_bytes(refused())
            print(f"{name}: {child(path)}")


if __name__ == "__main__":
    main()
