"""A question asking a time of day on a named day is answered by the line writing that day, not
by a line of the same passage writing the thing asked on other days (promotions._day_first).

s53 trial (a French climbing club's house rules): "À quelle heure ferme la salle le dimanche ?"
quoted "Pendant les vacances scolaires d'été, la salle ferme du 1er au 22 août." (.50) over
"Elle est fermée le dimanche et les jours fériés." (.43), the passage writing every day."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

RULES = """# Règlement intérieur de la salle

## Horaires d'ouverture

La salle est ouverte aux adhérents du lundi au vendredi de 12 h à 14 h et de 18 h à 22 h 30, le samedi de 10 h à 19 h. Elle est fermée le dimanche et les jours fériés.

Pendant les vacances scolaires d'été, la salle ferme du 1er au 22 août.

## Sécurité

Le port du baudrier est obligatoire sur le mur de voies.
"""  # noqa: E501 (a paragraph as written)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"reglement.md": RULES}, tmp_path_factory.mktemp("hall"), tmp_path_factory.mktemp("index")
    )


def test_the_line_writing_the_day_named_is_quoted(hall: Assistant) -> None:
    answer = hall.ask("À quelle heure ferme la salle le dimanche ?")
    assert not answer.abstained, answer.answer
    assert "fermée le dimanche" in answer.citations[0].quote, answer.citations[0].quote


def test_a_day_the_first_line_writes_keeps_it_first(hall: Assistant) -> None:
    answer = hall.ask("À quelle heure ouvre la salle le samedi ?")
    assert not answer.abstained, answer.answer
    assert "le samedi de 10 h à 19 h" in answer.citations[0].quote, answer.citations[0].quote
