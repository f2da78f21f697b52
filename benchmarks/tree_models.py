"""Print how long the shipped tree models (answer_models.TreeModel: the sentence ranker, the
quote ranker, the answerability model) take to predict, and with --baseline-src, how long
another citeqa's take on the same rows, in turn in one process, and whether both give the
same probabilities bit for bit. Not a test; run it by hand:

    python benchmarks/tree_models.py [--rows 30] [--rounds 15] [--baseline-src DIR]

The rows are drawn from each model's own split thresholds (a value at, just under or just over
one of a feature's thresholds), so that walks go as deep as real candidates' do; a question
predicts for its 20-60 candidate sentences (both rankers) and once for itself (answerability).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from citeqa import answer_models


def rows_for(model: Any, count: int, seed: int = 0) -> np.ndarray:
    """`count` rows of the model's features, each value one of its feature's thresholds
    nudged down, kept or nudged up (0.0 for a feature no tree splits on)."""
    random = np.random.default_rng(seed)
    rows = np.zeros((count, len(model.features)))
    for column in range(len(model.features)):
        thresholds = model.threshold[model.feature == column]
        if thresholds.size:
            picked = random.choice(thresholds, count) + random.choice([-1e-3, 0.0, 1e-3], count)
            rows[:, column] = picked
    return rows


def baseline_module(src: Path) -> ModuleType:
    """The answer_models module of the citeqa in `src`, imported beside this one."""
    spec = importlib.util.spec_from_file_location(
        "baseline_answer_models", src / "citeqa" / "answer_models.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"no citeqa/answer_models.py under {src}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def milliseconds(model: Any, rows: np.ndarray, repeats: int) -> float:
    """CPU milliseconds of one prediction for `rows`, over `repeats` predictions."""
    began = time.process_time()
    for _ in range(repeats):
        model.predict(rows)
    return (time.process_time() - began) / repeats * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--baseline-src", type=Path, default=None, metavar="DIR")
    args = parser.parse_args()
    mine = answer_models.shipped_models()
    theirs = baseline_module(args.baseline_src).shipped_models() if args.baseline_src else None
    for role in ("ranker", "quoter", "answerability"):
        model = getattr(mine, role)
        other = getattr(theirs, role) if theirs is not None else None
        rows = rows_for(model, 1 if role == "answerability" else args.rows)
        times: list[float] = []
        others: list[float] = []
        for number in range(args.rounds):  # each first in turn
            turns = [(model, times)] + ([(other, others)] if other is not None else [])
            for predictor, into in turns[:: 1 if number % 2 == 0 else -1]:
                into.append(milliseconds(predictor, rows, args.repeats))
        line = f"{role:13s} {len(model.roots):3d} trees, {len(rows):2d} rows:"
        line += f" {statistics.median(times):6.3f} ms"
        if other is not None:
            same = np.array_equal(model.predict(rows), other.predict(rows))
            ratio = statistics.median(times) / statistics.median(others)
            line += f", baseline {statistics.median(others):6.3f} ms: {ratio:.2f}x"
            line += f"; same probabilities: {'yes' if same else 'NO'}"
        print(line)


if __name__ == "__main__":
    main()
