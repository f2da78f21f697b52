"""A short letter key asked after its noun ("tranche E", "zone UC") that the quoted documents
write siblings of but never itself is a near miss, named with those siblings
(unheld_letters.py; s32 trial n04, n10)."""

from __future__ import annotations

import pytest

from citeqa.models import Document
from citeqa.unheld_letters import UnheldLetter, asked_letters, unheld_letter


def document(name: str, text: str) -> Document:
    return Document(doc_id=name, title=name, path=f"/folder/{name}", text=text, sha256="0")


PRICES = document(
    "tarifs_piscine.md",
    "## Piscine 2026\n\n| Tranche | Revenu | Prix de l'entrée |\n| --- | --- | --- |\n"
    "| A | ≤ 900 € | 1,50 € |\n| B | 901 à 1 500 € | 2,40 € |\n| C | > 1 500 € | 3,10 € |\n"
    "| Extérieur | non résidents | 4,00 € |\n",
)
PLAN = document(
    "plan_secteurs.txt",
    "Règlement des secteurs\n\nSecteur HA — quartier historique\nLa hauteur est limitée à 9 m.\n"
    "Secteur HB — lotissements\nLa hauteur est limitée à 7 m.\n"
    "Secteur N — espaces naturels\nToute construction est interdite.\n",
)


def test_the_letter_keys_asked_after_their_nouns() -> None:
    assert asked_letters("Quel est le prix pour la tranche E ?")[0].written == "tranche E"
    assert [a.written for a in asked_letters("Which rules apply in Sector UC or sector B?")] == [
        "Sector UC",
        "sector B",
    ]
    assert asked_letters("Combien TTC pour la salle ?") == []  # its first word asks no key
    assert asked_letters("Que dit l'article UA 10 ?") == []  # a number follows: an article
    assert asked_letters("Quel est le montant de la TVA ?") == []  # after a stopword
    assert asked_letters("What does the TR-2025 invoice say?") == []


def test_a_tranche_the_price_list_does_not_hold_abstains_naming_those_it_holds() -> None:
    found = unheld_letter("Quel est le prix de l'entrée pour la tranche E ?", [PRICES], [PLAN])
    assert found == UnheldLetter("tranche E", ["tranche A", "tranche B", "tranche C"])


def test_a_sector_the_plan_does_not_name_abstains_naming_those_it_names() -> None:
    found = unheld_letter("Quelle hauteur en secteur HC ?", [PLAN], [])
    assert found == UnheldLetter("secteur HC", ["secteur HA", "secteur HB", "secteur N"])


@pytest.mark.parametrize(
    ("question", "quoted", "read"),
    [
        ("Quel est le prix de l'entrée pour la tranche B ?", [PRICES], []),
        ("Quelle hauteur en secteur HB ?", [PLAN], []),
        # a document read writes the asked key: the quotes may be the wrong ones, no near miss
        ("Quelle hauteur en secteur HC ?", [PLAN], [document("b.txt", "Secteur HC : 12 m.")]),
        # a key of two letters written alone anywhere in the documents read
        ("Quelle hauteur en secteur HC ?", [PLAN], [document("c.txt", "Le HC est à l'est.")]),
        # one other key only: a pair of qualifiers, no series ("prix HT" beside "prix TTC")
        ("Quel est le prix TTC ?", [document("d.txt", "Le prix HT est de 10 €.")], []),
        ("Quel est le prix de l'entrée pour la tranche E ?", [PLAN], []),  # no tranche there
    ],
)
def test_a_key_written_or_of_no_series_stands(
    question: str, quoted: list[Document], read: list[Document]
) -> None:
    assert unheld_letter(question, quoted, read) is None


def test_a_single_letter_written_alone_elsewhere_is_still_unheld() -> None:
    """A lone "E" is a word of many texts: only "tranche E" or the column's cell counts."""
    other = document("e.txt", "Vitamine E et zinc.")
    assert unheld_letter("Quel prix pour la tranche E ?", [PRICES], [other]) is not None
