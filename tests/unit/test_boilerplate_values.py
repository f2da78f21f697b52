"""A boilerplate line (repeated across the corpus: an invoice's footer) never counts as the
candidate holding the value asked (answering._quotable_values; s31 trial: the footer
"IBAN … Pénalités de retard : indemnité forfaitaire de 40 €" of every invoice was quoted for
an invoice's amount over its "Total TTC" line)."""

from __future__ import annotations

import numpy as np

from citeqa.answering import _quotable_values
from citeqa.boilerplate import Boilerplate, line_key
from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

FOOTER = "Pénalités de retard : trois fois le taux légal, indemnité forfaitaire de 40 €."
INVOICE = (
    "Facture n° 118 du 3 mars 2025\n"
    "\n"
    "Pose de deux fenêtres en chêne.\n"
    "\n"
    "Total à régler : 2 480,00 € TTC, payable à réception.\n"
    "\n"
    f"{FOOTER}\n"
)


def _bank(boilerplate: Boilerplate) -> SentenceBank:
    document = Document(doc_id="d", title="facture", path="/d", text=INVOICE, sha256="0")
    chunks = chunk_document(document)
    rows = document_sentences(INVOICE, [(i, c.start, c.end) for i, c in enumerate(chunks)], "pdf")
    sentences = [
        Sentence(doc_id="d", chunk_index=int(c), start=int(s), end=int(e)) for c, s, e in rows
    ]
    tokens = [frozenset[str]()] * len(sentences)
    return SentenceBank({"d": document}, chunks, sentences, None, tokens, None, boilerplate)


def _held(boilerplate: Boilerplate) -> list[bool]:
    bank = _bank(boilerplate)
    text = INVOICE
    order = [
        next(i for i, s in enumerate(bank.sentences) if text[s.start : s.end].startswith(words))
        for words in ("Pénalités", "Total à régler")
    ]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.3]), np.zeros((2, 2)))
    return _quotable_values(candidates, bank, {"amount": [True, True]})["amount"]


def test_a_footer_repeated_across_the_corpus_holds_no_asked_amount() -> None:
    key = line_key(FOOTER)
    assert key is not None
    assert _held(Boilerplate(frozenset({key}))) == [False, True]


def test_the_same_line_holds_its_amount_when_it_is_no_boilerplate() -> None:
    assert _held(Boilerplate()) == [True, True]


def test_a_footer_holds_the_asked_day_and_an_amount_no_other_line_writes() -> None:
    """s31 review: a repeated footer's opening hours were lost for a day question, as was its
    amount when no other candidate writes one."""
    key = line_key(FOOTER)
    assert key is not None
    bank = _bank(Boilerplate(frozenset({key})))
    order = [
        next(i for i, s in enumerate(bank.sentences) if INVOICE[s.start : s.end].startswith(w))
        for w in ("Pénalités", "Total à régler")
    ]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.3]), np.zeros((2, 2)))
    written = {"day": [True, False], "amount": [True, False]}
    assert _quotable_values(candidates, bank, written) == written
