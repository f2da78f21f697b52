"""A question asking the time of a thing on a day ("What time is dinner on Friday?") is answered
by the line giving that thing's time, not by another line of the same day giving another time
(asked_times.subject_words, promotions.timed_subject_first).

s52 trial (a traveller's folder): the flight confirmation's "Departs Friday 20 November 2026 at
07:35, arrives 10:20 local time." (.57) was quoted over the itinerary's "- Dinner booked at
Taberna da Rua at 20:00." (.07), written under "## Friday 20 November"."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_times import asked_days, subject_words
from small_corpora import assistant_over

FLIGHT = """Subject: Your booking confirmation - reference QX7T2L

Dear Hannah Weber,

Thank you for booking with SkyLink Airways. Your booking reference is QX7T2L.

Outbound flight SL 482
London Gatwick (LGW) to Lisbon (LIS)
Departs Friday 20 November 2026 at 07:35, arrives 10:20 local time.

Return flight SL 487
Lisbon (LIS) to London Gatwick (LGW)
Departs Tuesday 24 November 2026 at 18:50, arrives 21:30 local time.
"""

ITINERARY = """# Lisbon trip, 20–24 November 2026

## Friday 20 November
- Land at 10:20, take the metro to Baixa-Chiado.
- Afternoon: walk around Alfama and the Sé cathedral.
- Dinner booked at Taberna da Rua at 20:00.

## Monday 23 November
- Evening: fado show at 21:30 in Mouraria.
"""


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"flight-confirmation.txt": FLIGHT, "itinerary.md": ITINERARY},
        tmp_path_factory.mktemp("trip"),
        tmp_path_factory.mktemp("index"),
    )


def test_the_time_of_the_thing_asked_is_quoted_over_the_days_other_time(trip: Assistant) -> None:
    answer = trip.ask("What time is dinner on Friday?")
    assert not answer.abstained, answer.reason
    assert "20:00" in answer.citations[0].quote, answer.citations[0].quote


def test_a_line_read_under_the_thing_asked_keeps_its_place(trip: Assistant) -> None:
    """The return flight's "Departs … at 18:50" is read with "Return flight SL 487" above it."""
    answer = trip.ask("What time does the return flight leave?")
    assert not answer.abstained, answer.reason
    assert "18:50" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What time is dinner on Friday?", {"dinner"}),
        ("À quelle heure est le dîner vendredi ?", {"diner"}),
        ("What time does the Belém tower open in the morning?", {"belem", "tower", "open"}),
        ("When is dinner on Friday?", set()),  # "when" asks no time of day alone
    ],
)
def test_the_thing_a_time_is_asked_of_is_no_day_nor_cue(question: str, words: set[str]) -> None:
    assert subject_words(question) == words


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("What time is dinner on Friday?", {"friday"}),
        ("À quelle heure est le marché le samedi matin ?", {"samedi", "matin"}),
        ("What time is dinner?", set()),
        ("Which days is the market on Friday?", set()),  # no time of day asked
    ],
)
def test_the_days_a_time_is_asked_on_are_read(question: str, days: set[str]) -> None:
    assert asked_days(question) == days
