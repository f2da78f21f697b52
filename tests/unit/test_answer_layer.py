"""The learned answer layer's parts: answer types read from questions (EN/FR), the shipped
models load from JSON and agree with the features the code computes, predictions are
probabilities."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from citeqa.answer_features import (
    MATCH_FEATURES,
    SENTENCE_FEATURES,
    Wants,
)
from citeqa.answer_models import (
    ANSWERABILITY,
    CONFIDENCE,
    QUOTER,
    LogisticModel,
    TreeModel,
    sentence_scores,
    shipped_models,
)
from citeqa.question_evidence import QUESTION_FEATURES


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many patients were enrolled?", "number"),
        ("Combien de patients ont été inclus ?", "number"),
        ("What was the response rate at week 52?", "share"),
        ("Quel pourcentage de malades ?", "share"),
        ("When was the drug approved?", "date"),
        ("En quelle année Jakob Böhme tombe-t-il malade ?", "date"),
        ("Who leads REFRACT?", "person"),
        ("Qui pilote le projet ?", "person"),
        ("Where was the trial run?", "place"),
        ("Dans quelle ville est-il né ?", "place"),
    ],
)
def test_answer_types_are_read_in_both_languages(question: str, kind: str) -> None:
    assert kind in Wants.of(question).kinds


def test_a_plain_question_wants_no_particular_type() -> None:
    assert Wants.of("Does belimumab help lupus nephritis?").kinds == frozenset()


def test_the_shipped_models_match_the_features_the_code_computes() -> None:
    models = shipped_models()
    assert models.ranker.features == MATCH_FEATURES
    assert models.quoter.features == SENTENCE_FEATURES
    assert models.answerability.features == QUESTION_FEATURES
    assert models.confidence.features == QUESTION_FEATURES
    assert 0.0 < models.quoter.extra["neighbour_ratio"] <= 1.01
    rows = np.random.default_rng(0).random((7, len(SENTENCE_FEATURES)))
    for model in (models.ranker, models.quoter):
        probabilities = sentence_scores(model, rows)
        assert probabilities.shape == (7,)
        assert ((probabilities > 0) & (probabilities < 1)).all()


def model_json(features: tuple[str, ...]) -> dict[str, object]:
    n = len(features)
    return {
        "features": list(features),
        "mean": [0] * n,
        "scale": [1] * n,
        "weights": [1] + [0] * (n - 1),
        "bias": 0,
        "extra": {"neighbour_ratio": 0.9},
    }


def test_a_model_is_a_plain_logistic_regression() -> None:
    model = LogisticModel.from_json(json.loads(json.dumps(model_json(("a", "b")))), ("a", "b"))
    assert model.predict(np.array([0.0, 5.0])) == pytest.approx(0.5)
    assert model.predict(np.array([2.0, 0.0])) == pytest.approx(1 / (1 + np.exp(-2)))
    assert model.extra == {"neighbour_ratio": 0.9}


def test_a_model_trained_on_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="differ"):
        LogisticModel.from_json(model_json(("a", "b")), ("a", "c"))


def test_the_shipped_answerability_model_is_trees_that_read_the_question_features() -> None:
    model = shipped_models().answerability
    assert isinstance(model, TreeModel)
    rows = np.random.default_rng(1).random((5, len(QUESTION_FEATURES)))
    assert model.predict(rows).shape == (5,)
    assert 0.0 < float(model.predict(rows[0])) < 1.0


def test_exported_trees_predict_what_lightgbm_predicts() -> None:
    import lightgbm

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))
    from model_fitting import trees_of

    rng = np.random.default_rng(3)
    x = rng.random((400, 3))
    y = ((x[:, 0] > 0.5) ^ (x[:, 2] < 0.3)).astype(float)
    parameters = {"objective": "binary", "num_leaves": 7, "verbosity": -1, "seed": 1}
    booster = lightgbm.train(parameters, lightgbm.Dataset(x, y), num_boost_round=25)
    model = trees_of(booster.dump_model(), ("a", "b", "c"))
    fresh = rng.random((50, 3))
    assert np.allclose(model.predict(fresh), booster.predict(fresh), atol=1e-9)
    assert model.predict(fresh[0]) == pytest.approx(booster.predict(fresh[:1])[0])


def test_answerability_folds_keep_each_question_on_one_side() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))
    from answer_folds import question_folds

    asked_of_four_sets = ["Quand est né Victor Hugo ?", "QUAND est ne Victor Hugo ?  "] * 2
    others = [f"Question number {n}?" for n in range(200)]
    texts = asked_of_four_sets + others
    folds = question_folds(texts, 5, seed=9)
    assert len(set(folds[:4].tolist())) == 1
    assert sorted(set(folds[4:].tolist())) == [0, 1, 2, 3, 4]
    again = question_folds(list(reversed(texts)), 5, seed=9)
    assert again[::-1].tolist() == folds.tolist()
    assert question_folds(texts, 5, seed=10).tolist() != folds.tolist()


def test_answerability_folds_keep_each_document_on_one_side() -> None:
    """A question made from another (near-miss, off-topic, paragraph sets: `source`) goes with
    the document its source was asked of, so no document is on both sides of a fold; a
    question with no document and no source goes by its text."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))
    from answer_folds import question_folds, question_groups
    from train_sets import Item

    from citeqa.evaluation.questions import EvalQuestion

    def item(set_name: str, id_: str, text: str, doc: str | None, source: str | None) -> Item:
        answers = ["x"] if doc else []
        q = EvalQuestion(id=id_, question=text, doc_id=doc, answers=answers, source=source)
        return Item(set_name, q, "train")

    items = [
        item("piaf", "p1", "Who?", "d1", None),
        item("piaf", "p2", "When?", "d1", None),
        item("piaf-paragraphs", "pp1", "Who?", "d1-para", "p1"),
        item("nearmiss-piaf", "n2", "When?", None, "p2"),
        item("offtopic-bundled", "o2", "When?", None, "p2"),
        item("piaf", "p3", "Where?", "d2", None),
        item("offtopic-piaf", "o9", "Why?", None, "gone"),
    ]
    keys = question_groups(items)
    assert len(set(keys[:5])) == 1
    assert keys[5] != keys[0] and keys[6] == "Why?"
    many = items + [item("piaf", f"q{n}", f"Q{n}?", f"doc{n}", None) for n in range(200)]
    for seed in (9, 10, 11):
        folds = question_folds(question_groups(many), 5, seed)
        assert len(set(folds[:5].tolist())) == 1
        assert sorted(set(folds.tolist())) == [0, 1, 2, 3, 4]


