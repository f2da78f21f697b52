"""A repeating calendar event's days (readers/calendar.py keeps its rule as Document.series,
recurring_days.py expands it as far as a question needs): s32 trial a35, "le prochain ramassage
des sacs jaunes après le 15 octobre 2025" of a fortnightly collection was refused as a day no
document writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from citeqa.corpus import read_document
from citeqa.models import Series
from citeqa.recurring_days import (
    MAX_STEPS,
    Budget,
    days_in,
    expandable,
    first_after,
    last_before,
    may_fall_on,
)


def calendar(*events: str) -> str:
    """A calendar of `events` (each the lines inside one VEVENT)."""
    body = "".join(f"BEGIN:VEVENT\r\n{event}END:VEVENT\r\n" for event in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{body}END:VCALENDAR\r\n"


def series_of(tmp_path: Path, *events: str) -> list[Series]:
    (tmp_path / "cal.ics").write_text(calendar(*events), encoding="utf-8", newline="")
    document = read_document(tmp_path / "cal.ics", tmp_path, {})
    for series in document.series:  # the line it points at writes the rule in words
        assert "every" in document.text[series.start : series.end]
    return document.series


def days(series: Series, first: str, last: str) -> list[str] | None:
    found = days_in(series, date.fromisoformat(first), date.fromisoformat(last), Budget())
    return None if found is None else [day.isoformat() for day in found]


FORTNIGHTLY = (
    "UID:glass@x\r\nDTSTART;VALUE=DATE:20250109\r\nDTEND;VALUE=DATE:20250110\r\n"
    "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20251231\r\nEXDATE;VALUE=DATE:20250501\r\n"
    "SUMMARY:Glass collection\r\n"
)


def test_a_fortnightly_rule_falls_every_other_thursday_but_its_exdate(tmp_path: Path) -> None:
    (series,) = series_of(tmp_path, FORTNIGHTLY)
    assert series.first == "2025-01-09" and series.excluded == ["2025-05-01"]
    assert days(series, "2025-10-13", "2025-10-31") == ["2025-10-16", "2025-10-30"]
    assert days(series, "2025-10-15", "2025-10-15") == []  # a Wednesday
    assert days(series, "2025-10-09", "2025-10-09") == []  # a Thursday of the other week
    assert days(series, "2025-05-01", "2025-05-01") == []  # excluded
    assert days(series, "2026-01-08", "2026-01-08") == []  # past its UNTIL
    assert first_after(series, date(2025, 10, 15), Budget()) == date(2025, 10, 16)
    assert first_after(series, date(2025, 12, 25), Budget()) is None  # none after its end


def test_a_weekly_rule_naming_no_day_repeats_on_its_start_day(tmp_path: Path) -> None:
    (series,) = series_of(
        tmp_path, "UID:t@x\r\nDTSTART:20260107T180000\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Training\r\n"
    )
    assert days(series, "2026-03-01", "2026-03-07") == ["2026-03-04"]  # a Wednesday
    assert days(series, "2075-12-28", "2076-01-03") == ["2076-01-01"]  # a Wednesday, 50 years on


def test_a_monthly_rule_on_the_second_tuesday(tmp_path: Path) -> None:
    (series,) = series_of(
        tmp_path,
        "UID:m@x\r\nDTSTART;VALUE=DATE:20250114\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU\r\nSUMMARY:Board\r\n",
    )
    assert days(series, "2025-11-01", "2025-11-30") == ["2025-11-11"]
    assert days(series, "2025-11-04", "2025-11-04") == []  # the first Tuesday


def test_a_count_ends_the_rule(tmp_path: Path) -> None:
    (series,) = series_of(
        tmp_path,
        "UID:c@x\r\nDTSTART;VALUE=DATE:20250106\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Course\r\n",
    )
    assert days(series, "2025-01-01", "2025-03-01") == ["2025-01-06", "2025-01-13", "2025-01-20"]


def test_an_occurrence_moved_by_its_uid_is_no_longer_on_its_day(tmp_path: Path) -> None:
    moved = (
        "UID:glass@x\r\nRECURRENCE-ID;VALUE=DATE:20251016\r\nDTSTART;VALUE=DATE:20251017\r\n"
        "SUMMARY:Glass collection (moved)\r\n"
    )
    cancelled = (
        "UID:glass@x\r\nRECURRENCE-ID;VALUE=DATE:20251030\r\nDTSTART;VALUE=DATE:20251030\r\n"
        "STATUS:CANCELLED\r\nSUMMARY:Glass collection (cancelled)\r\n"
    )
    (series,) = series_of(tmp_path, FORTNIGHTLY, moved, cancelled)  # the overrides are none
    assert series.excluded == ["2025-05-01", "2025-10-16", "2025-10-30"]
    assert days(series, "2025-10-13", "2025-11-14") == ["2025-11-13"]


def test_an_until_in_utc_is_read_in_the_starts_time_zone(tmp_path: Path) -> None:
    # 22:30 UTC on 31 March is 00:30 on 1 April in Paris: the 1 April class is the last
    (series,) = series_of(
        tmp_path,
        "UID:z@x\r\nDTSTART;TZID=Europe/Paris:20260302T003000\r\n"
        "RRULE:FREQ=DAILY;UNTIL=20260331T223000Z\r\nSUMMARY:Night shift\r\n",
    )
    assert series.first == "2026-03-02T00:30:00"
    assert days(series, "2026-03-30", "2026-04-03") == ["2026-03-30", "2026-03-31", "2026-04-01"]


def test_an_rdate_adds_a_day(tmp_path: Path) -> None:
    (series,) = series_of(
        tmp_path,
        "UID:r@x\r\nDTSTART;VALUE=DATE:20250106\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\n"
        "RDATE;VALUE=DATE:20250301\r\nSUMMARY:Course\r\n",
    )
    assert days(series, "2025-02-01", "2025-03-31") == ["2025-03-01"]


def test_an_exdate_removes_a_day_its_rdate_adds(tmp_path: Path) -> None:
    """RFC 5545: EXDATE takes days out of the set RRULE and RDATE make (hostile s35 M1)."""
    (series,) = series_of(
        tmp_path,
        "UID:y@x\r\nDTSTART;VALUE=DATE:20250106\r\nRRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250630\r\n"
        "RDATE;VALUE=DATE:20250115\r\nEXDATE;VALUE=DATE:20250115\r\n"
        "EXDATE;VALUE=DATE:20250120\r\nRDATE;VALUE=DATE:20250120\r\nSUMMARY:Yoga\r\n",
    )
    assert days(series, "2025-01-15", "2025-01-15") == []
    assert days(series, "2025-01-14", "2025-01-21") == []
    assert first_after(series, date(2025, 1, 13), Budget()) == date(2025, 1, 27)
    assert last_before(series, date(2025, 1, 26), Budget()) == date(2025, 1, 13)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # no day: dateutil would iterate to the year 9999
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1",  # a part not read
        "FREQ=HOURLY",  # a frequency shorter than a day
        "FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=20",  # the first Monday is never the 20th
        "FREQ=DAILY;INTERVAL=7;BYDAY=MO",  # every 7 days from a Tuesday: never a Monday
        "FREQ=MONTHLY;BYDAY=5MO",  # not every month has a fifth Monday
        "FREQ=WEEKLY;FREQ=DAILY",
    ],
)
def test_a_rule_that_may_hold_no_day_for_long_is_not_expanded(rule: str) -> None:
    assert not expandable(rule)
    series = Series(start=0, end=1, first="2025-01-07", rule=rule)
    assert days(series, "2025-02-01", "2025-03-31") is None  # unknown: nothing claimed


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20251231",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=21",
        "FREQ=DAILY;COUNT=10",
    ],
)
def test_the_usual_rules_are_expanded(rule: str) -> None:
    assert expandable(rule)


def test_a_spent_budget_leaves_the_days_unknown() -> None:
    series = Series(start=0, end=1, first="1900-01-01", rule="FREQ=DAILY")
    assert days_in(series, date(2025, 1, 1), date(2025, 1, 1), Budget(1000)) is None
    assert days_in(series, date(2025, 1, 1), date(2025, 1, 1), Budget()) == [date(2025, 1, 1)]
    over_budget = Series(start=0, end=1, first="1000-01-01", rule="FREQ=DAILY")
    assert days_in(over_budget, date(2025, 1, 1), date(2025, 1, 1), Budget()) is None
    assert (date(2025, 1, 1) - date(1000, 1, 1)).days > MAX_STEPS


def test_a_rule_stepping_centuries_of_days_for_few_occurrences_is_charged_its_days() -> None:
    """Review of s33-rrule: the budget counted the occurrences dateutil returned (2,025 for
    one 28 February a year since the year 1), not the 739,000 days it stepped through
    (1.7 CPU s a series); the days of the periods are charged before dateutil runs."""
    rule = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=28"
    series = Series(start=0, end=1, first="0001-03-01", rule=rule)
    budget = Budget()
    assert days_in(series, date(2026, 3, 5), date(2026, 3, 5), budget) is None  # unknown
    assert first_after(series, date(2026, 3, 5), Budget()) is None
    assert budget.left == 0  # spent: later series of the same question are unknown too
    recent = Series(start=0, end=1, first="2020-03-01", rule=rule)
    assert days_in(recent, date(2026, 2, 28), date(2026, 2, 28), Budget()) == [date(2026, 2, 28)]
    assert first_after(recent, date(2026, 3, 5), Budget()) == date(2027, 2, 28)


def test_a_weekly_rule_is_charged_the_days_of_its_weeks() -> None:
    series = Series(start=0, end=1, first="1700-01-07", rule="FREQ=WEEKLY;BYMONTH=2")
    assert days_in(series, date(2026, 2, 3), date(2026, 2, 3), Budget()) is None
    every_other = Series(start=0, end=1, first="1700-01-07", rule="FREQ=WEEKLY;INTERVAL=2")
    thursday = date(2026, 2, 5)  # 326 years of fortnights from a Thursday: 59,000 days charged
    assert days_in(every_other, thursday, thursday, Budget()) == [thursday]


@pytest.mark.parametrize(
    "rules",
    [  # review of s33-rrule: the line says "every day", the rule gives 28 February only
        "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=28\r\n",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=WE,SU\r\n",  # its week start unsaid
        # two rules: the line says the first only, the second's days were said unwritten
        "RRULE:FREQ=WEEKLY;BYDAY=WE\r\nRRULE:FREQ=WEEKLY;BYDAY=FR\r\n",
    ],
)
def test_a_rule_its_line_does_not_say_in_full_leaves_the_days_unknown(
    tmp_path: Path, rules: str
) -> None:
    (series,) = series_of(
        tmp_path, f"UID:u@x\r\nDTSTART;VALUE=DATE:20250101\r\n{rules}SUMMARY:Meeting\r\n"
    )
    assert series.rule == ""
    assert days(series, "2025-02-28", "2025-02-28") is None  # unknown: nothing claimed
    assert days(series, "2025-01-03", "2025-01-03") is None


def test_a_day_its_rdate_adds_is_one_a_series_of_unknown_days_may_fall_on(tmp_path: Path) -> None:
    """s35 review: a Saturday RDATE of a "last Monday of the month" series (BYSETPOS: days
    unknown) was ruled out by its BYDAY."""
    (series,) = series_of(
        tmp_path,
        "UID:p@x\r\nDTSTART;VALUE=DATE:20250127\r\n"
        "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1;UNTIL=20251231\r\n"
        "RDATE;VALUE=DATE:20250315\r\nRDATE;VALUE=DATE:20250322\r\n"
        "EXDATE;VALUE=DATE:20250322\r\nSUMMARY:Staff meeting\r\n",
    )
    assert days(series, "2025-03-15", "2025-03-15") is None  # its days unknown
    assert may_fall_on(series, date(2025, 3, 15))
    assert not may_fall_on(series, date(2025, 3, 22))  # added, then excluded
    assert not may_fall_on(series, date(2025, 3, 8))  # a Saturday the rule rules out
