"""A closed question asking a case the documents never name is refused, not answered by a
sentence forbidding another case (s47 trial c18: "Can I use the purifier outdoors?" quoted "Do
not use the purifier in a bathroom or any room with high humidity." at .63; yes_no_replies.py's
prohibitions)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

SETUP = (
    "# Aerion X2 Air Purifier — Setup\n\n"
    "## Placement\n\n"
    "Place the purifier on a flat, stable surface at least 30 cm from walls and furniture.\n"
    "Do not use the purifier in a bathroom or any room with high humidity.\n"
    "Keep the air outlet clear of curtains.\n"
)
INSTALLATION = (
    "# Purificateur Aerion X2 — Installation\n\n"
    "## Emplacement\n\n"
    "Posez le purificateur sur une surface plane, à au moins 30 cm des murs et des meubles.\n"
    "N'utilisez pas le purificateur dans une salle de bains ni dans une pièce très humide.\n"
    "Laissez la sortie d'air dégagée.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"01-setup.md": SETUP, "01-installation.md": INSTALLATION},
        tmp_path_factory.mktemp("purifier"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Can I use the purifier outdoors?", "outdoors"),
        ("Can I use the purifier in a greenhouse?", "greenhouse"),
    ],
)
def test_a_case_never_named_is_refused(folder: Assistant, question: str, word: str) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert f"“{word}”" in (answer.reason or "")


def test_the_forbidden_case_itself_is_answered(folder: Assistant) -> None:
    answer = folder.ask("Can I use the purifier in a bathroom?")
    assert not answer.abstained, answer.reason
    assert "Do not use the purifier in a bathroom" in answer.citations[0].quote
