"""A question asking a time of day ("À quelle heure …", "What time …") quotes a sentence or a
row writing one (asked_values.json's kind `time`, s48 trial): "À quelle heure ouvre la
pharmacie le samedi ?" quoted "La nuit, le dimanche et les jours fériés, composez le 3237…",
a weekday but no hour, over the opening hours' "| Samedi | 9h00 - 12h30 | 14h00 - 18h00 |"
(a weekday answered the `day` kind the question asked then), the sentence under the heading
"## Pharmacie de garde" the ranker put first writing no hour (answering._bare_body)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PHARMACY = (
    "<html><head><title>Pharmacie du Marché — Horaires et services</title></head><body>"
    "<h1>Pharmacie du Marché</h1>"
    "<p>8 place du Marché, 35000 Rennes. Téléphone : 02 99 31 44 20.</p>"
    "<h2>Horaires d'ouverture</h2><table>"
    "<tr><th>Jour</th><th>Matin</th><th>Après-midi</th></tr>"
    "<tr><td>Lundi</td><td>9h00 - 12h30</td><td>14h00 - 19h30</td></tr>"
    "<tr><td>Mardi au vendredi</td><td>8h30 - 12h30</td><td>14h00 - 19h30</td></tr>"
    "<tr><td>Samedi</td><td>9h00 - 12h30</td><td>14h00 - 18h00</td></tr>"
    "<tr><td>Dimanche</td><td>Fermé</td><td>Fermé</td></tr></table>"
    "<h2>Services</h2>"
    "<p>Vaccination contre la grippe et le Covid sans rendez-vous, du mardi au samedi.</p>"
    "<p>Location de matériel médical : fauteuils roulants, béquilles, tire-lait.</p>"
    "<p>Vous pouvez envoyer votre ordonnance par l'application et retirer vos médicaments"
    " en 2 heures.</p>"
    "<h2>Pharmacie de garde</h2>"
    "<p>La nuit, le dimanche et les jours fériés, composez le 3237 pour connaître la pharmacie"
    " de garde la plus proche.</p></body></html>\n"
)
LEAFLET = (
    "# Paracétamol 1000 mg\n\n"
    "La dose usuelle est de 1 comprimé à 1000 mg par prise, à renouveler si besoin au bout de"
    " 4 heures minimum.\n"
    "Rapportez les médicaments non utilisés à votre pharmacien.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"pharmacie-du-marche.html": PHARMACY, "notice-paracetamol.md": LEAFLET}
    return assistant_over(files, tmp_path_factory.mktemp("pharmacy"), tmp_path_factory.mktemp("ix"))


def test_an_opening_time_asked_quotes_the_days_hours(assistant: Assistant) -> None:
    answer = assistant.ask("À quelle heure ouvre la pharmacie le samedi ?")
    assert not answer.abstained, answer.answer
    assert "Samedi" in answer.citations[0].quote, answer.answer
    assert "9h00" in answer.citations[0].quote, answer.answer


def test_a_day_asked_still_takes_a_weekday(assistant: Assistant) -> None:
    answer = assistant.ask("Quels jours peut-on se faire vacciner contre la grippe ?")
    assert not answer.abstained, answer.answer
    assert "du mardi au samedi" in answer.citations[0].quote, answer.answer
