"""A season or financial year asked as a span of two years (unheld_periods.py)."""

from __future__ import annotations

import pytest

from citeqa.unheld_periods import UnheldPeriod, periods_written, unheld_period


def test_a_span_of_two_following_years_is_read_in_its_spellings() -> None:
    text = "comptes_2024-2025, saison 2023/24, exercice 2022 – 2023, bilan_2021_2022"
    assert list(periods_written(text)) == [(2024, 2025), (2023, 2024), (2022, 2023), (2021, 2022)]


@pytest.mark.parametrize(
    "text", ["2024-03-01", "INC-2024-2025-1", "de 2019 à 2024", "2019-2024", "12024-2025"]
)
def test_a_date_a_code_or_a_longer_span_is_no_period(text: str) -> None:
    assert periods_written(text) == {}


def test_a_span_the_answer_never_writes_beside_another_is_unheld() -> None:
    """s29 trial: "dépensé en arbitrage en 2024-2025" quoted the 2025-2026 forecast's row."""
    question = "Combien le club a-t-il dépensé en arbitrage en 2024-2025 ?"
    assert unheld_period(question, ["previsions_2025-2026", "| Arbitrage | 3100 |"]) == (
        UnheldPeriod("2024-2025", ["2025-2026"])
    )
    assert unheld_period(question, ["comptes_2024-25", "| Arbitrage | 2940 |"]) is None
    assert unheld_period(question, ["| Arbitrage | 2940 |"]) is None, "undated: no sibling"
    assert unheld_period("Arbitrage en 2024 ?", ["previsions_2025-2026"]) is None


def test_a_span_across_a_century_is_read() -> None:
    """Review D of s29: "1999-00" was read as 1999 to 1900, no span."""
    assert periods_written("saison 1999-00, exercice 2099/00") == {
        (1999, 2000): "1999-00",
        (2099, 2100): "2099/00",
    }
