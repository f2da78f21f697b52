"""What unheld_years spends looking for a table row keyed by the asked year
(`_keys_a_row`) in the texts of the documents quoted, in one run: as now (the pattern compiled
once per year, a text not writing the year passed over without being cut into lines) against
as before (the pattern built and every text cut into lines at each call). Not a test; run it
by hand:

    python benchmarks/year_rows_cost.py [--lines 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from fake_corpus import median_seconds

from citeqa import unheld_years


def _previous(text: str, year: str) -> bool:
    """The check as it was: its pattern compiled and `text` cut into lines at every call."""
    lines = text.splitlines()
    opening = re.compile(rf"[ \t]*(?:\|[ \t]*)?{year}(?:[ \t]*\||\t|[ \t]{{2,}})")
    for number, line in enumerate(lines):
        if not opening.match(line):
            continue
        cells = unheld_years._cells(line)
        if not any(unheld_years._NUMBER_ALONE.fullmatch(cell) for cell in cells[1:]):
            continue
        neighbours = lines[max(number - 1, 0) : number] + lines[number + 1 : number + 2]
        if any(len(unheld_years._cells(other)) == len(cells) for other in neighbours):
            return True
    return False


def _timed(check: Callable[[str, str], bool], texts: list[str], runs: int) -> float:
    """The median seconds of `check` asked of every text for three years."""

    def asked() -> None:
        for year in ("2019", "2021", "2031"):
            for text in texts:
                check(text, year)

    return median_seconds(asked, runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    prose = "The survey counted the traps set along the river banks each season.\n"
    table = "| Year | Isolates |\n| --- | --- |\n| 2019 | 63 |\n| 2020 | 71 |\n"
    texts = [prose * args.lines, prose * args.lines + table]
    for year in ("2019", "2021", "2031"):
        assert all(_previous(t, year) == unheld_years._keys_a_row(t, year) for t in texts)
    before = _timed(_previous, texts, args.runs)
    now = _timed(unheld_years._keys_a_row, texts, args.runs)
    print(f"2 texts of {args.lines:,} lines, 3 years asked (one a row keys)")
    print(f"before: {before * 1000:7.1f} ms\n   now: {now * 1000:7.1f} ms")
    print(f"ratio now/before: {now / before:.2f}")


if __name__ == "__main__":
    main()
