"""The learned answer models, read from plain JSON shipped in citeqa/data/ (never pickle).

Each model is either a logistic regression over named, standardised features, or an ensemble
of regression trees (gradient boosting, trained with LightGBM and exported to plain arrays, so
citeqa needs no LightGBM at run time: `TreeModel`). They are: the sentence ranker
(how likely a sentence's quote holds the answer: its probabilities are the evidence the other
two read), the quote ranker (which sentence to quote: the sentence ranker's task, with the
answer-locating features too, answer_location.py; fitted after the other three, so the evidence
they were trained on stays as it was), the answerability model (how likely the
documents answer the question at all; abstain below the threshold) and the confidence model
(how likely the quoted answer is right, calibrated across corpora). evals/tools/
train_answer_models.py writes them; `read_model` checks that the features it was
trained on are the ones the code computes, so a stale file fails loudly, not silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import numpy as np

from citeqa.answer_features import MATCH_FEATURES, SENTENCE_FEATURES
from citeqa.question_evidence import QUESTION_FEATURES

RANKER = "sentence_ranker.json"
QUOTER = "quote_ranker.json"
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
    def from_json(cls, data: dict[str, Any], expected: tuple[str, ...]) -> LogisticModel:
        features = _checked_features(data, expected)
        return cls(
            features,
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),
            {k: float(v) for k, v in dict(data.get("extra", {})).items()},
        )

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Probabilities for a matrix of rows (or one row)."""
        logits = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))


@dataclass(frozen=True)
class TreeModel:
    """Boosted regression trees: p = sigmoid(sum of one leaf value per tree + bias).

    All trees share flat arrays; node n splits on `feature[n]` (go `left[n]` when the value is
    at most `threshold[n]`, else `right[n]`); a leaf has feature -1 and holds `value[n]`. Every
    row walks all trees at once, one level per step, so a prediction costs at most `depth`
    numpy steps; each step reads only the walks not yet at a leaf (the trees are grown leaf by
    leaf, so most paths are far shorter than the deepest: 2.5x faster on the bundled
    questions' rows than stepping every walk to `depth`).
    LightGBM's own evaluator was not used: importing it costs more than the whole answer.
    """

    features: tuple[str, ...]
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int
    bias: float
    extra: dict[str, float]

    @classmethod
    def from_json(cls, data: dict[str, Any], expected: tuple[str, ...]) -> TreeModel:
        features = _checked_features(data, expected)
        arrays = {key: np.asarray(data[key]) for key in ("feature", "left", "right", "roots")}
        return cls(
            features,
            arrays["feature"].astype(np.int64),
            np.asarray(data["threshold"], dtype=np.float64),
            arrays["left"].astype(np.int64),
            arrays["right"].astype(np.int64),
            np.asarray(data["value"], dtype=np.float64),
            arrays["roots"].astype(np.int64),
            int(data["depth"]),
            float(data["bias"]),
            {k: float(v) for k, v in dict(data.get("extra", {})).items()},
        )

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Probabilities for a matrix of rows (or one row)."""
        matrix = np.atleast_2d(np.asarray(rows, dtype=np.float64))
        count, trees = len(matrix), len(self.roots)
        nodes = np.tile(self.roots, count)  # row by row, every tree's node
        values = matrix.ravel()
        walking = np.flatnonzero(self._splits[nodes])
        row_starts = walking // trees * matrix.shape[1]  # where each walk's row begins in values
        for _ in range(self.depth):
            if not walking.size:
                break
            at = nodes[walking]
            # right unless at most the threshold (NaN goes right)
            right = ~(values[row_starts + self.feature[at]] <= self.threshold[at])
            at = self._children[2 * at + right]
            nodes[walking] = at
            going = self._splits[at]
            walking, row_starts = walking[going], row_starts[going]
        logits = self.value[nodes].reshape(count, trees).sum(axis=1) + self.bias
        probabilities = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        return probabilities if np.ndim(rows) > 1 else probabilities[0]

    @cached_property
    def _children(self) -> np.ndarray:
        """Each node's left child at 2n and right child at 2n + 1: a step reads the child it
        goes to in one gather, not both and a `where` (with the walks' row offsets kept beside
        them: the rankers' 30 rows 0.86-0.90x as long, benchmarks/tree_models.py)."""
        return np.stack([self.left, self.right], axis=1).ravel()

    @cached_property
    def _splits(self) -> np.ndarray:
        """Whether each node splits (a leaf's feature is -1)."""
        return self.feature >= 0


Model = LogisticModel | TreeModel


def _checked_features(data: dict[str, Any], expected: tuple[str, ...]) -> tuple[str, ...]:
    features = tuple(data["features"])
    if features != expected:
        raise ValueError(f"answer model features {features} differ from the code's {expected}")
    return features


def read_model(name: str, expected: tuple[str, ...]) -> Model:
    """The named model from citeqa/data/ (its `kind`: "logistic", the default, or "trees")."""
    text = resources.files("citeqa").joinpath("data", name).read_text(encoding="utf-8")
    data = json.loads(text)
    if data.get("kind") == "trees":
        return TreeModel.from_json(data, expected)
    return LogisticModel.from_json(data, expected)


@dataclass(frozen=True)
class AnswerModels:
    ranker: Model
    """The evidence ranker: its probabilities feed the question features (MATCH_FEATURES)."""
    answerability: Model
    confidence: Model
    quoter: Model
    """The quote ranker, choosing the quoted sentence (SENTENCE_FEATURES)."""


def sentence_scores(ranker: Model, rows: np.ndarray) -> np.ndarray:
    """The ranker's probability for each candidate row, times the row's hand-weighted score
    relative to the best (`hand_relative`) raised to the ranker's `hand_power`: the trees
    learn what the hand score misses, the hand score keeps them from trusting a lone feature
    (the power is chosen on out-of-fold predictions by the training script)."""
    matrix = np.atleast_2d(rows)
    probabilities = ranker.predict(matrix[:, : len(ranker.features)])  # its features: a prefix
    power = ranker.extra.get("hand_power", 0.0)
    if not power or not len(rows):
        return probabilities
    hand = np.clip(matrix[:, SENTENCE_FEATURES.index("hand_relative")], 1e-6, None)
    return probabilities * hand**power


@cache
def shipped_models() -> AnswerModels:
    """The models shipped with citeqa, read once per process."""
    return AnswerModels(
        read_model(RANKER, MATCH_FEATURES),
        read_model(ANSWERABILITY, QUESTION_FEATURES),
        read_model(CONFIDENCE, QUESTION_FEATURES),
        read_model(QUOTER, SENTENCE_FEATURES),
    )
