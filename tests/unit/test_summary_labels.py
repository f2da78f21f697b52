"""A summary label marks the paragraph stating a finding ("Conclusion :", "En bref :",
"Summary:"): answer_features's `summary_label` feature. A report's "Bilan général :" is none: it
titles a section of minutes or a review, and the feature made it the quote for any question on
its document (s28 trial: "Bilan général : … moyenne générale de la classe 11,8." quoted at .48
for "Qui sont les délégués de la 1re 4 ?", at .79 for "moyene Sarah Roux T2")."""

from __future__ import annotations

import pytest
from tests.one_document_banks import one_document_bank

from citeqa.answer_features import _placement
from citeqa.sentences import SentenceBank


def _bank(text: str) -> SentenceBank:
    return one_document_bank(text, "docx", "Compte rendu")


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


def test_a_sentences_placement_is_read_once_while_the_bank_remembers_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import citeqa.answer_features as answer_features

    text = "Délégués élèves : Louis Garcia.\n\nConclusion : la classe progresse.\n"
    bank = _bank(text)
    reads: list[int] = []
    read = answer_features._read_placement
    monkeypatch.setattr(
        answer_features, "_read_placement", lambda b, n: reads.append(n) or read(b, n)
    )
    last = len(bank.sentences) - 1
    assert _placement(bank, last) == _placement(bank, last) == read(bank, last)
    assert reads == [last] and _placement(bank, last)[2] == 1.0
