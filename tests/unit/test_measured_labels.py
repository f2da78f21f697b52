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
        (DEFLECTION, "What was the allowable deflection of T-22?", 0),
        (DEFLECTION, "What was the maximum deflection of T-22?", 1),
        (DEFLECTION, "What was the deflection of T-22 under the maximum load?", 1),
        (DEFLECTION, "What deflection did T-22 show at the design load?", 1),
        (FLECHE, "Quelle flèche a-t-on eue à la charge maximale lors de l'essai E-32 ?", 1),
        (FLECHE, "Quelle flèche minimale a été notée pour E-32 ?", 1),
        (FLECHE, "Quelle a été la flèche maximale de l'essai E-32 ?", 1),
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


def test_a_question_asks_the_plan_by_a_limit_word_next_to_a_label_s_and_no_measured_word() -> None:
    """A limit word asks the limit next to a word of the labels (stop words aside), not
    elsewhere in the question ("under the maximum load"), and "maximum", "minimum", "design"
    never do in a question: there they ask an extreme measured or a condition (before, any
    limit word anywhere asked the limit: review s37)."""
    noise = ["Seuil de bruit (dB)", "Bruit mesuré (dB)"]
    assert asks_plan("Quel est le seuil de bruit autorisé la nuit ?", noise)
    assert asks_plan("What is the deflection limit for T-22?", DEFLECTION)
    assert not asks_plan("What was the maximum deflection measured in T-07?", DEFLECTION)
    assert not asks_plan("What was the deflection of T-03?", DEFLECTION)
    assert not asks_plan("What was the maximum deflection of T-22?", DEFLECTION)
    assert not asks_plan("What deflection did T-22 show under the required load?", DEFLECTION)
    assert not asks_plan("Quelle flèche minimale a été notée pour E-32 ?", FLECHE)


def test_french_nouns_of_measuring_name_no_measured_value() -> None:
    """ "Mesures de sécurité" and "Relevé de compte" name no measurement ("mesure(s)",
    "relevé(s)" and "enregistré(e)" have other senses); "Flèche mesurée" does."""
    assert preferred_label(["Mesures de sécurité", "Sécurité exigée"], "la sécurité ?") is None
    assert preferred_label(["Relevé de compte", "Compte exigé"], "le compte ?") is None
    assert preferred_label(["Flèche mesurée", "Flèche exigée"], "la flèche ?") == 0
