"""The confidence model's calibration (evals/tools/confidence_fit.py): the Platt rescaling keeps
the order of answers, fits the answers given, moves the confidence floor with it, and survives
the JSON the models ship as."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from citeqa.answer_models import LogisticModel

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))
import confidence_fit
import model_fitting

FEATURES = ("a", "b")


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> LogisticModel:
    return model_fitting.fit_logistic(x, y, w, FEATURES)


def synthetic(seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Rows, labels, answered shares and document keys: a third of the questions are never
    answered (share 0) and never right, so a logistic over them all is under-confident on
    the answered ones."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(1200, 2))
    share = (np.arange(1200) % 3 != 0).astype(np.float64)
    chance = 1 / (1 + np.exp(-(0.5 + 1.5 * x[:, 0])))
    right = ((rng.random(1200) < chance) & (share > 0)).astype(np.float64)
    keys = [f"document {n // 4}" for n in range(1200)]
    return x, right, share, keys


def test_the_rescaled_confidence_fits_the_answers_given_and_keeps_their_order() -> None:
    x, right, share, keys = synthetic()
    weights = np.ones(len(x))
    plain = fit(x, right, weights)
    model = confidence_fit.fit_confidence(x, right, weights, share, keys, fit)
    given = share > 0
    gap_before = abs(plain.predict(x[given]).mean() - right[given].mean())
    gap_after = abs(model.predict(x[given]).mean() - right[given].mean())
    assert gap_before > 0.1
    assert gap_after < 0.03
    assert model.extra["platt_scale"] > 0
    order = np.argsort(plain.predict(x), kind="stable")
    assert np.all(np.diff(model.predict(x)[order]) >= 0)


def test_the_floor_moves_with_the_scale_so_the_same_answers_pass() -> None:
    x, right, share, keys = synthetic()
    weights = np.ones(len(x))
    plain = fit(x, right, weights)
    model = confidence_fit.fit_confidence(x, right, weights, share, keys, fit)
    for floor in (0.02, 0.1, 0.3):
        moved = confidence_fit.moved_floor(floor, model)
        assert moved != floor
        assert np.array_equal(plain.predict(x) >= floor, model.predict(x) >= moved)
    assert confidence_fit.moved_floor(0.0, model) == 0.0


def test_the_rescaled_model_round_trips_through_its_json() -> None:
    x, right, share, keys = synthetic()
    model = confidence_fit.fit_confidence(x, right, np.ones(len(x)), share, keys, fit)
    text = json.dumps(model_fitting.as_json(model))
    read = LogisticModel.from_json(json.loads(text), FEATURES)
    assert np.allclose(read.predict(x), model.predict(x), atol=1e-4)
    assert read.extra["platt_scale"] == round(model.extra["platt_scale"], 4)


def test_the_held_out_fit_never_sees_the_document_it_predicts() -> None:
    x, right, share, keys = synthetic()
    weights = np.ones(len(x))
    held = confidence_fit.held_out_confidence(x, right, weights, share, keys, fit, 9)
    changed = right.copy()
    first = np.array([key == keys[0] for key in keys])
    changed[first] = 1 - changed[first]
    again = confidence_fit.held_out_confidence(x, changed, weights, share, keys, fit, 9)
    assert np.allclose(held[first], again[first])
    assert not np.allclose(held[~first], again[~first])


def test_the_calibration_report_reads_each_set_and_the_pool() -> None:
    right = np.array([1.0, 0.0, 1.0, 0.0])
    sure = np.array([0.9, 0.1, 0.5, 0.5])
    given = np.array([True, True, True, False])
    figures = confidence_fit.calibration_report(["a", "a", "b", "b"], right, [given], [sure])
    assert np.isclose(figures["a"], 0.1)
    assert np.isclose(figures["b"], 0.5)
    assert np.isclose(figures["pooled"], (0.1 + 0.1 + 0.5) / 3, atol=1e-4)
    assert figures["auc"] == 1.0


def test_the_rescaling_fits_only_the_answers_above_the_confidence_floor() -> None:
    """The answered questions below the floor (all wrong here) are refused at run time: the
    rescaling fits the answers that pass it, not the refused ones that would pull it down."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3000, 2))
    low = x[:, 0] < -0.5
    right = (~low & (rng.random(3000) < 0.7)).astype(np.float64)
    share = np.ones(3000)
    keys = [f"document {n // 4}" for n in range(3000)]
    weights = np.ones(3000)
    floor = float(np.quantile(fit(x, right, weights).predict(x), 0.35))
    kept = fit(x, right, weights).predict(x) >= floor

    def gap(model: LogisticModel) -> float:
        return abs(float(model.predict(x[kept]).mean() - right[kept].mean()))

    everything = confidence_fit.fit_confidence(x, right, weights, share, keys, fit)
    above = confidence_fit.fit_confidence(x, right, weights, share, keys, fit, floor)
    assert gap(everything) > 0.05
    assert gap(above) < 0.02


def test_a_slope_without_signal_keeps_the_order_and_fits_the_share_right() -> None:
    """Scores that order the answers backwards: the slope is raised to the least one and the
    intercept refitted with it, so the mean confidence is the answers' share right."""
    rng = np.random.default_rng(7)
    scores = rng.uniform(0.3, 0.99, 2000)
    right = (rng.random(2000) < 0.8 - 0.6 * scores).astype(np.float64)
    weights = rng.uniform(0.5, 1.5, 2000)
    a, b = confidence_fit.platt(scores, right, weights)
    assert a == confidence_fit.MIN_SLOPE
    shown = 1 / (1 + np.exp(-(a * confidence_fit.logit(scores) + b)))
    assert abs(np.average(shown, weights=weights) - np.average(right, weights=weights)) < 1e-6
