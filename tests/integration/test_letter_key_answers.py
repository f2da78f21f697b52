"""A question asking a letter key of a series ("la tranche E", "secteur HC") the documents list
siblings of but never itself abstains naming them, instead of quoting a sibling's row or rule
(unheld_letters.py; s32 trial n04 quoted tranche A's row, n10 zone UA's height rule)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PRICES = (
    "## Piscine municipale — tarifs 2026\n\n"
    "| Tranche | Revenu mensuel | Prix de l'entrée |\n| --- | --- | --- |\n"
    "| A | ≤ 900 € | 1,50 € |\n| B | de 901 à 1 500 € | 2,40 € |\n"
    "| C | > 1 500 € | 3,10 € |\n| Extérieur | non résidents | 4,00 € |\n"
)
PLAN = (
    "# Règlement des secteurs\n\n## Secteur HA — quartier historique\n\n"
    "La hauteur maximale des constructions est fixée à 9 m.\n\n"
    "## Secteur HB — lotissements\n\nLa hauteur maximale des constructions est fixée à 7 m.\n\n"
    "## Secteur N — espaces naturels\n\nToute construction nouvelle est interdite.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"tarifs_piscine.md": PRICES, "reglement_secteurs.md": PLAN},
        tmp_path_factory.mktemp("folder"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "Quel est le prix de l'entrée pour la tranche E ?",
            "Les passages qui répondraient ne mentionnent jamais “tranche E” : ils portent sur"
            " tranche A, tranche B, tranche C.",
        ),
        (
            "Quelle est la hauteur maximale des constructions en secteur HC ?",
            "Les passages qui répondraient ne mentionnent jamais “secteur HC” : ils portent sur"
            " secteur HA, secteur HB, secteur N.",
        ),
    ],
)
def test_a_key_of_the_series_never_written_is_the_reason(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.reason == reason
    assert answer.passages, "the closest passages are still offered"


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Quel est le prix de l'entrée pour la tranche B ?", "2,40 €"),
        ("Quelle est la hauteur maximale des constructions en secteur HB ?", "7 m"),
    ],
)
def test_a_key_the_documents_write_is_answered(
    assistant: Assistant, question: str, quoted: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert quoted in " ".join(citation.quote for citation in answer.citations)
