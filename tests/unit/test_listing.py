"""citeqa.listing.first: the head of a list and how many items it leaves out."""

from __future__ import annotations

from citeqa.listing import LISTED, first


def test_first_cuts_a_long_list_and_counts_the_rest() -> None:
    items = list(range(LISTED + 7))
    head, more = first(items)
    assert list(head) == items[:LISTED] and more == 7


def test_first_keeps_a_short_list_whole_and_none_lists_everything() -> None:
    assert first([1, 2, 3], 5) == ([1, 2, 3], 0)
    assert first([1, 2, 3], 3) == ([1, 2, 3], 0)
    assert first(list(range(500)), None) == (list(range(500)), 0)
