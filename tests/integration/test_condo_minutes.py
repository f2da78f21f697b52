"""A co-owners' folder as an owner asks it (s59 trial): the general assembly's minutes and
the building's rules, in French.

A word framing the value or the event a question asks ("commencent", "ouvrent", "heure":
data/value_frames.json) that the documents never write is no word they lack
(questions._unused_value_frame): minutes writing "Les travaux débuteront en septembre 2026"
refused "Quand commencent les travaux de ravalement ?" naming "commencent" (.28). A word the
documents never write that is no such frame still refuses.

A title naming the event a question asks the day of and writing that day answers it
(dated_titles.py, promotions.dated_title_first): "Quand a eu lieu l'assemblée générale ?"
quoted "L'assemblée s'est tenue … à 18 h 30." (a time, no day), the minutes' title
"Procès-verbal de l'assemblée générale ordinaire du 12 mars 2026" being left out as a title; a
sentence writing the day asked keeps its place.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

MINUTES = (
    "# Procès-verbal de l'assemblée générale ordinaire du 12 mars 2026\n"
    "\n"
    "Résidence Les Glycines, 14 rue des Acacias, 69003 Lyon.\n"
    "\n"
    "L'assemblée s'est tenue dans la salle polyvalente de la mairie du 3e "
    "arrondissement à 18 h 30.\n"
    "Étaient présents ou représentés 38 copropriétaires sur 52, totalisant 7 120 "
    "tantièmes sur 10 000.\n"
    "Mme Hélène Carpentier a été élue présidente de séance ; M. Youssef Amrani a été "
    "désigné secrétaire.\n"
    "\n"
    "## Résolution 1 — Approbation des comptes 2025\n"
    "Les comptes de l'exercice 2025, d'un montant de 84 300 €, sont approuvés à la "
    "majorité de l'article 24.\n"
    "\n"
    "## Résolution 2 — Ravalement de façade\n"
    "Le ravalement de la façade sur rue est voté pour un budget de 126 000 € TTC, "
    "confié à l'entreprise Façades Rhône.\n"
    "Les travaux débuteront en septembre 2026 et dureront environ quatre mois.\n"
    "Les appels de fonds auront lieu en trois fois : juin 2026, octobre 2026 et "
    "janvier 2027.\n"
    "\n"
    "## Résolution 3 — Renouvellement du syndic\n"
    "Le cabinet Gestimmo est reconduit comme syndic pour une durée de deux ans, pour "
    "des honoraires annuels de 9 800 € TTC.\n"
    "\n"
    "## Résolution 4 — Installation de bornes de recharge\n"
    "La proposition d'installer des bornes de recharge dans le parking souterrain "
    "est rejetée.\n"
    "\n"
    "## Résolution 5 — Conseil syndical\n"
    "Sont élus au conseil syndical : Mme Carpentier, M. Amrani et Mme Odile "
    "Berthier.\n"
    "\n"
    "La séance est levée à 21 h 05.\n"
)

RULES = (
    "# Règlement de copropriété — extraits\n"
    "\n"
    "## Usage des parties communes\n"
    "Les vélos et poussettes doivent être rangés dans le local situé au "
    "rez-de-chaussée, côté cour.\n"
    "Aucun objet ne doit encombrer les paliers ni les escaliers.\n"
    "Les barbecues sont interdits sur les balcons.\n"
    "\n"
    "## Bruit\n"
    "Les travaux bruyants sont autorisés du lundi au vendredi de 8 h à 19 h et le "
    "samedi de 9 h à 12 h.\n"
    "Ils sont interdits le dimanche et les jours fériés.\n"
    "\n"
    "## Animaux\n"
    "Les animaux domestiques sont tolérés à condition de ne causer aucune gêne ; les "
    "chiens doivent être tenus en laisse dans les parties communes.\n"
    "\n"
    "## Location\n"
    "La location meublée de courte durée est interdite dans l'immeuble.\n"
    "Tout copropriétaire qui loue son lot doit en informer le syndic dans un délai "
    "d'un mois.\n"
    "\n"
    "## Charges\n"
    "Les charges générales sont réparties selon les tantièmes de chaque lot.\n"
    "L'ascenseur n'est à la charge que des lots situés à partir du deuxième étage.\n"
)

BUDGET = """poste,budget 2025,budget 2026
Entretien ménager,12 400 €,12 900 €
Électricité parties communes,3 100 €,3 600 €
Eau,6 800 €,7 100 €
Ascenseur (contrat et entretien),4 200 €,4 350 €
Assurance immeuble,5 600 €,6 050 €
Honoraires du syndic,9 500 €,9 800 €
Espaces verts,2 300 €,2 300 €
Fonds travaux (5 %),2 200 €,2 300 €
"""

CONTACTS = (
    "# Contacts utiles\n"
    "\n"
    "- Syndic : cabinet Gestimmo, 8 quai Perrache, 69002 Lyon — 04 78 12 34 56 — "
    "copro@gestimmo.fr\n"
    "- Gestionnaire du dossier : Claire Vidal\n"
    "- Gardienne : Mme Rosa Lopes, loge au rez-de-chaussée, présente du lundi au "
    "vendredi de 7 h 30 à 12 h\n"
    "- Ascensoriste (panne) : Otis, 0 800 24 24 24, 24 h/24\n"
    "- Plombier conseillé : SOS Plomberie Lyon, 04 72 00 11 22\n"
    "- Président du conseil syndical : M. Youssef Amrani\n"
)

WELCOME = """# Welcome to Les Glycines

Rubbish bins are in the courtyard; they are put out on Monday and Thursday evenings.
Glass goes to the bottle bank on Rue Paul Bert, 200 metres away.
The entry code is changed every January; ask the caretaker for the current code.
Keys for the bike room are given by the caretaker against a deposit of 20 euros.
The building has fibre internet from two providers.
Quarterly service charges are called on 1 January, 1 April, 1 July and 1 October.
"""
FILES = {
    "pv-ag-2026.md": MINUTES,
    "reglement-copropriete.md": RULES,
    "budget-2026.csv": BUDGET,
    "contacts.md": CONTACTS,
    "welcome-new-owners.md": WELCOME,
}


@pytest.fixture(scope="module")
def condo(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_an_unwritten_frame_word_is_no_missing_word(condo: Assistant) -> None:
    assert "septembre 2026" in first_quote(condo, "Quand commencent les travaux de ravalement ?")


def test_an_unwritten_word_that_frames_nothing_still_refuses(condo: Assistant) -> None:
    answer = condo.ask("Quand commencent les travaux de la toiture ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None and "“toiture”" in answer.reason


def test_a_title_naming_the_event_asked_gives_its_day(condo: Assistant) -> None:
    assert "12 mars 2026" in first_quote(condo, "Quand a eu lieu l'assemblée générale ?")


def test_a_sentence_writing_the_day_asked_keeps_its_place(condo: Assistant) -> None:
    assert "juin 2026" in first_quote(condo, "Quand auront lieu les appels de fonds ?")
