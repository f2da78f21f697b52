"""Print the seconds the chunk pass (chunkpass.chunk_pass: chunking, tokenising and tallying)
takes on one CSV sheet of a header row and a row of numbers, 2,500 to 20,000 columns wide, and
each figure's ratio to the narrowest's, in one run: the cost should grow with the sheet's width,
not with its square. The s21 hostile probe: a chunk opening inside a table carried its table's
whole header row into its BM25 entry (chunkpass.header_above), so each of a wide row's many
chunks tokenised that whole row again (2,500 columns 2.6 s, 10,000 36.8 s; 10^5 columns did not
finish in 900 s). Not a test; run it by hand:

    python benchmarks/wide_table_chunking.py [--columns 2500 5000 10000 20000] [--rows 1]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from citeqa.chunkpass import chunk_pass
from citeqa.config import Settings
from citeqa.corpus import read_document


def write_sheet(path: Path, columns: int, rows: int) -> None:
    """A CSV of a header row `c0,c1,…` and `rows` rows of numbers, `columns` wide."""
    lines = [",".join(f"c{n}" for n in range(columns))]
    lines += [",".join(str(row * columns + n) for n in range(columns)) for row in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def chunk_seconds(folder: Path, columns: int, rows: int) -> tuple[float, int]:
    """The seconds of the chunk pass over a sheet `columns` wide, and the sheet's size."""
    sheet = folder / f"w{columns}.csv"
    write_sheet(sheet, columns, rows)
    document = read_document(sheet, folder, {})
    out = folder / f"out{columns}"
    out.mkdir()
    began = time.perf_counter()
    chunk_pass([document], set(), None, Settings(), lambda *_: None, out)
    return time.perf_counter() - began, sheet.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    parser.add_argument("--rows", type=int, default=1, help="data rows under the header")
    args = parser.parse_args()
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        for columns in args.columns:
            seconds, size = chunk_seconds(Path(tmp), columns, args.rows)
            first = first or (seconds, columns)
            ratio, width = seconds / first[0], columns / first[1]
            print(
                f"{columns:>7} columns {size / 1e6:6.2f} MB  chunk pass {seconds:7.2f} s"
                f"  x{ratio:5.1f} for x{width:g} the width"
            )


if __name__ == "__main__":
    main()
