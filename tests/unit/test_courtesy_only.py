"""A question is courtesy only (courtesy.only_courtesy) when greetings, farewells, thanks and
acknowledgements of either language are all it says: a number, an identifier or any other word
makes it a search; its language is that of the first phrase only one language's list holds."""

from __future__ import annotations

from unittest.mock import patch

import pytest

from citeqa import questions
from citeqa.courtesy import only_courtesy
from citeqa.domain import language_data
from citeqa.questions import QuestionTerms


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("hello", "en"),
        ("Thank you!", "en"),
        ("Hi, thanks :)", "en"),
        ("Goodbye.", "en"),
        ("Good night", "en"),
        ("merci beaucoup", "fr"),
        ("Au revoir !", "fr"),
        ("Bonjour", "fr"),
    ],
)
def test_greetings_farewells_and_thanks_alone_are_courtesy(question: str, lang: str) -> None:
    assert only_courtesy(question) == lang


@pytest.mark.parametrize(
    "question",
    ["ok 200", "super 8", "hi 2", "please 911", "bye 1998", "hello 42", "merci 3", "thank_you"],
)
def test_a_number_or_identifier_beside_a_greeting_is_a_search(question: str) -> None:
    assert only_courtesy(question) is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("ok", "en"),
        ("OK!", "en"),
        ("okay", "en"),
        ("Ok, thanks", "en"),
        ("Alright, got it.", "en"),
        ("I see", "en"),
        ("d'accord", "fr"),
        ("D’accord, merci !", "fr"),
        ("ok merci", "fr"),
        ("Entendu.", "fr"),
        ("ça marche", "fr"),
    ],
)
def test_a_bare_acknowledgement_is_courtesy(question: str, lang: str) -> None:
    """The s15 trial's "ok" quoted a NODE_OK constant at .41 while "hello" abstained."""
    assert only_courtesy(question) == lang


@pytest.mark.parametrize(
    "question",
    [
        "ok 200",
        "OK status code",
        "cool down period",
        "d'accord avec quoi ?",
        "ok so what is the dose?",
    ],
)
def test_an_acknowledgement_with_anything_else_is_a_search(question: str) -> None:
    assert only_courtesy(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "Perfect",
        "Cheers",
        "please",
        "great",
        "Greetings",
        "How are you?",
        "Super!",
        "cool",
        "parfait",
        "ça va",
        "s'il vous plaît",
    ],
)
def test_words_that_neither_greet_nor_thank_are_a_search(question: str) -> None:
    assert only_courtesy(question) is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("ok, merci beaucoup", "fr"),
        ("ok d'accord", "fr"),
        ("Okay. Merci !", "fr"),
        ("ok merci", "fr"),
        ("ok, thanks", "en"),
        ("Okay... got it, bye", "en"),
        ("D'accord, merci, au revoir !", "fr"),
        ("ok ok", "en"),
        ("merci, thanks", "fr"),  # both tell a language: the first that does
    ],
)
def test_a_sequence_of_courtesy_phrases_is_courtesy_in_the_language_that_tells(
    question: str, lang: str
) -> None:
    """Review of s15-trial-b: "ok, merci beaucoup" and "ok d'accord" were searched while "ok
    merci" and "merci beaucoup" abstained. Any sequence of either language's phrases is
    courtesy; a phrase both lists hold ("ok") tells no language."""
    assert only_courtesy(question) == lang


def test_a_phrase_in_both_languages_is_an_acknowledgement_french_says_too() -> None:
    english, french = (set(language_data().courtesy[lang]) for lang in ("en", "fr"))
    assert english and french and english & french == {"ok", "okay", "hmm", "hm", "mmh", "sos"}


@pytest.mark.parametrize(("question", "lang"), [("Compris ?", "fr"), ("ça marche ?", "fr")])
def test_an_acknowledgement_asked_names_nothing_to_search(question: str, lang: str) -> None:
    """Kept as courtesy (the language data's note says why): asked alone they name nothing the
    documents could answer; with anything else they are searched."""
    assert only_courtesy(question) == lang
    assert only_courtesy(question.replace(" ?", " comment avec le lupus ?")) is None


def test_the_question_terms_read_whether_the_focus_is_courtesy_once() -> None:
    """The answer's language and each early reason ask QuestionTerms.courtesy, which reads the
    focus once (it was read up to four times a question)."""
    terms = QuestionTerms(focus="Merci beaucoup !")
    with patch.object(questions, "only_courtesy", wraps=only_courtesy) as read:
        assert [terms.courtesy, terms.courtesy, terms.courtesy] == ["fr", "fr", "fr"]
    assert read.call_count == 1
    assert QuestionTerms(focus="Merci de préciser la dose").courtesy is None


def test_a_question_of_hundreds_of_courtesy_words_is_courtesy_without_recursion() -> None:
    """The phrases were found by a recursion of one call per word: about 500 "ok" overflowed
    Python's stack (RecursionError, a traceback, a batch's later lines lost). 700 words, more
    than a question keeps (max_question_chars), are read as the few are; a word that is no
    courtesy at the end still makes it a search."""
    from citeqa.courtesy import courtesy_phrases

    assert only_courtesy("ok " * 700) == "en"
    assert only_courtesy("merci beaucoup " * 700) == "fr"
    assert only_courtesy("ok " * 700 + "dose") is None
    assert courtesy_phrases(("ok", "d", "accord") * 700) == ["ok", "d accord"] * 700


@pytest.mark.parametrize(
    ("question", "lang"), [("euh", "fr"), ("Euh...", "fr"), ("heu ?", "fr"), ("um", "en")]
)
def test_a_hesitation_filler_alone_is_content_free(question: str, lang: str) -> None:
    """s31 trial: "euh" was answered with a bank statement's row."""
    assert only_courtesy(question) == lang


def test_a_filler_beside_a_word_is_a_search() -> None:
    assert only_courtesy("euh, le loyer ?") is None


def test_an_opinion_is_no_filler() -> None:
    """s31 review: "bof" (meh) gives an opinion: the reason "only greets, thanks, acknowledges
    or hesitates" would be false of it."""
    assert only_courtesy("bof") is None


def test_the_reason_for_a_filler_says_it_hesitates() -> None:
    from citeqa.abstention import COURTESY_ONLY

    assert "hésiter" in COURTESY_ONLY["fr"]
    assert "hesitates" in COURTESY_ONLY["en"]
