"""What a question costs when the corpus holds a long markdown table: CPU seconds per question
asked to an open assistant, for this citeqa and (with --baseline-src, the src/ folder of another
citeqa, e.g. an older commit's `git archive`) for that one, in turn, in one run. Each citeqa runs
in its own process on its own index of the same corpus (the tests' deterministic "fake"
embedder, so the figures time citeqa's own work). Not a test; run it by hand:

    python benchmarks/table_rows.py [--rows 3000] [--rounds 3] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import citeqa

SRC = Path(citeqa.__file__).resolve().parents[1]
QUESTIONS = (
    "What was the renal response with drug 2950?",
    "Which dose of drug 1500 was given?",
    "How many patients took drug 0042?",
)


def write_corpus(corpus: Path, rows: int) -> None:
    """One document: a paragraph, then a markdown table of `rows` rows."""
    lines = [
        "# Trial results",
        "",
        "Every arm of the trial is listed below with its dose and renal response.",
        "",
        "| Drug | Dose | Patients | Renal response |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| drug {n:04d} | {10 + n % 90} mg | {20 + n % 50} | {n % 100} % |" for n in range(rows)
    ]
    (corpus / "trial.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(root: Path, rounds: int) -> None:
    """In a worker process: build the index in `root` if missing, then print as JSON the CPU
    seconds of each question (asked `rounds` times) and the answers (timings aside)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fake_corpus import register_fake

    register_fake()
    from citeqa.api import build_index, open_assistant
    from citeqa.config import Settings

    settings = Settings(channels=("fake",), corpus_dir=root / "corpus", index_dir=root / "index")
    if not (root / "index").exists():
        build_index(settings)
    assistant = open_assistant(settings)
    answers = [assistant.ask(q).model_dump(exclude={"timings_ms"}) for q in QUESTIONS]  # warm up
    times = []
    for _ in range(rounds):
        for question in QUESTIONS:
            began = time.process_time()
            assistant.ask(question)
            times.append(time.process_time() - began)
    figures = json.dumps({"times": times, "answers": answers})
    print(figures.replace(json.dumps(str(root))[1:-1], "ROOT"))  # the same answers compare equal


def _run(src: Path, root: Path, rounds: int) -> tuple[list[float], list[object]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--worker", str(root), "--rounds", str(rounds)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return [float(t) for t in figures["times"]], figures["answers"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-src", type=Path)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        measure(args.worker, args.rounds)
        return
    top = Path(tempfile.mkdtemp(prefix="citeqa-table-rows-"))
    sources = {"this": SRC}
    if args.baseline_src is not None:
        sources["baseline"] = args.baseline_src.resolve()
    for name in sources:
        (top / name / "corpus").mkdir(parents=True)
        write_corpus(top / name / "corpus", args.rows)
    times: dict[str, list[float]] = {name: [] for name in sources}
    answers: dict[str, list[object]] = {}
    for _ in range(2):  # alternate, so both see the same load
        for name, src in sources.items():
            taken, answers[name] = _run(src, top / name, args.rounds)
            times[name] += taken
    print(f"a markdown table of {args.rows} rows; CPU seconds per question (median):")
    for name, src in sources.items():
        print(f"  {name:9s} {statistics.median(times[name]):7.3f}  ({src})")
    if "baseline" in times:
        ratio = statistics.median(times["this"]) / statistics.median(times["baseline"])
        print(f"  ratio this/baseline: {ratio:.3f}")
        same = answers["this"] == answers["baseline"]
        print(f"  answers {'identical' if same else 'DIFFER'} (timings aside)")
    shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
