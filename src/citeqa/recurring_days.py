"""The days a repeating calendar event falls on (Document.series, kept by readers/calendar.py),
computed only as far as a question needs them.

A calendar writes a weekly collection once, at its first date, with its rule in words
("Tri: 2025-01-09, toutes les 2 semaines le jeudi jusqu'au 2025-12-31"); a question asking
"le prochain ramassage après le 15 octobre 2025" or "on 16 October 2025" asks a day the folder
never writes (s32 trial a35). Here a series' rule (RFC 5545 RRULE) is expanded by dateutil's
rrule (python-dateutil, icalendar's own dependency: the maintained implementation of the RFC,
not one written here), its EXDATE days and the days other events of its UID move or cancel
left out, its RDATE days added.

Bounded cost: each question gives a Budget of MAX_STEPS days, all series together. dateutil
builds each period it steps through day by day, whether it yields or not (a daily rule on 28
February steps through 365 days a year for one occurrence), so a series is charged up front the
days of the periods from its first start to the last day asked (`_periods_cost`), before
dateutil runs, and dateutil stops at the first occurrence past that day. A series costing more
than is left, or one whose rule `expandable` does not vouch for, is unknown (None): nothing is
claimed of its days either way. dateutil iterates a rule that matches no day up to
the year 9999 without yielding (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 took 8 s here), so only rules
that yield in every few periods are expanded (`expandable`): a frequency of days or longer,
BYDAY, BYMONTH and BYMONTHDAY in forms every period holds; any other rule is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType

from citeqa.dates import iso_day
from citeqa.models import Series

__all__ = [
    "MAX_STEPS",
    "Budget",
    "days_in",
    "expandable",
    "first_after",
    "last_before",
    "may_fall_on",
    "series_span",
]

MAX_STEPS = 100_000
"""The most days of periods one question has dateutil step through, all series together: a
daily rule over 50 years is 18,263 (80 ms here); a folder of 10,000 daily rules, each skipping
the asked day, spends it all (benchmarks/series_days_cost.py prints both)."""
_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
"""The most days of one period of each frequency: dateutil's work for one period."""
_PARTS = frozenset({"FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST", "BYDAY", "BYMONTH", "BYMONTHDAY"})
"""The rule parts `expandable` reads; a rule holding another (BYSETPOS, BYHOUR…) is unknown."""
_FREQUENCIES = frozenset({"YEARLY", "MONTHLY", "WEEKLY", "DAILY"})
_ORDINAL_DAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
FEWEST_MONTH_DAYS = 28
"""Every month has a day of each number up to this one, and 4 of each weekday."""


@dataclass
class Budget:
    """How many more occurrences the question may expand."""

    left: int = MAX_STEPS

    def spend(self, days: int = 1) -> bool:
        """Spends `days`; False when fewer were left (then none is)."""
        self.left -= days
        if self.left < 0:
            self.left = 0
            return False
        return True


def expandable(rule: str) -> bool:
    """Whether dateutil yields the rule's occurrences within a few periods each (see the
    module's docstring): the rule's parts are of `_PARTS`, its frequency of `_FREQUENCIES`,
    and each period holds a day it names."""
    parts = _parts(rule)
    if parts is None or not parts.keys() <= _PARTS or parts.get("FREQ") not in _FREQUENCIES:
        return False
    frequency, interval = parts["FREQ"], _number(parts.get("INTERVAL", "1"))
    if interval is None or not 1 <= interval <= 1000:
        return False
    days = [_ORDINAL_DAY.fullmatch(day) for day in parts.get("BYDAY", "").split(",") if day]
    if not all(days) or ("BYDAY" in parts and "BYMONTHDAY" in parts):
        return False
    ordinals = [_number(match.group(1)) for match in days if match and match.group(1)]
    if ordinals and (frequency in ("WEEKLY", "DAILY") or not _ordinals_held(ordinals, parts)):
        return False
    month_days = [_number(day) for day in parts.get("BYMONTHDAY", "").split(",") if day]
    if not all(day is not None and 1 <= abs(day) <= FEWEST_MONTH_DAYS for day in month_days):
        return False
    if frequency == "DAILY" and interval > 1 and (days or month_days):
        return False  # every 7 days on a Monday from a Tuesday: never
    return "BYMONTH" not in parts or frequency == "YEARLY" or interval == 1


