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
        (  # "order" is no "Border" (91 alike): a short word is matched whole
            "What is my order number?",
            POLICY.replace("Channel", "Border"),
            UnheldQualifier("order number", "Policy number"),
        ),
        (  # nor "tax" a "taxi" (86 alike)
            "What is my tax number?",
            POLICY + " (taxi cover)",
            UnheldQualifier("tax number", "Policy number"),
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


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("What is the maximum number of days to return an item?", "Order number: 48213"),
        ("minimum number of participants", "Booking number: 7781"),
        ("Quel est le numéro de TVA ?", "N° TVA intracommunautaire : FR 12 345678901"),
        ("What is the VAT number?", "Numéro de TVA : FR 12 345678901"),
        ("What is the meter number?", "Numéro de compteur : 0012 3456"),
        ("What is my invoice number?", "Bill number: 2025-0042"),
        ("What is the tracking number?", "Numéro de colis : 6A12345678901"),
        ("What is the zorg number?", "Policy number: CDI-MTR-55902817"),  # unknown asked kind
        ("What is my tax number?", "Flurb number: 1234 5678"),  # unknown held kind
    ],
)
def test_a_count_a_synonym_or_an_unknown_qualifier_is_no_other_identifier(
    question: str, quote: str
) -> None:
    """Review D: counts, synonyms and other-language writings abstained."""
    assert unheld_qualifier(question, [quote]) is None


def test_a_passage_writing_the_asked_qualifier_holds_it() -> None:
    """The home policy's passage writes "Contrat Habitation" over its "N° de police"."""
    quote = "N° de police : HAB-2231"
    passage = "Contrat Habitation Confort\n\nNuméro de sociétaire : 1234567 H\n\n" + quote
    assert unheld_qualifier("numéro de contrat habitation", [quote], [passage]) is None
    found = unheld_qualifier("numéro de contrat habitation", [quote], [quote])
    assert found == UnheldQualifier("numéro de contrat", "N° de police")
