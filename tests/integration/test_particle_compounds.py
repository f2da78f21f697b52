"""A question writing a compound with a particle ("check-in") is answered by a near candidate
writing that compound, not by a first one writing only its sibling ("Check out by 11:00"): the
rankers read both as "check" (particle_compounds.py, promotions.compound_first).

s52 trial (a traveller's folder): "What time is check-in at the hotel?" quoted the itinerary's
"- Check out by 11:00, leave bags at the hotel, flight at 18:50." over the booking's "Check-in
is from 15:00."."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.particle_compounds import particle_compounds
from small_corpora import assistant_over
from travel_folder import ITINERARY

BOOKING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hotel Alfama Terrace — booking 88214</title>
</head>
<body>
<h1>Your stay at Hotel Alfama Terrace</h1>
<h2>Room</h2>
<p>Double room with river view, breakfast included.</p>
<h2>Check-in and check-out</h2>
<p>Check-in is from 15:00. Check-out is until 11:00. Late check-out until 14:00 costs 25
euros.</p>
<h2>Address</h2>
<p>Rua de São Miguel 14, 1100-544 Lisboa, Portugal.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"hotel-booking.html": BOOKING, "itinerary.md": ITINERARY},
        tmp_path_factory.mktemp("trip"),
        tmp_path_factory.mktemp("index"),
    )


def test_the_compound_asked_is_quoted_over_its_sibling(trip: Assistant) -> None:
    answer = trip.ask("What time is check-in at the hotel?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("Check-in is from 15:00."), answer.citations


def test_a_question_without_the_compound_keeps_its_first_candidate(trip: Assistant) -> None:
    answer = trip.ask("When do we leave the bags at the hotel?")
    assert not answer.abstained, answer.reason
    assert "leave bags at the hotel" in answer.citations[0].quote, answer.citations


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("What time is check-in at the hotel?", ["checkin"]),
        ("Où est la salle du rez-de-chaussée ?", ["rezdechaussee"]),
        ("How do I sign-up and drop-off?", ["signup", "dropoff"]),
        ("Is the follow-up visit free?", ["followup"]),
        ("What is the COVID-19 policy?", []),  # no particle: the rankers read it whole
        ("Where is Baixa-Chiado?", []),
        ("Which e-mail address?", []),
    ],
)
def test_a_compound_with_a_particle_is_read_from_the_question(
    question: str, keys: list[str]
) -> None:
    assert [compound.key for compound in particle_compounds(question)] == keys


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Check-in is from 15:00.", True),
        ("Online check in opens 30 hours before departure.", True),
        ("Checkin opens at noon.", True),
        ("Check out by 11:00.", False),
        ("Check-out is until 11:00.", False),
    ],
)
def test_a_compound_is_written_with_a_hyphen_a_space_or_none(text: str, written: bool) -> None:
    (check_in,) = particle_compounds("What time is check-in?")
    assert check_in.written_in(text) is written
