"""Print how fast citeqa answers: a fresh `citeqa ask` process (cold), and questions to an
already open assistant (warm), with p50/p95 and peak memory. Not a test; run it by hand:

    python benchmarks/ask_latency.py [--index DIR] [--questions FILE] [--cold-runs 5]
        [--versus-import MODULE] [--baseline-src DIR [--warm-rounds N]] [--versus-settings JSON]

With --versus-import (e.g. sentence_transformers), a fresh `import MODULE` is timed in turn with
each cold ask, and the ratio of the medians is printed (issue 9's target: cold ask < 0.3x a cold
`import sentence_transformers`). With --baseline-src (the src/ folder of another citeqa, e.g.
an older commit's `git archive`), its cold ask is timed in turn too, on the same index, and
its ratios printed beside: before and after in one run on a shared, noisy machine. With
--warm-rounds N as well, the warm questions are also asked N times by a fresh process of each
citeqa in turn (this one, then the baseline, alternating), and the medians of their p50s
and p95s, in wall time and in the process's own CPU time (steadier when other work shares
the cores), are printed with their ratios, and how long a question waited for a core (Linux:
the wall time that exceeds the CPU time on a shared machine is that wait, other processes
running, not citeqa waiting on anything).

With --versus-settings (settings overrides as JSON, e.g. '{"channel_weights": {"use": 0.4},
"rerank_weight": 0.5}', one fusion), each warm question is also asked of the same assistant
under those settings (each first in turn), and both p50s and their ratio are printed: what a
setting costs, in one process.

Warm figures use every question of evals/questions.jsonl, or of --questions (a JSON object a
line with a "question", e.g. a user trial's judged questions, asked of that trial's --index,
or one plain question a line); the index is built first if missing. A file that cannot be
read as either stops the script with one message, before any index is opened.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import citeqa
from citeqa.config import Settings

if TYPE_CHECKING:
    from citeqa.api import Assistant

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(citeqa.__file__).resolve().parents[1]
"""The src/ folder of the citeqa this script imports: its cold asks run that one too."""
QUESTION = "What was the complete renal response with obinutuzumab at week 76?"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cold(
    index: Path | None, runs: int, module: str | None = None, baseline: Path | None = None
) -> tuple[list[float], list[float], list[float]]:
    """Wall times of `citeqa ask --json` in a fresh process, `runs` times, of a fresh
    `import module` run in turn with each (empty without a module), and of the same ask by
    the citeqa in `baseline` (a src/ folder; empty without one)."""
    command = [sys.executable, "-m", "citeqa.cli", "ask", "--json", QUESTION]
    if index is not None:
        command += ["--index", str(index)]
    asks, imports, baselines = [], [], []
    for _ in range(runs):
        asks.append(_timed(command, SRC))
        if module:
            imports.append(_timed([sys.executable, "-c", f"import {module}"]))
        if baseline is not None:
            baselines.append(_timed(command, baseline))
    return asks, imports, baselines


def _timed(command: list[str], src: Path | None = None) -> float:
    environment = dict(os.environ)
    if src is not None:
        environment["PYTHONPATH"] = str(src)
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return time.perf_counter() - began


def warm(
    index: Path | None, questions: Path, versus: dict | None = None
) -> tuple[float, list[float], list[float]]:
    """Seconds to open the assistant, then milliseconds per question (each asked alone), and
    per question asked in turn of the same assistant under the `versus` overrides (empty
    without)."""
    assistant, opened = _opened(index)
    other = assistant.configured(**versus) if versus else None
    timings: list[float] = []
    others: list[float] = []
    for number, question in enumerate(_warm_questions(questions)):
        turns = [(assistant, timings)] + ([(other, others)] if other is not None else [])
        for asker, into in turns[:: 1 if number % 2 == 0 else -1]:  # each goes first in turn
            into.append(_asked(asker, question)[0])
    return opened, timings, others


def _opened(index: Path | None) -> tuple[Assistant, float]:
    """The assistant open on `index` (default: the bundled corpus's), and the seconds it took."""
    from citeqa.api import open_assistant

    settings = Settings() if index is None else Settings(index_dir=index)
    began = time.perf_counter()
    assistant = open_assistant(settings)
    return assistant, time.perf_counter() - began


def _warm_questions(questions: Path) -> list[str]:
    """Every question of the file `questions`, in order: a line is a JSON object with a
    "question" (JSONL, e.g. a trial's judged questions) or a plain question. ValueError, with
    the line's number, for a line that opens a JSON object but is no such object, or a file
    with no question."""
    lines = questions.read_text(encoding="utf-8").splitlines()
    asked = [_line_question(line, number) for number, line in enumerate(lines, 1) if line.strip()]
    if not asked:
        raise ValueError(f"{questions} holds no question")
    return asked


def _line_question(line: str, number: int) -> str:
    """The question of one line of a --questions file (see `_warm_questions`): a line that is
    no JSON ("{Alice} leads what?") is a plain question."""
    try:
        parsed = json.loads(line)
    except json.JSONDecodeError:
        return line.strip()
    if not isinstance(parsed, dict):
        return line.strip()  # "2026", "[draft] …": a JSON value, not an object
    question = parsed.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError(f'line {number} is a JSON object with no "question" string')
    return question


def _asked(assistant: Assistant, question: str) -> tuple[float, float]:
    """The milliseconds `assistant` took to answer `question`, in wall time and CPU time."""
    began, began_cpu = time.perf_counter(), time.process_time()
    assistant.ask(question)
    return (time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000


def _waited() -> float | None:
    """Milliseconds this thread has spent runnable but waiting for a core, since it began
    (Linux's /proc schedstat; None elsewhere): the share of wall time that other processes
    on the machine took, which no change to citeqa removes."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as stats:
            return int(stats.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return None


def _asked_waiting(assistant: Assistant, question: str) -> tuple[float, float, float]:
    """`_asked`'s two times and the milliseconds waited for a core meanwhile (0 without
    schedstat)."""
    before = _waited()
    wall, cpu = _asked(assistant, question)
    after = _waited()
    return wall, cpu, (after - before) if before is not None and after is not None else 0.0


def warm_in_turn(
    index: Path, questions: Path, baseline: Path, rounds: int
) -> dict[str, list[dict[str, float]]]:
    """Each round, a fresh process of this citeqa, then of the one in `baseline`, asks every
    warm question (`--warm-only`): their p50s and p95s, wall and CPU, per round."""
    command = [sys.executable, __file__, "--warm-only", "--index", str(index)]
    command += ["--questions", str(questions)]
    found: dict[str, list[dict[str, float]]] = {"this": [], "baseline": []}
    for _ in range(rounds):
        for name, src in (("this", SRC), ("baseline", baseline)):
            environment = dict(os.environ, PYTHONPATH=str(src))
            done = subprocess.run(command, check=True, capture_output=True, env=environment)
            found[name].append(json.loads(done.stdout.decode().splitlines()[-1]))
    return found


def warm_only(index: Path | None, questions: Path) -> None:
    """Print one JSON line: the warm p50 and p95 of every question, in wall and in CPU
    milliseconds, and of the time waited for a core (`_waited`)."""
    assistant, _ = _opened(index)
    asked = (_asked_waiting(assistant, question) for question in _warm_questions(questions))
    wall, cpu, waited = zip(*asked, strict=True)
    found = {}
    for clock, times in (("wall", list(wall)), ("cpu", list(cpu)), ("wait", list(waited))):
        found[f"{clock} p50"] = statistics.median(times)
        found[f"{clock} p95"] = percentile(times, 0.95)
    print(json.dumps(found))


def _print_in_turn(found: dict[str, list[dict[str, float]]]) -> None:
    for measure in ("wall p50", "cpu p50", "wall p95", "cpu p95"):
        this = statistics.median(run[measure] for run in found["this"])
        baseline = statistics.median(run[measure] for run in found["baseline"])
        clock, share = measure.split()
        print(
            f"warm ask {share} ({clock}), median of {len(found['this'])} fresh processes each:"
            f" {this:6.1f} ms, baseline {baseline:6.1f} ms:  this / baseline {this / baseline:.2f}x"
        )
    this, baseline = (statistics.median(run["wait p50"] for run in found[n]) for n in found)
    print(
        f"  of the wall time, waiting for a core (other processes running), p50: {this:6.1f} ms,"
        f" baseline {baseline:6.1f} ms; load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--questions", type=Path, default=ROOT / "evals" / "questions.jsonl")
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--versus-import", default=None, metavar="MODULE")
    parser.add_argument("--baseline-src", type=Path, default=None, metavar="DIR")
    parser.add_argument("--versus-settings", default=None, metavar="JSON")
    parser.add_argument("--warm-rounds", type=int, default=0, metavar="N")
    parser.add_argument("--warm-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        _warm_questions(args.questions)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        parser.error(f"--questions {args.questions}: {error}")
    if args.warm_rounds and args.baseline_src is None:
        parser.error("--warm-rounds compares with a baseline: give --baseline-src too")
    if args.warm_only:
        warm_only(args.index, args.questions)
        return
    versus = json.loads(args.versus_settings) if args.versus_settings else None
    opened, timings, others = warm(args.index, args.questions, versus)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"open assistant (index + USE model)  {opened * 1000:8.0f} ms")
    print(
        f"warm ask, {len(timings)} questions     p50 {statistics.median(timings):6.1f} ms"
        f"   p95 {percentile(timings, 0.95):6.1f} ms"
    )
    if others:
        ratio = statistics.median(timings) / statistics.median(others)
        print(
            f"warm ask under {args.versus_settings}  p50 {statistics.median(others):6.1f} ms"
            f"   p95 {percentile(others, 0.95):6.1f} ms;  default / those {ratio:.2f}x"
        )
    print(f"peak RSS (warm process)             {peak:8.0f} MB")
    index = args.index or Settings().index_dir  # the same index for the baseline's asks
    times, imports, baselines = cold(index, args.cold_runs, args.versus_import, args.baseline_src)
    for label, runs in (("", times), (" (baseline)", baselines)):
        if not runs:
            continue
        print(
            f"cold `citeqa ask --json`{label}, {len(runs)} runs   p50"
            f" {statistics.median(runs):6.2f} s    max {max(runs):6.2f} s"
        )
        if imports:
            ratio = statistics.median(runs) / statistics.median(imports)
            print(
                f"  versus cold `import {args.versus_import}` p50"
                f" {statistics.median(imports):6.2f} s:  ask / import {ratio:.2f}x"
            )
    if baselines:
        ratio = statistics.median(times) / statistics.median(baselines)
        print(f"cold ask / baseline's cold ask  {ratio:.2f}x")
    if args.baseline_src is not None and args.warm_rounds > 0:
        _print_in_turn(warm_in_turn(index, args.questions, args.baseline_src, args.warm_rounds))


if __name__ == "__main__":
    main()
