"""Both fusions of a question (twofusions.ranked: the ranking shown and the evidence's) read the
language of the text searched, which weighs each channel by whether a passage is in it: it is
detected once for both, and each fusion's passages say it."""

from __future__ import annotations

import pytest
from tests.one_document_banks import one_document_bank

from citeqa import retrieval, twofusions
from citeqa.config import Settings
from citeqa.language import detect_lang
from citeqa.models import Lang
from citeqa.questions import QuestionTerms
from citeqa.retrieval import Candidates
from citeqa.sentences import QuestionScores

NOTE = (
    "# Piscine\n\nLa piscine ouvre à sept heures.\n\n# Gymnase\n\nLe gymnase ferme à onze heures.\n"
)


def test_both_fusions_detect_the_question_language_once(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = one_document_bank(NOTE, "md")
    question = "Quand la piscine ouvre-t-elle ?"
    terms = QuestionTerms(focus=question, terms=[(frozenset({"piscin"}), 1.0)])
    scores = QuestionScores(bank, terms, None)
    rows = list(range(len(bank.chunks)))
    candidates = [Candidates.of("use", [(row, 0.9 - row / 10) for row in rows])]
    detected: list[str] = []

    def counted(text: str, default: Lang = "en") -> Lang:
        detected.append(text)
        return detect_lang(text, default)

    for module in (retrieval, twofusions):  # wherever a fusion may detect it
        for name in ("detect_lang", "question_lang"):
            monkeypatch.setattr(module, name, counted, raising=False)
    searched = twofusions.Searched(question, candidates, bank.chunks, scores)
    shown = Settings(channel_weights={"use": 1.0}, rerank_weight=0.0)
    evidence = Settings(channel_weights={"use": 0.5}, rerank_weight=0.5)
    ranked = twofusions.ranked(searched, [shown, evidence], 2, 2)
    assert detected == [question]
    assert ranked.shown.query_lang == ranked.evidence.query_lang == "fr"
    assert ranked.shown.hits and ranked.evidence.hits
