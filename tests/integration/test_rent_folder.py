"""A landlord's folder as they ask it (s57 trial): a French lease and a rent ledger whose rows are
keyed by their month in figures ("2025-12").

- A month the question names, written in figures by a candidate of the question's own language,
  answers (time_siblings.of_asked_month, unheld_months.writes_month_in_figures): "Quand le loyer
  de décembre a-t-il été payé ?" quoted the lease's rule on paying by the 5th and refused it as
  September's (the lease starts "à compter du 1er septembre 2025"), though the ledger's
  December row gives the day.
- A label sharing the question's stem does not make a field line the answer over the best
  candidate writing the kind of value asked (field_answers.on_asked_field): "Until when is the
  tenant insurance valid?" quoted the certificate's "Insurer: AXA France".
- A question writing every word of a document's title names it (document_names.titled_among):
  "Combien le locataire doit-il pour la régularisation des charges ?" quoted the lease's rent
  sentence, which writes "charges" but not "régularisation".
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

LEASE = (
    "# Contrat de location — logement meublé\n"
    "\n"
    "Bailleur : Mme Nathalie Girard, 4 allée des Tilleuls, 69003 Lyon\n"
    "Locataire : M. John Carter\n"
    "Logement : appartement T2 de 42 m², 17 rue Paul Bert, 69003 Lyon, 3e étage\n"
    "\n"
    "## Durée\n"
    "\n"
    "Le bail est conclu pour une durée d'un an à compter du 1er septembre 2025, "
    "renouvelable par tacite reconduction.\n"
    "Le locataire peut donner congé à tout moment avec un préavis d'un mois.\n"
    "\n"
    "## Loyer et charges\n"
    "\n"
    "Le loyer mensuel est fixé à 780 €, auquel s'ajoute une provision pour charges "
    "de 65 € par mois.\n"
    "Le loyer est payable d'avance, au plus tard le 5 de chaque mois, par virement.\n"
    "Le loyer est révisé chaque année au 1er septembre selon l'indice de référence "
    "des loyers (IRL).\n"
    "\n"
    "## Dépôt de garantie\n"
    "\n"
    "Un dépôt de garantie de 1 560 € est versé à la signature, soit deux mois de "
    "loyer hors charges.\n"
    "Il est restitué dans un délai d'un mois après la remise des clés si l'état des "
    "lieux de sortie est conforme.\n"
    "\n"
    "## Animaux\n"
    "\n"
    "La détention d'un chat ou d'un petit chien est autorisée.\n"
)
LEDGER = """mois,loyer,charges,total,date_paiement,mode
2025-09,780,65,845,2025-09-03,virement
2025-10,780,65,845,2025-10-04,virement
2025-11,780,65,845,2025-11-05,virement
2025-12,780,65,845,2025-12-09,chèque
2026-01,780,65,845,2026-01-05,virement
2026-02,780,65,845,2026-02-03,virement
"""
CHARGES = """# Régularisation des charges 2025

Période : du 1er septembre au 31 décembre 2025 (4 mois)

Provisions versées : 4 × 65 € = 260,00 €

Charges réelles :
- Eau froide : 96,40 €
- Entretien des parties communes : 121,80 €
- Taxe d'enlèvement des ordures ménagères : 84,10 €

Total des charges réelles : 302,30 €
Solde dû par le locataire : 42,30 €, à régler avec le loyer d'avril 2026.
"""
INSURANCE = """CERTIFICATE OF HOME INSURANCE

Insurer: AXA France
Policy number: MRH-5521-88730
Insured: John Carter
Address insured: 17 rue Paul Bert, 69003 Lyon
Cover: tenant liability, water damage, fire, theft
Valid from 1 September 2025 to 31 August 2026
"""
FILES = {
    "bail.md": LEASE,
    "quittances.csv": LEDGER,
    "regularisation-charges-2025.md": CHARGES,
    "tenant-insurance.txt": INSURANCE,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Quand le loyer de décembre a-t-il été payé ?", "| 2025-12 |"),
        ("Comment a été payé le loyer de décembre 2025 ?", "| 2025-12 |"),
    ],
)
def test_a_month_the_ledger_keys_in_figures_is_its_row(
    folder: Assistant, question: str, row: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(row)


def test_a_month_no_row_holds_is_still_refused(folder: Assistant) -> None:
    answer = folder.ask("Quand le loyer de mars a-t-il été payé ?")
    assert answer.abstained, [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Until when is the tenant insurance valid?", "31 August 2026"),
        ("Combien le locataire doit-il pour la régularisation des charges ?", "42,30 €"),
    ],
)
def test_the_answer_is_the_line_writing_what_is_asked(
    folder: Assistant, question: str, written: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert written in answer.citations[0].quote
