"""answering.on_asked_field on a bank of its own: the lines of a named record's document it
reads beyond the candidates (at rating 0) are kept only for a field the question names."""

from __future__ import annotations

import numpy as np

from citeqa.answering import Candidates, on_asked_field
from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

INVOICE = (
    "FACTURE N° FB-2031-07\n\n"
    "Date : 03/02/2031\n\n"
    "Total TTC : 1 440,00 €\n\n"
    "Les pièces ont été livrées en deux fois à la demande du client.\n"
)


def _bank() -> SentenceBank:
    document = Document(
        doc_id="factures/FB-2031-07.txt",
        title="FB",
        path="/FB-2031-07.txt",
        text=INVOICE,
        sha256="0",
    )
    chunks = chunk_document(document)
    rows = document_sentences(INVOICE, [(i, c.start, c.end) for i, c in enumerate(chunks)], "txt")
    sentences = [
        Sentence(doc_id=document.doc_id, chunk_index=int(c), start=int(s), end=int(e))
        for c, s, e in rows
    ]
    return SentenceBank(
        {document.doc_id: document}, chunks, sentences, None, [frozenset()] * len(sentences)
    )


def _only(bank: SentenceBank, opening: str) -> Candidates:
    index = next(i for i in range(len(bank.sentences)) if bank.text(i).startswith(opening))
    return Candidates([ScoredSentence(index, 0.5, 0.5, 0.5, 0.5, 1)], np.ones(1), np.zeros((1, 2)))


def test_a_named_record_s_field_line_is_read_beyond_the_candidates() -> None:
    bank = _bank()
    chosen = on_asked_field(
        _only(bank, "Les pièces"), bank, "Montant TTC de la facture FB-2031-07 ?"
    )
    assert [bank.text(item.index) for item in chosen.sentences] == ["Total TTC : 1 440,00 €"]


def test_no_line_is_added_when_the_question_names_no_field() -> None:
    bank = _bank()
    candidates = _only(bank, "Les pièces")
    chosen = on_asked_field(candidates, bank, "Comment la facture FB-2031-07 a-t-elle été livrée ?")
    assert chosen.sentences == candidates.sentences
