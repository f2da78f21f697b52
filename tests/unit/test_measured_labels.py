"""Of labels a question names alike, the measured value's or the limit's (measured_labels.py)."""

from __future__ import annotations

import pytest

from citeqa.measured_labels import asks_plan, preferred_label

DEFLECTION = ["Required deflection limit (mm)", "Measured deflection (mm)"]
FLECHE = ["Flèche admissible", "Flèche constatée"]
STRENGTH = ["Target strength (MPa)", "Actual strength (MPa)"]


@pytest.mark.parametrize(
    ("labels", "question", "chosen"),
    [
        (DEFLECTION, "What was the deflection of T-03?", 1),
        (DEFLECTION, "What deflection was measured in T-07?", 1),
        (DEFLECTION, "What is the required deflection limit for T-07?", 0),
        (DEFLECTION, "What was the maximum allowed deflection for T-05?", 0),
        (FLECHE, "Quelle a été la flèche de l'essai E-32 ?", 1),
        (FLECHE, "Quelle est la flèche admissible de l'essai E-32 ?", 0),
        (STRENGTH, "What was the strength of sample C-23?", 1),
        (STRENGTH, "What was the target strength of C-24?", 0),
        (STRENGTH, "Was the target strength actually reached by C-24?", 1),
    ],
)
def test_the_measured_label_wins_unless_the_question_asks_the_limit(
    labels: list[str], question: str, chosen: int
) -> None:
    assert preferred_label(labels, question) == chosen


@pytest.mark.parametrize(
    "labels",
    [
        ["Load (kN)", "Deflection (mm)"],  # no side named
        ["Measured deflection", "Measured rotation"],  # one side only
        ["Measured deflection", "Observed deflection", "Deflection limit"],  # two measured
        ["Measured against limit", "Deflection limit"],  # a label of both sides is neither
    ],
)
def test_no_contrast_or_no_single_label_chooses_nothing(labels: list[str]) -> None:
    assert preferred_label(labels, "What was the deflection of T-03?") is None


def test_a_question_asks_the_plan_by_a_limit_word_and_no_measured_word() -> None:
    assert asks_plan("Quel est le seuil de bruit autorisé la nuit ?")
    assert not asks_plan("What was the maximum deflection measured in T-07?")
    assert not asks_plan("What was the deflection of T-03?")
