"""A question asking of a rule quotes the rule, not the next sentence stating the case past its
bound ("more than five working days late"), the figure of which the rule writes as its limit
("for up to five working days"): s47 trial b04, "What is the penalty for submitting coursework
late?" quoted "Work submitted more than five working days late receives a mark of zero."
(base_statements.py, conditions.json `thresholds`). A question writing the bound asks the
case."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

RULES = (
    "# Assessment regulations\n\n## Pass mark\n\n"
    "The pass mark for undergraduate modules is 40%.\n\n"
    "## Late submission\n\n"
    "Work submitted late without an approved extension loses 5 marks for each working day, "
    "for up to five working days.\n"
    "Work submitted more than five working days late receives a mark of zero.\n\n"
    "## Resits\n\nIf you fail a module you are offered one resit in August.\n"
)
CONTRAT = (
    "# Contrat de fourniture\n\n## Livraison\n\n"
    "Tout retard de livraison donne lieu à une pénalité de 50 euros par jour, dans la limite "
    "de 15 jours.\n"
    "Un retard de livraison de plus de 15 jours entraîne la résiliation du contrat.\n\n"
    "## Paiement\n\nLes factures sont payables à 30 jours.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"assessment-regulations.md": RULES, "contrat.md": CONTRAT},
        tmp_path_factory.mktemp("bounds"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("What is the penalty for submitting coursework late?", "loses 5 marks"),
        ("Que se passe-t-il en cas de retard de livraison ?", "50 euros par jour"),
    ],
)
def test_the_rule_is_quoted_before_the_case_past_its_bound(
    assistant: Assistant, question: str, rule: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert rule in answer.citations[0].quote


def test_a_question_writing_the_bound_quotes_the_case(assistant: Assistant) -> None:
    answer = assistant.ask("What happens if I submit coursework more than five days late?")
    assert not answer.abstained
    assert "mark of zero" in answer.citations[0].quote
