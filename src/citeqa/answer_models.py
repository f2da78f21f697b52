"""The learned answer models, read from plain JSON shipped in citeqa/data/ (never pickle).

Each model is a logistic regression over named, standardised features: the sentence ranker
(how likely a sentence's quote holds the answer), the answerability model (how likely the
documents answer the question at all; abstain below the threshold) and the confidence model
(how likely the quoted answer is right, calibrated across corpora). evals/tools/
train_answer_models.py writes them; `LogisticModel.load` checks that the features it was
trained on are the ones the code computes, so a stale file fails loudly, not silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from citeqa.answer_features import QUESTION_FEATURES, SENTENCE_FEATURES

RANKER = "sentence_ranker.json"
ANSWERABILITY = "answerability.json"
CONFIDENCE = "confidence.json"


@dataclass(frozen=True)
class LogisticModel:
    """p = sigmoid(((x - mean) / scale) · weights + bias), plus the settings stored with it."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    extra: dict[str, float]

    @classmethod
    def from_json(cls, data: dict[str, object], expected: tuple[str, ...]) -> LogisticModel:
        features: tuple[str, ...] = tuple(data["features"])  # type: ignore[arg-type]
        if features != expected:
            raise ValueError(f"answer model features {features} differ from the code's {expected}")
        return cls(
            features,
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),  # type: ignore[arg-type]
            {k: float(v) for k, v in dict(data.get("extra", {})).items()},  # type: ignore[call-overload]
        )

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Probabilities for a matrix of rows (or one row)."""
        logits = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))


def read_model(name: str, expected: tuple[str, ...]) -> LogisticModel:
    """The named model from citeqa/data/."""
    text = resources.files("citeqa").joinpath("data", name).read_text(encoding="utf-8")
    return LogisticModel.from_json(json.loads(text), expected)


@dataclass(frozen=True)
class AnswerModels:
    ranker: LogisticModel
    answerability: LogisticModel
    confidence: LogisticModel


@cache
def shipped_models() -> AnswerModels:
    """The models shipped with citeqa, read once per process."""
    return AnswerModels(
        read_model(RANKER, SENTENCE_FEATURES),
        read_model(ANSWERABILITY, QUESTION_FEATURES),
        read_model(CONFIDENCE, QUESTION_FEATURES),
    )
