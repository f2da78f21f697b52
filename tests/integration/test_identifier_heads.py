"""A question asking the identifier of a thing the documents never name ("What is my seat number
on the flight?" of a booking that never writes "seat") is refused naming the thing, not answered
with another identifier (absent_heads.py, asked_heads.json identifier_heads).

s52 trial (a traveller's folder): "What is my seat number on the flight?" and "What is the gate
number for my flight?" quoted the hotel's "Booking number: 88214" (English documents only) or
the flight's times."""

from __future__ import annotations

import pytest

from citeqa.absent_heads import asked_head
from citeqa.api import Assistant
from small_corpora import assistant_over
from travel_folder import FLIGHT

HOTEL = """Hotel Alfama Terrace

Booking number: 88214
Arrival: Friday 20 November 2026. Departure: Tuesday 24 November 2026 (4 nights).
Double room with river view, breakfast included.
"""


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"flight.txt": FLIGHT, "hotel.txt": HOTEL},
        tmp_path_factory.mktemp("trip"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("What is my seat number on the flight?", "seat"),
        ("What is the gate number for my flight?", "gate"),
    ],
)
def test_the_identifier_of_a_thing_never_named_is_refused(
    trip: Assistant, question: str, thing: str
) -> None:
    answer = trip.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert f"“{thing}”" in answer.answer, answer.answer


def test_the_identifier_of_a_thing_named_is_quoted(trip: Assistant) -> None:
    answer = trip.ask("What is the booking number?")
    assert not answer.abstained, answer.reason
    assert "88214" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("What is my seat number on the flight?", "seat"),
        ("Quel est le numéro de siège ?", "siege"),
        ("Quel est le code d'accès ?", "acces"),
        ("What is the default timeout for fetching a feed?", "timeout"),  # a setting's, as before
        ("What is the number of patients?", None),  # a count, not an identifier
        ("Quel est le numéro de la chambre ?", None),  # an article first: left to the models
        ("What is the main goal?", None),  # no qualifier, no identifier
        ("What is the phone number of Lena Hartmann?", None),  # a kind of value: its shape
        ("Quel est le numéro de téléphone de Nadia ?", None),
    ],
)
def test_the_thing_an_identifier_is_asked_of_is_read(question: str, head: str | None) -> None:
    assert asked_head(question) == head
