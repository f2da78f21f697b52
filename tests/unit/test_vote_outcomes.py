"""A question asking whether something was voted, adopted or approved is answered by the
minutes' outcome line ("Adopté : …", "Approved: …") that, with the heading it stands under,
writes the question's subject (decision_lines.outcome_position; s44 trial: "Le ravalement de
la façade a-t-il été voté ?" quoted "Un nouveau devis …, est soumis au vote." alone)."""

from __future__ import annotations

import pytest

from citeqa.decision_lines import asks_outcome, outcome_position

TEXTS = [
    "Un nouveau devis de l'entreprise Façades Lyonnaises est soumis au vote.",
    "Adopté : 5 210 tantièmes pour, 2 940 contre.",
    "Rejeté : 3 950 tantièmes contre, 3 470 pour.",
]
HEADINGS = [
    "Résolution 3 — Ravalement de la façade sur rue",
    "Résolution 3 — Ravalement de la façade sur rue",
    "Résolution 4 — Installation de bornes de recharge",
]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Le ravalement de la façade a-t-il été voté ?", True),
        ("Was the new fence approved?", True),
        ("Les comptes ont-ils été approuvés ?", True),
        ("Quel est le budget ?", False),
    ],
)
def test_a_question_asks_an_outcome_by_its_words(question: str, asked: bool) -> None:
    assert asks_outcome(question) is asked


def test_the_outcome_line_under_the_subject_s_heading_answers() -> None:
    question = "Le ravalement de la façade a-t-il été voté ?"
    assert outcome_position(question, TEXTS, HEADINGS) == 1


@pytest.mark.parametrize(
    ("question", "texts", "headings"),
    [
        # another resolution's outcome: its heading writes other words
        ("Le ravalement de la façade a-t-il été voté ?", TEXTS[2:], HEADINGS[2:]),
        # no heading naming the subject over the outcome line
        ("Le ravalement de la façade a-t-il été voté ?", TEXTS[:2], ["", ""]),
        # the question asks no outcome
        ("Quel est le montant du devis de ravalement de la façade ?", TEXTS, HEADINGS),
        # the question names no subject
        ("Qu'est-ce qui a été voté ?", TEXTS, HEADINGS),
    ],
)
def test_no_outcome_line_answers_for_another_subject_or_question(
    question: str, texts: list[str], headings: list[str]
) -> None:
    assert outcome_position(question, texts, headings) is None


def test_an_english_outcome_line_answers_too() -> None:
    texts = ["The committee discussed the new fence for the garden.", "Approved: 9 for, 2 against."]
    headings = ["Item 4 – New fence for the garden"] * 2
    assert outcome_position("Was the new fence for the garden approved?", texts, headings) == 1
