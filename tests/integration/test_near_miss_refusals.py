"""Near misses a folder visibly cannot answer, on a built corpus (s30 trial, cause 8): a
capitalised subject no document writes ("Tesla", absent_names.py) and a full date no passage
writes while the folder's minutes are dated other days (unheld_days.py) abstain naming them,
where the rest of the question used to answer; the held name and the held day still answer."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "fleet.md": (
        "# Fleet notes\n\nThe price of a Renault Model 3 van is 24,000 euros.\n\n"
        "Our statistics use linear mixed models with the site as a random effect.\n"
    ),
    "CR_reunion_2025-11-12.md": (
        "# Réunion d'équipe — 12 novembre 2025\n\n## Décisions\n\n"
        "- Décision prise à la réunion : le journal club est déplacé au jeudi à 11 h.\n"
    ),
    "CR_reunion_2024-12-10.md": (
        "# Réunion d'équipe — 10 décembre 2024\n\n## Décisions\n\n"
        "- Décision prise à la réunion de décembre : le journal club reste le vendredi.\n"
    ),
    "CR_reunion_2025-11-25.md": (
        "# Réunion d'équipe — 25 novembre 2025\n\n## Décisions\n\n"
        "- Décision prise à la réunion : la commande du microscope est validée.\n"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("near"), tmp_path_factory.mktemp("idx")
    return assistant_over(FILES, corpus, index)


def test_an_absent_capitalised_subject_is_named(assistant: Assistant) -> None:
    answer = assistant.ask("What is the price of a Tesla Model 3?")
    assert answer.abstained
    assert answer.reason is not None and "No document names “Tesla”" in answer.reason


def test_the_held_name_still_answers(assistant: Assistant) -> None:
    answer = assistant.ask("What is the price of a Renault Model 3?")
    assert not answer.abstained, answer.answer
    assert "24,000 euros" in answer.citations[0].quote


def test_a_day_no_document_writes_names_the_closest_minutes(assistant: Assistant) -> None:
    answer = assistant.ask("Quelle décision a été prise à la réunion du 2 décembre 2025 ?")
    assert answer.abstained
    assert answer.reason is not None
    assert "Aucun document n’écrit le 2 décembre 2025" in answer.reason
    assert "CR_reunion_2025-11-25.md (2025-11-25)" in answer.reason


def test_a_written_day_still_answers(assistant: Assistant) -> None:
    answer = assistant.ask("Quelle décision a été prise à la réunion du 25/11/2025 ?")
    assert not answer.abstained, answer.answer
    assert "microscope" in answer.citations[0].quote


CLUB = {
    f"CR_bureau_2025-{month:02d}-03.md": (
        f"# Réunion du bureau — 3/{month:02d}/2025\n\n"
        "- Le tournoi de Noël est déplacé au dimanche 21 décembre 2025.\n"
        "- Le voyage au pays de Galles coûte 6200 euros.\n"
    )
    for month in range(1, 9)
} | {"visit.eml.txt": "Dear all,\n\nThe dates of the exchange visit: 17 to 21 April 2026.\n"}


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("club"), tmp_path_factory.mktemp("idx")
    return assistant_over(CLUB, corpus, index)


@pytest.mark.parametrize(
    "question", ["When is the Christmas tournament?", "What are the dates of the visit to Wales?"]
)
def test_a_name_in_the_language_of_few_documents_is_not_refused(
    club: Assistant, question: str
) -> None:
    """An English question of a French folder (one English note in nine) may write in English a
    name the documents write in French ("Noël", "pays de Galles"): no refusal names it."""
    answer = club.ask(question)
    assert "No document names" not in (answer.reason or ""), answer.answer
