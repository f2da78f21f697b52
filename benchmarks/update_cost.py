"""Print what `citeqa index` costs after one file of a built corpus is edited, on corpora of
different sizes: an update should cost what the changed file costs, not the corpus. Not a test;
run it by hand on corpora already indexed (by any version of citeqa):

    python benchmarks/update_cost.py --corpus SMALL_DIR SMALL_INDEX --corpus BIG_DIR BIG_INDEX
        [--before OTHER/src] [--repeats 3]

For each corpus and each code (this worktree's src, and `--before`'s), the corpus and its index
are copied to a scratch folder; one file is edited (a line appended) and `citeqa index` run once
to bring the index to this code's format (an index written by another version may lack what
this one stores); then another file is edited and `citeqa index` is run again, `--repeats`
times from the same copied state: that run's CPU time (user + system of the child process,
interpreter start included: the load of a shared machine moves it far less than the wall time)
and wall time are the figures, medians. Printed: each corpus's figures, the ratio of each corpus
to the first (smallest) one, and with `--before` the ratio before / after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from fake_corpus import child_cost

THIS_SRC = Path(__file__).resolve().parent.parent / "src"
SUFFIXES = (".md", ".txt")


def edited_files(corpus: Path) -> list[Path]:
    """Two files to edit, the same ones every run: the first two plain-text files by path."""
    found = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    found = [p for p in found if p.stat().st_size > 0]
    if len(found) < 2:
        raise SystemExit(f"{corpus}: fewer than two .md/.txt files to edit")
    return found[:2]


def run_index(src: Path, corpus: Path, index: Path) -> tuple[float, float]:
    """`citeqa index` with the code at `src`, in a child process: (CPU s, wall s)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", "from citeqa.cli import main; main()"]
    command += ["index", "--corpus", str(corpus), "--index", str(index)]
    cpu, wall, _ = child_cost(command, env, "citeqa index")
    return cpu, wall


def update_cost(src: Path, corpus: Path, index: Path, repeats: int) -> tuple[float, float]:
    """Median (CPU s, wall s) of an update after one edited file, with the code at `src`."""
    with tempfile.TemporaryDirectory(prefix="update-cost-") as scratch:
        work = Path(scratch)
        shutil.copytree(corpus, work / "corpus")
        shutil.copytree(index, work / "primed", symlinks=True)
        first, second = edited_files(work / "corpus")
        with first.open("a", encoding="utf-8") as stream:
            stream.write("\nedited once\n")
        run_index(src, work / "corpus", work / "primed")
        with second.open("a", encoding="utf-8") as stream:
            stream.write("\nedited twice\n")
        runs = []
        for number in range(repeats):
            copy = work / f"run{number}"
            shutil.copytree(work / "primed", copy, symlinks=True)
            runs.append(run_index(src, work / "corpus", copy))
            shutil.rmtree(copy)
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", nargs=2, action="append", required=True, metavar=("DIR", "INDEX")
    )
    parser.add_argument("--before", type=Path, help="another citeqa's src folder")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    codes = [("after", THIS_SRC)] + ([("before", args.before.resolve())] if args.before else [])
    found: dict[tuple[str, str], tuple[float, float]] = {}
    for label, src in codes:
        for corpus, index in args.corpus:
            found[(label, corpus)] = update_cost(src, Path(corpus), Path(index), args.repeats)
    smallest = args.corpus[0][0]
    print(f"{'code':>6} {'corpus':>28} {'files':>6} {'CPU s':>6} {'ratio':>6} {'wall s':>7}")
    for label, _ in codes:
        for corpus, _ in args.corpus:
            cpu, wall = found[(label, corpus)]
            files = sum(1 for p in Path(corpus).rglob("*") if p.is_file())
            ratio = cpu / found[(label, smallest)][0]
            print(
                f"{label:>6} {corpus[-28:]:>28} {files:>6} {cpu:>6.2f} {ratio:>5.2f}x {wall:>7.2f}"
            )
    if args.before:
        for corpus, _ in args.corpus:
            ratio = found[("before", corpus)][0] / found[("after", corpus)][0]
            print(f"before / after CPU on {corpus}: {ratio:.2f}x")


if __name__ == "__main__":
    main()
