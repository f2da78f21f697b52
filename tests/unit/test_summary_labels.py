"""A summary label marks the paragraph stating a finding ("Conclusion :", "En bref :",
"Summary:"): answer_features's `summary_label` feature. A report's "Bilan général :" is none: it
titles a section of minutes or a review, and the feature made it the quote for any question on
its document (s28 trial: "Bilan général : … moyenne générale de la classe 11,8." quoted at .48
for "Qui sont les délégués de la 1re 4 ?", at .79 for "moyene Sarah Roux T2")."""

from __future__ import annotations

import pytest

from citeqa.answer_features import _placement
from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences


def _bank(text: str) -> SentenceBank:
    document = Document(doc_id="d", title="Compte rendu", path="/d", text=text, sha256="0")
    chunks = chunk_document(document)
    rows = document_sentences(text, [(i, c.start, c.end) for i, c in enumerate(chunks)], "docx")
    sentences = [
        Sentence(doc_id="d", chunk_index=int(c), start=int(s), end=int(e)) for c, s, e in rows
    ]
    return SentenceBank({"d": document}, chunks, sentences, None, [frozenset()] * len(sentences))


def _summary_label(paragraph: str) -> float:
    text = f"Délégués élèves : Louis Garcia et Sarah Roux.\n\n{paragraph}\n"
    bank = _bank(text)
    index = next(i for i, s in enumerate(bank.sentences) if text[s.start :].startswith(paragraph))
    _, labelled, summary = _placement(bank, index)
    assert labelled == 1.0
    return summary


@pytest.mark.parametrize(
    "paragraph",
    [
        "Conclusion : la classe progresse.",
        "En bref : la classe progresse.",
        "Summary: the class is improving.",
        "Conclusions: treatment reduced mortality.",
    ],
)
def test_a_finding_label_is_a_summary(paragraph: str) -> None:
    assert _summary_label(paragraph) == 1.0


def test_a_reports_bilan_is_no_finding() -> None:
    paragraph = "Bilan général : classe agréable ; moyenne générale de la classe 11,8."
    assert _summary_label(paragraph) == 0.0
