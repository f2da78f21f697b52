"""A question naming money is answered by its document's sentence writing an amount, not by
the document's title or date line (asked_values.py; s27 trial: "Montant de la facture EDF de
janvier" quoted the invoice's title, the school trip's cost its date sentence), nor by another
document's amount once the best document's title line is weighed down (s27 trial: "Combien
coûte l'assurance habitation ?" quoted the car loan's "Coût total du crédit")."""

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


STAY = """Objet : classe de découverte à Autrans (version définitive)

Le séjour aura lieu du 17 au 21 mars 2025.

Grâce à la subvention de la mairie, le coût pour les familles est ramené à 145 €, payable en
trois fois.

Trousseau : vêtements de ski, bottes de neige, lampe de poche.
"""

MEETING = """Réunion parents-professeurs CM2

Bonjour,

La réunion parents-professeurs de la classe de CM2 aura lieu le vendredi 14 mars 2025 à 18 h.
Nous parlerons de l'entrée en 6e et de la classe de découverte.

Cordialement,
Claire Dubreuil
"""

HOME_POLICY = """ASSURANCE MULTIRISQUE HABITATION - CONDITIONS PARTICULIERES

Assureur : Mutuelle Rhodanienne d'Assurances   Contrat n° HAB-7781-2093

Assurés : Julien MARTIN   Risque assuré : 14 rue des Tilleuls, 69003 Lyon

Cotisation annuelle TTC 2024-2025 : 312,48 €, payable en 12 mensualités de 26,04 €.
"""

LOAN = """Echeancier pret auto

Montant emprunté : 18 000 €   Taux : 3,90 %   Durée : 48 mois

Coût total du crédit : 1 469,28 € (intérêts) + 432,00 € (assurance)
"""

REPORT = """# Spring release report

## Effort

The team spent 340 hours on testing during the spring release.
The release notes were published on the intranet.
Feedback from users was collected by the support team.

## Tools

The roadmap was discussed with the board.
Several meetings were held in the main office.
Testing tools for the spring release cost 4 200 €.
"""


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "facture_eau_2025-03.txt": BILL,
        "sortie_planetarium.txt": TRIP,
        "classe_decouverte.txt": STAY,
        "reunion_parents.txt": MEETING,
        "habitation_conditions.txt": HOME_POLICY,
        "echeancier_pret_auto.txt": LOAN,
        "report.md": REPORT,
    }
    corpus, index = tmp_path_factory.mktemp("papers"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        ("Montant de la facture d'eau de mars", "86,14 €"),
        ("Combien coûte la visite au planétarium ?", "9 € par enfant"),
        ("Combien coûte la classe de découverte ?", "145 €"),  # not the meeting's mention
        ("Combien coûte l'assurance habitation ?", "312,48 €"),  # not the loan's cost
    ],
)
def test_a_question_naming_money_quotes_the_amount(
    papers: Assistant, question: str, amount: str
) -> None:
    answer = papers.ask(question)
    assert not answer.abstained, answer.reason
    assert amount in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "answer_words"),
    [
        ("How much time did the team spend on testing during the spring release?", "340 hours"),
        ("What did the testing tools cost?", "4 200 €"),
    ],
)
def test_a_question_asking_time_quotes_the_time_and_one_asking_money_the_amount(
    papers: Assistant, question: str, answer_words: str
) -> None:
    """Review E: the report's tool cost replaced the hours spent, rated .30 against .75."""
    answer = papers.ask(question)
    assert not answer.abstained, answer.reason
    assert answer_words in answer.citations[0].quote
