"""A question naming a thing the folder does not hold abstains instead of quoting its sibling
(s25 trial): "the Thermo One Max" answered by the "Thermo One" row (extended_names.py), "la
sonde de température sans fil" by the "Sonde de température filaire" row (opposed_qualifiers.py).
The siblings themselves, and a closed question about a qualifier, are still answered."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PRICES = """Référence,Produit,Prix TTC (€),Garantie
VT-100,Thermo One,149,3 ans
VT-200,Thermo One Pro,229,3 ans
AC-01,Sonde de température filaire,"24,9",2 ans
AC-02,Capteur d'ouverture de fenêtre,"29,9",2 ans
AC-03,Support mural,"12,5",2 ans
"""
FAQ = """# Questions fréquentes

## Installation

Le Thermo One se fixe au mur avec deux vis fournies.

La sonde de température filaire se branche sur la borne T2 du Thermo One.

## Garantie

Les accessoires sont garantis deux ans à compter de la livraison.
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("shop"), tmp_path_factory.mktemp("index")
    return assistant_over({"tarifs.csv": PRICES, "faq.md": FAQ}, corpus, index)


def reason_of(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    return answer.reason or ""


def test_a_name_one_unknown_word_longer_than_a_row_abstains_naming_both(shop: Assistant) -> None:
    reason = reason_of(shop, "How much does the Thermo One Max cost?")
    assert "“Thermo One Max”" in reason and "Thermo One." in reason


def test_the_opposite_qualifier_of_a_row_abstains_naming_both(shop: Assistant) -> None:
    reason = reason_of(shop, "Quel est le prix de la sonde de température sans fil ?")
    assert "“filaire”" in reason and "“sans fil”" in reason


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("How much does the Thermo One Pro cost?", "Thermo One Pro"),
        ("Quel est le prix de la sonde de température filaire ?", "filaire"),
    ],
)
def test_the_siblings_are_answered(shop: Assistant, question: str, written: str) -> None:
    answer = shop.ask(question)
    assert not answer.abstained, answer.reason
    assert written in answer.citations[0].quote


def test_a_closed_question_on_the_qualifier_is_not_refused_for_it(shop: Assistant) -> None:
    answer = shop.ask("La sonde de température est-elle sans fil ?")
    assert not answer.abstained, answer.reason
    assert "filaire" in answer.citations[0].quote
