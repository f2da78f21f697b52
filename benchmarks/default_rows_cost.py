"""Print what finding a question's default rows costs (default_rows.default_rows) when its
candidates are rows of one long configuration table: the table read once for all of them
against the former reading, once a candidate (tables.table_of each time), kept here. CPU
seconds, medians of a few rounds. Not a test; run it by hand:

    python benchmarks/default_rows_cost.py [--rows 60000] [--candidates 55] [--rounds 3]
"""

from __future__ import annotations

import argparse

from fake_corpus import cpu_median

from citeqa.default_rows import default_rows
from citeqa.tables import table_of


def configuration(rows: int) -> str:
    """A configuration reference holding one table of `rows` settings."""
    lines = "".join(f"| setting_{i}_limit | {i} | Limit {i}. |\n" for i in range(rows))
    return "# Configuration\n\n| Setting | Default | Description |\n|---|---|---|\n" + lines


def former(placed: list[tuple[str, int, str]]) -> None:
    """The former reading: the whole table read afresh for each candidate."""
    for document, start, _ in placed:
        table_of(document, start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--candidates", type=int, default=55)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = configuration(args.rows)
    step = max(1, args.rows // args.candidates)
    starts = [text.index(f"| setting_{i}_limit ") for i in range(0, args.rows, step)]
    placed = [(text, start, text[start : text.index("\n", start)]) for start in starts]
    words = frozenset({"setting", "limit"})
    now = cpu_median(lambda: default_rows(placed, words), args.rounds)
    before = cpu_median(lambda: former(placed), args.rounds)
    print(f"{args.rows} rows, {len(placed)} candidates, {len(text) / 1e6:.1f} MB")
    print(f"default_rows (each table read once): {now:.2f} s")
    print(f"former (table_of once a candidate): {before:.2f} s")


if __name__ == "__main__":
    main()
