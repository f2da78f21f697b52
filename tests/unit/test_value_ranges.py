"""An amount the question asks ("750 €") held by a cell writing a range or a bound of its unit
("de 601 à 1 000 €", "≤ 600 €", "> 1 000 €", "from 601 to 1,000"): value_ranges.py."""

from __future__ import annotations

import pytest

from citeqa.value_ranges import (
    Amount,
    asked_amounts,
    covered_numbers,
    holds_amount,
    may_hold_amount,
    ranges,
    units_written,
)


def test_an_amount_is_a_number_then_its_unit_thousands_joined() -> None:
    assert asked_amounts("Un quotient familial de 750 € ou de 1 200 euros ?") == (
        Amount(750, "€"),
        Amount(1200, "€"),
    )
    assert asked_amounts("An income of $1,250 or 40 % or 12 EUR?") == (
        Amount(1250, "$"),
        Amount(40, "%"),
        Amount(12, "€"),
    )
    assert asked_amounts("Exit code 70 in 2025") == ()


@pytest.mark.parametrize(
    "cell",
    [
        "QF de 601 à 1 000 €",
        "601-1000",
        "601 – 1 000 €",
        "from 601 to 1,000",
        "between €601 and €1,000",
        "entre 601 et 1 000 €",
    ],
)
def test_an_amount_inside_a_range_of_its_unit_is_held(cell: str) -> None:
    header = "Quotient familial (€)"  # a cell writing no unit holds one its header writes
    assert holds_amount(cell, Amount(750, "€"), header)
    assert not holds_amount(cell, Amount(1200, "€"), header)
    assert not holds_amount(cell, Amount(500, "€"), header)


@pytest.mark.parametrize(
    ("cell", "inside", "outside"),
    [
        ("QF ≤ 600 €", 600, 601),
        ("QF < 600 €", 599, 600),
        ("QF > 1 400 €", 1401, 1400),
        ("≥ 1 400 €", 1400, 1399),
        ("up to 600", 600, 601),
        ("jusqu'à 600 €", 600, 601),
        ("plus de 1 400 €", 1401, 1400),
        ("over 1,400", 1401, 1400),
        ("au-delà de 1 400 €", 1401, 1400),
    ],
)
def test_an_amount_on_the_side_of_a_bound_is_held(cell: str, inside: int, outside: int) -> None:
    assert holds_amount(cell, Amount(inside, "€"), "Plafond en euros")
    assert not holds_amount(cell, Amount(outside, "€"), "Plafond en euros")


def test_a_cell_of_another_unit_holds_no_amount() -> None:
    assert not holds_amount("de 601 à 1 000 km", Amount(750, "€"))
    assert not holds_amount("≤ 600 %", Amount(500, "€"))
    assert not holds_amount("3,55 €", Amount(750, "€"))
    assert not holds_amount("2024-03-12", Amount(2024, "€"))


def test_ranges_read_spaced_thousands_as_one_number() -> None:
    assert list(ranges("de 601 a 1 000 €")) == [(601, 1000)]
    assert list(ranges("64 .. 78 (reserved)")) == [(64, 78)]
    assert list(ranges("2,80 € - 3,40 €")) == []


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le prix du repas pour un QF supérieur à 1 400 € ?",
        "Meal price for an income over $1,400?",
        "Prix pour un QF entre 601 et 1 000 € ?",
        "Price for incomes up to 600 €?",
    ],
)
def test_an_amount_the_question_writes_as_a_bound_or_a_range_is_no_value_asked(
    question: str,
) -> None:
    """s32 trial re-asked: "supérieur à 1 400 €" asked the row "QF > 1 400 €", and 1 400 as a
    value looked up the row "de 1 001 à 1 400 €"."""
    assert asked_amounts(question) == ()


@pytest.mark.parametrize(
    ("cell", "header", "amount"),
    [
        ("2018-2022", "Période", Amount(2020, "€")),
        ("under 18", "Age", Amount(10, "€")),
        ("08:00-18:00", "Horaires", Amount(15, "%")),
        ("601-1000", "", Amount(750, "€")),
        ("2018-2022", "Budget (€)", Amount(2020, "€")),
        ("2018 - 2022 €", "", Amount(2020, "€")),
        ("08:00-18:00", "Taux (%)", Amount(15, "%")),
    ],
)
def test_a_cell_of_no_unit_nor_a_range_of_years_or_times_holds_no_amount(
    cell: str, header: str, amount: Amount
) -> None:
    """Review of s32-trialfix: a cell writing no unit held any amount ("2018-2022" held
    2020 €, "under 18" 10 €, "08:00-18:00" 15 %)."""
    assert not holds_amount(cell, amount, header)


def test_only_a_cell_of_a_unit_and_a_joint_or_bound_may_hold_an_amount() -> None:
    """Review of s32-trialfix: the quick test before a table's ranges are read held nearly
    every cell (any two letters)."""
    for cell in ("Dupont Marie", "2,70 €", "601-1000", "Salle 12 rue des Lilas"):
        assert not may_hold_amount(cell), cell
    for cell in ("QF ≤ 600 €", "QF de 601 à 1 000 €", "plus de 1 400 euros"):
        assert may_hold_amount(cell), cell
    assert may_hold_amount("601-1000", header_writes_unit=True)
    assert units_written("QF (€)") == {"€"}


def test_the_asked_amounts_a_line_holds_by_a_range_or_a_bound_are_covered() -> None:
    table = "Quotient familial | Tarif\n≤ 600 € | 1,20 €\nde 601 à 1 000 € | 2,40 €\n"
    question = "Tarif pour un quotient de 700 €, de 450 € ou de 5 000 € ?"
    assert covered_numbers(question, [table]) == {700, 450}
    assert covered_numbers("Tarif pour 700 km ?", [table]) == frozenset()
    assert covered_numbers("Quel tarif ?", [table]) == frozenset()
    # a line's unit is its own or its table header's, not one written elsewhere (s34 review)
    price = "Tarifs d'impression\n\nPages 601-1000\nForfait : 40 €\n"
    assert covered_numbers("Le tarif pour 700 € ?", [price]) == frozenset()
    headed = "| Quotient (€) | Tarif |\n|---|---|\n| 601 à 1 000 | 2,40 |\n"
    assert covered_numbers("Le tarif pour 700 € ?", [headed]) == {700}
