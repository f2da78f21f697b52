"""measured_keys.unheld_measure: a lookup by a measured key ("15 kVA") the table's key column
writes only with other figures."""

from __future__ import annotations

import pytest

from citeqa.measured_keys import unheld_measure as measure_in
from citeqa.split_keys import quoted_table
from citeqa.unheld_keys import UnheldKey


def unheld_measure(text: str, offset: int, question: str) -> UnheldKey | None:
    """measured_keys.unheld_measure of the table whose row holds `offset` of `text`, if any."""
    table = quoted_table(text, offset)
    return None if table is None else measure_in(table, question)


GRID = (
    "| Puissance souscrite | Abonnement mensuel |\n"
    "|---|---|\n"
    "| 3 kVA | 9,47 € |\n"
    "| 6 kVA | 12,44 € |\n"
    "| 9 kVA | 15,63 € |\n"
    "| 12 kVA | 18,89 € |\n"
)


def test_a_figure_no_key_writes_names_the_closest() -> None:
    found = unheld_measure(GRID, GRID.index("| 9 kVA"), "Combien coûte l'abonnement en 15 kVA ?")
    assert found is not None
    assert found.key == "15 kVA"
    assert found.closest == ["12 kVA", "9 kVA", "6 kVA"]


@pytest.mark.parametrize(
    ("row", "question"),
    [
        ("| 9 kVA", "Combien coûte l'abonnement en 6 kVA ?"),
        ("| 9 kVA", "Combien coûte l'abonnement en 9 kVA ?"),
        ("| 9 kVA", "Combien coûte l'abonnement le moins cher ?"),
        ("| 9 kVA", "Combien coûte l'abonnement pour 2 personnes ?"),
    ],
)
def test_a_figure_held_or_no_measured_key_is_none(row: str, question: str) -> None:
    assert unheld_measure(GRID, GRID.index(row), question) is None


def test_a_line_that_is_no_table_row_is_none() -> None:
    assert unheld_measure("L'abonnement 9 kVA coûte 15,63 €.", 0, "Le 15 kVA ?") is None
