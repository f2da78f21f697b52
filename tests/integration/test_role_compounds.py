"""A role asked as a compound the documents never write, one of its parts a word they never use,
is a role they never write (answering._unheld_role_words over QuestionTerms.
unwritten_compounds): "Qui est le vice-président du club ?" of minutes naming only "Le
président, Karim Benhamou" quoted him at .61 (s58 trial); now refused naming “vice-président”.
Minutes writing the compound answer it (asked "du club", they still quote the président's
sentence, which writes "club": the ranker reads "vice-président" as either of its parts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from club_minutes import MINUTES
from small_corpora import assistant_over

WITH_DEPUTY = MINUTES.replace(
    "## Rapport financier\n",
    "Le vice-président, Marc Olivier, présente le projet d'éclairage.\n\n## Rapport financier\n",
)


def _club(minutes: str, tmp: Path) -> Assistant:
    return assistant_over({"compte-rendu-ag-2026.md": minutes}, tmp / "docs", tmp / "index")


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _club(MINUTES, tmp_path_factory.mktemp("club"))


@pytest.fixture(scope="module")
def club_with_deputy(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _club(WITH_DEPUTY, tmp_path_factory.mktemp("deputy"))


def test_a_compound_role_never_written_is_refused(club: Assistant) -> None:
    answer = club.ask("Qui est le vice-président du club ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None and "“vice-président”" in answer.reason


def test_the_role_written_is_answered(club: Assistant) -> None:
    answer = club.ask("Qui est le président du club ?")
    assert not answer.abstained, answer.reason
    assert "Karim Benhamou" in answer.citations[0].quote


def test_a_compound_role_written_is_answered(club_with_deputy: Assistant) -> None:
    answer = club_with_deputy.ask("Qui est le vice-président ?")
    assert not answer.abstained, answer.reason
    assert "Marc Olivier" in answer.citations[0].quote
