"""The number marks holding a sign (language data `number_marks`) are read glued to a number
or to the word before it (number_marks.py), those of letters alone never."""

from __future__ import annotations

import pytest

from citeqa.number_marks import glued_mark_after, without_glued_mark


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("#4512", "4512"),
        ("n°2025-16", "2025-16"),  # s21 review: "n°2025-16" stayed the key
        ("N°2025-16", "2025-16"),
        ("nº12", "12"),
        ("№7", "7"),
        # no number after the sign, or a mark of letters alone: a word as written
        ("#devops", "#devops"),
        ("no2", "no2"),
        ("Nr4", "Nr4"),
        ("4512", "4512"),
    ],
)
def test_a_sign_mark_glued_before_a_number_is_no_part_of_it(word: str, number: str) -> None:
    assert without_glued_mark(word) == number


@pytest.mark.parametrize(
    ("token", "length"),
    [("ticket#", 1), ("PR№", 1), ("#", 0), ("ticket", 0), ("piano", 0)],
)
def test_a_sign_mark_glued_after_a_word_is_counted(token: str, length: int) -> None:
    assert glued_mark_after(token) == length
