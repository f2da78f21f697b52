"""The line under a heading that restates it ("## Soutenance Phonologie" then "Soutenance
Phonologie : 28 janvier 2026, salle C-110", a calendar's event) takes the heading's place
however low it is rated, when it writes each kind of value the question asks (s33 trial a57);
a restating line without the asked value does not (s29 trial a49: a price asked);
answering._restates_heading."""

from __future__ import annotations

import numpy as np
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import quotable
from citeqa.candidates import Candidates
from citeqa.sentences import ScoredSentence, SentenceBank

CALENDAR = (
    "## Soutenance Phonologie\n"
    "Soutenance Phonologie : 28 janvier 2026, 10 h, salle C-110.\n"
    "## Atelier Cartes\n"
    "Atelier Cartes : 3 février 2026, salle A-2.\n"
)


def _first(bank: SentenceBank, focus: str) -> str:
    order = [sentence_opening(bank, text) for text in ["## Soutenance", "Atelier", "Soutenance"]]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.84, 0.5, 0.02]), np.zeros((3, 2)))
    return bank.text(quotable(candidates, bank, focus).sentences[0].index)


def test_a_line_restating_its_heading_takes_its_place_however_rated() -> None:
    bank = one_document_bank(CALENDAR, "md", "examens")
    assert _first(bank, "date soutenance phonologie").startswith("Soutenance Phonologie :")
    assert _first(bank, "Quand a lieu la soutenance de phonologie ?").startswith("Soutenance")


def test_a_restating_line_asked_no_value_does_not() -> None:
    # s33 review: with no value kind asked, any line opening with the heading won
    bank = one_document_bank(CALENDAR, "md", "examens")
    assert not _first(bank, "soutenance phonologie").startswith("Soutenance Phonologie :")


def _led_by_heading(text: str, openings: list[str], focus: str) -> str:
    bank = one_document_bank(text, "md", "notes")
    order = [sentence_opening(bank, opening) for opening in openings]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.84, 0.5, 0.02]), np.zeros((3, 2)))
    return bank.text(quotable(candidates, bank, focus).sentences[0].index)


def test_a_line_opening_with_a_longer_word_restates_no_heading() -> None:
    # s33 review: "## Note" then "Notebook 3 must…" won "What is my note?"
    notes = "## Note\nNotebook 3 must be handed in on 12 March 2026.\n## Marks\nMy note is 14.\n"
    first = _led_by_heading(notes, ["## Note", "My note", "Notebook"], "When is my note due?")
    assert not first.startswith("Notebook")
    assert not _led_by_heading(
        notes, ["## Note", "My note", "Notebook"], "What is my note?"
    ).startswith("Notebook")


def test_a_restating_line_writing_only_an_amount_answers_no_other_price() -> None:
    # s33 review: "## Location" then "Location de vélos : 15 €" beat the hall's price
    tarifs = (
        "## Location\nLocation de vélos : 15 € la journée.\n"
        "## Salle des fêtes\nLa salle se loue 350 € le week-end.\n"
    )
    first = _led_by_heading(
        tarifs,
        ["## Location", "La salle", "Location de"],
        "Combien coûte la location de la salle ?",
    )
    assert not first.startswith("Location de vélos")


def test_a_restating_line_without_the_asked_value_does_not() -> None:
    bank = one_document_bank(CALENDAR, "md", "examens")
    assert not _first(bank, "Combien coûte la soutenance de phonologie ?").startswith(
        "Soutenance Phonologie :"
    )
