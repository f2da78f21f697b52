"""The definition of the unquoted term a question asks the meaning of (asked_meanings.py,
answering.defining_asked_terms): a FAQ's answer under the heading that is the question, a
sentence opening "X est un…/X means…", a gloss in a parenthesis, over sentences using X."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa.answering import defining_asked_terms
from citeqa.asked_meanings import asked_term, defines_term
from citeqa.candidates import Candidates
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Sentence
from citeqa.sentences import ScoredSentence, SentenceBank

FAQ = (
    "# Questions fréquentes\n\n"
    "## Qu'est-ce qu'une condition suspensive ?\n"
    "C'est un événement futur et incertain dont dépend la réalisation de la vente.\n"
    "Si la condition ne se réalise pas, la vente n'a pas lieu.\n"
)
CONTRACT = (
    "# Compromis\n\n"
    "## CONDITIONS SUSPENSIVES\n"
    "La condition suspensive d'obtention de prêt figurant au projet est supprimée.\n"
    "La condition suspensive est levée le 12 mars.\n"
)


def _bank(texts: dict[str, str], cuts: dict[str, list[str]]) -> SentenceBank:
    documents, chunks, sentences, tokens = {}, [], [], []
    for number, (doc_id, text) in enumerate(texts.items()):
        documents[doc_id] = Document(
            doc_id=doc_id, title=doc_id, path=f"/{doc_id}.md", text=text, sha256="0"
        )
        chunks.append(
            Chunk(chunk_id=f"{doc_id}:0", doc_id=doc_id, start=0, end=len(text), text=text)
        )
        for part in cuts[doc_id]:
            start = text.index(part)
            sentences.append(
                Sentence(doc_id=doc_id, chunk_index=number, start=start, end=start + len(part))
            )
            tokens.append(frozenset(tokenize(part, "fr")))
    return SentenceBank(documents, chunks, sentences, None, tokens)


def _kept(question: str, texts: dict[str, str], order: list[str]) -> list[str]:
    """The sentences `order` (the ranker's order) kept for `question`, by their text."""
    bank = _bank(texts, {doc_id: [s for s in order if s in text] for doc_id, text in texts.items()})
    position = {bank.text(n): n for n in range(len(bank.sentences))}
    items = [ScoredSentence(position[s], 1.0, 0.0, 0.0, 0.0, 1) for s in order]
    n = len(items)
    kept = defining_asked_terms(Candidates(items, np.ones(n), np.zeros((n, 1))), bank, question)
    return [bank.text(item.index) for item in kept.sentences]


USED = "La condition suspensive d'obtention de prêt figurant au projet est supprimée."
LIFTED = "La condition suspensive est levée le 12 mars."
ANSWER = "C'est un événement futur et incertain dont dépend la réalisation de la vente."
NEXT = "Si la condition ne se réalise pas, la vente n'a pas lieu."


def test_the_faq_answer_under_the_heading_asking_the_question_is_kept_over_clauses() -> None:
    texts = {"compromis": CONTRACT, "faq": FAQ}
    kept = _kept("Qu'est-ce qu'une condition suspensive ?", texts, [USED, NEXT, LIFTED, ANSWER])
    assert kept == [ANSWER]


def test_a_faq_answer_opening_on_filler_keeps_the_sentence_that_answers() -> None:
    faq = (
        "## Qu'est-ce qu'un délai de rétractation ?\n\n"
        "Tout dépend de l'endroit où vous avez signé.\n\n"
        "Pour un achat à distance, vous disposez de 14 jours pour annuler.\n"
    )
    filler, answer = "Tout dépend de l'endroit où vous avez signé.", faq.splitlines()[4]
    used = "Le client dispose d'un délai de rétractation de quatorze jours."
    texts = {"cgv": used + "\n", "faq": faq}
    kept = _kept("Qu'est-ce qu'un délai de rétractation ?", texts, [used, filler, answer])
    assert kept == [filler, answer]


def test_a_question_asking_no_meaning_keeps_the_rankers_order() -> None:
    texts = {"compromis": CONTRACT, "faq": FAQ}
    order = [USED, NEXT, LIFTED, ANSWER]
    assert _kept("La condition suspensive est-elle levée ?", texts, order) == order


def test_with_no_definition_among_the_candidates_their_order_is_kept() -> None:
    texts = {"compromis": CONTRACT}
    order = [USED, LIFTED]
    assert _kept("Qu'est-ce qu'une condition suspensive ?", texts, order) == order


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Qu'est-ce qu'une condition suspensive ?", "condition suspensive"),
        ("C’est quoi un bénéficiaire effectif ?", "beneficiaire effectif"),
        ("Que désigne le dépôt de garantie ?", "depot de garantie"),
        ("What is an escrow account?", "escrow account"),
        ("What does force majeure mean?", "force majeure"),
        ("What is meant by the cooling-off period?", "cooling off period"),
        ("Que désigne l'expression « filles du roi » ?", None),  # quoted: defined_terms.py's
        ("Que désigne l'expression filles du roi ?", "filles du roi"),
        ("What does the acronym DMZ mean?", "dmz"),
        ("What is the price of the house?", None),
        ("Qu'est-ce qu'un ?", None),
        ("c'est quoi un x", None),  # no article "a"/"an": a value is asked
        ("Quel est le prix de la maison ?", None),
        ("Qu'est-ce que le vendeur doit fournir pour la signature de l'acte authentique ?", None),
        ("Qu'est-ce que je dois fournir ?", None),
        ("Qu'est-ce qu'on peut déduire ?", None),
        ("What is a 42?", None),
        ("What does the 2024-05 mean?", None),
        ("What does I must sign mean?", None),
    ],
)
def test_the_asked_term_is_read_from_the_question(question: str, term: str | None) -> None:
    asked = asked_term(question)
    assert (asked.term if asked else None) == term


