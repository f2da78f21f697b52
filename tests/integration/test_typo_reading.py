"""A question refused as typed whose every unused content word is a typo of a word the closest
passages write is read again with the corrections, and its answer says which it used (s20 trial:
"how do i cancle my subscribtion" was refused, "No word of the question occurs", though the
search had read "cancel" and "subscription"); an off-topic question one of whose words looks
like a corpus word stays refused."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.one_edit import written_words
from citeqa.typo_reading import (
    _opens_a_written_word,
    known_word,
    slip_of_the_keys,
)
from small_corpora import assistant_over

CANCEL = """# Cancel your subscription

You can cancel your subscription from Settings, then Billing. Your workspace stays active until
the end of the paid period, then switches to read-only mode.
"""

BROWSERS = """# Browser support

Tessera supports the latest two versions of Chrome, Firefox, Safari and Edge. Internet Explorer
is not supported.
"""

WORDS = """# Word limits

A ticket reply holds at most 5,000 words. Longer replies are split into several messages.
"""

FILES = {"cancel.md": CANCEL, "browsers.md": BROWSERS, "words.md": WORDS}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("help"), tmp_path_factory.mktemp("idx")
    return assistant_over(FILES, corpus, index)


def test_a_question_of_typos_alone_is_answered_with_its_corrections(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("how do i cancle my subscribtion")
    assert not answer.abstained, answer.reason
    assert "cancel your subscription" in answer.citations[0].quote
    assert "Read “cancle” as “cancel”, “subscribtion” as “subscription”." in answer.warnings
    assert answer.question == "how do i cancle my subscribtion"


def test_a_typo_of_no_corpus_word_stays_as_typed_while_the_others_are_corrected(
    assistant: Assistant,
) -> None:
    """ "cancle" is read as "cancel"; "billingsystem" is a typo of no word the corpus writes nor
    a word, opening like its "Billing": the question is read again with the one correction
    (s24 trial: "how do i rollbak a deploymnet" abstained, saying Did you mean “rollback”?)."""
    answer = assistant.ask("how do i cancle my billingsystem")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].doc_id == "cancel"
    assert "Read “cancle” as “cancel”." in answer.warnings


@pytest.mark.parametrize(
    "question",
    [
        "how do i cancle my horse",  # "horse" is a word: no typo
        "how do i cancle my zorblaxing",  # opens like no word the passages write
    ],
)
def test_a_word_with_no_correction_keeps_the_refusal_unless_a_typo_of_a_written_word(
    assistant: Assistant, question: str
) -> None:
    assert assistant.ask(question).abstained


def test_a_question_typed_right_says_nothing_of_corrections(assistant: Assistant) -> None:
    answer = assistant.ask("How do I cancel my subscription?")
    assert not answer.abstained
    assert not any(note.startswith("Read “") for note in answer.warnings)


def test_an_off_topic_question_keeps_its_refusal(assistant: Assistant) -> None:
    """ "World" is one letter from "words", which the corpus writes; "won" and "Cup" are
    typos of nothing it writes: the question is not read again."""
    answer = assistant.ask("Who won the 2018 World Cup?")
    assert answer.abstained
    assert not any(note.startswith("Read “") for note in answer.warnings)


@pytest.mark.parametrize(
    ("typed", "corrected", "slip"),
    [
        ("cancle", "cancel", True),  # two neighbouring letters swapped
        ("suported", "supported", True),  # a letter left out
        ("subscribtion", "subscription", True),  # a letter changed in a long word
        ("poeme", "poete", False),  # PIAF near miss: another word, not a typo
        ("attendues", "attendre", False),  # two edits
    ],
)
def test_only_a_slip_of_the_keys_is_read_as_a_typo(typed: str, corrected: str, slip: bool) -> None:
    assert slip_of_the_keys(typed, corrected) is slip


NEAR_MISS = {
    "help.md": """# Trial

