"""Print the time superseded.old_copies takes for many versions of one file name (a folder
holding "plan_v1" … "plan_v399": s27 re-read, 1.3 s at the first question, when the ids are
read for their versions, api.Platform.versions), for --counts versions each, and for the same
number of names each writing a year and maybe "old" (editions of other kinds), medians of
--rounds in one run; then superseded.copies for one name over --years years, each plain, old,
final and both, and the name writing none (s29 probe F1: 801 editions took 16 s at every
question), with each figure's ratio to the one before (×2 editions: about ×2 when the cost
grows as n log n). Not a test; run it by hand:

    python benchmarks/old_copies_cost.py [--counts 400 4000] [--rounds 3] [--years 25 50 100 200]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.superseded import copies, old_copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[400, 4000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--years", type=int, nargs="+", default=[25, 50, 100, 200])
    args = parser.parse_args()
    for count in args.counts:
        versions = [f"notes/plan_v{n % 999 + 1}_{n // 999 + 1990}" for n in range(count)]
        marked = [f"notes/plan_{2000 + n % 30}{'_old' if n % 3 else ''}_v{n}" for n in range(count)]
        for what, ids in (
            ("versions of one name", versions),
            ("editions of years and marks", marked),
        ):
            seconds = median_seconds(partial(old_copies, ids), args.rounds)
            print(f"{count:>6} {what}: {seconds:.3f} s")
    _years_and_marks(args.years, args.rounds)


def _years_and_marks(years: list[int], rounds: int) -> None:
    """superseded.copies for one name's editions over each count of `years`, with ratios."""
    before = None
    for count in years:
        ids = [
            f"Bank/budget_{year}{mark}"
            for year in range(1900, 1900 + count)
            for mark in ("", "_old", "_final", "_old_final")
        ]
        ids.append("Bank/budget")
        seconds = median_seconds(partial(copies, ids, _budget_text), rounds)
        ratio = "" if before is None else f" (x{seconds / before:.1f})"
        print(f"{len(ids):>6} editions of years and marks of one name: {seconds:.3f} s{ratio}")
        before = seconds


def _budget_text(doc_id: str) -> str:
    return "Budget\n\nThe budget is 650 euros."


if __name__ == "__main__":
    main()
