"""The values a sentence states (disagreement.values), which tell a restatement with another
value from the same statement: digits with their groups of thousands, and number words."""

from __future__ import annotations

from citeqa.disagreement import values


def test_groups_of_thousands_are_one_value_whatever_the_space() -> None:
    assert values("fixé à 48 000 euros") == {"48000"}
    assert values("fixé à 48\u202f000 euros") == {"48000"}
    assert values("52 800 euros à compter du 1er juillet 2025") == {"52800", "1", "2025"}


def test_number_words_state_their_value_in_either_language() -> None:
    assert values("sous quinze jours") == {"15"} and values("within fifteen days") == {"15"}
    assert values("sous huit jours") != values("sous quinze jours")


def test_articles_that_also_mean_one_state_no_value() -> None:
    assert values("Une indemnité est versée à un salarié, one of them.") == frozenset()
