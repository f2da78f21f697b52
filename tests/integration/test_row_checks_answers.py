"""The checks of a quoted table row, an asked month and an asked identifier's qualifier,
end to end (unheld_cells.py, unheld_months.py, identifier_qualifiers.py; session 28's review
D: "Who is Alice Durand's manager?" abstained "they are of Engineer", another row's Role)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "org.csv": "Name,Role,Reports to,Office\nAlice Durand,Engineer,Bob Martin,Paris\n"
    "Bob Martin,Manager,Carla Diaz,Paris\nCarla Diaz,Director,,London\n"
    "Denis Roy,Accountant,Carla Diaz,London\nEva Klein,Assistant,Bob Martin,Paris\n",
    "habitation.md": "Assurance habitation MAIF\n\nContrat Habitation Confort\n\n"
    "Numéro de sociétaire : 1234567 H\n\nN° de police : HAB-2231\n\nFranchise : 150 €\n",
    "cantine.md": "# Cantine\n\nFacture de cantine Avr. 2025 : Chloé, 16 repas, 69,60 €.\n\n"
    "Facture de cantine mars 2025 : Chloé, 12 repas, 52,20 €.\n",
    "vacances.md": "# Vacances\n\nLes vacances de printemps commencent le 12 avril.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Who is Alice Durand's manager?", "Alice Durand"),
        ("Quel est le numéro de contrat habitation ?", "HAB-2231"),
        ("Combien coûte la cantine de Chloé en avril ?", "Avr. 2025"),
    ],
)
def test_the_row_month_or_identifier_asked_is_answered(
    folder: Assistant, question: str, answer: str
) -> None:
    result = folder.ask(question)
    assert not result.abstained, result.reason
    assert answer in result.citations[0].quote
