"""Print what reading Excel workbooks costs (readers/xlsx.py): `import openpyxl` in a fresh
interpreter (paid on the first workbook a build reads, never by a corpus without one); a
--rows-row ticket workbook (seven columns, a date column) read against the same rows as a
.csv export (readers/delimited.py): wall and CPU seconds, cells a CPU second, peak traced
memory; a --big-row one, cut at MAX_CELLS cells with a warning; a sheet --wide columns wide
(cut at MAX_COLUMNS); and a zip bomb (a sheet part unpacking to 300 MB of zeros, refused from
the archive's directory). Medians of --rounds runs. Not a test; run it by hand:

    python benchmarks/xlsx_read.py [--rows 300] [--big 100000] [--wide 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import statistics
import subprocess
import sys
import time
import tracemalloc
import zipfile

from fake_corpus import median_seconds
from openpyxl import Workbook

from citeqa.readers import UnreadableDocument, reader_for
from citeqa.readers.xlsx import MAX_CELLS, MAX_COLUMNS

HEADER = ["id", "date", "customer", "subject", "status", "priority", "body"]
CUSTOMERS = ("Juniper Bank", "Northwind Ltd", "Pixelhaus GmbH", "Oakridge Clinic")


def ticket_rows(rows: int) -> list[list[object]]:
    """`rows` tickets: an id, a date, a customer, a subject, a status, a priority, a sentence."""
    start = dt.date(2025, 6, 2)
    return [
        [
            4400 + n,
            start + dt.timedelta(days=n % 200),
            CUSTOMERS[n % 4],
            f"Subject {n % 37}",
            ("open", "solved", "closed")[n % 3],
            ("low", "normal", "high")[n % 3],
            f"Customer reports that deploy {n} failed with exit code {n % 7}.",
        ]
        for n in range(rows)
    ]


def workbook(header: list[str], rows: list[list[object]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tickets")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def as_csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def import_seconds() -> float:
    """`import openpyxl` in a fresh interpreter, its own time only."""
    probe = "import time; t = time.perf_counter(); import openpyxl; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return float(done.stdout)


def read_figures(name: str, data: bytes, cells: int, rounds: int) -> None:
    """Wall and CPU seconds (medians of `rounds`), cells a CPU second, peak traced memory and
    warnings of reading `data` (CPU time: steadier when other work shares the cores)."""
    reader = reader_for(".xlsx")
    assert reader is not None
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        reader.extract(data, name)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    seconds, cpu_seconds = statistics.median(walls), statistics.median(cpus)
    tracemalloc.start()
    extracted = reader.extract(data, name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    read = min(cells, MAX_CELLS)
    print(
        f"{name}: {len(data) / 1e6:.1f} MB, {seconds:.2f} s wall, {cpu_seconds:.2f} s CPU"
        f" ({read / cpu_seconds:,.0f} cells/CPU s), peak {peak / 1e6:.0f} MB traced,"
        f" {len(extracted.text) / 1e6:.2f} MB of text"
    )
    for warning in extracted.warnings:
        print(f"  warning: {warning}")


def bomb() -> bytes:
    """A zip whose sheet part unpacks to 300 MB of zeros (some 300 KB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(300):
                part.write(b"\0" * 1_000_000)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--wide", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"import openpyxl: {import_seconds():.2f} s (fresh interpreter)")
    rows = ticket_rows(args.rows)
    read_figures("tickets.xlsx", workbook(HEADER, rows), 7 * (args.rows + 1), args.rounds)
    text = as_csv(HEADER, rows)
    delimited = reader_for(".csv")
    assert delimited is not None
    csv_s = median_seconds(lambda: delimited.extract(text, "tickets.csv"), args.rounds)
    print(f"tickets.csv (the same rows): {csv_s:.3f} s")
    big = ticket_rows(args.big)
    read_figures("big.xlsx", workbook(HEADER, big), 7 * (args.big + 1), 1)
    wide: list[list[object]] = [[n * row for n in range(args.wide)] for row in range(10)]
    header = [f"c{n}" for n in range(args.wide)]
    read_figures("wide.xlsx", workbook(header, wide), 11 * args.wide, 1)
    print(f"(at most {MAX_CELLS:,} cells of a workbook, {MAX_COLUMNS:,} columns of a sheet)")
    data, start = bomb(), time.perf_counter()
    reader = reader_for(".xlsx")
    assert reader is not None
    with contextlib.suppress(UnreadableDocument):
        reader.extract(data, "bomb.xlsx")
    refused = time.perf_counter() - start
    print(f"bomb.xlsx: {len(data) / 1e3:.0f} KB packed, refused in {refused * 1000:.1f} ms")


if __name__ == "__main__":
    main()
