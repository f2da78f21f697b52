"""Whether two citeqa checkouts answer a question file alike: every question asked of one index by
`citeqa ask --jsonl` (one assistant a checkout, the questions in order, then again in reverse
order, so that what one question leaves in a cache cannot hide a change), each answer compared
whole but for its `timings_ms`. For a change meant to make answering faster, not different:

    python evals/tools/same_answers.py --baseline-src OTHER/src --index DIR
        [--questions evals/questions.jsonl]

Prints the number of questions and of answers that differ, with the id of each (exit 1 when
any does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def answers(src: Path, index: Path, rows: list[dict[str, str]]) -> dict[str, dict]:
    """The answers of the citeqa in `src` to `rows` (id and question), by id, timings aside."""
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    command = [sys.executable, "-m", "citeqa.cli", "ask", "--jsonl", "--index", str(index)]
    environment = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        command, input=lines.encode(), capture_output=True, check=True, env=environment
    )
    found = {}
    for line in done.stdout.decode().splitlines():
        answer = json.loads(line)
        answer.pop("timings_ms", None)
        found[str(answer["id"])] = answer
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=ROOT / "evals" / "questions.jsonl")
    args = parser.parse_args()
    read = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    rows = [{"id": str(row["id"]), "question": row["question"]} for row in read]
    differ: set[str] = set()
    for order in (rows, rows[::-1]):
        this = answers(ROOT / "src", args.index, order)
        baseline = answers(args.baseline_src, args.index, order)
        differ |= {row["id"] for row in rows if this.get(row["id"]) != baseline.get(row["id"])}
    print(f"{len(rows)} questions, asked in order and in reverse: {len(differ)} answers differ")
    for identifier in sorted(differ):
        print(f"  {identifier}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
