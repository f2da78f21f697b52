"""A best candidate that is itself a question (an exercise sheet's or a FAQ's line ending in
"?") gives way to the next candidate of its document, which answers it (s33 trial a31: the
sheet's "How many trainable parameters…?" quoted over its "101770");
answering._answer_after_question."""

from __future__ import annotations

import numpy as np
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import quotable
from citeqa.candidates import Candidates
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


FAQ = (
    "Returns\n"
    "Q. Can I still get a refund after thirty days?\n"
    "A. No, refunds close thirty days after delivery.\n"
    "Q. How long does shipping take to Belgium?\n"
    "A. Three to five working days.\n"
)
MINUTES = (
    "Budget\n"
    "Should the 2026 budget rise to 5 000 € for the new printer?\n"
    "The treasurer will present the accounts next month.\n"
    "The team lunch is on Friday.\n"
)
COMMANDES = (
    "Questions fréquentes\n"
    "Puis-je modifier l'adresse de livraison de ma commande\u00a0?\n"
    "Puis-je annuler ma commande\u00a0?\n"
    "Oui, tant qu'elle n'est pas expédiée.\n"
)


def test_a_faq_question_never_gives_way_to_the_next_question() -> None:
    # s33 review: "Q. Can I still get a refund…?" quoted "Q. How long does shipping take…?"
    bank = one_document_bank(FAQ, "md", "FAQ")
    candidates = _candidates(bank, ["Q. Can", "Q. How", "A. Three"], [0.6, 0.3, 0.2])
    assert bank.text(quotable(candidates, bank).sentences[0].index).startswith("Q. Can")
    candidates = _candidates(bank, ["Q. Can", "Q. How", "A. No"], [0.6, 0.3, 0.2])
    assert bank.text(quotable(candidates, bank).sentences[0].index).startswith("A. No")


def test_a_question_gives_way_to_no_far_or_low_rated_line() -> None:
    # s33 review: the budget question (.7) quoted "The team lunch is on Friday" (.02)
    bank = one_document_bank(MINUTES, "md", "Minutes")
    far = _candidates(bank, ["Should", "The team"], [0.7, 0.3])
    assert bank.text(quotable(far, bank).sentences[0].index).startswith("Should")
    low = _candidates(bank, ["Should", "The treasurer"], [0.7, 0.02])
    assert bank.text(quotable(low, bank).sentences[0].index).startswith("Should")


def test_a_question_never_gives_way_to_a_question_ending_in_a_no_break_space() -> None:
    # s33 review: a French "commande\u00a0?" line is a question too
    bank = one_document_bank(COMMANDES, "md", "FAQ commandes")
    candidates = _candidates(bank, ["Puis-je modifier", "Puis-je annuler", "Oui"], [0.6, 0.4, 0.2])
    assert bank.text(quotable(candidates, bank).sentences[0].index).startswith("Puis-je modifier")
