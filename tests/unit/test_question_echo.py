"""A best candidate that is itself a question (an exercise sheet's or a FAQ's line ending in
"?") gives way to the next candidate of its document, which answers it (s33 trial a31: the
sheet's "How many trainable parameters…?" quoted over its "101770");
answering._answer_after_question."""

from __future__ import annotations

import numpy as np
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import Candidates, quotable
from citeqa.sentences import ScoredSentence, SentenceBank

SHEET = (
    "Exercice 2\n"
    "Combien de sommets compte le graphe complet à cinq sommets ?\n"
    "Réponse : 10 arêtes et 5 sommets, chacun de degré 4.\n"
    "Exercice 3\n"
    "Le graphe est dessiné au tableau.\n"
)


def _candidates(bank: SentenceBank, openings: list[str], ratings: list[float]) -> Candidates:
    order = [sentence_opening(bank, text) for text in openings]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    return Candidates(items, np.array(ratings), np.zeros((len(order), 2)))


def test_a_question_echoed_by_the_document_gives_way_to_the_line_after_it() -> None:
    bank = one_document_bank(SHEET, "md", "TD graphes")
    candidates = _candidates(bank, ["Combien", "Le graphe", "Réponse"], [0.6, 0.3, 0.1])
    kept = quotable(candidates, bank)
    assert bank.text(kept.sentences[0].index).startswith("Réponse")


def test_a_question_with_no_later_candidate_of_its_document_stays_first() -> None:
    bank = one_document_bank(SHEET, "md", "TD graphes")
    candidates = _candidates(bank, ["Combien", "Exercice 2"], [0.6, 0.3])
    kept = quotable(candidates, bank)
    assert bank.text(kept.sentences[0].index).startswith("Combien")


def test_a_best_that_is_no_question_stays_first() -> None:
    bank = one_document_bank(SHEET, "md", "TD graphes")
    candidates = _candidates(bank, ["Le graphe", "Réponse"], [0.6, 0.3])
    assert bank.text(quotable(candidates, bank).sentences[0].index).startswith("Le graphe")
