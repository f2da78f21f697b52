"""A trip's bookings as the traveller asks them (s59 trial): an airline's confirmation in
English, a hotel's in French, and the trip's notes in French.

- A field line right under a document's title line is its first fact, no subtitle
  (titleonly._subtitle): "Booking reference: QX7M2L" under "BOOKING CONFIRMATION — Aurelia
  Airways" was left out of "What is the booking reference?", which quoted the next lines.
- A time of day written after "à partir de" or "avant" ("Arrivée : … à partir de 15 h") is a
  time the question "À quelle heure …" asks (asked_values.json "time" shape): the hotel's
  "L'hôtel se trouve … à 10 minutes à pied …" was quoted over it.
- A French question asking by a modal verb ("Faut-il …", "Peut-on …") of a folder holding
  French pages that write no modal verb does not count the verb as a word the documents lack
  (questions._unused_question_form): "Faut-il un adaptateur ?" was refused at .44.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

FLIGHT = (
    "BOOKING CONFIRMATION — Aurelia Airways\n"
    "Booking reference: QX7M2L\n"
    "Passenger: Mr Julien Moreau\n"
    "\n"
    "Outbound: Flight AU 318, Lyon (LYS) to Lisbon (LIS), Thursday 13 May 2027, departs 07:15,"
    " arrives 08:50 local time.\n"
    "Return: Flight AU 321, Lisbon (LIS) to Lyon (LYS), Monday 17 May 2027, departs 19:40,"
    " arrives 23:05 local time.\n"
    "\n"
    "Fare: Light. One cabin bag of up to 8 kg is included. A checked bag of 23 kg costs 35 euros"
    " per flight if added online.\n"
)
HOTEL = (
    "# Confirmation de réservation — Casa do Rio\n"
    "\n"
    "Client : Julien Moreau\n"
    "Arrivée : jeudi 13 mai 2027, à partir de 15 h\n"
    "Départ : lundi 17 mai 2027, avant 11 h\n"
    "Chambre : double supérieure avec balcon, vue sur le Tage\n"
    "Tarif : 128 € par nuit, petit-déjeuner inclus, soit 512 € pour quatre nuits.\n"
    "Taxe de séjour : 4 € par personne et par nuit, à régler sur place.\n"
    "\n"
    "Annulation gratuite jusqu'au 6 mai 2027 ; au-delà, la première nuit est facturée.\n"
    "L'hôtel se trouve Rua das Flores 42, à 10 minutes à pied de la station de métro"
    " Baixa-Chiado.\n"
    "Le parking n'est pas disponible ; le garage public le plus proche est à 300 mètres.\n"
    "Contact : reservas@casadorio.pt\n"
)
NOTES = (
    "# Notes pour le voyage\n"
    "\n"
    "Le passe Navegante coûte 6,80 € par jour et donne accès au métro et au tram.\n"
    "Le musée des Azulejos est fermé le lundi.\n"
    "Prévoir un adaptateur : inutile, les prises sont les mêmes qu'en France.\n"
    "Numéro d'urgence au Portugal : 112.\n"
)
FILES = {"booking-flight.txt": FLIGHT, "hotel-lisbonne.md": HOTEL, "notes-voyage.md": NOTES}


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_field_under_the_title_line_is_quoted(trip: Assistant) -> None:
    answer = trip.ask("What is the booking reference?")
    assert not answer.abstained, answer.reason
    quote = answer.citations[0].quote
    assert "Booking reference: QX7M2L" in quote and "Passenger" not in quote, quote


def test_the_title_line_itself_is_still_no_answer(trip: Assistant) -> None:
    answer = trip.ask("Which airline is the booking with?")
    assert all(c.quote != "BOOKING CONFIRMATION — Aurelia Airways" for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Faut-il un adaptateur ?", "Prévoir un adaptateur"),
        ("Peut-on annuler gratuitement la chambre ?", "Annulation gratuite"),
    ],
)
def test_a_modal_verb_of_a_french_folder_writing_none_is_no_missing_word(
    trip: Assistant, question: str, written: str
) -> None:
    assert written in first_quote(trip, question)


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("À quelle heure peut-on arriver à l'hôtel ?", "à partir de 15 h"),
        ("À quelle heure est le départ de l'hôtel ?", "avant 11 h"),
    ],
)
def test_a_time_after_from_or_before_answers_at_what_time(
    trip: Assistant, question: str, written: str
) -> None:
    assert written in first_quote(trip, question)
