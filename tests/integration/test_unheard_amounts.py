"""A question asking an amount ("What are the tuition fees…?") that writes a word the documents
never use is refused when no quote writes an amount, whether or not it asks "how much" (s47
trial b17: a handbook never writing "tuition" quoted a module's "international climate
agreements"; quantities.unpriced)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

MODULE = (
    "# ENV310 Climate Change Policy\n\n"
    "## Description\n\n"
    "The module examines international climate agreements, carbon pricing and national "
    "adaptation plans.\n"
    "Students from every programme may take it as an option in their third year.\n"
)
MODULE_FR = (
    "# ENV310 Politique climatique\n\n"
    "## Description\n\n"
    "Le module étudie les accords climatiques internationaux, la tarification du carbone et "
    "les plans nationaux d'adaptation.\n"
)
FIELD_TRIP = (
    "# Field trip\n\n"
    "The field trip to the Lake District costs 120 pounds per student, paid before March.\n"
)


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"ENV310.md": MODULE, "ENV310-fr.md": MODULE_FR, "field-trip.md": FIELD_TRIP},
        tmp_path_factory.mktemp("handbook"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    "question",
    [
        "What are the tuition fees for international students?",
        "Quels sont les frais de scolarité des étudiants internationaux ?",
    ],
)
def test_an_unheard_amount_is_refused(handbook: Assistant, question: str) -> None:
    answer = handbook.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]


def test_a_written_amount_is_answered(handbook: Assistant) -> None:
    answer = handbook.ask("What is the price of the field trip?")
    assert not answer.abstained, answer.reason
    assert "120 pounds" in answer.citations[0].quote
