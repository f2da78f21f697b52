"""Print what one registered set adds to the CI floors test (tests/integration/
test_eval_floors_corpora.py): its quick subsets are evaluated as the test does (test half, no
peers, mid-session on), first every set but the one named, then that one, in one process and one
fresh cache folder, each with its wall and CPU seconds and the named set's ratio to the rest.
Not a test; run it by hand (the CI suite must stay under 10 minutes; a set costing more than
about a minute should be floored on a smaller subset):

    python benchmarks/floor_set_cost.py [--set notes] [--folder DIR]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path
from typing import Literal

from citeqa.config import Settings
from citeqa.evaluation.corpora import evaluate_corpora
from citeqa.evaluation.quick import QUICK_DOCS, QUICK_QUESTIONS, make_quick_sets, plan_quick_sets
from citeqa.evaluation.sets import EvalSet, load_sets

SPLIT: Literal["test"] = "test"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(sets: list[EvalSet], cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of evaluating `sets` as the floors test does."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    evaluate_corpora(sets, Settings(), cache, split=SPLIT, peers=False, also_mid_session=True)
    return time.perf_counter() - wall, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="notes", help="the registered set to cost")
    parser.add_argument("--folder", type=Path, help="where the copies and indexes go (fresh)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(dir=args.folder))
    every = load_sets(split=SPLIT, every=True)
    plans = plan_quick_sets(every, folder / "corpora", QUICK_DOCS, QUICK_QUESTIONS)
    sets = make_quick_sets(plans)
    named = [s for s in sets if s.name == args.set]
    if not named:
        raise SystemExit(f"no registered set {args.set!r}")
    rest = [s for s in sets if s.name != args.set]
    rest_wall, rest_cpu = timed(rest, folder / "cache")  # loads the models first
    set_wall, set_cpu = timed(named, folder / "cache")
    print(f"the {len(rest)} other sets: {rest_wall:.1f} s wall, {rest_cpu:.1f} s CPU")
    ratios = f"{set_wall / rest_wall:.2f}x wall, {set_cpu / rest_cpu:.2f}x CPU of the rest"
    print(f"{args.set} ({len(named[0].questions)} questions): {set_wall:.1f} s wall, "
          f"{set_cpu:.1f} s CPU ({ratios})")  # fmt: skip
    print(f"copies and indexes left in {folder}")


if __name__ == "__main__":
    main()
