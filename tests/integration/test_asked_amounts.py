"""A question naming money is answered by its document's sentence writing an amount, not by
the document's title or date line (asked_values.py; s27 trial: "Montant de la facture EDF de
janvier" quoted the invoice's title, the school trip's cost its date sentence)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

BILL = """Eau du Grand Lyon - Votre facture d'eau de mars 2025

Client : M. et Mme Durand, 8 allée des Cerisiers, 69007 Lyon
Période : du 01/01/2025 au 31/03/2025   Consommation : 21 m3
Montant total TTC : 86,14 €
Prélevé le 12/04/2025 sur votre compte.
"""

TRIP = """Objet : visite de la classe de CE2 au planétarium de Vaulx-en-Velin
Chers parents,
La classe de CE2 de M. Girard se rendra au planétarium le mardi 14 octobre 2025.
Le départ est prévu à 8 h 45 devant l'école.
La participation demandée aux familles est de 9 € par enfant (séance et atelier).
Merci de rendre le coupon avant le 3 octobre.
"""


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"facture_eau_2025-03.txt": BILL, "sortie_planetarium.txt": TRIP}
    corpus, index = tmp_path_factory.mktemp("papers"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        ("Montant de la facture d'eau de mars", "86,14 €"),
        ("Combien coûte la visite au planétarium ?", "9 € par enfant"),
    ],
)
def test_a_question_naming_money_quotes_the_amount(
    papers: Assistant, question: str, amount: str
) -> None:
    answer = papers.ask(question)
    assert not answer.abstained, answer.reason
    assert amount in answer.citations[0].quote
