"""A question asking when something takes place ("Quand a lieu la sortie ?", "When does the open
day take place?") quotes the sentence giving its day, not the one giving a departure time that
writes the question's "lieu" or "place" (s47 trial a12: "Le départ aura lieu à 8 h 45" was
quoted for the outing of "le vendredi 14 mars 2025"; asked_values.json's "occasion" kind)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

LETTER = (
    "École élémentaire Jean-Macé\nLyon, le 24 février 2025\n\nMadame, Monsieur,\n\n"
    "La classe de CE2 de Mme Lefèvre se rendra au musée des Confluences le vendredi 14 mars 2025.\n"
    "Le départ aura lieu à 8 h 45 devant l'école et le retour est prévu vers 16 h 15.\n"
    "Une participation de 6 euros par enfant est demandée pour le transport et l'atelier.\n"
    "Merci de prévoir un pique-nique et une gourde.\n"
    "\nLa directrice, Mme Carole Dumas\n"
)
NOTICE = (
    "Riverside College Open Day\n\n"
    "Riverside College opens its doors to visitors on Saturday 8 November 2025.\n"
    "Guided tours take place at 10:00, 11:30 and 14:00 from the main reception.\n"
    "Parking is free on the north campus for the whole day.\n"
)


FETE = (
    "Fête de l'école\n\n"
    "La fête de l'école se tiendra dans la cour le samedi 14 juin 2025.\n"
    "Le spectacle des enfants aura lieu à 14 h 30 sous le préau.\n"
    "Les parents peuvent apporter un gâteau pour le goûter.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"lettre-ecole-sortie.txt": LETTER, "open-day.txt": NOTICE, "fete.txt": FETE},
        tmp_path_factory.mktemp("occasion"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Quand a lieu la sortie au musée des Confluences ?", "14 mars 2025"),
        ("When does the open day take place?", "8 November 2025"),
        ("Quand a lieu la fête de l'école ?", "14 juin 2025"),
    ],
)
def test_when_it_takes_place_quotes_its_day(assistant: Assistant, question: str, day: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert day in answer.citations[0].quote
