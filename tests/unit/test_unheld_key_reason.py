"""The closest keys a lookup's reason names, and that reason's text (unheld_keys.closest,
abstention.no_row_names): document text in it is made visible and kept to one line."""

from __future__ import annotations

import pytest

from citeqa.abstention import no_row_names
from citeqa.unheld_keys import CLOSEST_NAMED, closest


@pytest.mark.parametrize(
    ("key", "keys", "nearest"),
    [
        ("6", ["0", "3", "4", "7", "9"], ["7", "4"]),
        ("42", ["0", "1", "2", "30", "40"], ["40", "30"]),
        ("BK-115", ["BK-101", "BK-105", "BK-110", "RT-02"], ["BK-110", "BK-105"]),
        ("--max-size", ["--dry-run", "--min-size", "--max-depth", "--jobs"], None),
        ("P-09", ["P-01", "P-01", "P-02"], ["P-02", "P-01"]),
    ],
)
def test_the_closest_keys_are_the_most_alike_then_the_nearest_in_number(
    key: str, keys: list[str], nearest: list[str] | None
) -> None:
    found = closest(key, keys)
    assert len(found) == min(CLOSEST_NAMED, len(set(keys)))
    if nearest is not None:
        assert found == nearest
    else:
        assert found[0] == "--min-size" and "--jobs" not in found


def test_a_key_of_thousands_of_digits_is_compared_by_its_first_ones() -> None:
    assert closest("5" * 5000, ["1", "5" * 4999, "9"])[0] == "5" * 4999


def test_the_reason_names_the_key_and_the_closest_keys_in_the_questions_language() -> None:
    assert no_row_names("--max-size", ["--min-size", "--max-depth"], "en") == (
        "No row of the tables names “--max-size”; the closest are --min-size, --max-depth."
    )
    assert no_row_names("50", ["40"], "fr") == (
        "Aucune ligne des tableaux ne porte “50” ; la plus proche est 40."
    )


def test_the_reason_shows_document_text_visible_on_one_line() -> None:
    reason = no_row_names("E9", ["E1\x1b[31m\nX", "E" + "7" * 500], "en")
    assert "\x1b" not in reason and "\n" not in reason
    assert "␛" in reason and "␊" in reason
    assert "(501 characters)" in reason and len(reason) < 300


def test_the_reason_shows_the_typed_key_visible_on_one_line() -> None:
    reason = no_row_names("E9\x1b[31m\nX", ["E1"], "en")
    assert "\x1b" not in reason and "\n" not in reason
    assert "␛" in reason and "␊" in reason


def test_a_reason_naming_no_close_key_says_only_the_key() -> None:
    """No key held of the asked number's magnitude: none is named (s25 hostile probe)."""
    assert no_row_names("20222", [], "en") == "No row of the tables names “20222”."
    assert no_row_names("20222", [], "fr") == "Aucune ligne des tableaux ne porte “20222”."
