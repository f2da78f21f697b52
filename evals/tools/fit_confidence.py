"""Fit the confidence weights (answering.CONFIDENCE_WEIGHTS) on the dev half of evals/.

For every dev question, the evidence features of the best sentence are collected; the target
is 1 when the question is answerable, 0 when it is not (so the threshold trades abstention
recall against false abstentions). A plain L2-regularised logistic regression
(numpy, gradient descent) gives the weights; the script prints them and the abstention
threshold that maximises accuracy on dev, to be copied into answering.py / config.py.

    python evals/tools/fit_confidence.py [--index DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from citeqa import api
from citeqa.answering import CONFIDENCE_WEIGHTS, confidence_features
from citeqa.config import Settings
from citeqa.questions import in_context, is_follow_up
from citeqa.sentences import score_sentences

ROOT = Path(__file__).resolve().parents[2]


def features_and_targets(assistant: api.Assistant, split: str) -> tuple[np.ndarray, np.ndarray]:
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = {item["id"]: item for item in map(json.loads, lines)}
    rows, targets = [], []
    for item in questions.values():
        if item["split"] != split:
            continue
        context = (
            questions[item["follows"]]["question"]
            if item["follows"] and is_follow_up(item["question"])
            else None
        )
        text = in_context(context, item["question"]) if context else item["question"]
        vectors = assistant._query_vectors(text)
        terms = assistant._terms(item["question"], context)
        retrieval = assistant._retrieve(text, vectors, 10, terms)
        top = retrieval.hits[: assistant.settings.answer_passages]
        answer_channel = assistant._loaded.index.manifest.answer_channel or ""
        scored = score_sentences(assistant._loaded.bank, top, terms, vectors.get(answer_channel))
        if not scored:
            continue
        best = scored[0]
        features = confidence_features(best, top[0], terms, assistant._loaded.bank)
        rows.append([features[name] for name in CONFIDENCE_WEIGHTS])
        targets.append(1.0 if item["answerable"] else 0.0)
    return np.array(rows), np.array(targets)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 50000) -> np.ndarray:
    """Class-balanced, L2-regularised logistic regression by gradient descent."""
    balance = np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (balance * (p - y)) / len(y) + l2 * np.r_[0, w[1:]]
        w -= 1.0 * gradient
    return w


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, default=None)
    args = parser.parse_args()
    settings = Settings() if args.index is None else Settings(index_dir=args.index)
    assistant = api.open_assistant(settings)
    x, y = features_and_targets(assistant, "dev")
    for number, name in enumerate(CONFIDENCE_WEIGHTS):
        print(
            f"{name:>18}: answerable {np.round(np.percentile(x[y == 1, number], [10, 50, 90]), 2)}"
            f"  unanswerable {np.round(np.percentile(x[y == 0, number], [10, 50, 90]), 2)}"
        )
    w = fit(x, y)
    print(
        "weights:",
        {name: round(float(v), 2) for name, v in zip(CONFIDENCE_WEIGHTS, w, strict=True)},
    )
    p = 1 / (1 + np.exp(-x @ w))
    for threshold in (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        abstain = p < threshold
        recall = abstain[y == 0].mean() if (y == 0).any() else 0.0
        false_abstention = abstain[y == 1].mean() if (y == 1).any() else 0.0
        print(
            f"threshold {threshold}: accuracy {np.mean(~abstain == (y == 1)):.3f}"
            f"  abstention recall {recall:.3f}  false abstention {false_abstention:.3f}"
        )


if __name__ == "__main__":
    main()
