"""A restaurant's folder (staff list, opening hours, reservations) asked as its staff and guests
ask it (s55 trial):

- a short complete sentence takes in no field line above it (quoting._field_line): "When are
  staff meals served?" quoted the staff list's last two lines with "Staff meals are served at
  11:15 and 18:30.";
- a role the documents never write is held by no one they name (answering._unheld_role_words):
  "Who is the pastry chef?" quoted "Sous-chef: Julie Martin"."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

STAFF = """Staff list — Le Petit Bouchon

Owner: Sophie Lambert
Head chef: Karim Haddad
Sous-chef: Julie Martin
Restaurant manager: Marc Dubois
Sommelier: Antoine Roux

Staff meals are served at 11:15 and 18:30.
Uniforms are washed by the restaurant; hand them in on Saturday evening.
"""

RESERVATIONS = """# Reservations and events

Tables can be booked by phone on 04 72 10 20 30 or through the website.

Groups of more than 8 people must pay a deposit of 20 € per person when booking.

A booking is held for 15 minutes; after that, the table may be given to walk-in guests.

## Cancellations

Cancellations must be made at least 24 hours ahead.
"""

HOURS = """LE PETIT BOUCHON — OPENING HOURS

Tuesday to Saturday: lunch 12:00-14:00, dinner 19:00-22:30.
Sunday: lunch only, 12:00-15:00.
Closed on Mondays.

The kitchen takes its last orders 30 minutes before closing.
"""


@pytest.fixture(scope="module")
def restaurant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"staff.txt": STAFF, "reservations.md": RESERVATIONS, "opening-hours.txt": HOURS}
    corpus, index = tmp_path_factory.mktemp("restaurant"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_a_short_sentence_takes_in_no_field_line_above_it(restaurant: Assistant) -> None:
    answer = restaurant.ask("When are staff meals served?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "Staff meals are served at 11:15 and 18:30."


def test_a_role_the_documents_never_write_is_held_by_no_one(restaurant: Assistant) -> None:
    answer = restaurant.ask("Who is the pastry chef?")
    assert answer.abstained, answer.citations[0].quote
    assert "pastry" in answer.answer, answer.answer
    held = restaurant.ask("Who is the head chef?")
    assert not held.abstained, held.answer
    assert "Karim Haddad" in held.citations[0].quote, held.citations[0].quote
