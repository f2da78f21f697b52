"""A sentence stating a default case ("Pour toute autre panne, …", "For all other countries,
…") gives way to a near candidate naming the case the question asks (other_cases.py,
promotions.named_case_first). s51 trial: "Quel est le délai d'intervention si quelqu'un est
bloqué dans l'ascenseur ?" quoted "Pour toute autre panne, le délai d'intervention est de
quatre heures ouvrées." over "En cas de personne bloquée en cabine, le technicien intervient
dans un délai maximal d'une heure après l'appel." A question naming no case keeps the
default."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from lift_contract import LIFT_CONTRACT
from small_corpora import assistant_over

SHIPPING = """# Shipping

Orders are shipped within two working days from our warehouse in Lille.

Shipping to Belgium and Luxembourg costs 6 euros and takes two to three days.

For all other countries, shipping costs 15 euros and takes five to eight working days.

Orders above 80 euros are shipped free of charge to every country.
"""


@pytest.fixture(scope="module")
def terms(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"contrat-ascenseur.txt": LIFT_CONTRACT, "shipping.md": SHIPPING},
        tmp_path_factory.mktemp("terms"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        (
            "Quel est le délai d'intervention si quelqu'un est bloqué dans l'ascenseur ?",
            "une heure",
        ),
        ("Quel est le délai d'intervention pour une panne ?", "quatre heures"),
        ("How much does shipping to Belgium cost?", "6 euros"),
    ],
)
def test_the_case_asked_is_quoted_over_the_default(
    terms: Assistant, question: str, quoted: str
) -> None:
    answer = terms.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote, answer.citations[0].quote
