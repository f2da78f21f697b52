"""field_answers.on_asked_field on a bank of its own: the lines of a named record's document it
reads beyond the candidates (at rating 0) are kept only for a field the question names."""

from __future__ import annotations

import numpy as np

from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.field_answers import on_asked_field, on_record_field
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


PROOF_LOAD = (
    "Proof load report\n\n"
    "Date: 2026-04-02\n\n"
    "Allowable deflection: 28 mm\n\n"
    "The load was held for thirty minutes before the gauges were read.\n\n"
    "Measured deflection: 21.5 mm\n"
)
ESSAI = (
    "Rapport d'essai de chargement\n\n"
    "Date : 12 mai 2026\n\n"
    "Flèche admissible : 21 mm\n\n"
    "La charge a été maintenue vingt minutes avant la lecture des comparateurs.\n\n"
    "Flèche constatée : 17,4 mm\n"
)


def _asked_lines(text: str, doc_id: str, question: str) -> list[str]:
    bank = _bank(text, doc_id)
    chosen = on_asked_field(
        _only(bank, "The load" if "The load" in text else "La charge"), bank, question
    )
    return [bank.text(item.index) for item in chosen.sentences]


def test_of_labels_named_alike_the_measured_line_is_asked_unless_the_limit_is() -> None:
    """ "the deflection of T-21" names "Allowable deflection" and "Measured deflection" alike:
    the measured line is the one read, the limit's when the question asks the limit (before,
    both were kept, the limit's first, s36 trial)."""
    en, fr = ("tests/T-21.txt", "essais/E-31.txt")
    assert _asked_lines(PROOF_LOAD, en, "What was the deflection of T-21?") == [
        "Measured deflection: 21.5 mm"
    ]
    assert _asked_lines(PROOF_LOAD, en, "What was the maximum allowed deflection of T-21?") == [
        "Allowable deflection: 28 mm"
    ]
    assert _asked_lines(ESSAI, fr, "Quelle a été la flèche de l'essai E-31 ?") == [
        "Flèche constatée : 17,4 mm"
    ]
    assert _asked_lines(ESSAI, fr, "Quelle est la flèche admissible de l'essai E-31 ?") == [
        "Flèche admissible : 21 mm"
    ]


REPORTS = (
    "# Proof load reports\n\n"
    "The gauges were read thirty minutes after each load was applied.\n\n"
    "## Test T-21\nDate: 2026-04-02\nApplied load: 160 kN\nAllowable deflection: 28 mm\n"
    "Measured deflection: 21.5 mm\nVerdict: Pass\n\n"
    "## Test T-22\nDate: 2026-04-09\nApplied load: 190 kN\nAllowable deflection: 28 mm\n"
    "Measured deflection: 29.8 mm\nVerdict: Fail\n"
)


def test_of_a_record_s_labels_named_alike_the_measured_line_leads() -> None:
    """on_record_field reads T-22's record for "the deflection of T-22": of its two lines named
    alike, the measured one leads (before: both, the limit's first); the limit's, named by more
    of the question's words, when asked."""
    bank = _bank(REPORTS, "reports/proof_loads.md")
    prose = _only(bank, "The gauges")
    measured = on_record_field(prose, bank, "What was the deflection of T-22?")
    assert bank.text(measured.sentences[0].index) == "Measured deflection: 29.8 mm"
    limit = on_record_field(prose, bank, "What was the allowable deflection of T-22?")
    assert bank.text(limit.sentences[0].index) == "Allowable deflection: 28 mm"
