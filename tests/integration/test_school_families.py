"""A primary school's pages for families as a parent asks them (s61 trial): the welcome
booklet, the after-school care and canteen prices, the year's calendar.

Of two rows whose keys write the question's words, the one writing fewer words it does not is
the one asked (specific_keys.py): "Quand a lieu la rentrée ?" quoted `| Réunion de rentrée des
parents | … |`, rated a little over `| Rentrée des élèves | mardi 1er septembre 2026 |`.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

BOOKLET = (
    "# École élémentaire Jean-Moulin — livret d'accueil des familles 2026-2027\n"
    "\n"
    "## Horaires\n"
    "\n"
    "L'école ouvre ses portes à 8 h 20. Les cours ont lieu de 8 h 30 à 11 h 45 et de"
    " 13 h 45 à 16 h 30, le lundi, le mardi, le jeudi et le vendredi. Il n'y a pas"
    " classe le mercredi.\n"
    "\n"
    "Le portail est fermé à 8 h 40 : un enfant en retard doit être accompagné"
    " jusqu'au bureau de la directrice.\n"
    "\n"
    "## Absences\n"
    "\n"
    "Toute absence doit être signalée le matin même, avant 9 h, par téléphone au 04"
    " 75 41 22 60 ou sur l'ENT. Au retour, un mot d'excuse signé est remis à"
    " l'enseignant.\n"
    "\n"
    "Au-delà de quatre demi-journées d'absence non justifiées dans le mois, la"
    " directrice en informe l'inspection académique.\n"
    "\n"
    "## Santé\n"
    "\n"
    "Aucun médicament ne peut être donné à l'école sans un projet d'accueil"
    " individualisé (PAI). Un enfant fiévreux est renvoyé à la maison : les parents"
    " sont appelés.\n"
    "\n"
    "En cas de poux, les parents sont priés de traiter l'enfant avant son retour en"
    " classe.\n"
    "\n"
    "## Vie scolaire\n"
    "\n"
    "La directrice est Mme Sandrine Abadie. Elle reçoit les parents sur rendez-vous"
    " le jeudi après-midi, jour de décharge.\n"
    "\n"
    "La coopérative scolaire demande une participation volontaire de 15 € par enfant"
    " et par an.\n"
    "\n"
    "Les téléphones portables sont interdits dans l'enceinte de l'école.\n"
)

CARE = (
    "# Accueil périscolaire et restauration\n"
    "\n"
    "L'accueil du matin fonctionne de 7 h 30 à 8 h 20 et l'accueil du soir de 16 h"
    " 30 à 18 h 30. Tout retard après 18 h 30 est facturé 10 € par quart d'heure.\n"
    "\n"
    "| Service | Tarif |\n"
    "|---|---|\n"
    "| Accueil du matin | 1,80 € |\n"
    "| Accueil du soir (goûter compris) | 2,90 € |\n"
    "| Repas à la cantine | 3,95 € |\n"
    "| Repas avec PAI (panier repas) | 1,20 € |\n"
    "\n"
    "Les inscriptions à la cantine se font sur le portail famille au plus tard le"
    " jeudi pour la semaine suivante. Un repas non décommandé 48 heures à l'avance"
    " est facturé.\n"
    "\n"
    "Un menu végétarien est proposé chaque jour en alternative.\n"
)

CALENDAR = (
    "Événement,Date\n"
    "Rentrée des élèves,mardi 1er septembre 2026\n"
    "Réunion de rentrée des parents,jeudi 10 septembre 2026 à 18 h\n"
    "Photo de classe,lundi 5 octobre 2026\n"
    "Vacances de la Toussaint,du 17 octobre au 2 novembre 2026\n"
    "Spectacle de Noël,vendredi 18 décembre 2026\n"
    "Kermesse,samedi 26 juin 2027\n"
)
FILES = {"livret-accueil.md": BOOKLET, "periscolaire.md": CARE, "calendrier.csv": CALENDAR}


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_row_named_most_closely_is_quoted(school: Assistant) -> None:
    quote = first_quote(school, "Quand a lieu la rentrée ?")
    assert "1er septembre 2026" in quote, quote


def test_a_row_named_whole_is_still_quoted(school: Assistant) -> None:
    quote = first_quote(school, "Quand a lieu la réunion de rentrée des parents ?")
    assert "10 septembre 2026" in quote, quote


def test_a_price_row_named_closely_is_quoted(school: Assistant) -> None:
    quote = first_quote(school, "Combien coûte un repas à la cantine ?")
    assert "3,95 €" in quote, quote
