"""Print what each warm question costs, slowest first: the asking thread's CPU time (steadier
than wall time on a shared machine, and blind to other processes) and the wall time, each the
median of --rounds asks of one open assistant, so the questions behind a warm p95 can be found
and profiled (ask_latency.py gives the percentiles, not which questions make them). Not a test;
run it by hand:

    python benchmarks/question_cost.py [--index DIR] [--questions FILE] [--rounds 5] [--top 15]
        [--profile N]

With --profile N, the N costliest questions are asked again under cProfile and the functions
taking the most cumulative time in them printed.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time
from pathlib import Path

from ask_latency import ROOT, _opened, _warm_questions

from citeqa.api import Assistant


def costs(assistant: Assistant, questions: list[str], rounds: int) -> list[tuple[float, float]]:
    """Each question's median thread-CPU and wall milliseconds over `rounds` asks, every
    question asked once per round in order (so a cache one question fills serves the others
    as it would in a chat)."""
    cpu: list[list[float]] = [[] for _ in questions]
    wall: list[list[float]] = [[] for _ in questions]
    for _ in range(rounds):
        for number, question in enumerate(questions):
            began, began_cpu = time.perf_counter(), time.thread_time()
            assistant.ask(question)
            cpu[number].append((time.thread_time() - began_cpu) * 1000)
            wall[number].append((time.perf_counter() - began) * 1000)
    return [(statistics.median(c), statistics.median(w)) for c, w in zip(cpu, wall, strict=True)]


def profiled(assistant: Assistant, questions: list[str], rounds: int) -> None:
    """Print the 25 functions of most cumulative time over `rounds` asks of `questions`."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(rounds):
        for question in questions:
            assistant.ask(question)
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--questions", type=Path, default=ROOT / "evals" / "questions.jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    questions = _warm_questions(args.questions)
    assistant, _ = _opened(args.index)
    for question in questions:  # one ask each first: what the first asks load is not counted
        assistant.ask(question)
    measured = costs(assistant, questions, args.rounds)
    order = sorted(range(len(questions)), key=lambda n: measured[n][0], reverse=True)
    cpu = [c for c, _ in measured]
    print(
        f"{len(questions)} questions, median of {args.rounds} rounds; thread CPU p50"
        f" {statistics.median(cpu):.1f} ms, p95 {sorted(cpu)[round(0.95 * (len(cpu) - 1))]:.1f}"
        f" ms, sum {sum(cpu):.0f} ms; load average {os.getloadavg()[0]:.1f}"
    )
    for number in order[: args.top]:
        cpu_ms, wall_ms = measured[number]
        print(f"{cpu_ms:7.1f} cpu {wall_ms:7.1f} wall  {questions[number]}")
    if args.profile:
        profiled(assistant, [questions[n] for n in order[: args.profile]], args.rounds)


if __name__ == "__main__":
    main()
