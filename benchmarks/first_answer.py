"""Print how long a fresh clone takes from launching the chat to the first answer, for this
checkout and, interleaved in the same run, for other checkouts (`--before OTHER/src`).

Each round runs benchmarks/tui_startup.py --at-launch in a new process per checkout, on the
bundled corpus of that checkout and a new, empty index folder (as on a first run: the index is
built, the models load, the question typed at launch waits and is answered). Figures per
checkout: the median and the fastest launch → first answer, the ratio of the medians to the
first checkout's, the process's CPU time by the answer (all threads; spinning BLAS threads
count) and launch → first paint. Not a test; run it by hand:

    python benchmarks/first_answer.py [--rounds 5] [--before ../wt12base/src ...]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP = ROOT / "benchmarks" / "tui_startup.py"
FIGURE = re.compile(
    r"(launch → first paint|launch → first answer|CPU \(all threads\) by then)\s+(\d+) ms"
)


def corpus_of(src: Path) -> Path:
    """The checkout's bundled corpus (inside the package since the wheel work, else corpus/)."""
    packaged = src / "citeqa" / "corpus"
    return packaged if packaged.is_dir() else src.parent / "corpus"


def one_run(src: Path) -> dict[str, float]:
    """Launch → first paint and → first answer, and the process's CPU time by then (ms), of one
    first run of the checkout `src`."""
    with tempfile.TemporaryDirectory(prefix="citeqa-first-") as folder:
        command = [sys.executable, str(STARTUP), "--at-launch", "--corpus", str(corpus_of(src))]
        command += ["--index", str(Path(folder) / "index")]
        environment = {**os.environ, "PYTHONPATH": str(src)}
        done = subprocess.run(
            command, capture_output=True, text=True, env=environment, cwd=folder, check=False
        )
    figures = {name.split()[-1]: float(ms) for name, ms in FIGURE.findall(done.stdout)}
    if "answer" not in figures:
        raise SystemExit(f"{src}: no answer\n{done.stdout}\n{done.stderr[-2000:]}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", type=Path, nargs="*", default=[], help="other src/ folders")
    args = parser.parse_args()
    sources = [ROOT / "src", *(path.resolve() for path in args.before)]
    runs: dict[Path, list[dict[str, float]]] = {src: [] for src in sources}
    for number in range(args.rounds):
        for src in sources:
            runs[src].append(one_run(src))
            print(f"round {number + 1} {src}: {runs[src][-1]}", file=sys.stderr)
    base = statistics.median(run["answer"] for run in runs[sources[0]])
    print(
        f"{'checkout':30} {'answer p50':>11} {'fastest':>9} {'vs this':>8}"
        f" {'CPU p50':>9} {'paint p50':>10}"
    )
    for src, results in runs.items():
        answers = [run["answer"] for run in results]
        median = statistics.median(answers)
        cpu = statistics.median(run["then"] for run in results)
        paint = statistics.median(run["paint"] for run in results)
        print(
            f"{str(src)[-30:]:30} {median:8.0f} ms {min(answers):6.0f} ms {median / base:7.2f}x"
            f" {cpu:6.0f} ms {paint:7.0f} ms"
        )


if __name__ == "__main__":
    main()
