"""unheld_row_days.py: the weekday a question asks of, in either language (s57 trial)."""

from __future__ import annotations

import pytest

from citeqa.unheld_row_days import asked_weekday, writes_weekday


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who works on Sunday in week 10?", ("SU", "Sunday")),
        ("Qui travaille le dimanche ?", ("SU", "dimanche")),
        ("Who works on Sunday and Monday?", None),  # two weekdays: none asked
        ("Who works in week 10?", None),
    ],
)
def test_the_weekday_asked(question: str, asked: tuple[str, str] | None) -> None:
    assert asked_weekday(question) == asked


def test_a_weekday_written_by_its_full_name() -> None:
    assert writes_weekday("Sunday: closed", "SU")
    assert writes_weekday("Fermé le dimanche.", "SU")
    assert not writes_weekday("Monday to Friday: 7:00 to 18:00", "SU")
