"""A question asking an amount whose quotes write none abstains saying so, instead of quoting a
rule about the amount or a price list's title line (asked_values.unwritten_asked_values; s29
trial n05 "Quel est le montant de la cotisation U15 ?" quoted "Le montant de la cotisation
annuelle est fixé chaque année par l'assemblée générale", s32 trial n09 a title line)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

STATUTES = (
    "# Statuts du club de voile\n\n## Article 6 — Cotisation\n\n"
    "Le montant de la cotisation annuelle est fixé chaque année par l'assemblée générale, sur"
    " proposition du bureau.\n\n## Article 7 — Assemblée générale\n\n"
    "L'assemblée générale se réunit une fois par an, au mois de septembre.\n"
)
MINUTES = (
    "# Assemblée générale du 12 septembre 2025\n\n"
    "La location d'un dériveur pour la saison est fixée à 120 € par l'assemblée.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"statuts.md": STATUTES, "ag_2025.md": MINUTES},
        tmp_path_factory.mktemp("folder"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )


def test_an_amount_no_quote_writes_is_the_reason(assistant: Assistant) -> None:
    answer = assistant.ask("Quel est le montant de la cotisation annuelle des juniors ?")
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.reason == "Les passages qui répondraient n’écrivent aucun montant."
    assert answer.passages, "the closest passages are still offered"


def test_an_amount_a_quote_writes_is_answered(assistant: Assistant) -> None:
    answer = assistant.ask("Quel est le prix de la location d'un dériveur pour la saison ?")
    assert not answer.abstained, answer.answer
    assert "120 €" in " ".join(citation.quote for citation in answer.citations)


def test_a_question_asking_who_sets_an_amount_needs_none(assistant: Assistant) -> None:
    answer = assistant.ask("Qui fixe le montant de la cotisation annuelle ?")
    assert not answer.abstained, answer.answer
    assert "assemblée générale" in " ".join(citation.quote for citation in answer.citations)
