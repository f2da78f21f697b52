"""A number the question writes beside a word ("l'INR est à 7", "a child of 14 years") held by
a cell writing a bound or a range around that word ("6 ≤ INR < 10", "de 3 à 5 ans"):
value_ranges.asked_quantities and holds_quantity. s34 trial: "Que faire si l'INR est à 7 ?"
quoted a sentence on bleeding, the row "6 ≤ INR < 10" ranked fourth."""

from __future__ import annotations

import pytest

from citeqa.value_ranges import Quantity, asked_quantities, holds_quantity

SEVEN = Quantity("inr", 7, True)


def test_the_word_before_a_number_or_its_unit_word_after_names_its_quantity() -> None:
    assert asked_quantities("Que faire si l'INR est à 7 sans saignement ?") == (SEVEN,)
    assert asked_quantities("What if the INR = 7?") == (SEVEN,)
    assert asked_quantities("Un enfant de 14 ans ?") == (Quantity("ans", 14, False),)


@pytest.mark.parametrize(
    "question",
    ["Quel est le QF de 750 € ?", "Que faire si l'INR > 10 ?", "Budget 2025 ?", "INR à 2,5 ?"],
)
def test_no_quantity_for_an_amount_a_bound_a_year_or_a_decimal(question: str) -> None:
    assert asked_quantities(question) == ()


@pytest.mark.parametrize(
    ("cell", "held"),
    [
        ("6 ≤ INR < 10", True),
        ("4 ≤ INR < 6", False),
        ("INR < 4", False),
        ("INR ≥ 10", False),
        ("INR >= 7", True),
        ("10 > INR >= 5", True),
        ("INR entre 6 et 10", True),
        ("INR supérieur à 6", True),
        ("INR from 8 to 12", False),
        ("contrôle INR le lendemain à 7 h", False),
        ("6 ≤ PSA < 10", False),
    ],
)
def test_a_bound_or_range_around_the_asked_word_holds_its_number(cell: str, held: bool) -> None:
    assert holds_quantity(cell, SEVEN) is held


@pytest.mark.parametrize(
    ("cell", "held"),
    [
        ("de 7 à 16 ans", True),
        ("de 0 à 6 ans", False),
        ("moins de 18 ans", True),
        ("< 12 ans", False),
    ],
)
def test_a_bound_or_range_before_the_asked_unit_word_holds_its_number(
    cell: str, held: bool
) -> None:
    assert holds_quantity(cell, Quantity("ans", 14, False)) is held


@pytest.mark.parametrize(
    "cell",
    ["Contrôle INR 7-10 jours après le début", "INR de 5 à 10 jours après l'arrêt"],
)
def test_a_range_followed_by_a_unit_word_bounds_that_unit_not_the_word_before(cell: str) -> None:
    """Review of s35-trialfix: these held INR 7, the days' range read as the INR's."""
    assert holds_quantity(cell, SEVEN) is False


def test_a_number_with_a_unit_word_after_it_is_no_value_of_the_word_before() -> None:
    """Review of s35-trialfix: "the fee for 3 nights" asked a fee of 3 ("Fee < 100" held it)
    and "tarif pour 2 personnes" a "pour" of 2."""
    assert asked_quantities("What is the fee for 3 nights?") == (Quantity("nights", 3, False),)
    assert asked_quantities("Quel tarif pour 2 personnes ?") == (Quantity("personnes", 2, False),)
    assert asked_quantities("Tarif pour un enfant de 14 ans ?") == (Quantity("ans", 14, False),)
    assert asked_quantities("Le chlore est à 4 mg/L ?") == (  # linked by "est": both
        Quantity("chlore", 4, True),
        Quantity("mg", 4, False),
    )


@pytest.mark.parametrize(
    ("cell", "held"),
    [("Nights ≥ 3", True), ("3 ≤ nights", True), ("nights < 3", False), ("2 < nights", True)],
)
def test_signs_around_the_asked_unit_word_bound_its_number(cell: str, held: bool) -> None:
    """Review of s35-trialfix: a quantity named by its unit word read no signs around it."""
    assert holds_quantity(cell, Quantity("nights", 3, False)) is held
