"""Owns a question asking a time of day ("What time does the Belém tower open?", "À quelle
heure part le train pour Sintra ?") whose quotes write none: another candidate writing a time
and a word of the question answers instead (among the first TIME_RANKS), or the answer abstains
saying that the passages that would answer write no time.

asked_values.py reads the "time" kind (its cues, on the folded question; its shape: "09 h 11",
"20:00", "9am", "à 9 heures", "midi", "closed") to weigh candidates, which leaves a quote
writing no time standing when no candidate of its document writes one. s52 trial (a traveller's
folder): "What time does the Belém tower open?" quoted the itinerary's "- Morning: Belém tower
and the Jerónimos monastery." (a near miss: no document gives its opening hours), and "À
quelle heure part le train pour Sintra ?" quoted "- Day trip to Sintra: train from Rossio
station, every 20 minutes, about 40 minutes each way." (now refused: the ticket's "Départ : 09 h
11" writes none of the question's words). And a first candidate writing a time but not the thing
asked gives way to a near one writing both (`subject_words`, promotions.timed_subject_first):
"What time is dinner on Friday?" quoted the flight's "Departs Friday 20 November 2026 at
07:35", not "- Dinner booked at Taberna da Rua at 20:00.". A closed question ("Is it open at
9:00?") asks yes or no: the kind's `unless` keeps it out. No I/O but the data file's reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from citeqa.asked_values import asked_kinds, lacks_kind, words_asked_of, writes_kind
from citeqa.glossary import calendar_words
from citeqa.lexical import content_words

__all__ = [
    "SUBJECT_RANKS",
    "SUBJECT_SHARE",
    "TIME_RANKS",
    "asked_days",
    "subject_words",
    "time_answer",
    "untimed",
    "writes_time",
]

TIME_RANKS = 10
"""The first candidates (by the sentence ranker) among which one writing the time asked is
sought: farther than a month's (time_siblings.WRITTEN_MONTH_RANKS), since the rankers read no
time's shape."""

SUBJECT_RANKS = 6
"""The first candidates among which one writing a time and the thing the time is asked of is
sought (promotions.timed_subject_first)."""

SUBJECT_SHARE = 0.0
"""The least rating, as a share of the first's, of the candidate writing the thing asked: none.
The rankers read the day the question names as they read the thing, and rate the line writing
the thing far below the line writing the day ("Departs Friday … at 07:35" .57, "- Dinner booked
at Taberna da Rua at 20:00." .07 for "What time is dinner on Friday?" in the s52 trial; .68 and
.01 over a folder of the flight and the itinerary alone): it takes the first's place on what it
writes, a time and the thing, read with the day the question names, among the first
SUBJECT_RANKS."""

_TIME = "time"
"""The asked_values.json kind of a time of day."""


def untimed(question: str, quotes: Sequence[str], read_langs: Sequence[str], lang: str) -> bool:
    """Whether `question` (in `lang`) asks a time of day (asked_values' "time" kind) and none
    of `quotes` writes one (its shape), every passage read being in its language (`read_langs`):
    a time written in the other language stands in words the question does not write ("What
    time must interns stop working alone in the lab?" of a French rule, "jamais seuls au
    laboratoire après 19 h", research dev), so no candidate would be found to write it
    (`time_answer`)."""
    if any(read != lang for read in read_langs):
        return False
    return lacks_kind(_TIME, question, quotes)


def time_answer(subject: frozenset[str], text: str) -> bool:
    """Whether a candidate's `text` may answer a question asking a time of day in place of
    quotes writing none: it writes a time and one of the words naming what the time is asked
    of (`subject`, `subject_words`: the time of the thing asked, not "local time" of a flight
    for a tower's opening hour, nor a line of the day the question names, nor any time the
    passage writes: the itinerary's "tickets booked for 11:30" stands in the day that also
    takes the train to Sintra)."""
    return writes_time(text) and not subject.isdisjoint(content_words(text))


def writes_time(text: str) -> bool:
    """Whether `text` writes a time of day (asked_values' "time" shape)."""
    return writes_kind(_TIME, text)


def subject_words(question: str) -> frozenset[str]:
    """The content words of a question asking a time of day that name what the time is asked
    of: not its cue's ("time", "heure"), nor a day, a month or a time of day it names
    (glossary.calendar_words: "Friday" of "What time is dinner on Friday?" says when, not
    what); none for a question asking no time of day."""
    return words_asked_of(_TIME, question) - calendar_words()


def asked_days(question: str) -> frozenset[str]:
    """The folded day, month and time-of-day words a question asking a time of day names
    ("friday" of "What time is dinner on Friday?"); none for a question asking no time."""
    if _TIME not in asked_kinds(question):
        return frozenset()
    return frozenset(content_words(question)) & calendar_words()
