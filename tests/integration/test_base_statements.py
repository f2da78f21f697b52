"""A question asking a value of a rule ("How long is the warranty?", "How long do I have to
submit a claim?") quotes the sentence stating the rule, not the next one stating a case of it
under a condition the question does not ask (s47 trial c04: "The warranty is extended to 5 years
if you register…" was quoted over "… for 2 years from the date of purchase."; b10: "If your
claim is accepted, the panel may grant an extension of up to two weeks…" over "Claims must be
submitted within five working days…"; base_statements.py, conditions.json)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

WARRANTY = (
    "Aerion Limited Warranty\n\n"
    "Aerion warrants the X2 purifier against defects in materials and workmanship for 2 years "
    "from the date of purchase.\n"
    "The warranty is extended to 5 years if you register the product in the Aerion Home app "
    "within 30 days of purchase.\n"
    "Filters are consumables and are not covered by the warranty.\n"
    "To make a claim, contact support@aerion.example with your proof of purchase.\n"
)
GARANTIE = (
    "Garantie limitée Aerion\n\n"
    "Aerion garantit le purificateur X2 contre les défauts de fabrication pendant 2 ans à "
    "compter de la date d'achat.\n"
    "La garantie est portée à 5 ans si vous enregistrez le produit dans l'application Aerion "
    "Home dans les 30 jours suivant l'achat.\n"
    "Les filtres sont des consommables et ne sont pas couverts par la garantie.\n"
)
CLAIMS = (
    "# Extenuating Circumstances\n\n"
    "If illness or a personal emergency affects an assessment, you can submit an extenuating "
    "circumstances claim.\n"
    "Claims must be submitted within five working days of the assessment deadline or the exam.\n"
    "You must attach independent evidence, such as a doctor's note.\n"
    "If your claim is accepted, the panel may grant an extension of up to two weeks or a first "
    "sitting in August.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"warranty-en.txt": WARRANTY, "garantie-fr.txt": GARANTIE, "extenuating.md": CLAIMS},
        tmp_path_factory.mktemp("rules"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("How long is the warranty?", "for 2 years"),
        ("Quelle est la durée de la garantie ?", "pendant 2 ans"),
        (
            "How long do I have to submit an extenuating circumstances claim?",
            "within five working days",
        ),
    ],
)
def test_a_rules_value_is_quoted_from_the_rule(
    assistant: Assistant, question: str, rule: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert rule in answer.citations[0].quote


def test_a_question_asking_the_case_still_quotes_the_case(assistant: Assistant) -> None:
    answer = assistant.ask("How long is the warranty if I register the product in the app?")
    assert not answer.abstained
    assert "5 years" in answer.citations[0].quote
