"""A question asking what a thing is, whose best-rated quote writes that thing only denied
("sans préavis", "without notice"), is answered by the near candidate stating it
(negated_terms.py, promotions.stated_first). s51 trial: "Quel préavis pour résilier le contrat
d'ascenseur ?" quoted the clause ending the contract without notice after a serious breach,
not the notice of three months; a tenancy's "How much notice is needed to end the tenancy?"
quoted the landlord's ending without notice when the rent is late. A question writing the
denial, or naming the case the denial is stated for, keeps the denying clause."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from lift_contract import LIFT_CONTRACT
from small_corpora import assistant_over

TENANCY = """# Tenancy agreement: 14 Elm Street, flat 3

The landlord, Harbour Lettings Ltd, lets the flat to Ms Nadia Okafor from 1 September 2026.

## Rent

The rent is 1,150 pounds a month, paid on the first day of each month by standing order.

## Ending the tenancy

The landlord may end the tenancy without notice if the rent is more than two months late.

Either party may end the tenancy after the first six months by giving two months' notice in writing.
"""


@pytest.fixture(scope="module")
def contracts(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"contrat-ascenseur.txt": LIFT_CONTRACT, "tenancy.md": TENANCY},
        tmp_path_factory.mktemp("contracts"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("Quel préavis pour résilier le contrat d'ascenseur ?", "préavis de trois mois"),
        ("How much notice is needed to end the tenancy?", "two months' notice"),
    ],
)
def test_the_statement_is_quoted_over_the_denial(
    contracts: Assistant, question: str, stated: str
) -> None:
    answer = contracts.ask(question)
    assert not answer.abstained, answer.reason
    assert stated in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "denied"),
    [
        ("Peut-on résilier le contrat d'ascenseur sans préavis ?", "sans préavis"),
        (
            "Quel préavis pour résilier le contrat d'ascenseur en cas de manquement grave ?",
            "sans préavis",
        ),
        ("Can the landlord end the tenancy without notice?", "without notice"),
    ],
)
def test_a_question_asking_of_the_denial_keeps_it(
    contracts: Assistant, question: str, denied: str
) -> None:
    answer = contracts.ask(question)
    assert not answer.abstained, answer.reason
    assert denied in answer.citations[0].quote, answer.citations[0].quote
