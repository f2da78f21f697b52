"""An employee's folder as the employee asks it (s60 trial): a French employment contract and a
payslip whose table lists pay items.

- "Où se trouve la société ?" is answered by the contract's line writing the company's address
  (whereabouts.py): the answer models refused it at .34.
- A pay item named by a word no row writes beside another row's word is refused naming the
  closest rows (unheld_word_keys.py): "Quel est le montant de la prime de transport ?" quoted
  the `Prime de panier` row at .57.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

CONTRACT = (
    "# Contrat de travail à durée indéterminée\n"
    "\n"
    "Entre la société Verdalis SAS, 18 avenue Jean Jaurès, 31000 Toulouse, représentée par"
    " Mme Claire Dumas, directrice des ressources humaines, et M. Antoine Lefèvre, il a été"
    " convenu ce qui suit.\n"
    "\n"
    "## Article 2 — Période d'essai\n"
    "\n"
    "Le contrat ne deviendra définitif qu'à l'issue d'une période d'essai de trois mois,"
    " renouvelable une fois pour la même durée.\n"
    "\n"
    "## Article 3 — Rémunération\n"
    "\n"
    "Le salarié percevra un salaire brut mensuel de 2 450 €, versé sur douze mois.\n"
)
PAYSLIP = (
    "# Bulletin de paie — mars 2026\n"
    "\n"
    "| Rubrique | Base | Taux | Montant |\n"
    "|---|---|---|---|\n"
    "| Salaire de base | 151,67 h | 16,15 € | 2 450,00 € |\n"
    "| Heures supplémentaires 25 % | 6 h | 20,19 € | 121,14 € |\n"
    "| Prime de panier | 20 jours | 7,30 € | 146,00 € |\n"
    "| Salaire brut | | | 2 717,14 € |\n"
    "| Net payé | | | 2 031,76 € |\n"
)
FILES = {"contrat-de-travail.md": CONTRACT, "bulletin-paie-2026-03.md": PAYSLIP}


@pytest.fixture(scope="module")
def employee(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_where_the_company_is_is_its_address(employee: Assistant) -> None:
    quote = first_quote(employee, "Où se trouve la société ?")
    assert "18 avenue Jean Jaurès" in quote, quote


def test_a_pay_item_no_row_names_is_refused(employee: Assistant) -> None:
    answer = employee.ask("Quel est le montant de la prime de transport ?")
    assert answer.abstained
    assert "transport" in answer.reason and "Prime de panier" in answer.reason, answer.reason


def test_a_pay_item_a_row_names_is_answered(employee: Assistant) -> None:
    quote = first_quote(employee, "Quel est le montant de la prime de panier ?")
    assert "146,00 €" in quote, quote
