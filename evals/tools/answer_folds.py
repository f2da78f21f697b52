"""The answerability model's out-of-fold folds and the held-out-document check of its threshold.

train_answer_models.py chooses the threshold on folds drawn per question text (`question_folds`
over the texts). The test halves are cut by whole documents, so they hold documents the models
never saw; folds drawn per document (`question_groups`) measure that case, and the trainer
prints what they read at the chosen threshold (`held_out_report`). On the session-8 features:
folds by text read out-of-fold macro recall .664-.669 where the test halves read about .62-.67;
folds by document read within .02 of the test halves at every threshold .05-.16 and under three
tree settings (.632/.618 at 200 rounds and threshold .06, .586/.570 at 100 rounds, .474/.461
with num_leaves 7, min_data_in_leaf 80, lambda_l2 10), and their false abstention on the large
answerable sets (PIAF, paragraphs, PubMedQA) read at or above the test halves' at every one.
`out_of_fold` is the one fold loop: the answerability trees' and the confidence logistic's.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

import numpy as np
from train_sets import Item

from citeqa.glossary import fold as folded


def question_folds(keys: list[str], folds: int, seed: int) -> np.ndarray:
    """A fold per key, case and accents folded (a question text, or `question_groups`):
    questions with one key sit on one side of a fold. Folds drawn per row let the trees
    recognise a question they were trained on, with either label."""
    folded_keys = [folded(key).strip() for key in keys]
    unique = sorted(set(folded_keys))
    drawn = np.random.default_rng(seed).integers(0, folds, len(unique))
    fold_of = dict(zip(unique, drawn, strict=True))
    return np.array([fold_of[key] for key in folded_keys], dtype=np.int64)


Fitted = Callable[[np.ndarray], Callable[[np.ndarray], np.ndarray]]
"""Fits on the rows of a mask and returns the fitted model's predict function."""


def out_of_fold(x: np.ndarray, fold_of: np.ndarray, fit: Fitted, folds: int = 5) -> np.ndarray:
    """Each row's prediction by a model fitted (`fit`: a mask of the rows to fit on → a
    predict function) without the row's fold (`fold_of`, e.g. `question_folds`)."""
    predicted = np.zeros(len(x))
    for number in range(folds):
        outside = fold_of == number
        predicted[outside] = fit(~outside)(x[outside])
    return predicted


def question_groups(items: list[Item]) -> list[str]:
    """The key of each question's held-out-document fold: the document that answers the
    question it was made from (following `source`: a PIAF question sits in piaf and
    piaf-paragraphs, answerable, and in its near-miss and off-topic sets, not), else its text.
    So no document has questions on both sides of a fold."""
    by_id = {item.question.id: item for item in items}

    def root(item: Item) -> str:
        seen = {item.question.id}
        while item.question.source in by_id and item.question.source not in seen:
            item = by_id[item.question.source]
            seen.add(item.question.id)
        if item.question.doc_id:
            return f"{item.set} document {item.question.doc_id}"
        return item.text

    return [root(item) for item in items]


def held_out_report(
    sets: list[str], answerable: np.ndarray, draws: list[np.ndarray], forced: np.ndarray, t: float
) -> dict[str, float]:
    """Print and return, for out-of-fold probabilities drawn per document (`draws`), each set's
    false abstention ("<set> FA", over its answerable questions) and abstention recall
    ("<set>", over its unanswerable ones) at threshold `t`, the questions in `forced`
    abstaining anyway, averaged over the draws; "macro" is the mean of the recalls, as the
    trainer's abstention recall."""
    names = np.array(sets)
    figures: dict[str, float] = {}
    for name in sorted(set(sets)):
        for should_answer, label in ((True, f"{name} FA"), (False, name)):
            mask = (names == name) & (answerable == should_answer)
            if mask.any():
                abstained = [np.mean((forced | (p < t))[mask]) for p in draws]
                figures[label] = float(np.mean(abstained))
    recalls = [v for k, v in figures.items() if not k.endswith(" FA")]
    figures["macro"] = statistics.mean(recalls) if recalls else 0.0
    shown = ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
    print(f"  held-out documents at threshold {t:.2f}: {shown}")
    return figures
