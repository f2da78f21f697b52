"""split_keys.split_lookup: a table lookup naming keys its table writes only apart."""

from __future__ import annotations

import pytest

from citeqa.split_keys import quoted_table
from citeqa.split_keys import split_lookup as lookup_in
from citeqa.unheld_keys import UnheldKey


def split_lookup(text: str, offset: int, question: str, frame: str = "") -> UnheldKey | None:
    """split_keys.split_lookup of the table whose row holds `offset` of `text`, if any."""
    table = quoted_table(text, offset)
    return None if table is None else lookup_in(table, question, frame)


PRICES = (
    "| Service | Price |\n"
    "|---|---|\n"
    "| Consultation | £48 |\n"
    "| Cat neutering (female) | £120 |\n"
    "| Dog neutering (male) | £260 |\n"
)


def _at(row: str) -> int:
    return PRICES.index(row)


def test_keys_written_apart_name_the_closest() -> None:
    split = split_lookup(PRICES, _at("| Cat"), "How much does it cost to neuter a female dog?")
    assert split is not None
    assert split.key == "neuter female dog"
    assert split.closest[:2] == ["Cat neutering (female)", "Dog neutering (male)"]


@pytest.mark.parametrize(
    ("row", "question"),
    [
        ("| Cat", "How much does it cost to neuter a female cat?"),
        ("| Consultation", "How much is a consultation for a cat?"),
        ("| Dog", "How much is it to neuter a dog?"),
    ],
)
def test_a_row_naming_all_it_is_asked_by_or_nothing_else_stays(row: str, question: str) -> None:
    assert split_lookup(PRICES, _at(row), question) is None


def test_words_of_the_header_or_the_frame_are_no_keys() -> None:
    table = "| Tarif | Plein | Moins de 26 ans |\n|---|---|---|\n| Pass festival | 50 € | 25 € |\n"
    table += "| Concert du Nouvel An | 45 € | 20 € |\n"
    offset = table.index("| Pass")
    question = "Combien coûte le pass festival pour un moins de 26 ans ?"
    assert split_lookup(table, offset, question) is None
    ingredients = "| Ingredient | Amount |\n|---|---|\n| Cold butter | 125 g |\n| Lemons | 3 |\n"
    question = "How much butter goes in the lemon tart pastry?"
    assert split_lookup(ingredients, ingredients.index("| Cold"), question, "Lemon tart") is None
    assert split_lookup(ingredients, ingredients.index("| Cold"), question) is not None


def test_a_line_that_is_no_table_row_is_none() -> None:
    assert split_lookup("Neutering costs £120.", 0, "How much to neuter a female dog?") is None
