"""Which of a question's words a reason may name (reason_words.py): content words, never
stopwords, interrogatives, function or generic words of the question's language, nor function
words misspelt."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from citeqa.field_lines import named_stems
from citeqa.glossary import fold
from citeqa.models import Lang
from citeqa.reason_words import (
    _misspelt_function_word,
    asking_words,
    consequence_words,
    content_pieces,
    generic_words,
    nameable,
    nameable_words,
)


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
        ("numéro", "fr"),  # a number mark: "le numéro SIRET" names the value's kind
        ("number", "en"),
        ("habite", "fr"),  # verbs a question frames its value by (s31 trial)
        ("émis", "fr"),
        ("valable", "fr"),
        ("lives", "en"),
        ("dois-je", "fr"),  # modal verbs (s55 trial: "ils ne mentionnent jamais « dois-je »")
        ("faut-il", "fr"),
        ("peut-on", "fr"),
        ("Jusqu'à", "fr"),
        ("must", "en"),
    ],
)
def test_words_of_a_questions_form_are_not_named(word: str, lang: str) -> None:
    assert not nameable(word, lang, unused=True)  # type: ignore[arg-type]


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
    assert nameable(word, lang, unused=True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("dose", "en"),  # "does" swapped: "What is the maximum dose?"
        ("doe", "en"),
        ("int", "en"),  # "into" without its "o"
        ("man", "en"),  # "many" without its "y"
        ("three", "en"),  # "there" swapped
        ("abut", "en"),
        ("pur", "fr"),  # "pour" without its "o"
        ("commet", "fr"),  # "comment" without a "n"
        ("sot", "fr"),
    ],
)
def test_words_of_the_language_are_no_misspelt_function_words(word: str, lang: str) -> None:
    """Review of s19-reasons: "What is the maximum dose?" on a corpus that never writes "dose"
    was no longer told so ("dose" read as "does" misspelt)."""
    assert nameable(word, lang, unused=True)  # type: ignore[arg-type]
    typo = {"en": "Wat", "fr": "Qeulle"}[lang]
    assert nameable_words([word, typo], lang) == [word]  # type: ignore[arg-type]


def test_a_word_the_corpus_uses_is_no_typo() -> None:
    """A word the corpus writes is its word, whatever function word it is close to ("wat": the
    Thai temple; "tey" may be a name), named among those the closest passages mention or lack;
    only a word it never uses may be read as a typo."""
    assert nameable("Wat", "en") and nameable("qeulle", "fr")
    assert not nameable("Wat", "en", unused=True) and not nameable("qeulle", "fr", unused=True)


def test_nameable_words_keeps_the_order_and_generic_words_are_per_language() -> None:
    assert nameable_words(["mean", "Zadoks", "used", "stage"], "en") == ["Zadoks", "stage"]
    assert "bas" in generic_words("fr") and "bas" not in generic_words("en")
    for lang in ("en", "fr"):
        for word in generic_words(lang):  # however the question types them
            assert not nameable(word.upper(), lang), word  # type: ignore[arg-type]
            assert not nameable(word.capitalize(), lang, unused=True), word  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_real_word_listed_is_a_typo_the_rule_would_read(lang: str) -> None:
    """reason_words.json's `real_words` lists only words a typo of a function word also gives:
    one that is none would be listed for nothing, or tell of a typo source gone."""
    raw = json.loads(resources.files("citeqa").joinpath("data", "reason_words.json").read_text())
    for word in raw["real_words"][lang]:
        assert _misspelt_function_word(fold(word), lang), word  # type: ignore[arg-type]


def test_the_words_of_a_phrase_a_question_asks_by_are_found_whole() -> None:
    """ "Combien de temps un devis est-il valable ?" was refused "ils ne mentionnent jamais
    « temps »" (s31 trial); "temps" is the weather's word in "Quel temps fera-t-il ?"."""
    assert asking_words("Combien de TEMPS un devis est-il valable ?", "fr") == {
        "combien",
        "de",
        "temps",
    }
    assert asking_words("Quel temps fera-t-il demain ?", "fr") == frozenset()
    assert asking_words("How much time is left?", "en") == {"how", "much", "time"}
    assert asking_words("Combien de temps ?", "en") == frozenset()  # phrases of its language
    assert asking_words("combien de tempsx", "fr") == frozenset()


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("pay", "en"),
        ("paid", "en"),
        ("pays", "en"),  # s33: still generic, the phrase "who pays" did nothing
        ("pays", "fr"),  # a country
        ("live", "en"),
        ("valid", "en"),
        ("reste", "fr"),
    ],
)
def test_words_of_a_question_frame_that_are_content_words_elsewhere_are_named(
    word: str, lang: str
) -> None:
    """s32 review: "pay", "paid", "live", "valid" and "reste" were generic words, so no reason
    named them in "How many days of paid leave?" or "le reste à payer"; only the phrases a
    question frames its value by ("who pays", "combien reste-t-il") leave them out."""
    assert nameable(word, lang)  # type: ignore[arg-type]


