"""A quote labelling its value with another year than the one asked ("Résultat 2023 :" for
"résultat 2026") is no answer, even when the corpus writes the asked year elsewhere: a near
candidate labelled with the asked year answers instead, else the question is refused saying
which years the quotes give (labelled_years.py; s35 trial n16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.small_corpora import assistant_over

from citeqa.abstention import LABELLED_OTHER_YEAR
from citeqa.labelled_years import OtherYear, labelled_otherwise, labelled_years

RESULT_2023 = "Présenté par la trésorière. Résultat 2023 : excédent de 3 412 euros."


def test_a_line_or_sentence_labelled_by_a_year_names_it() -> None:
    assert labelled_years(RESULT_2023) == ["2023"]
    assert labelled_years("2025 budget: 12 000 €") == ["2025"]
    assert labelled_years("- Cotisation 2027 : 30 euros\n| Total 2026 : 4 |") == ["2027", "2026"]


@pytest.mark.parametrize(
    "text",
    [
        "Comptes 2023-2024 : approuvés.",  # a span's end
        "Réunion du 12 mars 2023 : ordre du jour.",  # a date's year
        "Les comptes 2023 sont approuvés à l'unanimité.",  # no label
        "En 2023, le conseil a voté les comptes de l'année et le budget : 4 000 euros.",
        "Ouverture 2023 14:30",  # a time, no label
    ],
)
def test_a_span_a_date_or_a_year_in_prose_labels_nothing(text: str) -> None:
    assert labelled_years(text) == []


def test_quotes_all_labelled_by_other_years_are_no_answer_for_the_asked_one() -> None:
    other = "Résultat 2025 : excédent de 4 975 euros."
    found = labelled_otherwise("Quel est le résultat financier 2026 ?", [RESULT_2023, other])
    assert found == OtherYear("2026", ["2023", "2025"])


@pytest.mark.parametrize(
    ("question", "quotes"),
    [
        ("Quel est le résultat financier 2023 ?", [RESULT_2023]),  # the asked year's label
        ("Quel est le résultat 2026 ?", [RESULT_2023, "Résultat 2026 : 10 euros."]),
        ("Quel est le résultat 2026 ?", ["Budget 2025-2026 : 10 euros. Résultat 2025 : 4."]),
        ("Quel est le résultat financier ?", [RESULT_2023]),  # no year asked
        ("Résultats de 2024 et 2026 ?", [RESULT_2023]),  # several years asked
        ("Quel est le résultat 2026 ?", ["Le résultat est un excédent de 3 412 euros."]),
    ],
)
def test_a_quote_of_the_asked_year_or_a_question_of_none_or_several_keeps(
    question: str, quotes: list[str]
) -> None:
    assert labelled_otherwise(question, quotes) is None


MINUTES = {
    "AG/AG 2024-06-15 procès-verbal.md": (
        "# Assemblée générale ordinaire du 15 juin 2024\n\n## Rapport financier 2023\n\n"
        "Présenté par la trésorière, Monique Garnier. Résultat 2023 : excédent de 3 412 euros. "
        "Les comptes 2023 sont approuvés à l'unanimité.\n\n## Cotisation 2025\n\n"
        "La cotisation reste à 25 euros.\n"
    ),
    "AG/AG 2026-06-13 procès-verbal.md": (
        "# Assemblée générale ordinaire du 13 juin 2026\n\n## Rapport financier 2025\n\n"
        "Présenté par Olivier Roche, trésorier. Résultat 2025 : excédent de 4 975 euros. "
        "Comptes approuvés à l'unanimité.\n\n## Projet 2026\n\n"
        "Le programme de lecture continue en 2026 dans trois quartiers.\n"
    ),
    "Bénévoles/guide.md": (
        "# Guide du bénévole\n\nLes ateliers ont lieu le mardi et le jeudi.\n"
        "Chaque bénévole suit une formation de deux jours.\n"
    ),
}


def test_the_result_of_a_year_only_other_years_label_is_refused_naming_them(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(MINUTES, tmp_path / "c", tmp_path / "i")
    refused = assistant.ask("Quel est le résultat financier 2026 ?")
    assert refused.abstained, [c.quote for c in refused.citations]
    prefix = LABELLED_OTHER_YEAR["fr"].split("{")[0]
    assert (refused.reason or "").startswith(prefix)
    assert "“2026”" in (refused.reason or "")
    answered = assistant.ask("Quel est le résultat financier 2025 ?")
    assert not answered.abstained
    assert "4 975 euros" in answered.citations[0].quote
