"""A car owner's folder as they ask it (s57 trial): a garage's invoice under its letterhead, a
maintenance log, an insurance contract and a registration certificate, in French.

- A value of the kind asked of an owner stands on a line of its own under the owner's name
  heading its block ("GARAGE LEMOINE" over its address and "Tél. 02 99 83 41 27"): the line is
  the owner's, and the quote is the block (letterheads.py, answering._value_kind_checked).
  "Quel est le numéro de téléphone du garage Lemoine ?" was refused, the log's "Garage Lemoine"
  rows outranking the invoice and the "Tél." line writing no owner.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

INVOICE = """GARAGE LEMOINE
12 rue de la Gare, 35510 Cesson-Sévigné
Tél. 02 99 83 41 27

FACTURE N° F-2026-0418
Date : 9 avril 2026
Client : Camille Perrin
Véhicule : Peugeot 308 SW GH-512-KT, 72 980 km

Kit courroie de distribution avec pompe à eau ....... 412,00 €
Liquide de refroidissement 5 L ........................ 38,50 €
Main d'œuvre 4,5 h à 65 € ............................ 292,50 €

Total HT : 743,00 €
TVA 20 % : 148,60 €
Total TTC : 891,60 €

Prochain contrôle conseillé : vidange à 80 000 km.
Réglé par carte bancaire le 9 avril 2026.

Le chef d'atelier,
Hervé Lemoine
"""
LOG = """date,kilometrage,operation,garage,montant_eur
2024-03-12,45210,Vidange + filtre à huile,Garage Lemoine,129.90
2024-09-28,52840,Remplacement plaquettes de frein avant,Garage Lemoine,214.50
2025-02-17,58900,Révision complète,Peugeot Rennes Sud,389.00
2025-06-03,61230,Changement pneus été (x4),Euromaster Cesson,476.00
2025-11-20,67415,Remplacement batterie,Norauto Chantepie,165.00
2026-04-09,72980,Courroie de distribution,Garage Lemoine,845.00
"""
INSURANCE = (
    "# Contrat d'assurance automobile\n"
    "\n"
    "Assureur : Matmut\n"
    "Numéro de contrat : AUTO-7734-2209\n"
    "Souscripteur : Camille Perrin\n"
    "Véhicule assuré : Peugeot 308 SW, immatriculée GH-512-KT\n"
    "\n"
    "## Garanties\n"
    "\n"
    "- Responsabilité civile : illimitée pour les dommages corporels.\n"
    "- Bris de glace : sans franchise.\n"
    "- Vol et incendie : franchise de 250 €.\n"
    "- Dommages tous accidents : franchise de 400 €.\n"
    "- Assistance 0 km : dépannage et remorquage 24 h/24.\n"
    "\n"
    "## Cotisation\n"
    "\n"
    "La cotisation annuelle est de 612 € TTC, payable en 12 mensualités de 51 €.\n"
    "Le coefficient de bonus-malus est de 0,68 au 1er janvier 2026.\n"
    "L'échéance principale du contrat est fixée au 1er avril.\n"
    "\n"
    "## Sinistres\n"
    "\n"
    "Tout sinistre doit être déclaré dans les cinq jours ouvrés, et dans les deux "
    "jours ouvrés en cas de vol.\n"
)
REGISTRATION = """CERTIFICAT D'IMMATRICULATION

A. Numéro d'immatriculation : GH-512-KT
B. Date de première immatriculation : 14/06/2021
C.1 Titulaire : PERRIN Camille
D.1 Marque : PEUGEOT
D.3 Dénomination commerciale : 308 SW
E. Numéro d'identification du véhicule : VF3LBHNS9MS214587
P.3 Type de carburant : ES (essence)
P.6 Puissance administrative : 7 CV
S.1 Nombre de places assises : 5
"""
FILES = {
    "facture-garage.txt": INVOICE,
    "entretien.csv": LOG,
    "assurance-auto.md": INSURANCE,
    "carte-grise.txt": REGISTRATION,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le numéro de téléphone du garage Lemoine ?",
        "What is the phone number of Garage Lemoine?",
    ],
)
def test_a_phone_under_its_owners_letterhead_is_the_owners(
    folder: Assistant, question: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    quote = answer.citations[0].quote
    assert quote.startswith("GARAGE LEMOINE") and quote.endswith("Tél. 02 99 83 41 27")
    assert answer.citations[0].doc_id == "facture-garage"


def test_a_phone_no_block_writes_under_its_owner_is_refused(folder: Assistant) -> None:
    answer = folder.ask("Quel est le numéro de téléphone de Norauto Chantepie ?")
    assert answer.abstained, [c.quote for c in answer.citations]
