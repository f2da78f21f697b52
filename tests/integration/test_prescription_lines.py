"""A prescription's lines: the rule a conditional best candidate is a case of is of the same
subject (base_statements._of_same_subject). "Quelle dose maximale de paracétamol par jour ?"
quoted the line above the paracetamol line, "- Atorvastatine 20 mg : 1 comprimé le soir,
pendant 3 mois.", read as the rule of "… si douleur, sans dépasser 3 g par jour." (s58 trial)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PRESCRIPTION = (
    "Dr Claire Vasseur\n"
    "Médecin généraliste\n"
    "18 rue Nationale, 37000 Tours\n"
    "Tél. 02 47 61 33 90\n"
    "\n"
    "Tours, le 4 mars 2026\n"
    "\n"
    "Mme Hélène Marchal, née le 12/07/1968\n"
    "\n"
    "- Ramipril 5 mg : 1 comprimé le matin, pendant 3 mois.\n"
    "- Atorvastatine 20 mg : 1 comprimé le soir, pendant 3 mois.\n"
    "- Paracétamol 1 g : 1 comprimé jusqu'à 3 fois par jour si douleur, sans dépasser 3 g par "
    "jour.\n"
    "\n"
    "Renouvelable 2 fois.\n"
    "Prochain contrôle de la tension dans un mois.\n"
)


@pytest.fixture(scope="module")
def prescription(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"ordonnance-2026-03-04.txt": PRESCRIPTION}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_rule_of_a_case_is_of_its_subject(prescription: Assistant) -> None:
    answer = prescription.ask("Quelle dose maximale de paracétamol par jour ?")
    assert not answer.abstained, answer.reason
    assert "sans dépasser 3 g par jour" in answer.citations[0].quote