def test_the_frames_of_pay_live_valid_and_reste_are_phrases_a_question_asks_by() -> None:
    assert {"who", "pays"} <= asking_words("Who pays the insurance?", "en")
    assert "pays" in asking_words("Which tenant pays the water bill?", "en")
    assert "pays" in asking_words("What the company pays for lunch?", "en")
    assert "pays" not in asking_words("Quels pays ont signé le traité ?", "fr")
    assert "live" in asking_words("Where does Louise Martin live?", "en")
    assert "live" not in asking_words("Where does the live recording start?", "en")
    assert "valid" in asking_words("How long is the quote valid?", "en")
    assert {"reste-t-il", "reste"} <= asking_words("Combien reste-t-il à payer ?", "fr")
    assert "reste" not in asking_words("Quel est le reste à payer ?", "fr")
    assert "paid" not in asking_words("How many days of paid leave?", "en")


def test_the_words_asking_when_an_event_takes_place_are_never_named() -> None:
    """s34 hostile: "Quand a lieu le prochain cours de judo après le 7 janvier 2025 ?" was
    refused "ils ne mentionnent jamais « lieu », « prochain », « 7 »"."""
    question = "Quand a lieu le prochain cours de judo après le 7 janvier 2025 ?"
    assert "lieu" in asking_words(question, "fr")
    assert "lieu" in asking_words("La fête a-t-elle lieu samedi ?", "fr")
    assert "lieu" not in asking_words("Quel est le lieu de la réunion ?", "fr")
    assert "place" in asking_words("When does the next judo class take place?", "en")
    assert "place" not in asking_words("Which place hosts the final?", "en")
    assert {"prochain", "lieu"} <= asking_words(question, "fr")
    assert "precedente" in asking_words("Quand était la séance précédente ?", "fr")
    assert "next" in asking_words("When is the next judo class?", "en")


def test_an_event_phrase_names_no_field_line_and_no_reason_word_alike() -> None:
    """One list (reason_words.json `event_phrases`) serves both readers: a phrase that field
    lines skip ("avait lieu", s46's idioms) is never named by a reason either (s47 re-read:
    the two copies differed, a reason named "lieu" of "Quand avait lieu la fête ?")."""
    question = "Quand avait lieu la fête de l'école ?"
    assert "lieu" in asking_words(question, "fr")
    assert "lieu" not in named_stems(question)
    assert "lieu" in named_stems("Quel était le lieu de la fête ?")


@pytest.mark.parametrize(
    ("question", "lang", "pieces"),
    [
        ("How much does cleaning the boats cost?", "en", ["cleaning", "boats", "cost"]),
        (
            "Who heads the client's sanitation department?",
            "en",
            ["heads", "client", "sanitation", "department"],
        ),
        ("What time does the site gate open?", "en", ["site", "gate", "open"]),
        ("Quel est le numéro d'urgence du gardien ?", "fr", ["urgence", "gardien"]),
        ("How long is the warranty after amendment 1?", "en", ["warranty", "amendment"]),
    ],
)
def test_content_pieces_are_what_a_passage_answering_the_question_writes(
    question: str, lang: Lang, pieces: list[str]
) -> None:
    # translated_answer.unwritten_words: a genitive's or an elision's word alone, no word of
    # the phrase it asks by ("How long", "What time"), no number mark ("numéro"), no figure
    assert content_pieces(question, lang) == pieces


@pytest.mark.parametrize(
    ("question", "lang", "word"),
    [
        ("Que se passe-t-il si une parcelle est abandonnée ?", "fr", "passe-t-il"),
        ("Qu'arrive-t-il si je rends le livre en retard ?", "fr", "qu'arrive-t-il"),
        ("What happens if I miss a payment?", "en", "happens"),
    ],
)
def test_a_phrase_asking_what_follows_is_read(question: str, lang: Lang, word: str) -> None:
    assert word in consequence_words(question, lang)


def test_what_happened_asks_no_consequence() -> None:
    assert consequence_words("What happened on 12 March?", "en") == frozenset()
