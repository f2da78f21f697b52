"""An electricity supplier's terms of sale and price grid as a customer asks them (s62 trial).

A lookup by a measured key the grid's key column writes only with other figures abstains
naming the closest (measured_keys.py): "Combien coûte l'abonnement en 15 kVA ?" quoted
`| 9 kVA | 15,63 € | 0,2270 € |` at .48, for the "15" of its price.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

TERMS = (
    "# Volta Énergie — conditions générales de vente de l'électricité (version du"
    " 1er janvier 2027)\n"
    "\n"
    "## Article 1 — Objet\n"
    "Les présentes conditions s'appliquent à la fourniture d'électricité aux clients"
    " résidentiels dont la puissance souscrite ne dépasse pas 36 kVA.\n"
    "\n"
    "## Article 2 — Souscription\n"
    "Le contrat prend effet à la date de mise en service indiquée dans la"
    " confirmation de souscription, au plus tôt 5 jours après celle-ci.\n"
    "Le client dispose d'un délai de rétractation de 14 jours à compter de la"
    " souscription.\n"
    "\n"
    "## Article 3 — Durée\n"
    "Le contrat est conclu pour une durée indéterminée. Le client peut le résilier à"
    " tout moment, sans frais ; la résiliation prend effet au plus tard 30 jours"
    " après sa demande.\n"
    "\n"
    "## Article 4 — Prix\n"
    "Le prix du kWh est indexé sur le tarif réglementé de vente : il est inférieur"
    " de 10 % au prix hors taxes du kWh de ce tarif.\n"
    "Le prix de l'abonnement est identique à celui du tarif réglementé.\n"
    "\n"
    "## Article 5 — Facturation\n"
    "Le client est facturé tous les mois sur la base d'une estimation, et une"
    " facture de régularisation est établie chaque année à partir du relevé du"
    " compteur Linky.\n"
    "Le paiement se fait par prélèvement automatique, le 10 du mois.\n"
    "\n"
    "## Article 6 — Retard de paiement\n"
    "En cas de retard, des pénalités égales à trois fois le taux d'intérêt légal"
    " sont appliquées, ainsi qu'une indemnité forfaitaire de 10 €.\n"
    "Après une relance restée sans réponse pendant 15 jours, la puissance peut être"
    " réduite.\n"
    "\n"
    "## Article 7 — Réclamations\n"
    "Les réclamations se font par courriel à service-client@volta-energie.fr ou par"
    " courrier. Sans réponse satisfaisante sous deux mois, le client peut saisir le"
    " médiateur national de l'énergie.\n"
)

GRID = (
    "# Grille tarifaire Volta Énergie au 1er février 2027 (TTC)\n"
    "\n"
    "| Puissance souscrite | Abonnement mensuel | Prix du kWh (option base) |\n"
    "|---|---|---|\n"
    "| 3 kVA | 9,47 € | 0,2270 € |\n"
    "| 6 kVA | 12,44 € | 0,2270 € |\n"
    "| 9 kVA | 15,63 € | 0,2270 € |\n"
    "| 12 kVA | 18,89 € | 0,2270 € |\n"
    "\n"
    "Option heures creuses : le kWh coûte 0,1930 € en heures creuses et 0,2460 € en"
    " heures pleines, pour 8 heures creuses par jour.\n"
    "La mise en service coûte 21,72 €, facturés par le gestionnaire de réseau.\n"
)


@pytest.fixture(scope="module")
def supplier(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"conditions-generales.md": TERMS, "grille-tarifaire.md": GRID}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_power_no_row_lists_abstains_naming_the_closest(supplier: Assistant) -> None:
    answer = supplier.ask("Combien coûte l'abonnement en 15 kVA ?")
    assert answer.abstained, answer.citations
    assert "12 kVA" in answer.reason and "15 kVA" in answer.reason, answer.reason


def test_a_power_a_row_lists_answers(supplier: Assistant) -> None:
    quote = first_quote(supplier, "Combien coûte l'abonnement en 6 kVA ?")
    assert "12,44 €" in quote, quote
