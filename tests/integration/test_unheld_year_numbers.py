"""A number of 1800 to 2199 the answer's passage writes, or one a unit or a list's noun makes
an amount or a record's number, is no unheld year (unheld_years.py; session 23's review C:
"Who is on extension 2105?" over a "Phone directory 2025" abstained "never mention 2105",
"orders above 2000 GBP" over a policy adopted in 2024 "never mention 2000")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "Phone directory 2025.csv": "Name,Extension,Room\nDana Reyes,2105,B12\n"
    "Tom Okafor,1873,C04\nPriya Shah,2150,A07\n",
    "purchasing.md": "# Purchasing policy\n\nAdopted by the board in 2024.\n\n## Approvals\n\n"
    "Orders above 2,000 GBP are approved by Lena Hartmann.\n\n"
    "Orders below that are approved by the team lead.\n",
}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over the review's directory and purchasing policy."""
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Who is on extension 2105?", "Dana Reyes"),
        ("Who approves orders above 2000 GBP?", "Lena Hartmann"),
    ],
)
def test_a_number_that_is_no_asked_year_is_answered(
    office: Assistant, question: str, answer: str
) -> None:
    result = office.ask(question)
    assert not result.abstained, result.reason
    assert answer in result.citations[0].quote
