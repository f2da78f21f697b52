"""Asked who attended a meeting, the minutes' attendance line leads the quote
(attendance_lines.py, answering.attendance_first): "Who was present at the site meeting?"
quoted "Next meeting: 24 March 2026, site hut." over "Present: J. Okafor (client), …" (rated
16th) in the s38 repro."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import Candidates, attendance_first
from citeqa.attendance_lines import asks_attendance, attendance_position, is_attendance_line
from citeqa.sentences import ScoredSentence

MINUTES = (
    "# Site meeting minutes\n"
    "\n"
    "Present: J. Okafor (client), P. Raman (architect), T. Baker (contractor)\n"
    "\n"
    "Excused: L. Moreau\n"
    "\n"
    "The deck will be 3.2 m wide between the kerbs.\n"
    "\n"
    "Next meeting: 24 March 2026, site hut.\n"
)


@pytest.mark.parametrize(
    ("line", "attendance"),
    [
        ("Present: J. Okafor (client), P. Raman (architect)", True),
        ("Présents : M. Durand (maître d'ouvrage), Mme Lefort (architecte)", True),
        ("**Attendees:** Camille, Julien", True),
        ("Excusés : M. Petit", False),
        ("Next meeting: 24 March 2026, site hut.", False),
        ("The present value is 1 200 €.", False),
    ],
)
def test_an_attendance_line_opens_with_its_label(line: str, attendance: bool) -> None:
    assert is_attendance_line(line) is attendance


def test_a_question_asks_who_attended_by_its_words() -> None:
    assert asks_attendance("Who was present at the site meeting?")
    assert asks_attendance("Who attended the sprint 24 review?")
    assert asks_attendance("Qui était présent à la réunion de chantier ?")
    assert asks_attendance("Quels étaient les participants de la réunion ?")
    assert not asks_attendance("What is the present value of the lease?")
    assert not asks_attendance("When is the next site meeting?")
    assert not asks_attendance("Qui signe le courrier ?")


def test_only_the_best_candidates_document_attendance_line_is_found() -> None:
    texts = ["Next meeting: 24 March.", "Présents : M. Durand", "Present: J. Okafor"]
    asked = "Who was present at the site meeting?"
    assert attendance_position(asked, texts, ["b", "a", "b"]) == 2
    assert attendance_position(asked, texts, ["b", "a", "c"]) is None
    assert attendance_position("When is the next meeting?", texts, ["b", "a", "b"]) is None
    question = "Qui était présent à la réunion ?"
    assert attendance_position(question, texts, ["a", "a", "b"]) == 1


def test_the_attendance_line_leads_the_quote_over_the_next_meeting_line() -> None:
    bank = one_document_bank(MINUTES, "md", "Site meeting minutes")
    order = ["Next meeting", "The deck", "Excused", "Present"]
    items = [ScoredSentence(sentence_opening(bank, w), 1.0, 0.0, 0.0, 0.0, 1) for w in order]
    candidates = Candidates(items, np.array([0.3, 0.1, 0.05, 0.03]), np.zeros((4, 2)))
    ranked = attendance_first(candidates, bank, "Who was present at the site meeting?")
    assert bank.text(ranked.sentences[0].index).startswith("Present:")
    assert ranked.probabilities[0] == pytest.approx(0.3)
    assert attendance_first(candidates, bank, "When is the next site meeting?") is candidates
