"""Print what reading an HTML page of nested, unclosed tables costs (readers/html.py):
`<table><tr><td>cell words here ` repeated, never closed, read by html_visible_text; then as
many tables each nested in the last one's cell and closed, the innermost under a header row
(read as a pipe table). CPU seconds, medians of a few rounds, per count of tables: a cost
growing with the count's square means each table closing copies the words of every table inside
it (s22 brief: 1,000 unclosed tables took 0.42 s, 2,000 1.74 s, 4,000 6.7 s). Not a test; run
it by hand:

    python benchmarks/html_table_nesting_cost.py [--counts 1000 2000 4000 8000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import cpu_median

from citeqa.readers.html import html_visible_text

UNCLOSED = "<table><tr><td>cell words here "
"""A table opened, with a row and a cell of text, never closed."""

HEADED = "<table><tr><th>Name</th><th>Size</th></tr><tr><td>alpha</td><td>3</td></tr></table>"
"""A table under a header row, read as a pipe table: the innermost of the closed ones."""


def closed_nesting(count: int) -> str:
    """`count` tables each nested in the cell of the one around it, all closed."""
    opened = "<table><tr><td>cell words here " * (count - 1)
    return opened + HEADED + "</td></tr></table>" * (count - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for count in args.counts:
        seconds = cpu_median(partial(html_visible_text, UNCLOSED * count), args.rounds)
        print(f"{count:>6} nested unclosed tables: {seconds:.3f} s")
    for count in args.counts:
        seconds = cpu_median(partial(html_visible_text, closed_nesting(count)), args.rounds)
        print(f"{count:>6} nested closed tables: {seconds:.3f} s")


if __name__ == "__main__":
    main()
