"""extreme_rows.asked_extreme: the superlatives a question asks a row by (s57 trial)."""

from __future__ import annotations

import pytest

from citeqa.extreme_rows import Extreme, asked_extreme


@pytest.mark.parametrize(
    ("question", "highest", "price"),
    [
        ("Which is the most expensive pastry?", True, True),
        ("Quel est le vin le moins cher ?", False, True),
        ("Which pastry is the cheapest?", False, True),
        ("Which fridge had the highest temperature?", True, False),
        ("Quelle est la note la plus basse ?", False, False),
    ],
)
def test_a_superlative_asks_the_highest_or_lowest(
    question: str, highest: bool, price: bool
) -> None:
    asked = asked_extreme(question)
    assert isinstance(asked, Extreme)
    assert (asked.highest, asked.price) == (highest, price)


@pytest.mark.parametrize(
    "question",
    [
        "What is the price of a croissant?",
        "Is the highway open?",
        "Plus tard ?",
        "Who worked at least 3 shifts?",  # a bound, not a superlative
    ],
)
def test_no_superlative(question: str) -> None:
    assert asked_extreme(question) is None
