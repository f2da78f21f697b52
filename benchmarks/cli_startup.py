"""Print how long the CLI takes to start: `citeqa -h` and `citeqa status` in fresh processes,
for this checkout and for a git ref, interleaved, with the ratio. Not a test; run it by hand:

    python benchmarks/cli_startup.py [--ref c3a03e8] [--runs 7] [--index DIR]

The ref's `src/` is exported with `git archive` into a temporary folder; both run with the same
Python and the checkout's corpus. `status` needs a built index of it (`--index`, default: the
checkout's index/).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def export(ref: str, into: Path) -> Path:
    """The `src/` folder of `ref`, written under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def run_once(src: Path, args: list[str], index: Path) -> float:
    env = dict(
        os.environ,
        PYTHONPATH=str(src),
        CITEQA_CORPUS_DIR=str(ROOT / "corpus"),
        CITEQA_INDEX_DIR=str(index),
    )
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "citeqa.cli", *args], env=env, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="c3a03e8", help="git ref to compare with")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sources = {options.ref: export(options.ref, Path(folder)), "this": ROOT / "src"}
        for args in (["-h"], ["status"]):
            times: dict[str, list[float]] = {name: [] for name in sources}
            for _ in range(options.runs):
                for name, src in sources.items():
                    times[name].append(run_once(src, args, options.index))
            old, new = (statistics.median(times[name]) for name in sources)
            print(
                f"citeqa {' '.join(args):<10} median of {options.runs}:"
                f" {options.ref} {old * 1000:.0f} ms, this {new * 1000:.0f} ms,"
                f" this/{options.ref} {new / old:.2f}"
            )


if __name__ == "__main__":
    main()
