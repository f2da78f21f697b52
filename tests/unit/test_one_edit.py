"""One edit apart, read the same way by every typo rule (one_edit.py)."""

from __future__ import annotations

import pytest

from citeqa.one_edit import one_edit_apart, written_words


@pytest.mark.parametrize(
    ("typed", "other"),
    [("helais", "helias"), ("cancle", "cancel"), ("suported", "supported"), ("whcih", "which")],
)
def test_one_letter_changed_added_dropped_or_two_neighbours_swapped(typed: str, other: str) -> None:
    assert one_edit_apart(typed, other)


@pytest.mark.parametrize(
    ("typed", "other"), [("helias", "helias"), ("saturo", "satoru"), ("plan", "plane ok")]
)
def test_the_same_word_or_two_edits_are_not_one_edit(typed: str, other: str) -> None:
    assert not one_edit_apart(typed, other)


def test_the_written_words_are_folded_once() -> None:
    assert written_words(["Hélias naît,", "en 1914"]) == {"helias", "nait", "en", "1914"}
