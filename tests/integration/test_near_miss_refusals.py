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
