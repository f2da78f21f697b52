"""A question naming a thing by a qualifier answered by a quote of its sibling qualified the
opposite way abstains naming both (opposed_qualifiers.py)."""

from __future__ import annotations

import pytest

from citeqa.abstention import opposed_qualifier as reason
from citeqa.opposed_qualifiers import OpposedQualifier, opposed_qualifier

WIRED_ROW = "| AC-01 | Sonde de température filaire | 24.9 |"


def test_the_opposite_qualifier_quoted_alone_is_named_with_the_asked_one() -> None:
    found = opposed_qualifier("Quel est le prix de la sonde de température sans fil ?", [WIRED_ROW])
    assert found == OpposedQualifier("sans fil", "filaire")
    found = opposed_qualifier("How much is the wireless door sensor?", ["Wired door sensor: 19 €"])
    assert found == OpposedQualifier("wireless", "wired")


@pytest.mark.parametrize(
    "quoted",
    [
        [WIRED_ROW, "Sondes sans fil et filaires"],  # a section writing the asked one
        ["| AC-02 | Sonde de température sans fil | 39.9 |"],
        ["| AC-03 | Sonde de température | 19.9 |"],  # neither: a paraphrase, left alone
    ],
)
def test_quotes_writing_the_asked_qualifier_or_neither_stand(quoted: list[str]) -> None:
    assert opposed_qualifier("Quel est le prix de la sonde sans fil ?", quoted) is None


@pytest.mark.parametrize(
    "question",
    [
        "Is the probe wireless?",
        "La sonde de température est-elle sans fil ?",
        "Est-ce que la sonde est sans fil ?",
        "Which is cheaper, the wired or the wireless probe?",  # asks both sides
    ],
)
def test_a_closed_question_or_one_asking_both_sides_is_left_to_the_quote(question: str) -> None:
    assert opposed_qualifier(question, ["The probe is wired.", WIRED_ROW]) is None


def test_an_open_question_with_an_inverted_pronoun_is_still_read() -> None:
    question = "Combien coûte-t-elle, la sonde sans fil ?"
    assert opposed_qualifier(question, [WIRED_ROW]) == OpposedQualifier("sans fil", "filaire")


def test_a_hyphen_joins_words_so_a_prefixed_form_is_the_other_side() -> None:
    found = opposed_qualifier("Which batteries are rechargeable?", ["Use non-rechargeable AAA."])
    assert found == OpposedQualifier("rechargeable", "non-rechargeable")


def test_the_reason_names_the_quoted_qualifier_then_the_asked_one() -> None:
    assert reason("sans fil", "filaire", "fr") == (
        "Les passages qui répondraient portent sur “filaire”, non sur “sans fil”."
    )
    assert reason("wireless", "wired", "en") == (
        "The passages that would answer are of “wired”, not “wireless”."
    )


def test_any_other_side_of_a_larger_group_is_a_sibling() -> None:
    question = "What is the annual subscription price?"
    found = opposed_qualifier(question, ["The weekly plan costs 3 €; the monthly plan 9 €."])
    assert found == OpposedQualifier("annual", "weekly")
    assert opposed_qualifier(question, ["The monthly plan costs 9 €, the annual 90 €."]) is None


def test_a_rank_asked_of_a_duty_quoted_for_another_rank_is_a_sibling() -> None:
    question = "What is the on-call allowance for the secondary?"
    quote = "On-call engineers receive an allowance of 350 EUR per week of primary duty."
    assert opposed_qualifier(question, [quote]) == OpposedQualifier("secondary", "primary")
