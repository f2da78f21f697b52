"""The reason an abstention gives names the question's words the documents, or else the closest
passages, never mention; interrogatives are never named."""

from __future__ import annotations

from citeqa.abstention import NOT_ANSWERED, not_answered, unmatched_words
from citeqa.questions import QuestionTerms, word_alternatives


def terms(focus: str, weights: dict[str, float], absent: tuple[str, ...] = ()) -> QuestionTerms:
    found = [(word_alternatives(word), weight) for word, weight in weights.items()]
    return QuestionTerms(focus=focus, terms=found, focus_terms=len(found), absent=list(absent))


ASKED = terms(
    "Combien de moutons a sculpté Jim ?",
    {"combien": 9.0, "moutons": 5.0, "sculpté": 7.0, "Jim": 2.0},
)
PASSAGES = frozenset(word_alternatives("Jim") | word_alternatives("moutons"))


def test_the_words_the_closest_passages_lack_are_named_heaviest_first() -> None:
    assert unmatched_words(ASKED, frozenset()) == ["sculpté", "moutons", "Jim"]
    assert unmatched_words(ASKED, PASSAGES) == ["sculpté"]
    reason = not_answered(ASKED, "fr", PASSAGES)
    assert reason.endswith("les passages les plus proches ne mentionnent pas “sculpté”.")
    assert "combien" not in reason


def test_words_the_corpus_never_uses_come_first() -> None:
    asked = terms("Who sculpted Jim?", {"sculpted": 7.0, "Jim": 2.0}, absent=("sculpted",))
    reason = not_answered(asked, "en", frozenset())
    assert reason.endswith("they never mention “sculpted”.")


def test_a_question_the_passages_cover_gets_the_plain_reason() -> None:
    covering = PASSAGES | word_alternatives("sculpté")
    assert not_answered(ASKED, "en", covering) == NOT_ANSWERED["en"]
    assert not_answered(ASKED, "en") == NOT_ANSWERED["en"]
