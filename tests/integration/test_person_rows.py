"""A person's name asks the row an org chart keys by it (s26 trial): "Who is Paul's manager?"
quoted the row of Léa Garnier, whose manager is Paul Mercier, at the run's highest confidence;
"Qui est le manager de Sofia Rossi ?" quoted a meeting's attendees. The row keyed by the
name is quoted; a question naming a person but no column of the chart keeps the minutes."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

ORG_CHART = (
    "Name,Role,Manager,Site\n"
    "Claire Fontaine,Directrice générale,,Paris\n"
    "Paul Mercier,Directeur financier,Claire Fontaine,Paris\n"
    "Tom Becker,Engineering manager,Claire Fontaine,Paris\n"
    "Sofia Rossi,Senior developer,Tom Becker,Lyon\n"
    "Léa Garnier,Gestionnaire de paie,Paul Mercier,Paris\n"
    "Antoine Roux,Comptable,Paul Mercier,Paris\n"
)
WEEKLY = (
    "# Engineering weekly\n\n"
    "Attendees: Tom Becker (engineering manager), Sofia Rossi, Amir Khan.\n\n"
    "Sofia Rossi presented the plan to migrate the build servers to the new cluster.\n"
)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"organigramme.csv": ORG_CHART, "weekly.md": WEEKLY}
    corpus, index = tmp_path_factory.mktemp("office"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return answer.citations[0].quote


@pytest.mark.parametrize(
    "question", ["Who is Paul's manager?", "Who is Paul Mercier's manager?", "Who manages Mercier?"]
)
def test_the_row_keyed_by_the_name_is_quoted(office: Assistant, question: str) -> None:
    assert quoted(office, question).startswith("| Paul Mercier |")


def test_a_full_name_and_a_column_look_the_row_up_over_prose(office: Assistant) -> None:
    assert quoted(office, "Qui est le manager de Sofia Rossi ?").startswith("| Sofia Rossi |")


def test_a_name_asking_no_column_keeps_the_prose(office: Assistant) -> None:
    assert "build servers" in quoted(office, "What did Sofia Rossi present?")
