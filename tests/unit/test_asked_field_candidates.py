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


def _bank(text: str = INVOICE, doc_id: str = "factures/FB-2031-07.txt") -> SentenceBank:
    document = Document(doc_id=doc_id, title="FB", path="/" + doc_id, text=text, sha256="0")
    chunks = chunk_document(document)
    rows = document_sentences(text, [(i, c.start, c.end) for i, c in enumerate(chunks)], "txt")
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


OWN_INVOICE = (
    "Poterie Vasseur — céramique artisanale\n\n"
    "SIRET : 901 234 500 00006\n\n"
    "FACTURE N° PV-2032-003\n\n"
    "Client : Galerie Ombelle, 21000 Dijon\n"
)


def test_a_field_of_a_document_not_writing_the_asked_name_is_not_looked_up() -> None:
    # the issuer's own "SIRET :" line is no SIRET of another party the question names and
    # its document never writes (s32 admin set: "le numéro de SIRET de Termcraft")
    bank = _bank(OWN_INVOICE, "factures/PV-2032-003.txt")
    header = next(i for i in range(len(bank.sentences)) if bank.text(i).startswith("Poterie"))
    siret = next(i for i in range(len(bank.sentences)) if bank.text(i).startswith("SIRET"))
    candidates = Candidates(
        [ScoredSentence(n, 0.5, 0.5, 0.5, 0.5, 1) for n in (header, siret)],
        np.ones(2),
        np.zeros((2, 2)),
    )
    other = on_asked_field(candidates, bank, "Quel est le numéro de SIRET de Kerno Argiles ?")
    assert other.sentences == candidates.sentences
    own = on_asked_field(candidates, bank, "Quel est le numéro de SIRET de Poterie Vasseur ?")
    assert [item.index for item in own.sentences] == [siret]
