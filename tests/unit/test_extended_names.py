"""A question naming a thing by a name the documents write with one word more, a word they never
use, answered by the shorter name's quote, abstains naming both (extended_names.py)."""

from __future__ import annotations

import pytest

from citeqa.extended_names import ExtendedName, extended_name
from citeqa.questions import QuestionTerms

ROW = "| VT-100 | Thermo One | 124.17 | 149 | 3 ans |"


def terms(question: str, absent: list[str], typos: dict[str, str] | None = None) -> QuestionTerms:
    """The terms of `question` whose words `absent` the corpus never uses."""
    spelling = typos or {}
    read = QuestionTerms(focus=question, absent=absent, unused_words=absent)
    read.spelling_of = spelling.get
    return read


def test_a_name_with_an_unknown_last_word_answered_by_its_shorter_sibling() -> None:
    asked = terms("How much does the Thermo One Max cost?", ["Max"])
    assert extended_name(asked, [ROW]) == ExtendedName("Thermo One Max", "Thermo One")


def test_an_unknown_word_before_the_name_names_the_same_thing() -> None:
    asked = terms("What does the Acme Thermo One cost?", ["Acme"])
    assert extended_name(asked, [ROW]) is None


@pytest.mark.parametrize(
    ("question", "absent", "quoted"),
    [
        ("How much does the Thermo One Max cost?", ["Max"], ["| VT-300 | Thermo Two | 99 |"]),
        ("How much does the Max cost?", ["Max"], [ROW]),  # a one-word name
        ("When did Edward Dickinson Baker die?", ["Dickinson"], ["Edward Baker died in 1861."]),
        ("How much does the Thermo Zeta One cost?", ["Zeta"], [ROW]),  # inside the name
        ("How much does the Thermo One Max cost?", [], [ROW]),  # the corpus writes "Max"
        ("Hello Thermo One?", ["Hello"], [ROW]),  # the question's first word joins no name
    ],
)
def test_other_names_are_left_to_the_answer_models(
    question: str, absent: list[str], quoted: list[str]
) -> None:
    assert extended_name(terms(question, absent), quoted) is None


def test_a_likely_misspelling_is_no_unknown_word() -> None:
    asked = terms("How much does the Thermo One Pri cost?", ["Pri"], {"Pri": "pro"})
    assert extended_name(asked, [ROW]) is None


def test_the_shorter_name_is_read_across_case_accents_and_hyphens() -> None:
    asked = terms("Quel est le prix du Thermo One Max ?", ["Max"])
    assert extended_name(asked, ["| thermo-one | 149 |"]) == ExtendedName(
        "Thermo One Max", "Thermo One"
    )


@pytest.mark.parametrize(
    ("question", "unknown", "document"),
    [
        ("Que dirige Satoru Iwtaa ?", "Iwtaa", "Satoru Iwata dirige Nintendo."),
        ("Que ressent Pierre-Jakez Hélais ?", "Hélais", "Pierre-Jakez Hélias naît en 1914."),
    ],
)
def test_a_misspelling_of_a_word_of_the_quoted_document_is_no_other_name(
    question: str, unknown: str, document: str
) -> None:
    quote = document.split()[0]
    asked = terms(question, [unknown])
    assert extended_name(asked, [quote]) is not None  # the quote alone: read as another name
    assert extended_name(asked, [quote], [document]) is None


def test_a_short_unknown_word_is_taken_as_written() -> None:
    asked = terms("How much does the Thermo One Max cost?", ["Max"])
    found = extended_name(asked, [ROW], ["Thermo One: 30 °C, made in May."])
    assert found == ExtendedName("Thermo One Max", "Thermo One")
