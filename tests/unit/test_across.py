"""across.close_in_other_language: a passage in the other language counts when the multilingual
channel puts it at MIN_CLOSENESS or closer and closer than every passage in the question's own
language; without such a channel, never. across.unvouched_across: an answer read only from
passages in the other language needs one of them that close, or a name of the question they
write."""

from __future__ import annotations

import unicodedata

import pytest

from citeqa.across import (
    MIN_CLOSENESS,
    close_in_other_language,
    in_channel,
    names_asked,
    opening_names,
    unvouched_across,
    writes_a_name,
    writes_translated,
    written_names,
)
from citeqa.models import Chunk, Hit, Lang

CHANNEL = "use"


def hit(number: int, lang: Lang, score: float | None) -> Hit:
    """Passage `number` in `lang`, scored `score` in CHANNEL (None: that channel missed it)."""
    chunk = Chunk(
        chunk_id=f"d{number}#0", doc_id=f"d{number}", start=0, end=4, text="text", lang=lang
    )
    return Hit(
        chunk=chunk,
        chunk_index=number,
        score=1.0,
        channel_scores={} if score is None else {CHANNEL: score},
    )


@pytest.mark.parametrize(
    ("french", "close"), [(MIN_CLOSENESS, True), (MIN_CLOSENESS - 0.001, False)]
)
def test_a_passage_in_the_other_language_counts_from_the_bar(french: float, close: bool) -> None:
    hits = [hit(0, "en", 0.1), hit(1, "fr", french)]
    assert close_in_other_language(hits, "en", in_channel(CHANNEL)) is close


def test_a_closer_passage_in_the_question_s_own_language_keeps_the_word_check() -> None:
    hits = [hit(0, "fr", 0.5), hit(1, "en", 0.6)]
    assert not close_in_other_language(hits, "en", in_channel(CHANNEL))
    assert close_in_other_language(
        hits, "fr", in_channel(CHANNEL)
    )  # the same hits, asked in French


def test_without_a_multilingual_channel_nothing_is_close() -> None:
    assert not close_in_other_language([hit(0, "fr", 0.9)], "en", None)


def test_a_passage_the_channel_did_not_rank_is_not_close() -> None:
    assert not close_in_other_language([hit(0, "fr", None)], "en", in_channel(CHANNEL))


def test_the_closeness_given_is_the_one_read() -> None:
    hits = [hit(0, "fr", 0.9)]  # the search's score, read with the previous question
    assert not close_in_other_language(hits, "en", lambda hits: [0.1])  # the follow-up's own


QUESTION = "What exactly is a biologic drug?"
TEXTS = ["Le médicament est remboursé par la Sécurité sociale."]


@pytest.mark.parametrize(
    ("french", "unvouched"), [(MIN_CLOSENESS, False), (MIN_CLOSENESS - 0.001, True)]
)
def test_passages_all_in_the_other_language_need_one_close(french: float, unvouched: bool) -> None:
    hits = [hit(0, "fr", 0.1), hit(1, "fr", french)]
    assert unvouched_across(hits, "en", in_channel(CHANNEL), QUESTION, TEXTS) is unvouched


def test_a_passage_in_the_question_s_language_leaves_the_models_to_decide() -> None:
    hits = [hit(0, "fr", 0.1), hit(1, "en", 0.05)]  # far, but in the question's language
    assert not unvouched_across(hits, "en", in_channel(CHANNEL), QUESTION, TEXTS)
    assert unvouched_across(hits[:1], "en", in_channel(CHANNEL), QUESTION, TEXTS)


def test_a_passage_writing_a_translated_word_vouches_for_the_answer() -> None:
    # "How much is the rent now?" of a French lease, read with "rent" as "loyers" (passage_
    # translation.py): the passage writing it is on the question though the channel puts it .30
    text = "Le loyer est révisé selon l'indice de référence des loyers."
    chunk = Chunk(chunk_id="d0#0", doc_id="d0", start=0, end=len(text), text=text, lang="fr")
    hits = [Hit(chunk=chunk, chunk_index=0, score=1.0, channel_scores={CHANNEL: 0.3})]
    closeness = in_channel(CHANNEL)
    assert unvouched_across(hits, "en", closeness, "How much is the rent now?", [text])
    assert not unvouched_across(
        hits, "en", closeness, "How much is the rent now?", [text], ["loyers"]
    )
    assert unvouched_across(hits, "en", closeness, "How much is the rent now?", [text], ["bail"])


def test_a_translated_word_is_found_in_a_decomposed_text() -> None:
    # a text of decomposed accents (NFD, as some PDFs and macOS names write "réunion") was
    # split at its accent ("re", "union") and never wrote the translation "reunion"
    text = unicodedata.normalize("NFD", "La réunion des parents aura lieu jeudi.")
    chunk = Chunk(chunk_id="d0#0", doc_id="d0", start=0, end=len(text), text=text, lang="fr")
    hits = [Hit(chunk=chunk, chunk_index=0, score=1.0, channel_scores={CHANNEL: 0.3})]
    assert writes_translated(["reunion"], hits)
    assert not writes_translated(["union"], hits)


