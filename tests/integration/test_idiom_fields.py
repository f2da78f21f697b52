"""A verb's idiom names no field: "Quand a lieu le séminaire ?" asks its date, not the "Lieu :"
line its "a lieu" looked up (s46 trial), while "Où a lieu le séminaire ?" asks its place
(field_lines._without_idioms, data reason_words.json `event_phrases`)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

SEMINAR = (
    '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
    "<title>Séminaire du laboratoire — novembre</title></head>\n<body>\n"
    "<h1>Séminaire : Modéliser un stockage thermique à l'échelle d'un bâtiment</h1>\n"
    "<p>Intervenant : Dr Kwame Asante, chercheur au laboratoire</p>\n"
    "<p>Date : mardi 19 novembre 2024 à 11 h</p>\n"
    "<p>Lieu : salle de réunion B012</p>\n"
    "<p>L'exposé présentera un modèle numérique couplant le réservoir de matériau à changement "
    "de phase et le réseau de chauffage d'un immeuble de bureaux.</p>\n</body></html>\n"
)
SEMINAR_OCTOBER = (
    "<!DOCTYPE html>\n"
    '<html lang="en"><head><meta charset="utf-8"><title>Lab seminar — '
    "October</title></head>\n"
    "<body>\n"
    '<header><a href="/">Home</a> · <a href="/seminars">Seminars</a></header>\n'
    "<h1>Lab seminar: Salt hydrates that do not supercool</h1>\n"
    "<p><strong>Speaker:</strong> Dr Lena Vogt, Fraunhofer ISE, Freiburg</p>\n"
    "<p><strong>Date:</strong> Thursday 17 October 2024, 14:00</p>\n"
    "<p><strong>Room:</strong> Amphithéâtre Curie, building A</p>\n"
    "<p>Supercooling prevents many salt hydrates from releasing their stored heat. "
    "Dr Vogt will present nucleating agents that reduce supercooling to less than 2 "
    "K in sodium acetate trihydrate.</p>\n"
    "<p>Coffee will be served after the talk.</p>\n"
    "</body></html>\n"
)
SAFETY_RULES = (
    "# Règles de sécurité du laboratoire\n"
    "\n"
    "## Accès\n"
    "\n"
    "L'accès aux salles d'expérimentation est réservé aux personnes ayant suivi la "
    "formation sécurité, renouvelée tous les deux ans.\n"
    "\n"
    "Le travail seul en laboratoire est interdit après 20 h et le week-end.\n"
    "\n"
    "## Équipements de protection\n"
    "\n"
    "Le port de la blouse et des lunettes de protection est obligatoire dans toutes "
    "les salles de chimie.\n"
    "Les gants en nitrile doivent être retirés avant de toucher les poignées de "
    "porte, les claviers et les téléphones.\n"
    "\n"
    "## Produits chimiques\n"
    "\n"
    "Les solvants inflammables sont stockés dans l'armoire ventilée de la salle "
    "B104.\n"
    "Les déchets chimiques sont déposés dans les bidons étiquetés du local déchets, "
    "collectés le premier mardi de chaque mois.\n"
    "\n"
    "## En cas d'accident\n"
    "\n"
    "Appelez le 15 pour une urgence médicale, puis prévenez l'assistant de "
    "prévention, M. Paul Girard (poste 4417).\n"
    "La douche de sécurité et le rince-œil se trouvent dans le couloir B, face à la "
    "salle B106.\n"
)
MEETING_NOTES = (
    "# Lab meeting notes — 3 September 2024\n"
    "\n"
    "Present: H. Marchand, K. Asante, L. Nguyen, A. Rossi, M. Dubois.\n"
    "\n"
    "- The new rheometer arrived in August and is installed in room B108. Training "
    "sessions are run by A. Rossi.\n"
    "- The lab's annual budget for consumables is 18,000 euros this year.\n"
    "- The group retreat will take place on 14-15 November 2024 in Pornic.\n"
    "- M. Dubois leaves the lab at the end of October for a position at CEA "
    "Grenoble.\n"
    "\n"
    "Next meeting: 1 October 2024.\n"
)
GRANT_REPORT = (
    "# Interim report — ANR project COLDSTORE (ANR-22-CE05-0031)\n"
    "\n"
    "## Summary\n"
    "\n"
    "COLDSTORE studies phase-change materials for the long-term storage of thermal "
    "energy at low temperature. The project started on 1 January 2023 and runs for "
    "42 months.\n"
    "\n"
    "## Progress\n"
    "\n"
    "In the first eighteen months we synthesised 14 candidate salt hydrates and "
    "characterised their melting points by differential scanning calorimetry.\n"
    "The best candidate, a modified sodium acetate trihydrate, stores 265 J/g and "
    "remains stable over 1,000 melting cycles.\n"
    "A 20-litre demonstrator tank was built and tested in the lab's climate chamber "
    "in March 2024.\n"
    "\n"
    "## Budget\n"
    "\n"
    "The ANR grant amounts to 412,000 euros, of which 58 % had been spent by 30 June "
    "2024.\n"
    "Personnel costs account for most of the spending: one postdoctoral researcher "
    "and one PhD student.\n"
    "\n"
    "## Deviations\n"
    "\n"
    "The delivery of the calorimeter was delayed by four months, which postponed "
    "work package 2.\n"
    "The final demonstrator will therefore be delivered in September 2026 instead of "
    "June 2026.\n"
    "\n"
    "## Team\n"
    "\n"
    "The principal investigator is Dr Hélène Marchand. Dr Kwame Asante leads work "
    "package 3 on system modelling.\n"
)
RULES = (
    "# Règles de sécurité du laboratoire\n\n"
    "Le port de la blouse est obligatoire dans toutes les salles de manipulation.\n\n"
    "Les produits inflammables sont rangés dans l'armoire ventilée de la salle B014.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("seminar"), tmp_path_factory.mktemp("index")
    return assistant_over(
        {
            "seminaire-nov.html": SEMINAR,
            "regles.md": RULES,
            "seminar-oct.html": SEMINAR_OCTOBER,
            "regles-securite.md": SAFETY_RULES,
            "lab-meeting-notes.md": MEETING_NOTES,
            "grant-report-2024.md": GRANT_REPORT,
        },
        corpus,
        index,
    )


def test_when_it_takes_place_quotes_the_date(assistant: Assistant) -> None:
    answer = assistant.ask("Quand a lieu le séminaire de novembre ?")
    assert not answer.abstained
    assert "19 novembre 2024" in " ".join(c.quote for c in answer.citations)


def test_where_it_takes_place_quotes_the_place(assistant: Assistant) -> None:
    answer = assistant.ask("Où a lieu le séminaire de novembre ?")
    assert not answer.abstained
    assert "salle de réunion B012" in answer.citations[0].quote
