"""The models the trainer fits, as citeqa reads them: LightGBM trees (`fit_trees`, exported from
LightGBM's own JSON dump to flat arrays by `trees_of`: answer_models.TreeModel) and a logistic
regression (`fit_logistic`, scikit-learn), each written as JSON into src/citeqa/data (`write`;
never pickle). Fixed seeds, two threads (TREE_PARAMETERS).
"""

from __future__ import annotations

import json
from pathlib import Path

import lightgbm
import numpy as np
from train_sets import SEED

from citeqa.answer_models import (
    ANSWERABILITY,
    CONFIDENCE,
    QUOTER,
    RANKER,
    AnswerModels,
    LogisticModel,
    Model,
    TreeModel,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "citeqa" / "data"
TREE_PARAMETERS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 2,
    "deterministic": True,
    "force_row_wise": True,
    "seed": SEED,
    "verbosity": -1,
}


def fit_logistic(x: np.ndarray, y: np.ndarray, weights: np.ndarray, names: tuple[str, ...]):
    from sklearn.linear_model import LogisticRegression  # training only (the `train` extra)

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED)
    model.fit((x - mean) / scale, y, sample_weight=weights)
    return LogisticModel(names, mean, scale, model.coef_[0], float(model.intercept_[0]), {})


def fit_trees(
    x: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    names: tuple[str, ...],
    rounds: int,
    parameters: dict | None = None,
) -> TreeModel:
    data = lightgbm.Dataset(x, y, weight=weights, feature_name=list(names), free_raw_data=False)
    booster = lightgbm.train(parameters or TREE_PARAMETERS, data, num_boost_round=rounds)
    return trees_of(booster.dump_model(), names)


def trees_of(dump: dict, names: tuple[str, ...]) -> TreeModel:
    """LightGBM's JSON dump as flat arrays (numerical splits, no missing values here)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0

    def add(node: dict, level: int) -> int:
        nonlocal depth
        depth = max(depth, level)
        number = len(feature)
        feature.append(-1)
        threshold.append(0.0)
        left.append(number)
        right.append(number)
        value.append(float(node.get("leaf_value", 0.0)))
        if "split_feature" in node:
            if node["decision_type"] != "<=":
                raise ValueError(f"unsupported split {node['decision_type']!r}")
            feature[number] = int(node["split_feature"])
            threshold[number] = float(node["threshold"])
            left[number] = add(node["left_child"], level + 1)
            right[number] = add(node["right_child"], level + 1)
        return number

    for tree in dump["tree_info"]:
        roots.append(add(tree["tree_structure"], 0))
    return TreeModel(
        names, np.array(feature), np.array(threshold), np.array(left), np.array(right),
        np.array(value), np.array(roots), depth, 0.0, {},
    )  # fmt: skip


def as_json(model: Model) -> dict:
    if isinstance(model, TreeModel):
        data = {
            "kind": "trees",
            "features": list(model.features),
            "feature": model.feature.tolist(),
            "threshold": [float(f"{v:.9g}") for v in model.threshold],
            "left": model.left.tolist(),
            "right": model.right.tolist(),
            "value": [float(f"{v:.9g}") for v in model.value],
            "roots": model.roots.tolist(),
            "depth": model.depth,
            "bias": round(model.bias, 9),
        }
    else:
        data = {
            "kind": "logistic",
            "features": list(model.features),
            "mean": [round(float(v), 6) for v in model.mean],
            "scale": [round(float(v), 6) for v in model.scale],
            "weights": [round(float(v), 6) for v in model.weights],
            "bias": round(model.bias, 6),
        }
    data["extra"] = {k: round(v, 4) for k, v in model.extra.items()}
    data["trained_by"] = "evals/tools/train_answer_models.py"
    return data


def write(models: AnswerModels, only: str = "") -> None:
    """The models as JSON into DATA (only the one named `only`, when given; with the
    confidence model, the answerability model too, whose confidence floor moves with the
    confidence's scale: confidence_fit.moved_floor)."""
    DATA.mkdir(parents=True, exist_ok=True)
    every = {
        RANKER: models.ranker,
        ANSWERABILITY: models.answerability,
        CONFIDENCE: models.confidence,
        QUOTER: models.quoter,
    }
    written = {only, ANSWERABILITY} if only == CONFIDENCE else {only}
    for name, model in every.items():
        if only and name not in written:
            continue
        text = json.dumps(as_json(model), separators=(",", ":")) + "\n"
        (DATA / name).write_text(text, encoding="utf-8")
