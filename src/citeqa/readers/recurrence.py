"""A calendar event's recurrence rule (RRULE, RFC 5545) in words, in the calendar's language:
"every week on Wednesday until 2026-06-24", "chaque semaine le mercredi jusqu'au 2026-06-24".

A weekly training is one VEVENT whose RRULE repeats it; written once at its first date it
answered no question asking which day it takes place (s29 trial: "Quel jour a lieu
l'entraînement des U13 ?" of a club's planning.ics). The words are data
(citeqa/data/recurrence_words.json, English and French); a date is written in ISO form, as the
calendar reader writes dates, so dates.py reads it. Only a rule's frequency, interval, days,
end date and count are written: a rule whose frequency is missing or unknown is written as
nothing; its days are left out (never misstated) when a day is not one the words say (an
ordinal past the data's) or another part narrows them (BYSETPOS, BYMONTH…: NARROWING_PARTS);
any other part whose value is not what RFC 5545 allows is left out alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from citeqa.jsonfiles import data_json

_BYDAY = re.compile(r"(?P<ordinal>[+-]?[1-5])?(?P<day>MO|TU|WE|TH|FR|SA|SU)")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NARROWING_PARTS = frozenset({"BYSETPOS", "BYMONTH", "BYMONTHDAY", "BYWEEKNO", "BYYEARDAY"})
"""Rule parts that narrow which days the event falls on in ways the words do not say ("the last
Monday" of BYDAY=MO;BYSETPOS=-1, September's first Monday of BYMONTH=9;BYDAY=1MO): a rule
holding one is written without its days, which would misstate them (s29 review A)."""
MAX_DAYS = 7
"""The most BYDAY days written (a rule naming more repeats itself or is malformed)."""


@cache
def _words(language: str) -> Mapping[str, Any]:
    """recurrence_words.json's words of `language` ("en" or "fr")."""
    data: Mapping[str, Any] = data_json("recurrence_words.json")[language]
    return data


def recurrence_words(rule: Mapping[str, Sequence[object]], start: date, language: str) -> str:
    """`rule` (icalendar's vRecur: each part's values in a list) of an event starting at
    `start`, in words of `language`; "" when its frequency is missing or unknown."""
    words = _words(language)
    frequency = _first(rule, "FREQ")
    if not isinstance(frequency, str) or frequency.upper() not in words["every"]:
        return ""
    frequency = frequency.upper()
    interval = _first(rule, "INTERVAL")
    if isinstance(interval, int) and not isinstance(interval, bool) and 1 < interval < 1000:
        parts = [words["every_n"][frequency].format(n=interval)]
    else:
        parts = [words["every"][frequency]]
    days = "" if NARROWING_PARTS & {str(part).upper() for part in rule} else _days(rule, words)
    if days is None and frequency == "WEEKLY" and "BYDAY" not in rule:
        days = _start_day(start, words)
    if days:
        parts.append(words["on"].format(days=days))
    until = _first(rule, "UNTIL")
    count = _first(rule, "COUNT")
    if isinstance(until, date):
        parts.append(words["until"].format(date=until.strftime("%Y-%m-%d")))
    elif isinstance(count, int) and not isinstance(count, bool) and count > 0:
        parts.append(words["times"].format(n=count))
    return " ".join(parts)


SAID_PARTS = frozenset({"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"})
"""The rule parts `recurrence_words` can say (WKST only at its default, Monday)."""


def says_every_part(rule: Mapping[str, Sequence[object]], start: date) -> bool:
    """Whether `recurrence_words` writes every part of `rule`, none left out: a line saying
    "every day" of FREQ=DAILY;BYMONTH=2;BYMONTHDAY=28 is no line to quote for its days
    (review of s33-rrule). Asked of a rule whose words are written (calendar.repeating_series
    checks that first)."""
    parts = {str(part).upper() for part in rule}
    interval, count, until = _first(rule, "INTERVAL"), _first(rule, "COUNT"), _first(rule, "UNTIL")
    unsaid = [
        not parts <= SAID_PARTS,
        "INTERVAL" in parts and not (_whole(interval) and 1 <= int(str(interval)) < 1000),
        "BYDAY" in parts and not _days(rule, _words("en")),
        "UNTIL" in parts and not isinstance(until, date),
        "COUNT" in parts and ("UNTIL" in parts or not (_whole(count) and int(str(count)) > 0)),
        "WKST" in parts and str(_first(rule, "WKST")).upper() != "MO",
    ]
    return not any(unsaid)


def _whole(value: object) -> bool:
    """Whether `value` is a whole number (no bool)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _first(rule: Mapping[str, Sequence[object]], part: str) -> object | None:
    """The first value of the rule's `part`, None when it has none."""
    values = rule.get(part)
    if isinstance(values, (list, tuple)):
        return values[0] if values else None
    return values


def _days(rule: Mapping[str, Sequence[object]], words: Mapping[str, Any]) -> str | None:
    """The rule's BYDAY days in words ("Monday and Thursday", "the last Friday"); None when it
    names none, "" when it names one the words cannot say (an ordinal past the data's, "-2FR":
    the second-to-last Friday is no "Friday"), more than MAX_DAYS, or any that is no day."""
    values = rule.get("BYDAY")
    if not isinstance(values, (list, tuple)):
        values = [] if values is None else [values]
    if not values:
        return None
    if len(values) > MAX_DAYS:
        return ""
    named = [_day(str(value).upper(), words) for value in values]
    if not all(named):
        return ""
    if len(named) == 1:
        return named[0]
    return str(words["comma"]).join(named[:-1]) + str(words["and"]) + named[-1]


def _day(value: str, words: Mapping[str, Any]) -> str:
    """A BYDAY value ("WE", "1MO", "-1FR") in words, "" when it is none or its ordinal is
    none the words say ("-2FR")."""
    match = _BYDAY.fullmatch(value.strip())
    if match is None:
        return ""
    day = str(words["days"][match["day"]])
    ordinal = match["ordinal"]
    if ordinal is None:
        return day
    ordinal_word = words["ordinals"].get(ordinal.lstrip("+"))
    return str(words["ordinal_day"]).format(ordinal=ordinal_word, day=day) if ordinal_word else ""


def weekday_name(day: date, language: str) -> str:
    """The weekday of `day` in words of `language` ("Thursday", "jeudi"; English for any
    other language)."""
    return _start_day(day, _words(language if language in ("en", "fr") else "en"))


def _start_day(start: date, words: Mapping[str, Any]) -> str:
    """The weekday of `start` in words: a weekly rule naming no day repeats on it."""
    return str(words["days"][_WEEKDAYS[start.weekday()]])
