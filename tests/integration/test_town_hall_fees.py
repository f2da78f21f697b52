"""A town hall's school catering page as a parent asks it (s60 trial): a table of prices by
band of family quotient.

A question writing an amount that a row's band holds ("un quotient de 800 €" in "de 601 à
1 000 €") is answered from that row whatever the answer models make of a number the documents
never write (answering._holds_looked_up_row): "Combien coûte un repas pour un quotient de 800 € ?"
was refused at .11, though "… pour un quotient familial de 800 € ?" was answered from the row.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CATERING = (
    "# Restauration scolaire et accueil périscolaire\n"
    "\n"
    "## Tarifs 2026-2027\n"
    "\n"
    "| Quotient familial | Repas | Accueil du matin | Accueil du soir |\n"
    "|---|---|---|---|\n"
    "| moins de 600 € | 1,20 € | 0,90 € | 1,50 € |\n"
    "| de 601 à 1 000 € | 2,80 € | 1,40 € | 2,30 € |\n"
    "| plus de 1 000 € | 4,10 € | 1,90 € | 3,10 € |\n"
    "\n"
    "L'accueil du matin ouvre à 7 h 30 ; l'accueil du soir ferme à 18 h 45. Tout retard après"
    " 18 h 45 est facturé 5 € par quart d'heure.\n"
    "\n"
    "Les inscriptions se font sur le portail famille avant le 31 août. Un repas non décommandé"
    " 48 heures à l'avance est facturé.\n"
)
WASTE = (
    "# Collecte des déchets\n"
    "\n"
    "Les ordures ménagères sont collectées le mardi matin. La déchetterie est ouverte du lundi"
    " au samedi de 9 h à 12 h et de 14 h à 18 h.\n"
)
FILES = {"cantine-periscolaire.md": CATERING, "dechets.md": WASTE}


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("Combien coûte un repas pour un quotient de 800 € ?", "2,80 €"),
        ("Quel est le prix d'un repas pour un quotient de 700 € ?", "2,80 €"),
        ("Combien coûte un repas pour un quotient de 1 200 € ?", "4,10 €"),
    ],
)
def test_an_amount_a_band_holds_is_answered_from_its_row(
    town: Assistant, question: str, price: str
) -> None:
    answer = town.ask(question)
    assert not answer.abstained, answer.reason
    assert price in answer.citations[0].quote, answer.citations[0].quote


def test_a_word_the_documents_never_write_is_still_refused(town: Assistant) -> None:
    assert town.ask("Combien coûte la cantine pour un adulte ?").abstained
