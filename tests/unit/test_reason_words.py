"""Which of a question's words a reason may name (reason_words.py): content words, never
stopwords, interrogatives, function or generic words of the question's language, nor function
words misspelt."""

from __future__ import annotations

import pytest

from citeqa.reason_words import content_words, generic_words, nameable


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("bas", "fr"),
        ("fait", "fr"),
        ("utilisé", "fr"),
        ("fera-t-il", "fr"),  # "fera", "t", "il"
        ("a-t-elle", "fr"),
        ("car", "fr"),  # a French function word
        ("mean", "en"),
        ("used", "en"),
        ("use", "en"),
        ("Combien", "fr"),
        ("Wat", "en"),  # "what", one letter dropped
        ("teh", "en"),  # "the", two letters swapped
        ("Qeulle", "fr"),  # "quelle"
        ("however", "en"),
        ("dire", "fr"),  # "que veut dire": a frame word
        ("paper", "en"),
    ],
)
def test_words_of_a_questions_form_are_not_named(word: str, lang: str) -> None:
    assert not nameable(word, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("car", "en"),  # an English content word, a French function word
        ("cultivar", "en"),
        ("l'antivol", "fr"),
        ("no-till", "en"),
        ("Q2", "en"),
        ("T3", "fr"),
        ("World", "en"),  # "would" with a letter changed: no misspelling read
        ("won", "en"),  # "own" swapped, but its first letter is another
        ("donnée", "fr"),  # also the noun "datum"
        ("thrips", "en"),
        ("asay", "en"),
        ("mots", "fr"),  # "most" swapped, but an English word is no French typo
        ("form", "en"),  # "from" swapped
    ],
)
def test_content_words_are_named(word: str, lang: str) -> None:
    assert nameable(word, lang)  # type: ignore[arg-type]


def test_content_words_keeps_the_order_and_generic_words_are_per_language() -> None:
    assert content_words(["mean", "Zadoks", "used", "stage"], "en") == ["Zadoks", "stage"]
    assert "bas" in generic_words("fr") and "bas" not in generic_words("en")
    assert all(word == word.lower() for word in generic_words("en") | generic_words("fr"))
