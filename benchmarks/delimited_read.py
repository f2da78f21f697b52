"""Print what reading a large spreadsheet export costs (readers/delimited.py): a --rows-row CSV
of eight columns (a ticket export, quoted commas in one column) read as a pipe table, against
reading the same file as plain text (the .txt reader: what a user renaming it got), and the
chunks each gives (chunking.chunk_document, the build's default sizes): the table must stay
searchable row by row without ballooning the index. Medians of --rounds runs in one run, and
the ratio of the two. Then the separator guess on a hostile file (',"' repeated: csv.Sniffer's
cost grows with the square of its sample) from the reader's sample (delimited._dialect: the
first SNIFF_LINES lines, SNIFF_CHARACTERS at most) against the 16 KB sample it once read, and
the ratio. Last, the hostile probe's ragged sheets (s20): header `a,b`, --ragged records `1,2`
and one record of --ragged fields, blank but its first and last ("blank") or all filled
("filled"): seconds and peak traced memory of reading each, and the table's size against the
file's (reading them once padded every record to the widest: 5,000 took 3 s and 212 MB).
Not a test; run it by hand:

    python benchmarks/delimited_read.py [--rows 100000] [--rounds 3] [--ragged 5000]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import time
import tracemalloc

from fake_corpus import median_seconds

from citeqa.chunking import chunk_document
from citeqa.models import Document
from citeqa.readers import reader_for
from citeqa.readers.delimited import SEPARATORS, _dialect

FORMER_SAMPLE = 16_384
"""The characters the separator was guessed from before (session 19: 4.7 s on ',"' * 8192)."""

AGENTS = ("Ana Costa", "Tom Becker", "Priya Nair", "Léa Martin", "Julien Moreau")
CUSTOMERS = ("Initech", '"Wayne Retail, Inc."', "Acme Corp", "Umbrella Health")


def export(rows: int) -> str:
    """A ticket export of `rows` records."""
    lines = ["ticket_id,created,customer,channel,priority,agent,first_response_min,status"]
    for n in range(rows):
        lines.append(
            f"T-{40000 + n},2025-{7 + n % 6:02d}-{1 + n % 28:02d},{CUSTOMERS[n % 4]},email,"
            f"low,{AGENTS[(n * 7) % 5]},{n % 600},open"
        )
    return "\r\n".join(lines) + "\r\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ragged", type=int, default=5_000)
    args = parser.parse_args()
    text = export(args.rows)
    sheet, plain = reader_for(".csv"), reader_for(".txt")
    assert sheet is not None and plain is not None
    table = sheet.extract(text, "tickets.csv").text
    sheet_s = median_seconds(lambda: sheet.extract(text, "tickets.csv"), args.rounds)
    plain_s = median_seconds(lambda: plain.extract(text, "tickets.txt"), args.rounds)
    tracemalloc.start()
    sheet.extract(text, "tickets.csv")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{args.rows:,} rows, {len(text) / 1e6:.1f} MB of CSV -> {len(table) / 1e6:.1f} MB table")
    print(f"read as a table: {sheet_s:.2f} s (peak {peak / 1e6:.0f} MB traced)")
    print(f"read as text:    {plain_s:.3f} s; table / text: {sheet_s / max(plain_s, 1e-9):.0f}x")
    for name, body in (("table", table), ("text", text)):
        doc = Document(doc_id="t", title="t", path="t", text=body, sha256="0")
        chunks = chunk_document(doc)
        print(f"chunks as {name}: {len(chunks):,} ({args.rows / len(chunks):.1f} rows a chunk)")
    hostile_sniff(args.rounds)
    ragged_sheets(args.ragged)


def hostile_sniff(rounds: int) -> None:
    """The separator guess on ',"' * 8192 (16 KB on one line): now against before."""
    text = ',"' * 8192

    def former() -> None:
        with contextlib.suppress(csv.Error):
            csv.Sniffer().sniff(text[:FORMER_SAMPLE], delimiters=SEPARATORS)

    now_s = median_seconds(lambda: _dialect(text, ","), rounds)
    former_s = median_seconds(former, rounds)
    print(
        f"guessing the separator of ',\"' * 8192: {now_s:.3f} s (16 KB sample before: "
        f"{former_s:.2f} s; {former_s / max(now_s, 1e-9):.0f}x faster)"
    )


def ragged_sheets(count: int) -> None:
    """`count` records of two fields under one of `count` fields, blank or filled."""
    sheet = reader_for(".csv")
    assert sheet is not None
    short = "a,b\n" + "1,2\n" * count
    wide = {"blank": "x" + "," * count + "y\n", "filled": ",".join(["x"] * count) + "\n"}
    for name, record in wide.items():
        text = short + record
        tracemalloc.start()
        start = time.perf_counter()
        table = sheet.extract(text, "ragged.csv").text
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"ragged {name} ({count:,} x {count:,}, {len(text) / 1e3:.0f} KB): {seconds:.2f} s, "
            f"peak {peak / 1e6:.0f} MB traced, table {len(table) / len(text):.1f}x the file"
        )


if __name__ == "__main__":
    main()
