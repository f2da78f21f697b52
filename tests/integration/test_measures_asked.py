"""A question asking a height, a length, an altitude or an area in so many words is answered by
a quote writing a measurement, or refused saying the passages write none (asked_values.json's
"dimension" kind, asked_values.lacks_kind).

s53 trial (a French climbing club's folder): "Quelle est la hauteur du mur de voies ?", which
no document gives, quoted the safety rule "Il est interdit de grimper seul sur le mur de
voies." at .51."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_values import DIMENSION, asked_kinds, lacks_kind, writes_kind
from small_corpora import assistant_over

RULES = """# Règlement intérieur de la salle

## Sécurité

Le port du baudrier est obligatoire sur le mur de voies.
Il est interdit de grimper seul sur le mur de voies.

## Bloc

La salle de bloc mesure 120 m² au sol.
"""


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"reglement.md": RULES}, tmp_path_factory.mktemp("hall"), tmp_path_factory.mktemp("index")
    )


def test_a_measurement_no_passage_writes_is_refused(hall: Assistant) -> None:
    answer = hall.ask("Quelle est la hauteur du mur de voies ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "aucune mesure" in answer.answer, answer.answer


def test_a_measurement_written_is_quoted(hall: Assistant) -> None:
    answer = hall.ask("Quelle est la superficie de la salle de bloc ?")
    assert not answer.abstained, answer.answer
    assert "120 m²" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Quelle est la hauteur du mur de voies ?", True),
        ("What is the height of the tower?", True),
        ("How tall is the lighthouse?", True),
        ("À quelle altitude se situe Minneapolis ?", True),
        ("Combien mesure la tour ?", True),
        ("How high was the response rate?", False),  # a rate, not a height
        ("What is the length of stay after surgery?", False),  # a duration
        ("La tour est-elle haute ?", False),  # yes or no
    ],
)
def test_a_measurement_is_asked_in_so_many_words(question: str, asks: bool) -> None:
    assert (DIMENSION in asked_kinds(question)) is asks


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("La tour culmine à 324 mètres.", True),
        ("Une superficie de 891,8 km².", True),
        ("Les Ulis sont à 25 km au sud de Paris.", True),
        ("Des flammes de plusieurs dizaines de mètres.", True),
        ("Implantée à vingt-quatre kilomètres au sud-ouest de Paris.", True),  # PIAF dev
        ("Deux coudées et demie pour sa longueur.", True),
        ("Il est interdit de grimper seul.", False),
        ("5 mg/kg par jour", False),
        ("Ouvert à 10 h.", False),
    ],
)
def test_a_measurement_is_a_figure_and_a_unit_of_length_or_area(text: str, writes: bool) -> None:
    assert writes_kind(DIMENSION, text) is writes


def test_a_measurement_is_lacking_only_when_no_quote_writes_one() -> None:
    question = "What is the height of the tower?"
    assert lacks_kind(DIMENSION, question, ["The tower was built in 1889."])
    assert not lacks_kind(DIMENSION, question, ["The tower is 330 m tall."])
    assert not lacks_kind(DIMENSION, "Who built the tower?", ["The tower was built in 1889."])
