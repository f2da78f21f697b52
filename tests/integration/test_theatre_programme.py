"""A theatre's season as a spectator asks it (s62 trial): the programme in French, its prices
as CSV, the visiting page in English.

A programme names each show once, in its heading, and its sentences never write it again
(framed_values.py): "À quelle heure commence le concert du Nouvel An ?" quoted the price list's
`| Concert du Nouvel An | 45 € | 38 € | 20 € |` (no time) over "L'orchestre régional joue
Strauss et Offenbach le jeudi 31 décembre 2026 à 21 h." under "## Concert du Nouvel An", and
"Combien de temps dure Le Misanthrope ?" the children's show's "Durée : 50 minutes." over the
play's "Durée : 2 h 10 avec entracte.".

A verb typed with its inverted subject ("convient-il") is named without it when the reason says
the documents never write it (questions._verb_alone).
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

SEASON = (
    "# Théâtre de la Criée — saison 2026-2027\n"
    "\n"
    "## Le Misanthrope\n"
    "Mise en scène de Julie Berthet. Du 8 au 18 octobre 2026, du mardi au samedi à"
    " 20 h, le dimanche à 16 h. Durée : 2 h 10 avec entracte.\n"
    "\n"
    "## Les Oiseaux de passage\n"
    "Spectacle jeune public dès 6 ans, par la compagnie Plume. Le mercredi 4"
    " novembre 2026 à 15 h. Durée : 50 minutes.\n"
    "\n"
    "## Concert du Nouvel An\n"
    "L'orchestre régional joue Strauss et Offenbach le jeudi 31 décembre 2026 à 21"
    " h. Une coupe de champagne est offerte à l'entracte.\n"
    "\n"
    "## Rhinocéros\n"
    "Pièce d'Eugène Ionesco mise en scène par Marc Delorme, du 12 au 21 février"
    " 2027. Déconseillé aux moins de 12 ans.\n"
    "\n"
    "## Festival de danse\n"
    "Trois compagnies invitées du 14 au 16 mai 2027. Un pass festival donne accès"
    " aux trois soirées.\n"
)

PRICES = (
    "Tarif,Plein,Réduit,Moins de 26 ans\n"
    "Théâtre,28 €,22 €,12 €\n"
    "Jeune public,10 €,8 €,6 €\n"
    "Concert du Nouvel An,45 €,38 €,20 €\n"
    "Pass festival de danse,50 €,40 €,25 €\n"
    "Abonnement 4 spectacles,88 €,72 €,40 €\n"
)

VISITING = (
    "# Visiting the Théâtre de la Criée\n"
    "\n"
    "## Box office\n"
    "The box office is open Tuesday to Saturday from 1 p.m. to 7 p.m., and one hour"
    " before each show. Tickets can also be bought online until two hours before the"
    " performance.\n"
    "\n"
    "## Access\n"
    "The theatre is fully accessible to wheelchair users; please book a wheelchair"
    " space when you buy your ticket. An induction loop is fitted in the main hall.\n"
    "Surtitles in English are offered for Le Misanthrope on Thursday evenings.\n"
    "\n"
    "## Late arrival\n"
    "Latecomers are admitted at a suitable break and may lose their numbered seats.\n"
    "\n"
    "## Getting here\n"
    "The theatre is next to the Vieux-Port metro station, line 1. The Charles de"
    " Gaulle car park is 300 metres away.\n"
    "\n"
    "## Refunds\n"
    "Tickets are neither refundable nor exchangeable, except when a show is"
    " cancelled.\n"
)
FILES = {"saison-2027.md": SEASON, "tarifs.csv": PRICES, "visiting.md": VISITING}


@pytest.fixture(scope="module")
def theatre(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_time_under_the_heading_naming_the_show_answers(theatre: Assistant) -> None:
    quote = first_quote(theatre, "À quelle heure commence le concert du Nouvel An ?")
    assert "à 21 h" in quote, quote


def test_a_duration_under_the_heading_naming_the_play_answers(theatre: Assistant) -> None:
    quote = first_quote(theatre, "Combien de temps dure Le Misanthrope ?")
    assert "2 h 10" in quote, quote


def test_the_price_row_still_answers_a_price(theatre: Assistant) -> None:
    quote = first_quote(theatre, "Combien coûte le concert du Nouvel An au tarif réduit ?")
    assert "38 €" in quote, quote


def test_a_verb_is_named_without_its_inverted_subject(theatre: Assistant) -> None:
    answer = theatre.ask("Rhinocéros convient-il aux enfants ?")
    assert answer.abstained, answer
    assert "“convient”" in answer.reason and "convient-il" not in answer.reason, answer.reason