The trial lasts 12 weeks. Each participant keeps a symptom diary and brings it to every visit.
"""
}


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("trial"), tmp_path_factory.mktemp("trialidx")
    return assistant_over(NEAR_MISS, corpus, index)


@pytest.mark.parametrize("question", ["How long is the trail?", "What is written in the dairy?"])
def test_a_real_word_the_corpus_lacks_is_not_read_as_a_typo(
    trial: Assistant, question: str
) -> None:
    """s20 review: "trail" and "dairy" are words, one slip from "trial" and "diary", which the
    documents write; the question asks of something they never mention."""
    answer = trial.ask(question)
    assert answer.abstained, answer.citations
    assert not any(note.startswith("Read “") for note in answer.warnings)


@pytest.mark.parametrize(
    ("word", "known"),
    [("trail", True), ("dairy", True), ("plane", True), ("cancle", False), ("subscribtion", False)],
)
def test_known_words_are_words_of_the_language(word: str, known: bool) -> None:
    assert known_word(word, "en") is known


@pytest.mark.parametrize(
    ("word", "near"),
    [
        ("deploymnet", True),  # opens like "deploy"
        ("asay", True),  # one letter from "assay"
        ("telitacisept", False),
        ("zorb", False),
    ],
)
def test_a_typo_left_as_typed_is_near_a_word_the_passages_write(word: str, near: bool) -> None:
    passages = ["Deploy to staging first.", "The LAMP assay was run twice."]
    assert _opens_a_written_word(word, written_words(passages)) is near


ROTA = {
    "rota.md": """# On-call rota

The platform team keeps one engineer on call every week.

| Week | On call | Backup |
|------|---------|--------|
| Week 10 | Priya Raman | Tom Becker |
| Week 11 | Lucas Moreau | Priya Raman |
""",
    "astreinte.md": """# Planning des astreintes

La relève a lieu le lundi à 10 h dans la salle Orion.
""",
}


@pytest.fixture(scope="module")
def rota(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("rota"), tmp_path_factory.mktemp("rotaidx")
    return assistant_over(ROTA, corpus, index)


def test_a_short_typo_is_read_and_a_short_word_of_the_language_stays_as_typed(
    rota: Assistant,
) -> None:
    """s22-25 trials: "wek" is read as "week" (one letter left out, no word); "cal" is a word
    (an abbreviation) one slip from "call", which the passages write: it stays as typed, never
    corrected, and the question is read again with the one correction."""
    answer = rota.ask("who is on cal in wek 11")
    assert not answer.abstained, answer.reason
    assert "Lucas Moreau" in answer.citations[0].quote
    assert "Read “wek” as “week”." in answer.warnings


def test_a_short_french_word_is_never_read_as_a_typo(rota: Assistant) -> None:
    """French has no word list, which alone says which short words are words: "leu" stays as
    typed, never read as "lieu" (review D of s27: "mois" was read as "moins")."""
    answer = rota.ask("dans quelle salle a leu la relève ?")
    assert not any(warning.startswith("Lu ") for warning in answer.warnings)


OFFICE = {
    "office.md": """# Office notes

It is true that the office closes at 6 pm. The coffee pot is cleaned daily.
Every purchase above 50 cent needs a receipt. The cafeteria plan covers 80 per cent of lunch.
Remote work requires a stable connection. The lunch menu lists soup, rice and fish.
""",
    "rh.md": """# Règlement RH

Le préavis de démission est d'au moins quatre semaines pour les employés. Les congés payés
sont de 25 jours par an. Le télétravail est autorisé deux jours par semaine.
""",
}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("office"), tmp_path_factory.mktemp("officeidx")
    return assistant_over(OFFICE, corpus, index)


@pytest.mark.parametrize(
    "question",
    [
        "what is the fsh price?",  # "fsh" is no "fish" the search reads with no notice
        "is the office open on tue?",  # "tue" is an abbreviation, never "true"
        "Combien de mois de congé maternité ?",  # French has no list: "mois" is no "moins"
    ],
)
def test_a_short_word_is_never_read_as_a_typo_without_a_notice(
    office: Assistant, question: str
) -> None:
    """Review D of s27: the search read short words as typos, so off-topic questions were
    answered from a word they never asked for, with no "Read … as …" notice."""
    answer = office.ask(question)
    assert answer.abstained or answer.warnings, answer.citations[0].quote
