"""A question binding its year to a word ("l'exercice 2022") answered by a quote binding that
word to another year ("L'exercice 2021 se clôt…") quotes a candidate of the asked year instead,
or abstains naming both (sibling_years.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.sibling_years import SiblingYear, binds_asked_year, sibling_year
from small_corpora import asked_of_files

ASKED = "Quel a été le résultat de l'exercice 2022 ?"
EARLIER = "L'exercice 2021 se clôt sur un excédent de 320 €."


def test_a_quote_binding_the_asked_word_to_another_year_is_a_sibling() -> None:
    assert sibling_year(ASKED, [EARLIER]) == SiblingYear("2022", "2021")
    assert sibling_year("What was the 2022 budget?", ["The 2021 budget was 3 M€."]) == (
        SiblingYear("2022", "2021")
    )


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        (ASKED, "L'exercice 2022 se clôt sur un déficit de 150 €."),  # the asked year
        (ASKED, f"{EARLIER} Les comptes 2022 sont en cours."),  # writes the asked year too
        ("Combien coûtait la cotisation en 2022 ?", "La cotisation en 2021 était de 10 €."),
        (ASKED, "Le budget 2021 est adopté."),  # another word
        ("Quel est le résultat de 2021 et 2022 ?", EARLIER),  # two years asked
    ],
)
def test_no_sibling_when_the_year_is_written_or_bound_otherwise(question: str, quote: str) -> None:
    assert sibling_year(question, [quote]) is None


def test_a_candidate_binds_the_asked_year_only_by_the_question_word() -> None:
    assert binds_asked_year(ASKED, "L'exercice 2022 se clôt sur un déficit.", "2022")
    assert not binds_asked_year(ASKED, "L'assemblée s'est réunie le 18 janvier 2022.", "2022")


MINUTES_2022 = (
    "# Procès-verbal de l'assemblée générale du 18 janvier 2022\n\n## Rapport financier\n\n"
    "L'exercice 2021 se clôt sur un excédent de 320 €. Le rapport financier est adopté par 40 "
    "voix pour.\n\n## Cotisation\n\nL'assemblée fixe la cotisation annuelle à 15 €.\n"
)
MINUTES_2023 = (
    "# Procès-verbal de l'assemblée générale du 24 janvier 2023\n\n## Rapport financier\n\n"
    "L'exercice 2022 se clôt sur un déficit de 150 €, dû à l'achat d'un récupérateur d'eau.\n\n"
    "## Projets\n\nL'assemblée approuve la création d'une mare pédagogique.\n"
)


def test_the_result_of_a_year_is_not_quoted_from_another_year(tmp_path: Path) -> None:
    files = {"pv-ag-2022.md": MINUTES_2022, "pv-ag-2023.md": MINUTES_2023}
    answer = asked_of_files(tmp_path, files, ASKED)
    assert not any("2021" in c.quote for c in answer.citations)
    assert answer.abstained or "exercice 2022" in answer.citations[0].quote
