"""A sentence naming another record of the asked identifier's letters, and not the asked one, is
no candidate for a question naming that record, even in a document that writes the asked one
elsewhere: records are checked per row, not per document (answering.of_named_records; s31
trial: a bank statement writing the asked invoice's number once had its row of another invoice
quoted for the asked invoice's amount)."""

from __future__ import annotations

import numpy as np
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import of_named_records
from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

STATEMENT = (
    "Relevé de compte - mai\n"
    "\n"
    "| Date | Libellé | Crédit |\n"
    "|---|---|---|\n"
    "| 02/05 | VIR DURAND REGLEMENT BON BK-0031 | 1 250,00 |\n"
    "| 09/05 | VIR LEROUX REGLEMENT BON BK-0044 | 3 980,00 |\n"
    "| 12/05 | VIR LEROUX REGLEMENT BON BK-0044 ET BK-0031 SOLDE | 40,00 |\n"
)


def test_a_row_naming_only_another_record_is_no_candidate() -> None:
    bank = one_document_bank(STATEMENT, "md", "releve")
    order = [sentence_opening(bank, words) for words in ("| 02/05", "| 09/05", "| 12/05")]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.3, 0.1]), np.zeros((3, 2)))
    kept = of_named_records(candidates, bank, "Combien a été payé pour le bon BK-0044 ?")
    assert [item.index for item in kept.sentences] == order[1:]


INVOICES = (
    "# Facture FA-2025-014\n"
    "\n"
    "Total TTC : 2 480 €, cette facture annule et remplace la facture FA-2025-007.\n"
    "\n"
    "# Facture FA-2025-007\n"
    "\n"
    "Total TTC : 2 300 €.\n"
)


def test_a_sentence_under_the_asked_records_heading_stays_though_it_names_another() -> None:
    """s31 review: the asked invoice's own total, naming the invoice it replaces, was dropped."""
    bank = one_document_bank(INVOICES, "md", "factures")
    order = [sentence_opening(bank, words) for words in ("Total TTC : 2 480", "Total TTC : 2 300")]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.4]), np.zeros((2, 2)))
    kept = of_named_records(candidates, bank, "Quel est le total de la facture FA-2025-014 ?")
    assert [item.index for item in kept.sentences] == order[:1]


ORDERS = (
    "# Arrêté AR-2025-027\n"
    "\n"
    "Article 1 : l'arrêté AR-2025-018 du 28 mai est abrogé à compter du 4 août.\n"
    "\n"
    "Article 2 : la vitesse est limitée à 50 km/h.\n"
)


def test_a_sentence_writing_the_asked_record_stays_under_another_records_heading() -> None:
    """s32 trial: "Quel arrêté a abrogé l'arrêté 2025-A-018 ?" lost the repealing order's own
    line, which writes 2025-A-018, because its heading names 2025-A-027; its letterhead was
    quoted."""
    bank = one_document_bank(ORDERS, "md", "arrete")
    order = [sentence_opening(bank, words) for words in ("Article 1", "Article 2")]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.4]), np.zeros((2, 2)))
    kept = of_named_records(candidates, bank, "Quel arrêté a abrogé l'arrêté AR-2025-018 ?")
    assert [item.index for item in kept.sentences] == order[:1]


LOG = (
    "# Helpdesk log\n"
    "\n"
    "## HD-0007 Laptop overheating\n"
    "\n"
    "Root cause: the cooling fan was clogged with dust.\n"
    "\n"
    "## HD-0008 Laptop not charging\n"
    "\n"
    "Root cause: the battery of HD-0007's replacement laptop was swollen.\n"
)


def test_a_cross_reference_under_another_record_yields_to_the_asked_records_own_section() -> None:
    """Review of s32-trialfix: a sentence writing the asked id was always kept, so "What was
    the root cause of HD-0007?" quoted HD-0008's root cause, which mentions HD-0007."""
    bank = one_document_bank(LOG, "md", "log")
    order = [
        sentence_opening(bank, words)
        for words in ("Root cause: the battery", "Root cause: the cooling")
    ]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.4]), np.zeros((2, 2)))
    kept = of_named_records(candidates, bank, "What was the root cause of HD-0007?")
    assert [item.index for item in kept.sentences] == order[1:]


def _two_document_bank(texts: dict[str, str]) -> SentenceBank:
    """`texts` as markdown documents of those ids, cut as a build cuts them."""
    documents, chunks, sentences = {}, [], []
    for doc_id, text in texts.items():
        document = Document(doc_id=doc_id, title=doc_id, path=f"/{doc_id}", text=text, sha256="0")
        documents[doc_id] = document
        cut = chunk_document(document)
        spans = [(len(chunks) + i, c.start, c.end) for i, c in enumerate(cut)]
        chunks.extend(cut)
        sentences += [
            Sentence(doc_id=doc_id, chunk_index=int(c), start=int(s), end=int(e))
            for c, s, e in document_sentences(text, spans, "md")
        ]
    return SentenceBank(documents, chunks, sentences, None, [frozenset()] * len(sentences))


def test_another_records_file_writing_the_asked_record_stays_beside_that_records_file() -> None:
    """s32 trial a57: order 2025-A-027's file repeals 2025-A-018, whose own file is a candidate
    too: the repeal line, in another file than the asked record's section, stays."""
    bank = _two_document_bank(
        {
            "arrete_018": "# Arrêté AR-2025-018\n\nArticle 1 : la vitesse est limitée à 30 km/h.\n",
            "arrete_027": ORDERS,
        }
    )
    text = {i: bank.text(i) for i in range(len(bank.sentences))}
    order = [
        next(i for i, t in text.items() if t.startswith("Article 1 : l'arrêté")),
        next(i for i, t in text.items() if t.startswith("Article 1 : la vitesse")),
    ]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.4]), np.zeros((2, 2)))
    kept = of_named_records(candidates, bank, "Quel arrêté a abrogé l'arrêté AR-2025-018 ?")
    assert [item.index for item in kept.sentences] == order