def test_without_a_multilingual_channel_or_passages_nothing_is_unvouched() -> None:
    assert not unvouched_across([hit(0, "fr", 0.1)], "en", None, QUESTION, TEXTS)
    assert not unvouched_across([], "en", in_channel(CHANNEL), QUESTION, TEXTS)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Who is responsible for the user documentation of Lumen?", ["Lumen"]),
        ("How often is rooms.yaml reloaded?", ["rooms.yaml"]),
        ("Quel est le nouveau budget de l'UNESCO ?", ["UNESCO"]),
        ("Is COVID-19 an mRNA vaccine target?", ["COVID-19", "mRNA"]),
        ("What exactly is a biologic drug?", []),
        ("Quel est l’objectif initial de la conférence ?", []),
        ("Can I renew it?", []),
        (
            "In BEAT-LUPUS, how many flares? How many patients did that study include?",
            ["BEAT-LUPUS"],
        ),
    ],
)
def test_the_names_a_question_writes(question: str, names: list[str]) -> None:
    assert written_names(question) == names


def test_a_name_is_written_whole_an_underscore_parting_words() -> None:
    assert writes_a_name(["Lumen"], ["| `LUMEN_PORT` | 8042 | Port HTTP |"])
    assert not writes_a_name(["Lumen"], ["Illumen est un logiciel."])
    assert not writes_a_name([], ["Lumen"])


def test_a_capitalised_word_is_written_capitalised_a_shaped_name_in_any_case() -> None:
    names = written_names("What does the Introduction say about the Budget?")
    assert names == ["Introduction", "Budget"]
    assert not writes_a_name(names, ["Le budget de l'introduction est voté."])
    assert writes_a_name(names, ["Le Budget est voté."])
    assert writes_a_name(names, ["BUDGET 2025"])
    assert writes_a_name(["COVID-19", "rooms.yaml"], ["la covid-19"])
    assert writes_a_name(["rooms.yaml"], ["Le fichier ROOMS.YAML"])


def test_a_capitalised_word_opening_the_question_counts_when_written_so_inside_a_sentence() -> None:
    question = "Lumen: who writes its docs?"
    assert written_names(question) == [] and opening_names(question) == ["Lumen"]
    assert writes_a_name([], ["Le projet Lumen a une documentation."], ["Lumen"])
    assert writes_a_name([], ["Voir l'Unesco."], ["Unesco"])
    for text in ["Lumen est un projet.", "Fin. Lumen est un projet.", "- Lumen", "le lumen"]:
        assert not writes_a_name([], [text], ["Lumen"]), text
    far = [hit(0, "fr", 0.2)]
    notes = ["Thomas Roux écrit la documentation du projet Lumen."]
    assert not unvouched_across(far, "en", in_channel(CHANNEL), question, notes)
    assert unvouched_across(far, "en", in_channel(CHANNEL), "What is it?", ["What a project."])


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("And how much is his caisse?", "Who holds the cash? And how much is his caisse?"),
        ("And the weather?", "And the weather?"),
    ],
)
def test_a_follow_up_s_names_are_those_of_the_previous_question_only_when_it_refers_back(
    question: str, asked: str
) -> None:
    assert names_asked(question, f"Who holds the cash? {question}") == asked


def test_a_name_of_the_question_the_passages_write_vouches_for_them() -> None:
    far = [hit(0, "fr", 0.2)]
    question = "Who is responsible for the user documentation of Lumen?"
    notes = ["- Thomas Roux est responsable de la documentation utilisateur.", "Projet Lumen"]
    assert not unvouched_across(far, "en", in_channel(CHANNEL), question, notes)
    assert unvouched_across(far, "en", in_channel(CHANNEL), question, notes[:1])


def test_a_day_the_question_writes_vouches_across_languages() -> None:
    """The whole suite after the merge: "Quelle était la dose le 5 mars ?" of an English
    journal ("## 2026-03-05") abstained, nothing vouching for the English passages."""
    from citeqa.across import writes_a_day

    journal = ["## 2026-03-05\n\nThe dose given was 106 mg, taken at breakfast."]
    assert writes_a_day("Quelle était la dose le 5 mars ?", journal)
    assert not writes_a_day("Quelle était la dose le 6 mars ?", journal)
    assert not writes_a_day("Quelle était la dose en mars ?", journal)  # a month is no day
    assert not writes_a_day("Quelle était la dose ?", journal)


@pytest.mark.parametrize(
    "question",
    [
        "How much did the Hallorans pay for the door?",
        "How much was Halloran's door?",
        "What did the Hallorans' invoice say?",
    ],
)
def test_a_name_in_the_english_plural_or_genitive_is_written_by_the_name(question: str) -> None:
    """s31 trial: "the Millers" was refused across languages because the bank statement writes
    "MILLER FRONT DOOR", not "Millers"."""
    names = written_names(question)
    assert writes_a_name(names, ["12/05/2025;VIR HALLORAN PORTE ENTREE;;4 279,00"])
    assert not writes_a_name(names, ["12/05/2025;VIR DUPONT PORTE ENTREE;;4 279,00"])


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("What did Mrs Roberts order?", "Robert Dupont a commandé une porte."),
        ("When did Williams call?", "William Martin a appelé lundi."),
        ("Où travaille Nicolas ?", "Nicola Rossi travaille à Milan."),
        ("What did Lyons decide?", "Réunion tenue à Lyon en mai."),
        ("Who leads Sales?", "Sale de la cuisine : à nettoyer."),
    ],
)
def test_a_name_ending_in_s_is_no_plural_without_an_article(question: str, text: str) -> None:
    """s31 review: every capitalised name lost its "s", so "Mrs Roberts" was written by "Robert
    Dupont"; the singular is read only after "the" or in the genitive."""
    assert not writes_a_name(written_names(question), [text])
