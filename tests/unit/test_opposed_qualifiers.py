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
    assert found == OpposedQualifier("wireless", "Wired")  # each as written


def test_both_qualifiers_are_named_as_written_accents_and_case_kept() -> None:
    question = "Quel est le prix de l'unité  intérieure ?"  # review A of s26-qualifier
    found = opposed_qualifier(question, ["| UE-2 | Unité Extérieure | 899 € |"])
    assert found == OpposedQualifier("intérieure", "Extérieure")


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("What is the wireless probe's price?", "The hub is wired; the probe costs 9 €."),
        ("Quand la livraison est gratuite ?", "En dessous de 50 €, elle est payante (4,90 €)."),
    ],
)
def test_the_other_side_of_another_head_word_is_no_sibling(question: str, quote: str) -> None:
    assert opposed_qualifier(question, [quote]) is None


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
    question = "How much is a rechargeable AAA battery?"
    found = opposed_qualifier(question, ["A non-rechargeable AAA battery costs 1 €."])
    assert found == OpposedQualifier("rechargeable", "non-rechargeable")


def test_the_reason_names_the_quoted_qualifier_then_the_asked_one() -> None:
    assert reason("sans fil", "filaire", "fr") == (
        "Les passages qui répondraient portent sur “filaire”, non sur “sans fil”."
    )
    assert reason("wireless", "wired", "en") == (
        "The passages that would answer are of “wired”, not “wireless”."
    )


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("What is the annual subscription price?", "The subscription costs 9 € per month."),
        ("What is the monthly price?", "The subscription costs 9 € per month, billed yearly."),
        ("Quel est le tarif mensuel ?", "Le tarif est de 9 € par mois, avec un engagement annuel."),
        ("Who refers patients to primary care?", "Patients are referred to secondary care."),
        ("Who handles the secondary on-call?", "Engineers on primary duty get 350 EUR a week."),
    ],
)
def test_qualifiers_a_thing_may_have_both_of_are_no_siblings(question: str, quote: str) -> None:
    assert opposed_qualifier(question, [quote]) is None  # review A of s26-qualifier
