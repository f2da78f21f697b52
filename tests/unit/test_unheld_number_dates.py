"""unheld_numbers: a date's day writes no keyed number ("1 January 2023" is no "work package
1"; s46 trial: "Who leads work package 1?" of a report on work packages 2 and 3 quoted the
work package 3 lead)."""

from __future__ import annotations

from citeqa.unheld_numbers import unheld_number

REPORT = (
    "The project started on 1 January 2023 and runs for 42 months. "
    "The delivery of the calorimeter was delayed by four months, which postponed work package 2. "
    "Dr Kwame Asante leads work package 3 on system modelling."
)


def test_a_dates_day_is_no_asked_number() -> None:
    unheld = unheld_number("Who leads work package 1?", [], [REPORT], [])
    assert unheld is not None
    assert unheld.held == ["package 2", "package 3"]


def test_a_french_dates_day_is_none_either() -> None:
    report = REPORT.replace("1 January 2023", "1 janvier 2023")
    assert unheld_number("Qui dirige le work package 1 ?", [], [report], []) is not None


def test_the_number_written_outside_a_date_is_held() -> None:
    written = REPORT + " Work package 1 covers the synthesis of 1 candidate."
    assert unheld_number("Who leads work package 1?", [], [written], []) is None
