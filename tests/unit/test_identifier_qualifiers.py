"""A question asking an identifier by its qualifier answered by a quote keying another
identifier abstains naming both (identifier_qualifiers.py)."""

from __future__ import annotations

import pytest

from citeqa.identifier_qualifiers import (
    UnheldQualifier,
    asked_qualifier,
    keyed_qualifiers,
    unheld_qualifier,
)

POLICY = "Insurer: Channel Direct Insurance Ltd   Policy number: CDI-MTR-55902817"
FISCAL = "Numéro fiscal du déclarant 1 : 1 23 45 678 901 234"


@pytest.mark.parametrize(
    ("question", "quote", "found"),
    [
        ("What is my tax number?", POLICY, UnheldQualifier("tax number", "Policy number")),
        (
            "Quel est notre numéro de PDL ?",
            FISCAL,
            UnheldQualifier("numéro de PDL", "Numéro fiscal"),
        ),
        (
            "home insurance contract number",
            POLICY,
            UnheldQualifier("contract number", "Policy number"),
        ),
    ],
)
def test_another_identifiers_quote_is_named(
    question: str, quote: str, found: UnheldQualifier
) -> None:
    assert unheld_qualifier(question, [quote]) == found


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("What is the car insurance policy number?", POLICY),
        ("Quel est notre numéro fiscal ?", FISCAL),
        ("numéro de contrat habitation", "Assureur : MRA   Contrat n° HAB-7781-2093"),  # FR key
        ("contract number of the home insurance", "Contrat n° HAB-7781-2093"),  # contrat
        ("What is the IBAN?", POLICY),  # no identifier asked by a qualifier
        ("What is my tax number?", "Your number: 1 23 45"),  # no other qualifier keyed
        ("phone number of the agency", "A policy number is sent by mail."),  # no value keyed
        ("What is the serial number of the Prise Duo?", "Bonjour, mon n° de série VP20-77A412"),
        ("pediatrician's phone number", "Useful numbers\nPediatrician: 01 99 00 45 67"),
    ],
)
def test_a_quote_writing_the_asked_qualifier_or_keying_no_other_stands(
    question: str, quote: str
) -> None:
    assert unheld_qualifier(question, [quote]) is None


def test_qualifiers_are_read_before_english_nouns_and_after_french_ones() -> None:
    assert asked_qualifier("What is my phone number?") == ("phone", "phone number")
    assert asked_qualifier("Quel est le numéro de téléphone ?") == (
        "telephone",
        "numéro de téléphone",
    )
    assert asked_qualifier("What number is on the door?") is None  # "what" qualifies nothing
    assert asked_qualifier("the same number") is None  # "same" qualifies no kind
    assert keyed_qualifiers("N° de contrat : 12", valued=True) == [("contrat", "N° de contrat")]
