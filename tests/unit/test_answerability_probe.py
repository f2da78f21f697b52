"""The answerability probe's separation figures (evals/tools/answerability_probe.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))

from answerability_probe import CANDIDATES, kind_aucs, roc_auc

from citeqa.question_evidence import QUESTION_FEATURES


def test_roc_auc_counts_pairs_ordered_and_ties_as_half() -> None:
    positive = np.array([True, True, False, False])
    assert roc_auc(positive, np.array([0.9, 0.8, 0.2, 0.1])) == 1.0
    assert roc_auc(positive, np.array([0.1, 0.2, 0.8, 0.9])) == 0.0
    assert roc_auc(positive, np.array([0.5, 0.9, 0.5, 0.1])) == pytest.approx(0.875)
    assert roc_auc(positive, np.full(4, 0.3)) == 0.5


def test_roc_auc_without_both_classes_is_a_coin() -> None:
    assert roc_auc(np.array([True, True]), np.array([0.1, 0.9])) == 0.5


def test_kind_aucs_reads_each_kind_against_each_answerable_set() -> None:
    sets = ["piaf", "piaf", "pubmedqa", "offtopic-piaf", "nearmiss-piaf", "contentfree-piaf"]
    answerable = np.array([True, True, True, False, False, False])
    probability = np.array([0.9, 0.4, 0.8, 0.1, 0.6, 0.95])
    aucs = kind_aucs(sets, answerable, probability)
    assert aucs["offtopic/piaf"] == 1.0  # .1 below .9 and .4
    assert aucs["nearmiss/piaf"] == 0.5  # .6 between .9 and .4
    assert aucs["nearmiss/pubmedqa"] == 1.0
    assert aucs["offtopic/bundled"] == 0.5  # no bundled question: no pair
    assert aucs["nearmiss/all"] == pytest.approx(2 / 3)
    assert aucs["all"] == pytest.approx(5 / 6)  # the content-free input is left out


def test_candidates_are_new_columns() -> None:
    assert not set(CANDIDATES) & set(QUESTION_FEATURES)
    assert {"quote_rarity", "best_bm25", "cross_top"} <= set(CANDIDATES)