def test_the_held_out_report_reads_false_abstention_and_recall_per_set() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))
    from answer_folds import held_out_report

    sets = ["piaf"] * 4 + ["nearmiss-piaf"] * 4 + ["offtopic-piaf"] * 2 + ["bundled"] * 2
    answerable = np.array([True] * 4 + [False] * 6 + [True, False])
    one = np.array([0.9, 0.9, 0.9, 0.05, 0.05, 0.05, 0.9, 0.9, 0.05, 0.9, 0.9, 0.05])
    two = np.array([0.9, 0.9, 0.05, 0.05, 0.05, 0.9, 0.9, 0.9, 0.05, 0.05, 0.05, 0.05])
    forced = np.zeros(12, dtype=bool)
    figures = held_out_report(sets, answerable, [one, two], forced, 0.1)
    assert figures["piaf FA"] == pytest.approx((1 / 4 + 2 / 4) / 2)
    assert "piaf" not in figures and "nearmiss-piaf FA" not in figures
    assert figures["bundled FA"] == pytest.approx(0.5) and figures["bundled"] == 1.0
    assert figures["nearmiss-piaf"] == pytest.approx((2 / 4 + 1 / 4) / 2)
    assert figures["offtopic-piaf"] == pytest.approx((1 / 2 + 2 / 2) / 2)
    assert figures["macro"] == pytest.approx((1.0 + 0.375 + 0.75) / 3)
    forced[7] = True  # abstains whatever its probability (the confidence floor)
    assert held_out_report(sets, answerable, [one, two], forced, 0.1)[
        "nearmiss-piaf"
    ] == pytest.approx((3 / 4 + 2 / 4) / 2)


def test_a_trees_file_round_trips_through_json() -> None:
    data = {
        "kind": "trees", "features": ["a", "b"], "feature": [0, -1, 1, -1, -1],
        "threshold": [0.5, 0, 2.0, 0, 0], "left": [1, 1, 3, 3, 4], "right": [2, 1, 4, 3, 4],
        "value": [0, -1.0, 0, 0.5, 2.0], "roots": [0], "depth": 2, "bias": 0.0,
    }  # fmt: skip
    model = TreeModel.from_json(json.loads(json.dumps(data)), ("a", "b"))
    rows = np.array([[0.2, 9.0], [0.9, 1.0], [0.9, 3.0]])
    expected = 1 / (1 + np.exp(-np.array([-1.0, 0.5, 2.0])))
    assert np.allclose(model.predict(rows), expected)
    assert model.predict(np.array([np.nan, 3.0])) == pytest.approx(expected[2])  # NaN: right
    assert np.allclose(model.predict(rows[::-1]), expected[::-1])  # each row walks its own
    with pytest.raises(ValueError, match="differ"):
        TreeModel.from_json(data, ("a", "c"))


def test_confidence_only_writes_the_confidence_model_and_its_floor(tmp_path, monkeypatch) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))
    import model_fitting

    monkeypatch.setattr(model_fitting, "DATA", tmp_path)
    models = shipped_models()
    model_fitting.write(models, CONFIDENCE)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ANSWERABILITY, CONFIDENCE])
    written = json.loads((tmp_path / CONFIDENCE).read_text(encoding="utf-8"))
    assert written["features"] == list(QUESTION_FEATURES)
    assert written["kind"] == "logistic"
    model_fitting.write(models, QUOTER)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ANSWERABILITY, CONFIDENCE, QUOTER])
    model_fitting.write(models)
    assert len(list(tmp_path.iterdir())) == 4
