"""The "age" kind of asked_values.json: which questions ask an age and which texts write one."""

from __future__ import annotations

import pytest

from citeqa.asked_values import asked_kinds, writes_kind


@pytest.mark.parametrize(
    "question",
    [
        "À partir de quel âge peut-on s'inscrire ?",
        "Quel âge avait-il à sa mort ?",
        "How old must children be to join?",
        "At what age can I register?",
        "What is the minimum age?",
        "Quelle est la limite d'âge ?",
    ],
)
def test_a_question_asking_an_age(question: str) -> None:
    assert "age" in asked_kinds(question)


@pytest.mark.parametrize(
    "question",
    ["Is there a minimum age?", "Quel est le prix de l'abonnement ?", "How long is the course?"],
)
def test_a_question_asking_no_age(question: str) -> None:
    assert "age" not in asked_kinds(question)


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("Le club est interdit aux moins de 16 ans.", True),
        ("Children aged 8 and over may attend.", True),
        ("A 12-year-old boy found it.", True),
        ("Open to members 18+ only.", True),
        ("Elle est âgée de 34 ans.", True),
        ("Âge moyen : 42,5 ans", True),
        ("Mean age 38.2 years", True),
        ("L'abonnement peut être suspendu une fois par an.", False),
        ("Model 2024 costs 300 euros.", False),
    ],
)
def test_a_text_writing_an_age(text: str, writes: bool) -> None:
    assert writes_kind("age", text) is writes
