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
from travel_folder import FLIGHT, ITINERARY


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
