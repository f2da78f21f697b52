"""Print what a full build of a corpus in both languages costs against another citeqa's: the
build stores its passage words' vectors there (stored_words.py), so that a question refused as
typed embeds only its own absent words. Not a test; run it by hand:

    python benchmarks/bilingual_build.py --baseline-src DIR [--corpus DIR] [--rounds 5]

Each round, `citeqa index --rebuild` of `--corpus` (default: the bundled corpus, a third of
its documents in French) runs in a fresh process of this citeqa, then of the one in
`--baseline-src` (a src/ folder, e.g. /work/main/src), each into its own temporary index
folder; the medians of their wall and CPU times (user + system, steadier on a shared machine)
and their ratios are printed, and how many words the build stored.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import citeqa

SRC = Path(citeqa.__file__).resolve().parents[1]
"""The src/ folder of the citeqa this script imports."""


def timed_build(src: Path, corpus: Path | None, index: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `citeqa index --rebuild` by the citeqa in `src`."""
    command = [sys.executable, "-m", "citeqa.cli", "index", "--index", str(index), "--rebuild"]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(
        command, check=True, capture_output=True, env=dict(os.environ, PYTHONPATH=str(src))
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def stored_words(index: Path) -> int:
    """How many words the published build in `index` stored (0: none)."""
    listed = sorted((index / "current").glob("words-*.json"))
    return len(json.loads(listed[0].read_text())["folded"]) if listed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, required=True, metavar="DIR")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    found: dict[str, list[tuple[float, float]]] = {"this": [], "baseline": []}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.rounds):
            for name, src in (("this", SRC), ("baseline", args.baseline_src)):
                found[name].append(timed_build(src, args.corpus, Path(scratch) / name))
        words = stored_words(Path(scratch) / "this")
    for clock, column in (("wall", 0), ("cpu", 1)):
        this, baseline = (statistics.median(run[column] for run in found[n]) for n in found)
        print(
            f"full build ({clock}), median of {args.rounds}: {this:6.2f} s, baseline"
            f" {baseline:6.2f} s:  this / baseline {this / baseline:.2f}x"
        )
    print(f"words stored by this build: {words}")


if __name__ == "__main__":
    main()
