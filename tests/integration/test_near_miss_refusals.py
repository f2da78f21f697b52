"""Near misses a folder visibly cannot answer, on a built corpus (s30 trial, cause 8): a full
date no passage writes while the folder's minutes are dated other days (unheld_days.py) abstains
naming the closest, where the rest of the question used to answer; the held day still answers."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
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


AGENDA = {
    "CR_reunion_2025-11-25.md": (
        "# Réunion d'équipe — 25 novembre 2025\n\n## Décisions\n\n"
        "- Décision prise à la réunion : la commande du microscope est validée.\n"
        "- Prochain séminaire : le 2 déc. à 14 h, salle B12, sur la microscopie à feuillet.\n"
    ),
    "CR_reunion_2025-11-12.md": (
        "# Réunion d'équipe — 12 novembre 2025\n\n## Décisions\n\n"
        "- Décision prise à la réunion : le journal club est déplacé au jeudi à 11 h.\n"
    ),
    "board_2025-10-01.md": (
        "# Board minutes — 1 October 2025\n\n"
        "- The audit is scheduled for December 8-10, 2025 at the Paris site.\n"
    ),
}


@pytest.fixture(scope="module")
def agenda(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("agenda"), tmp_path_factory.mktemp("idx")
    return assistant_over(AGENDA, corpus, index)


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Quel séminaire a lieu le 2 décembre 2025 ?", "le 2 déc. à 14 h"),  # no year written
        ("What is scheduled on 9 December 2025?", "December 8-10, 2025"),  # a range around it
    ],
)
def test_a_day_written_without_its_year_or_inside_a_range_answers(
    agenda: Assistant, question: str, quoted: str
) -> None:
    answer = agenda.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote


def test_a_day_neither_written_nor_in_a_range_is_still_refused(agenda: Assistant) -> None:
    answer = agenda.ask("Quelle décision a été prise à la réunion du 4 décembre 2025 ?")
    assert answer.abstained
    assert answer.reason is not None and "n’écrit le 4 décembre 2025" in answer.reason
