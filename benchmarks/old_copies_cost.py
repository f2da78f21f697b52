"""Print the time superseded.old_copies takes for many versions of one file name (a folder
holding "plan_v1" … "plan_v399": s27 re-read, 1.3 s at the first question, when the ids are
read for their versions, api.Platform.versions), for --counts versions each, and for the same
number of names each writing a year and maybe "old" (editions of other kinds), medians of
--rounds in one run. Not a test; run it by hand:

    python benchmarks/old_copies_cost.py [--counts 400 4000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.superseded import old_copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[400, 4000])
    parser.add_argument("--rounds", type=int, default=3)
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


if __name__ == "__main__":
    main()
