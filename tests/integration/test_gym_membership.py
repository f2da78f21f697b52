"""A gym's membership folder as a member asks it (s60 trial): its terms in French, its class
timetable as a CSV, its FAQ.

- A question asking an age ("À partir de quel âge …", "How old …") is answered by a sentence
  writing one ("moins de 16 ans", asked_values.json "age"): the suspension article's "une fois
  par an" was quoted over "Le club est interdit aux moins de 16 ans".
- A class named in a column of the timetable other than its key column is a row the
  timetable holds (unheld_word_keys.py): "Quand a lieu le cours de Zumba ?" was refused saying
  no row writes "lieu", a word framing the day asked, not a key; a class no row names is
  refused naming the closest classes, not the closest days.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

TERMS = (
    "# Conditions générales d'abonnement — Club Forme Horizon\n"
    "\n"
    "## Article 1 — Formules\n"
    "\n"
    "L'abonnement Essentiel coûte 29,90 € par mois et donne accès au plateau de musculation."
    " Des frais d'inscription de 49 € sont facturés à la souscription.\n"
    "\n"
    "## Article 3 — Suspension\n"
    "\n"
    "L'abonnement peut être suspendu une fois par an pour une durée de 1 à 3 mois, moyennant"
    " 10 € de frais de dossier. Une suspension pour grossesse est gratuite.\n"
    "\n"
    "## Article 5 — Accès\n"
    "\n"
    "L'accès au club se fait avec le badge remis à l'inscription. Le remplacement d'un badge"
    " perdu coûte 10 €. Le club est interdit aux moins de 16 ans ; les 16-17 ans doivent"
    " présenter une autorisation parentale.\n"
)
TIMETABLE = (
    "Jour,Heure,Cours,Coach,Salle\n"
    "Lundi,18:30,Body Pump,Karim,Studio 1\n"
    "Lundi,19:30,Yoga,Léa,Studio 2\n"
    "Mardi,12:15,Pilates,Léa,Studio 2\n"
    "Mardi,19:00,RPM (vélo),Thomas,Studio Vélo\n"
    "Mercredi,18:00,Zumba,Inès,Studio 1\n"
    "Jeudi,07:00,Cross Training,Karim,Zone Fonctionnelle\n"
    "Jeudi,19:30,Body Combat,Thomas,Studio 1\n"
    "Samedi,10:00,Stretching,Léa,Studio 2\n"
)
FAQ = (
    "# Questions fréquentes\n"
    "\n"
    "**Faut-il réserver les cours collectifs ?**\n"
    "Oui, la réservation se fait dans l'application jusqu'à 48 heures à l'avance.\n"
    "\n"
    "**Y a-t-il des douches ?**\n"
    "Oui, des douches et des vestiaires sont disponibles.\n"
)
FILES = {"conditions-generales.md": TERMS, "planning-cours.csv": TIMETABLE, "faq.md": FAQ}


@pytest.fixture(scope="module")
def gym(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_an_age_asked_is_quoted_from_the_sentence_writing_one(gym: Assistant) -> None:
    quote = first_quote(gym, "À partir de quel âge peut-on s'inscrire ?")
    assert "moins de 16 ans" in quote and "une fois par an" not in quote, quote


def test_a_class_of_the_timetable_is_a_row_it_holds(gym: Assistant) -> None:
    answer = gym.ask("Quand a lieu le cours de Zumba ?")
    assert not answer.abstained, answer.reason
    assert "Mercredi" in answer.citations[0].quote, answer.citations[0].quote


def test_a_class_no_row_names_is_refused_naming_the_closest_classes(gym: Assistant) -> None:
    answer = gym.ask("Quand a lieu le cours de boxe ?")
    assert answer.abstained
    assert "boxe" in answer.reason and "Body" in answer.reason, answer.reason
    assert "Jeudi" not in answer.reason, answer.reason
