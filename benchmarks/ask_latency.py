"""Print how fast citeqa answers: a fresh `citeqa ask` process (cold), and questions to an
already open assistant (warm), with p50/p95 and peak memory. Not a test; run it by hand:

    python benchmarks/ask_latency.py [--index DIR] [--cold-runs 5] [--versus-import MODULE]

With --versus-import (e.g. sentence_transformers), a fresh `import MODULE` is timed in turn with
each cold ask, and the ratio of the medians is printed (issue 9's target: cold ask < 0.3x a cold
`import sentence_transformers`).

Warm figures use every question of evals/questions.jsonl; the index is built first if missing.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "What was the complete renal response with obinutuzumab at week 76?"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cold(
    index: Path | None, runs: int, module: str | None = None
) -> tuple[list[float], list[float]]:
    """Wall times of `citeqa ask --json` in a fresh process, `runs` times, and of a fresh
    `import module` run in turn with each (empty without a module)."""
    command = [sys.executable, "-m", "citeqa.cli", "ask", "--json", QUESTION]
    if index is not None:
        command += ["--index", str(index)]
    asks, imports = [], []
    for _ in range(runs):
        asks.append(_timed(command))
        if module:
            imports.append(_timed([sys.executable, "-c", f"import {module}"]))
    return asks, imports


def _timed(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def warm(index: Path | None) -> tuple[float, list[float]]:
    """Seconds to open the assistant, then milliseconds per question (each asked alone)."""
    from citeqa.api import open_assistant
    from citeqa.config import Settings

    settings = Settings() if index is None else Settings(index_dir=index)
    began = time.perf_counter()
    assistant = open_assistant(settings)
    opened = time.perf_counter() - began
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines]
    timings = []
    for question in questions:
        began = time.perf_counter()
        assistant.ask(question)
        timings.append((time.perf_counter() - began) * 1000)
    return opened, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--versus-import", default=None, metavar="MODULE")
    args = parser.parse_args()
    opened, timings = warm(args.index)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"open assistant (index + USE model)  {opened * 1000:8.0f} ms")
    print(
        f"warm ask, {len(timings)} questions     p50 {statistics.median(timings):6.1f} ms"
        f"   p95 {percentile(timings, 0.95):6.1f} ms"
    )
    print(f"peak RSS (warm process)             {peak:8.0f} MB")
    times, imports = cold(args.index, args.cold_runs, args.versus_import)
    print(
        f"cold `citeqa ask --json`, {len(times)} runs   p50 {statistics.median(times):6.2f} s"
        f"    max {max(times):6.2f} s"
    )
    if imports:
        ratio = statistics.median(times) / statistics.median(imports)
        print(
            f"cold `import {args.versus_import}`          p50 {statistics.median(imports):6.2f} s"
            f"    ask / import {ratio:.2f}x"
        )


if __name__ == "__main__":
    main()
