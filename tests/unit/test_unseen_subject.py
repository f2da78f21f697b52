"""unseen_subject.left_out: a word of the question the corpus never uses, that carries the
question (leaving it out moves the question's vector) and that no word of the quote translates
(no quote word's vector is as close as TRANSLATED), is the one the quote leaves out. A stub
embedder stands for USE: a bag of words in which the words of a `SAME` pair share a dimension."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from citeqa.models import Citation
from citeqa.questions import QuestionTerms, word_alternatives
from citeqa.unseen_subject import left_out, unseen_words

UNSEEN = 9.0
SAME = {"abonnement": "subscription"}
"""Words the stub reads as one (a translation)."""


def stub_embed(texts: Sequence[str]) -> np.ndarray:
    """A bag of words over a shared vocabulary, `SAME` words in one dimension."""
    words = [[SAME.get(w, w) for w in re.findall(r"\w+", text.lower())] for text in texts]
    vocabulary = sorted({w for bag in words for w in bag})
    rows = np.zeros((len(texts), len(vocabulary) or 1))
    for row, bag in enumerate(words):
        for word in bag:
            rows[row, vocabulary.index(word)] += 1.0
    return rows


def terms(focus: str, unseen: tuple[str, ...]) -> QuestionTerms:
    """The question's words as terms, those in `unseen` weighing as a term the corpus never
    uses, the others less."""
    found = [
        (word_alternatives(word), UNSEEN if word in unseen else 2.0)
        for word in re.findall(r"[\w']+", focus)
        if word_alternatives(word)
    ]
    return QuestionTerms(focus=focus, terms=found, focus_terms=len(found), unseen_weight=UNSEEN)


def quote(text: str, title: str = "Pixel") -> list[Citation]:
    return [Citation(n=1, doc_id="d", title=title, path="d.md", start=0, end=len(text), quote=text)]


def test_an_unseen_word_the_quote_leaves_out_is_named() -> None:
    asked = terms("Pixel neutering charge", unseen=("neutering",))
    assert left_out(asked, quote("Vet for Pixel: vaccine booster, 68 EUR."), stub_embed) == (
        "neutering"
    )


def test_a_word_the_quote_translates_is_not() -> None:
    asked = terms("Pixel subscription cost", unseen=("subscription",))
    assert left_out(asked, quote("L'abonnement de Pixel coûte 5 euros."), stub_embed) is None
    assert left_out(asked, quote("Pixel coûte 5 euros."), stub_embed) == "subscription"


def test_a_word_that_carries_little_of_a_long_question_is_not() -> None:
    long = "vet charge Pixel grey cat adopted June spring booster pouches garden evening neutering"
    asked = terms(long, unseen=("neutering",))
    assert left_out(asked, quote("Vet for Pixel: vaccine booster, 68 EUR."), stub_embed) is None


def test_words_the_corpus_uses_and_words_of_the_question_form_are_never_candidates() -> None:
    asked = terms(
        "How much percentage Pixel neutering", unseen=("How", "much", "percentage", "neutering")
    )
    assert unseen_words(asked) == ["neutering"]
    assert unseen_words(terms("vet charge Pixel", unseen=())) == []
    assert left_out(terms("vet charge Pixel", unseen=()), quote("Vet."), stub_embed) is None


def test_a_word_a_passage_read_translates_is_not() -> None:
    asked = terms("Pixel subscription cost", unseen=("subscription",))
    passages = ["L'abonnement de Pixel est annuel."]
    assert left_out(asked, quote("Pixel coûte 5 euros."), stub_embed, passages) is None