def _ordinals_held(ordinals: list[int | None], parts: Mapping[str, str]) -> bool:
    """Whether each period holds the nth weekdays named: up to the 4th in a month, the 52nd
    in a year."""
    most = 52 if parts["FREQ"] == "YEARLY" and "BYMONTH" not in parts else 4
    return all(number is not None and 1 <= abs(number) <= most for number in ordinals)


RULES_KEPT = 256
"""How many rules' parts are kept read (`_parts`): a question asking a day reads a series' rule
each time its days are stepped through (`expandable`, `_periods_cost`)."""


@lru_cache(maxsize=RULES_KEPT)
def _parts(rule: str) -> Mapping[str, str] | None:
    """The rule's parts by name ("FREQ": "WEEKLY"), None when one is written twice or is no
    NAME=VALUE; read once a rule (RULES_KEPT kept), read-only."""
    parts: dict[str, str] = {}
    for part in rule.upper().split(";"):
        name, equals, value = part.partition("=")
        if not equals or name in parts:
            return None
        parts[name] = value
    return MappingProxyType(parts)


def _number(text: str | None) -> int | None:
    """A whole number written in `text`, None when it is none."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def days_in(series: Series, first: date, last: date, budget: Budget) -> list[date] | None:
    """The days from `first` to `last` (both included) the series falls on, in order; None
    when that is unknown (its rule not `expandable`, or the budget spent)."""
    found: set[date] = set()
    for day in _days(series, last, budget):
        if day is None:
            return None
        if day >= first:
            found.add(day)
    found |= {day for day in _added(series) if first <= day <= last}
    return sorted(found)


def first_after(series: Series, day: date, budget: Budget) -> date | None:
    """The first day after `day` the series falls on; None when it falls on none or that is
    unknown (`days_in`)."""
    added = [later for later in _added(series) if later > day]
    for found in _days(series, None, budget, after=day):
        if found is None:
            return None
        if found > day:
            return min([found, *added])
    return min(added, default=None)


def last_before(series: Series, day: date, budget: Budget) -> date | None:
    """The last day before `day` the series falls on; None when it falls on none or that is
    unknown (`days_in`)."""
    found = days_in(series, date.min, day - timedelta(days=1), budget) if day > date.min else []
    return None if not found else found[-1]


def _days(
    series: Series, last: date | None, budget: Budget, after: date | None = None
) -> Iterator[date | None]:
    """The series' days in order up to `last`, or (no `last`) up to its first one past
    `after`, its excluded ones left out, from its rule; a None (then no more) when its rule is
    not `expandable` or the budget does not hold the periods stepped through (`_periods_cost`,
    charged up front as far as `last` or `after`, then for the steps past `after`)."""
    start = _start(series)
    reach = last or after
    if start is None or reach is None or not budget.spend(_periods_cost(series.rule, start, reach)):
        yield None
        return
    moments = _occurrences(series)
    if moments is None:
        yield None
        return
    excluded = set(series.excluded)
    for moment in moments:
        day = moment.date()
        if day > reach:
            if last is not None:
                return  # dateutil is asked no further than the last day asked
            if not budget.spend(_periods_cost(series.rule, reach, day)):
                yield None
                return
            reach = day
        if day.isoformat() not in excluded:
            yield day


def _periods_cost(rule: str, start: date, reach: date) -> int:
    """The days of the periods of `rule` (an `expandable` one) dateutil steps through from
    `start` to `reach`: every INTERVAL-th period, each of its frequency's most days, and one
    more past `reach`."""
    parts = _parts(rule) or {}
    period = _PERIOD_DAYS.get(parts.get("FREQ", ""), 1)
    interval = max(_number(parts.get("INTERVAL", "1")) or 1, 1)
    span = max((reach - start).days, 0)
    return (span // (period * interval) + 2) * period


def _start(series: Series) -> date | None:
    """The day of the series' first start, None when it names none."""
    try:
        return datetime.fromisoformat(series.first).date()
    except ValueError:
        return None


