"""A question whose subject is a capitalised name no document writes (absent_names.py): "What is
the price of a Tesla Model 3?" of a folder never writing "Tesla" (s30 trial o04) names it; a
capital opening a sentence, a typo of a held name, a month, an acronym, a title-cased question
or a cognate of a corpus word names none."""

from __future__ import annotations

import pytest

from citeqa.absent_names import absent_name
from citeqa.questions import QuestionTerms


def terms(focus: str, absent: list[str], **fields: object) -> QuestionTerms:
    return QuestionTerms(focus=focus, absent=absent, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("focus", "absent", "name"),
    [
        ("What is the price of a Tesla Model 3?", ["Tesla"], "Tesla"),
        ("Quel est le numéro de l'avis éthique d'Édimbourg ?", ["d'Édimbourg"], "Édimbourg"),
        ("Who co-supervises Julie Moreau's internship?", ["Moreau's"], "Moreau"),
        ("Quand la ville de Saint-Rémy a-t-elle voté ?", ["Saint-Rémy"], "Saint-Rémy"),
    ],
)
def test_an_absent_capitalised_name_is_named(focus: str, absent: list[str], name: str) -> None:
    assert absent_name(terms(focus, absent)) == name


@pytest.mark.parametrize(
    ("focus", "absent"),
    [
        ("Tesla: what is its price?", ["Tesla"]),  # opens the question
        ("Price list. Tesla prices?", ["Tesla"]),  # opens a sentence
        ("What is the price of a tesla?", ["tesla"]),  # no capital
        ("What did the ANR fund?", ["ANR"]),  # an acronym
        ("Where is sample S-0250?", ["S-0250"]),  # a code
        ("What happened in December?", ["December"]),  # a month
        ("What happened on Monday?", ["Monday"]),  # a weekday
        ("What Is The Price Of A Tesla Model?", ["Tesla"]),  # a title
        ("What is the price of a Tesla Model 3?", []),  # the corpus writes it
    ],
)
def test_no_name_is_named(focus: str, absent: list[str]) -> None:
    assert absent_name(terms(focus, absent)) is None


def test_a_typo_of_a_corpus_word_is_no_absent_name() -> None:
    focus = "Avec quel constructeur Hans Herrmann gagne-t-il au Nürburging ?"
    misspelt = terms(focus, ["Nürburging"], corrected={"Nürburging": "nurburgring"})
    assert absent_name(misspelt) is None
    spelt = terms(focus, ["Nürburging"], unused_words=["Nürburging"])
    spelt.spelling_of = lambda word: "nurburgring"
    assert absent_name(spelt) is None


def test_a_cognate_of_a_corpus_word_is_no_absent_name() -> None:
    question = terms("How large is the Amazonian forest?", ["Amazonian"], cognates=["amazonienne"])
    assert absent_name(question) is None


def test_a_name_partly_held_is_no_absent_name() -> None:
    """The documents may name "Saturo Iwata" by "Iwata" (held): no refusal; "Model" of "Tesla
    Model 3" is an everyday word, no name's part."""
    focus = "Qu'est-ce qui a motivé la baisse de salaire de Saturo Iwata en 2014 ?"
    assert absent_name(terms(focus, ["Saturo"])) is None
    assert absent_name(terms(focus, ["Saturo", "Iwata"])) == "Saturo"


def test_a_paper_title_asked_as_a_question_names_none() -> None:
    focus = "Neoadjuvant Imatinib in Locally Advanced Gastrointestinal stromal Tumours, Will Kit"
    assert absent_name(terms(focus + " Mutation Analysis Be a Pathfinder?", ["Pathfinder"])) is None
