"""A question asking a time of day whose quotes write none is answered by a candidate writing a
time and a word of the question, or refused saying the passages write no time (asked_times.py).

s52 trial (a traveller's folder): "What time does the Belém tower open?", of an itinerary that
never gives its hours, quoted "- Morning: Belém tower and the Jerónimos monastery." at .66."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_times import subject_words, time_answer, untimed
from small_corpora import assistant_over
from travel_folder import ITINERARY

MUSEUM = """Tile museum (Museu Nacional do Azulejo)

The museum stands in a former convent east of the centre.
It opens from 10:00 to 18:00, Tuesday to Sunday, and is closed on Mondays.
"""


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"itinerary.md": ITINERARY, "museum.txt": MUSEUM},
        tmp_path_factory.mktemp("trip"),
        tmp_path_factory.mktemp("index"),
    )


def test_a_time_no_passage_writes_is_refused(trip: Assistant) -> None:
    answer = trip.ask("What time does the Belém tower open?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "no time of day" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "time"),
    [
        ("What time is the fado show?", "21:30"),
        ("What time does the tile museum open?", "10:00"),
    ],
)
def test_a_time_written_is_quoted(trip: Assistant, question: str, time: str) -> None:
    answer = trip.ask(question)
    assert not answer.abstained, answer.reason
    quoted = " ".join(citation.quote for citation in answer.citations)
    assert time in quoted, quoted


@pytest.mark.parametrize(
    ("question", "quotes", "lacking"),
    [
        ("What time does the tower open?", ["- Morning: Belém tower."], True),
        ("What time does the shop open?", ["| Samedi | 9h-12h |"], False),
        ("À quelle heure ouvre la pharmacie ?", ["Ouverte de 9 h à 12 h 30."], False),
        ("What time does the museum open?", ["The museum opens at 10."], False),
        ("Is the museum open at 9:00?", ["The museum is in the old town."], False),  # yes or no
        ("What time series did they use?", ["Monthly series."], False),  # no time of day
    ],
)
def test_a_time_asked_is_lacking_only_when_no_quote_writes_one(
    question: str, quotes: list[str], lacking: bool
) -> None:
    assert untimed(question, quotes, [], "en") is lacking  # no passage in another language


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("The tower opens at 10:00.", True),
        ("Departs Tuesday at 18:50, arrives 21:30 local time.", False),  # "time" is the cue's
        ("The tower is by the river.", False),  # no time
    ],
)
def test_a_candidate_answers_with_a_time_and_a_word_of_the_question(
    text: str, answers: bool
) -> None:
    subject = subject_words("What time does the Belém tower open?")
    assert time_answer(subject, text) is answers