@pytest.mark.parametrize(
    ("question", "sentence", "defines"),
    [
        ("Qu'est-ce que l'usufruit ?", "L'usufruit est le droit d'utiliser un bien.", True),
        ("Qu'est-ce que l'usufruit ?", "L'usufruit prend fin au décès.", False),
        ("Qu'est-ce qu'une condition suspensive ?", LIFTED, False),
        (
            "Qu'est-ce qu'une condition suspensive ?",
            "Condition suspensive : un événement futur.",
            True,
        ),
        (
            "Qu'est-ce que le compromis de vente ?",
            "Le compromis de vente (ou promesse synallagmatique) est l'avant-contrat signé.",
            True,
        ),
        (
            "C'est quoi un bénéficiaire effectif ?",
            "Identifier les bénéficiaires effectifs (personne détenant plus de 25 % du capital).",
            True,
        ),
        (
            "C'est quoi un bénéficiaire effectif ?",
            "| Consultation du registre des bénéficiaires effectifs | Formaliste |",
            False,
        ),
        (
            "C'est quoi un bénéficiaire effectif ?",
            "Les bénéficiaires effectifs (voir annexe 2).",
            False,
        ),
        (
            "What is an escrow account?",
            "An escrow account is a bank account held by a third party.",
            True,
        ),
        ("What is an escrow account?", "The escrow account is closed after completion.", False),
        ("What does force majeure mean?", "Force majeure means an event beyond control.", True),
        ("What is a ground rent?", "- **Ground rent**: a yearly sum paid to the freeholder.", True),
        ("What is a ground rent?", "- **Ground rent**: £250 a year.", False),
        (
            "What is a ground rent?",
            "Ground rent: the sum of £250 is payable on 1 January each year.",
            False,
        ),
        (
            "What is an escrow account?",
            "The escrow account is the client account of Smith & Co, number 40112233.",
            False,
        ),
        (
            "Qu'est-ce qu'un délai de rétractation ?",
            "Le délai de rétractation est le 12 mars 2026.",
            False,
        ),
        ("What is an escrow account?", "The escrow account (see clause 9 below) applies.", False),
        (
            "What is an escrow account?",
            "Funds stay in the escrow account (as set out in clause 9 below).",
            False,
        ),
        (
            "Qu'est-ce qu'un compte séquestre ?",
            "Les fonds restent sur le compte séquestre (cf. article 7 ci-dessous).",
            False,
        ),
        (
            "Qu'est-ce qu'un compte séquestre ?",
            "Les fonds restent sur le compte séquestre (ci-après le « Compte »).",
            False,
        ),
        (
            "Qu'est-ce qu'un compte séquestre ?",
            "Les fonds restent sur le compte séquestre (ci apres denomme le Compte).",
            False,
        ),
        (
            "What is an escrow account?",
            "Funds go to the escrow account (hereinafter the Account).",
            False,
        ),
        (
            "What is an escrow account?",
            "Funds go to the escrow account (a bank account held by a neutral third party).",
            True,
        ),
    ],
)
def test_a_sentence_defines_the_term_by_its_shape(
    question: str, sentence: str, defines: bool
) -> None:
    asked = asked_term(question)
    assert asked is not None
    assert defines_term(asked, sentence, sentence, 0) is defines


def test_the_opening_sentence_of_the_faq_section_is_its_answer_unless_a_filler() -> None:
    asked = asked_term("Qu'est-ce qu'une condition suspensive ?")
    assert asked is not None
    assert defines_term(asked, ANSWER, FAQ, FAQ.index(ANSWER))
    assert not defines_term(asked, NEXT, FAQ, FAQ.index(NEXT))
    filler = FAQ.replace(ANSWER, "Tout dépend du contrat.")
    assert defines_term(asked, NEXT, filler, filler.index(NEXT))
    after = filler + "\n## Qui paie les frais ?\nL'acquéreur paie les frais.\n"
    paid = "L'acquéreur paie les frais."
    assert not defines_term(asked, paid, after, after.index(paid))


def test_a_section_named_after_the_term_alone_defines_nothing() -> None:
    asked = asked_term("Qu'est-ce qu'une condition suspensive ?")
    assert asked is not None
    assert not defines_term(asked, USED, CONTRACT, CONTRACT.index(USED))


def test_a_faq_heading_asking_another_term_defines_nothing() -> None:
    asked = asked_term("Qu'est-ce que l'usufruit ?")
    assert asked is not None
    assert not defines_term(asked, ANSWER, FAQ, FAQ.index(ANSWER))
