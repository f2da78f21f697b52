"""Quotes are widened to whole words, but a text without spaces does not widen them without end."""

from __future__ import annotations

from citeqa.quoting import WORD_MAX, _whole_words


def test_a_cut_word_is_completed_on_both_sides() -> None:
    text = "The response rate was 46.4% at week 76."
    start, end = text.index("sponse"), text.index("rate") + 2
    assert text[slice(*_whole_words(text, start, end))] == "response rate"


def test_a_text_without_spaces_widens_at_most_word_max_each_side() -> None:
    text = "a1" * 500_000
    start, end = _whole_words(text, 400_001, 400_101)
    assert (start, end) == (400_001 - WORD_MAX, 400_101 + WORD_MAX)
