"""Print what a question quoting a row of a long table costs in the checks that read the whole
table (unheld_keys: which keys its rows hold; tables.key_column), the first time a process
reads it, as a cold `citeqa ask` does. A pipe table of ragged rows (an id, a subject, a body,
then 0 to 40 "x" cells, as the s26 hostile probe's 858 KB CSV of 10^4 rows) is read by a fresh
TableHeaders: its key column, then its `_Table` and whether it holds a key asked ("9999",
"--max-size") and a number no row holds. "before" reads every cell's names as the code of
02ad10e0 did (unheld_keys._cell_names over each cell, the rows split once for each reader);
"after" is the code as it is (both split cells with the fast path of tables._unmarked, so the
ratio leaves out that part of the gain). CPU seconds, medians of a few rounds, and their ratio
(s26 hostile probe: 3.1 s user a question on 10^4 rows, 0.95 s on a tiny corpus). Not a test;
run it by hand:

    python benchmarks/table_lookup_cost.py [--rows 1000 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
from functools import partial

from fake_corpus import cpu_median

from citeqa.tables import TableHeaders, lookup_column, row_cells
from citeqa.unheld_keys import _Asked, _cell_names, _holds, _Table

ASKED = ("9999", "--max-size", "123456789")


def ragged_table(rows: int) -> str:
    """A pipe table of `rows` ragged rows under a header, as the CSV reader writes one."""
    shuffle = random.Random(1)
    lines = ["| id | subject | body | owner |", "|---|---|---|---|"]
    for number in range(rows):
        extra = ["x"] * shuffle.randint(0, 40)
        cells = [str(number), f"subject {number}", f"body text {number} about invoices", *extra]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def after(text: str) -> None:
    """The checks as the code reads them now, on a fresh TableHeaders (a cold process)."""
    tables = TableHeaders(text)
    tables.key_column(0)
    table = tables.read(0, _Table.of)
    assert table is not None
    for key in ASKED:
        _holds(table, _Asked.of([key]))


def before(text: str) -> None:
    """The same, reading every cell's names and splitting the rows once for each reader."""
    span = (0, len(text))
    lookup_column(tuple(tuple(row) for row in row_cells(text, span)))
    rows = tuple(tuple(row) for row in row_cells(text, span))
    names = frozenset(name for row in rows for cell in row for name in _cell_names(cell))
    table = _Table.of(rows)
    table.ranges  # noqa: B018 (read as before: every cell's ranges)
    for key in ASKED:
        names.isdisjoint(_Asked.of([key]).every)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for rows in args.rows:
        text = ragged_table(rows)
        old = cpu_median(partial(before, text), args.rounds)
        new = cpu_median(partial(after, text), args.rounds)
        print(
            f"{rows:>7} rows ({len(text) / 1000:.0f} KB): before {old:.3f} s, "
            f"after {new:.3f} s, ratio {old / new:.1f}x"
        )


if __name__ == "__main__":
    main()
