"""Print the time superseded.old_copies takes for many versions of one file name (a folder
holding "plan_v1" … "plan_v399": s27 re-read, 1.3 s at the first question, when the ids are
read for their versions, api.Platform.versions), for --counts versions each, and for the same
number of names each writing a year and maybe "old" (editions of other kinds), medians of
--rounds in one run. Not a test; run it by hand:

    python benchmarks/old_copies_cost.py [--counts 400 4000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

from citeqa.superseded import old_copies


def median_of(rounds: int, ids: list[str]) -> float:
    """The median seconds of `rounds` calls of old_copies on `ids`."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        old_copies(ids)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[400, 4000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for count in args.counts:
        versions = [f"notes/plan_v{n % 999 + 1}_{n // 999 + 1990}" for n in range(count)]
        print(f"{count:>6} versions of one name: {median_of(args.rounds, versions):.3f} s")
        marked = [f"notes/plan_{2000 + n % 30}{'_old' if n % 3 else ''}_v{n}" for n in range(count)]
        print(f"{count:>6} editions of years and marks: {median_of(args.rounds, marked):.3f} s")


if __name__ == "__main__":
    main()
