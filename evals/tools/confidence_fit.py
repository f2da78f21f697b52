"""The confidence model's fit: the chance that an answer's quote is right, calibrated on answers.

The logistic regression on "is the quote right?" is fitted on every question that reaches the
answer models, each set weighing the same: its low values mark questions whose quote is almost
surely wrong, unanswerable ones mostly, and the answerability model's confidence floor
(`min_confidence`) abstains on them. But it is shown only with an answer given, and among the
answers it was under-confident: answers given at 0.06 were right 25 % of the time on the test
halves (session 8). So its logit is rescaled (`platt`: Platt scaling, a·logit + b) to fit the
answers citeqa gives, as on documents it never saw: its predictions for held-out documents
(folds by document, answer_folds.question_groups), on the questions the answerability model's
out-of-fold draws by document answer (`answered_share`, each weighing the share of draws that
answer it) and whose held-out prediction reaches the confidence floor (the floor refuses the
others at run time: the lowest, mostly wrong, would pull the fit down). The two are folded
into one logistic model (`rescaled`), so citeqa reads the same JSON, the order of answers by
confidence does not move, and the floor moves with the scale (`moved_floor`): the same
questions abstain. `held_out_confidence` repeats the whole fit with
folds by document, and `calibration_report` prints what it reads: the expected calibration
error per set and pooled, and the AUC of right against wrong answers.
(Tried, session 9, on the per-document out-of-fold figures: the logistic fitted on the answered
questions alone, Platt-scaled too, calibrated better, pooled .029 against .043, and ordered
answers better, AUC .733 against .722, but its low values no longer told unanswerable questions
apart: with its floor anywhere from 0 to .15, macro abstention recall read .598-.637 against
.669. Isotonic regression instead of Platt scaling: .027, but its ties lowered the AUC to .717.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
from answer_folds import out_of_fold, question_folds

from citeqa.answer_models import LogisticModel
from citeqa.evaluation.reliability import reliability

Fit = Callable[[np.ndarray, np.ndarray, np.ndarray], LogisticModel]
"""Fits a logistic model to rows, labels and weights (train_answer_models.fit_logistic)."""
PLATT_SEED = 9


def answered_share(draws: list[np.ndarray], threshold: float) -> np.ndarray:
    """Per question, the share of the answerability draws (out-of-fold probabilities) that
    answer it (at least `threshold`); the confidence floor refuses some of them too
    (`fit_confidence`'s `floor`)."""
    return np.mean([p >= threshold for p in draws], axis=0)


def answered(draw: np.ndarray, threshold: float, unscaled: np.ndarray, floor: float) -> np.ndarray:
    """The questions citeqa answers: the answerability draw at least `threshold` and the
    confidence logistic's prediction before its rescaling (`unscaled`) at least `floor`."""
    return (draw >= threshold) & (unscaled >= floor)


def logit(p: np.ndarray) -> np.ndarray:
    clipped = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(clipped / (1 - clipped))


MIN_SLOPE = 0.01
"""The least Platt slope: the rescaled confidence keeps the scores' order (so a floor refuses
the same answers on either scale)."""


def platt(scores: np.ndarray, right: np.ndarray, weights: np.ndarray) -> tuple[float, float]:
    """(a, b) such that sigmoid(a·logit(score) + b) is calibrated on these answers. A slope
    below MIN_SLOPE (the scores order these answers no better than chance, or backwards) is
    raised to it and the intercept refitted with the slope fixed (`shift`): the confidence is
    then about the answers' share right, as calibrated as a score without signal can be,
    where refusing would leave the model unscaled and over- or under-confident."""
    from sklearn.linear_model import LogisticRegression  # training only (the `train` extra)

    model = LogisticRegression(C=1e6, max_iter=1000, random_state=PLATT_SEED)
    model.fit(logit(scores)[:, None], right, sample_weight=weights)
    a, b = float(model.coef_[0][0]), float(model.intercept_[0])
    if a >= MIN_SLOPE:
        return a, b
    return MIN_SLOPE, shift(MIN_SLOPE * logit(scores), right, weights)


def shift(offset: np.ndarray, right: np.ndarray, weights: np.ndarray) -> float:
    """The maximum-likelihood intercept b of sigmoid(offset + b) for these labels (the
    weighted mean prediction equals the weighted share right: a root in b, bracketed)."""
    from scipy.optimize import brentq  # training only (scikit-learn's dependency)

    share = float(np.average(right, weights=weights))

    def gap(b: float) -> float:
        return float(np.average(1 / (1 + np.exp(-(offset + b))), weights=weights)) - share

    return float(brentq(gap, -60.0, 60.0))


def rescaled(model: LogisticModel, a: float, b: float) -> LogisticModel:
    """The logistic model whose logit is a·(the model's logit) + b."""
    extra = {**model.extra, "platt_scale": a, "platt_shift": b}
    return dataclasses.replace(
        model, weights=model.weights * a, bias=model.bias * a + b, extra=extra
    )


def fit_confidence(
    x: np.ndarray,
    right: np.ndarray,
    weights: np.ndarray,
    share: np.ndarray,
    keys: list[str],
    fit: Fit,
    floor: float = 0.0,
) -> LogisticModel:
    """The confidence model: the logistic on every question (weighing `weights`), rescaled to
    be calibrated on the answered ones, from its predictions for held-out documents (`keys`:
    a question's document): those the answerability draws answer (`share` > 0, weighing
    `share`) whose held-out prediction reaches the confidence `floor` (before the rescaling),
    as citeqa refuses the others."""

    def logistic(inside: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        return fit(x[inside], right[inside], weights[inside]).predict

    held = out_of_fold(x, question_folds(keys, 5, PLATT_SEED), logistic)
    given = (share > 0) & (held >= floor)
    model = fit(x, right, weights)
    return rescaled(model, *platt(held[given], right[given], share[given]))


def moved_floor(floor: float, model: LogisticModel) -> float:
    """The confidence floor on the rescaled model's scale that keeps the same answers: the
    rescaled value of `floor` (0 stays 0)."""
    if floor <= 0:
        return floor
    a, b = model.extra.get("platt_scale", 1.0), model.extra.get("platt_shift", 0.0)
    return float(1.0 / (1.0 + np.exp(-(a * logit(np.array(floor)) + b))))


def held_out_confidence(
    x: np.ndarray,
    right: np.ndarray,
    weights: np.ndarray,
    share: np.ndarray,
    keys: list[str],
    fit: Fit,
    seed: int,
    rescale: bool = True,
    floor: float = 0.0,
) -> np.ndarray:
    """The whole fit (`fit_confidence`, at the confidence `floor`; without `rescale`, the
    logistic alone) repeated without each fold of documents (folds drawn with `seed`): each
    question's confidence as on a document never seen."""
    key_array = np.array(keys)

    def whole(inside: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        if not rescale:
            return fit(x[inside], right[inside], weights[inside]).predict
        part = list(key_array[inside])
        rows = x[inside], right[inside], weights[inside], share[inside]
        return fit_confidence(*rows, part, fit, floor).predict

    return out_of_fold(x, question_folds(keys, 5, seed), whole)


def calibration_report(
    sets: list[str], right: np.ndarray, given: list[np.ndarray], confidence: list[np.ndarray]
) -> dict[str, float]:
    """Print and return the expected calibration error of the answers given (`given`, one
    mask per draw, with its `confidence`), pooled ("pooled") and per set, and the AUC of right
    against wrong answers ("auc"), averaged over the draws."""
    from sklearn.metrics import roc_auc_score  # training only

    names = np.array(sets)
    figures: dict[str, list[float]] = {}
    for mask, sure in zip(given, confidence, strict=True):
        groups = {"pooled": mask, **{name: mask & (names == name) for name in sorted(set(sets))}}
        for label, group in groups.items():
            pairs = zip(sure[group].tolist(), right[group].astype(bool).tolist(), strict=True)
            error = reliability(pairs).calibration_error
            if error is not None:
                figures.setdefault(label, []).append(error)
        figures.setdefault("auc", []).append(float(roc_auc_score(right[mask], sure[mask])))
    means = {label: float(np.mean(values)) for label, values in figures.items()}
    print("  held-out documents, calibration error: " + ", ".join(
        f"{label} {value:.4f}" for label, value in means.items()
    ))  # fmt: skip
    return means


def calibrated(
    rows: tuple[np.ndarray, np.ndarray, np.ndarray],
    keys: list[str],
    sets: list[str],
    by_document: list[np.ndarray],
    pick: tuple[float, float],
    fit: Fit,
    seeds: tuple[int, ...],
) -> LogisticModel:
    """The confidence model (`fit_confidence`; `rows`: features, right, weights), calibrated
    on the questions citeqa answers: those the answerability draws by document (`by_document`)
    answer at the threshold whose confidence reaches the floor (`pick`: threshold, floor
    before the rescaling); prints the calibration error of those answers, held out by
    document (`held_out_confidence`, one draw per seed), before and after the rescaling."""
    x, right, weights = rows
    t, unscaled = pick
    share = answered_share(by_document, t)
    alone = [held_out_confidence(x, right, weights, share, keys, fit, s, False) for s in seeds]
    given = [answered(p, t, a, unscaled) for p, a in zip(by_document, alone, strict=True)]
    print("  the logistic alone:")
    calibration_report(sets, right, given, alone)
    held = [
        held_out_confidence(x, right, weights, share, keys, fit, s, True, unscaled) for s in seeds
    ]
    print("  the logistic, rescaled:")
    calibration_report(sets, right, given, held)
    return fit_confidence(x, right, weights, share, keys, fit, unscaled)