def _occurrences(series: Series) -> Iterator[datetime] | None:
    """dateutil's occurrences of the series' rule from its first start, None when the rule is
    not `expandable` or dateutil refuses it."""
    from dateutil.rrule import rrulestr  # imported when a question asks a day of a series

    if not expandable(series.rule):
        return None
    try:
        moment = datetime.fromisoformat(series.first)
        return iter(rrulestr(series.rule, dtstart=moment.replace(tzinfo=None)))
    except (ValueError, TypeError, OverflowError):
        return None


def _added(series: Series) -> list[date]:
    """The days its RDATEs add, but those it excludes: RFC 5545 takes EXDATE days (and the
    occurrences other events of its UID move) out of the set RRULE and RDATE make."""
    excluded = set(series.excluded)
    return [
        found
        for day in series.added
        if (found := iso_day(day)) is not None and found.isoformat() not in excluded
    ]


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def may_fall_on(series: Series, day: date) -> bool:
    """Whether the series may fall on `day` when its days are unknown (`days_in` gives None):
    not when it excludes the day, nor when its rule (`rule`, else its `bounds`) ends before it
    (UNTIL) or names weekdays (BYDAY, any ordinal), months (BYMONTH) or days of the month
    (BYMONTHDAY, counted from the start only) the day is none of. A "last weekday of the
    month" series (BYSETPOS) read first had made every Saturday one a series may fall on (s34
    hostile probe). A day its RDATEs add (not excluded) it falls on whatever its rule
    says (s35 review)."""
    parts = _parts(series.rule or series.bounds)
    if day.isoformat() in series.excluded:
        return False
    if day.isoformat() in series.added:  # not excluded (above); each written ISO: calendar._day_of
        return True
    if not parts:
        return True
    until = iso_day(_until_day(parts.get("UNTIL", "")))
    if until is not None and day > until:
        return False
    weekdays = {
        match.group(2) for match in map(_ORDINAL_DAY.fullmatch, _listed(parts, "BYDAY")) if match
    }
    if weekdays and _WEEKDAYS[day.weekday()] not in weekdays:
        return False
    if not _names(parts, "BYMONTH", day.month):
        return False
    return _names(parts, "BYMONTHDAY", day.day)


def _listed(parts: Mapping[str, str], name: str) -> list[str]:
    """The comma-separated values of the rule's part `name` ([] when it has none)."""
    return [value for value in parts.get(name, "").split(",") if value]


def _names(parts: Mapping[str, str], name: str, number: int) -> bool:
    """Whether the rule's part `name` (numbers) holds `number`, or may (it has none, or one it
    counts from the end or does not read)."""
    numbers = [_number(value) for value in _listed(parts, name)]
    if not numbers or any(value is None or value < 0 for value in numbers):
        return True
    return number in numbers


def _until_day(until: str) -> str:
    """An RRULE's UNTIL ("20251231", "20251231T230000Z") as "2025-12-31"; "" when it has none."""
    digits = until[:8]
    return (
        f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if digits.isdigit() and len(digits) == 8 else ""
    )


def series_span(series: Series) -> tuple[date, date] | None:
    """The series' first day and the last its rule's UNTIL allows (its `rule`, else its
    `bounds`); None when it has no UNTIL (COUNT or none: no day bounds it here) or no first."""
    first = _start(series)
    parts = _parts(series.rule or series.bounds) or {}
    last = iso_day(_until_day(parts.get("UNTIL", "")))
    return None if first is None or last is None or last < first else (first, last)
