"""Print where reading a long workbook's rows goes (readers/xlsx.py), and what the cheap cuts
one could make would save, as ratios against the reader as it is: a --rows-row workbook of
three columns (two numbers and a repeated note, as a script writes it: inline strings, no
<dimension>, the s23 hostile probe's compress.xlsx), read whole up to MAX_CELLS.

- "as is": XlsxReader.extract, CPU seconds (median of --rounds);
- "no size scan": the same with openpyxl's ReadOnlyWorksheet._get_size skipped (it parses the
  whole sheet for its size when the sheet has no <dimension>, and the reader resets that size
  anyway: reset_dimensions); a private method, so only measured here;
- "openpyxl only": openpyxl's iter_rows over the same sheet without citeqa's cell text, the
  floor a change to cellvalues.py could reach.
Not a test; run it by hand:

    python benchmarks/xlsx_row_cost.py [--rows 70000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import time
import warnings
from collections.abc import Callable

from fake_corpus import median_seconds
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from citeqa.readers.xlsx import MAX_CELLS, XlsxReader


def scripted_workbook(rows: int) -> bytes:
    """`rows` rows of a key, a value and a repeated note, written as a script writes them."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    sheet.append(["Key", "Val", "Note"])
    for n in range(rows):
        sheet.append([n, n * 7, "same note text"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def cpu(work: Callable[[], object], rounds: int) -> float:
    work()  # imports and caches warmed
    return median_seconds(work, rounds, time.process_time)


def openpyxl_only(raw: bytes) -> int:
    """The cells openpyxl yields, up to MAX_CELLS, nothing written of them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    cells = 0
    for row in book.worksheets[0].iter_rows():
        cells += len(row)
        if cells >= MAX_CELLS:
            break
    book.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=70_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    raw = scripted_workbook(args.rows)
    print(f"workbook: {args.rows:,} rows, {len(raw) / 1e6:.2f} MB; MAX_CELLS {MAX_CELLS:,}")
    as_is = cpu(lambda: XlsxReader().extract(raw, "data.xlsx"), args.rounds)
    print(f"as is:          {as_is:.2f} s CPU")
    original = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        skipped = cpu(lambda: XlsxReader().extract(raw, "data.xlsx"), args.rounds)
    finally:
        ReadOnlyWorksheet._get_size = original
    print(f"no size scan:   {skipped:.2f} s CPU  ratio {skipped / as_is:.2f}")
    floor = cpu(lambda: openpyxl_only(raw), args.rounds)
    print(f"openpyxl only:  {floor:.2f} s CPU  ratio {floor / as_is:.2f}")


if __name__ == "__main__":
    main()
