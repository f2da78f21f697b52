"""A table row whose key word the question writes and that writes a value of the kind it asks
is looked up over another document's prose that names no such key and writes no such value
(cell_lookups.table_asked_by_cell; s56 trial: a renovation folder's planning). A prose best
writing the value asked keeps its place."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PLANNING = """lot,entreprise,début,fin,statut
Démolition salle de bains,Plomberie Martin,2027-03-08,2027-03-09,prévu
Plomberie,Plomberie Martin,2027-03-10,2027-03-12,prévu
Électricité,Élec Services Nantais,2027-03-15,2027-03-17,prévu
Carrelage,Carrelages Le Goff,2027-03-18,2027-03-24,prévu
Pose cuisine,Cuisines Bréard,2027-04-12,2027-04-16,prévu
"""
LETTER = """MAIRIE DE NANTES
Direction de l'urbanisme

Nantes, le 22 janvier 2027

Madame, Monsieur,

Votre déclaration préalable pour le remplacement des fenêtres a fait l'objet d'une décision
de non-opposition en date du 20 janvier 2027.

Les travaux doivent commencer dans un délai de trois ans à compter de cette date.

Pour le Maire,
L'adjointe à l'urbanisme, Sophie Renaud
"""
QUOTE = """# Devis n° D-2027-031 — Plomberie Martin

Client : M. et Mme Garnier, 18 rue des Acacias, 44000 Nantes
Date du devis : 3 février 2027
Validité : 60 jours

| Désignation | Quantité | Prix unitaire HT | Total HT |
|---|---|---|---|
| Dépose de l'ancienne baignoire | 1 | 180,00 € | 180,00 € |
| Receveur de douche extra-plat 90 x 140 | 1 | 420,00 € | 420,00 € |
| Paroi de douche vitrée | 1 | 365,00 € | 365,00 € |
| Mitigeur thermostatique | 1 | 210,00 € | 210,00 € |
| Main d'œuvre (jours) | 3 | 380,00 € | 1 140,00 € |

Total HT : 2 315,00 €
TVA 10 % : 231,50 €
Total TTC : 2 546,50 €

Un acompte de 30 % est demandé à la commande. Les travaux débutent sous quatre semaines
après acceptation du devis. Garantie décennale : MAAF, contrat n° 45871236.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"planning.csv": PLANNING, "permis-mairie.txt": LETTER, "devis-plomberie.md": QUOTE}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_row_writing_the_asked_date(folder: Assistant) -> None:
    answer = folder.ask("Quand commencent les travaux de plomberie ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| Plomberie |"), answer.citations[0].quote


def test_a_best_writing_the_asked_value_keeps_its_place(folder: Assistant) -> None:
    answer = folder.ask("Quel est le total TTC du devis de plomberie ?")
    assert not answer.abstained, answer.reason
    assert "2 546,50 €" in answer.citations[0].quote
