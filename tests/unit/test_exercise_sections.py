"""An exercise asked by its number ("barem exo 1", "exercise 2") is a numbered part of a test's
marking scheme: language data `section_cues` holds "exercise", "exo" (not the French
"exercice": "l'exercice 2024" is a financial year, s28 review G), so that the
quote stands under it (section_answers.under_asked_section; s28 trial: "barem exo 1" quoted the
Exercice 3 line and the class average over "Exercice 1 : 5 points …")."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank

from citeqa.candidates import Candidates
from citeqa.numbered_sections import asked_numbers
from citeqa.section_answers import under_asked_section
from citeqa.sentences import ScoredSentence, SentenceBank

SCHEME = (
    "Barème – DS n°3 – 1re 4\n"
    "\n"
    "Exercice 1 : 5 points (expression 2 pts, application numérique 2 pts, unité 1 pt).\n"
    "\n"
    "Exercice 2 : 9 points – a) équation 2 pts ; b) volume 3 pts ; c) concentration 4 pts.\n"
    "\n"
    "Exercice 3 : 6 points (schéma 3 pts, sens du champ 2 pts, justification 1 pt).\n"
    "\n"
    "Moyenne de la classe au DS n°3 : 11,2 / 20.\n"
)


@pytest.mark.parametrize(
    ("question", "number"),
    [("barem exo 1", "1"), ("barème de l'exo 2", "2"), ("marks for exercise 3", "3")],
)
def test_an_exercise_number_is_asked_as_a_section(question: str, number: str) -> None:
    assert [(asked.number, asked.cued) for asked in asked_numbers(question)] == [(number, True)]


@pytest.mark.parametrize(
    "question",
    ["Quel est le bénéfice de l'exercice 2024 ?", "Chiffre d'affaires de l'exercice 2023"],
)
def test_a_financial_year_is_no_section(question: str) -> None:
    """s28 review G: "l'exercice 2024" (a financial year) was read as a numbered section, and
    a "2024 :" line of another document quoted for the year's profit."""
    assert not any(asked.cued for asked in asked_numbers(question))


def _bank(text: str) -> SentenceBank:
    return one_document_bank(text, "docx", "Barème")


def test_the_asked_exercises_line_leads_the_quote() -> None:
    bank = _bank(SCHEME)
    text = SCHEME
    order = [
        next(i for i, s in enumerate(bank.sentences) if text[s.start : s.end].startswith(words))
        for words in ("Moyenne", "Exercice 3", "Exercice 1")
    ]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.4, 0.2, 0.1]), np.zeros((3, 2)))
    kept = under_asked_section(candidates, bank, "barem exo 1", frozenset())  # no version asked
    assert [bank.text(item.index)[:10] for item in kept.sentences] == ["Exercice 1"]
