"""A person's name asks the row an org chart keys by it (s26 trial): "Who is Paul's manager?"
quoted the row of Léa Garnier, whose manager is Paul Mercier, at the run's highest confidence;
"Qui est le manager de Sofia Rossi ?" quoted a meeting's attendees. The row keyed by the
name is quoted; a question naming a person but no column of the chart keeps the minutes."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.sentences import _NameWords
from citeqa.tables import row_cells
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


LYON_CHART = (
    "Name,Role,Manager,Site\n"
    "Paul Mercier,Directeur financier,Claire Fontaine,Paris\n"
    "Paul Durand,Technicien,Tom Becker,Lyon\n"
    "Tom Becker,Engineering manager,Claire Fontaine,Paris\n"
    "Rose Martin,Senior developer,Tom Becker,Lyon\n"
    "Mark Stone,Designer,Rose Martin,Lyon\n"
    "Léa Garnier,Gestionnaire de paie,Paul Mercier,Paris\n"
)


@pytest.fixture(scope="module")
def lyon(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"org.csv": LYON_CHART, "notes.md": "# Notes\n\nThe garden has a Rose bush.\n"}
    corpus, index = tmp_path_factory.mktemp("lyon"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_a_first_name_in_another_column_of_the_row_asked_is_no_key(lyon: Assistant) -> None:
    """s26 review E: "Rose" looked up `Rose Martin`'s row, though the designer asked is Mark
    Stone, whose manager she is."""
    assert quoted(lyon, "Which designer works in Lyon with Rose?").startswith("| Mark Stone |")


def test_a_name_written_in_the_column_asked_stays_a_key(lyon: Assistant) -> None:
    """Léa's manager is Paul Mercier: "Mercier" in the Manager column asked is no other key."""
    assert quoted(lyon, "Who manages Mercier?").startswith("| Paul Mercier |")


def test_a_first_name_of_several_rows_looks_none_of_them_up(lyon: Assistant) -> None:
    """ "Paul" keys `Paul Mercier` and `Paul Durand`: neither row is the one looked up, so the
    candidates are not narrowed to one of them (ScoredSentence.names_word_key)."""
    rows = tuple(map(tuple, row_cells(TABLE_OF_LYON, (0, len(TABLE_OF_LYON)))))
    people = _NameWords.of(rows)
    assert not people.names_one_row("paul", 0, frozenset({1}))
    assert people.names_one_row("durand", 0, frozenset({1}))
    assert not people.names_one_row("rose", 0, frozenset({1}))
    assert people.names_one_row("rose", 0, frozenset({2}))


TABLE_OF_LYON = "\n".join(
    "| " + " | ".join(line.split(",")) + " |" + ("\n| --- | --- | --- | --- |" if n == 0 else "")
    for n, line in enumerate(LYON_CHART.splitlines())
)


def test_a_person_s_name_is_two_or_three_capitalised_words() -> None:
    from citeqa.sentences import is_person_name

    assert is_person_name(["Sofia", "Rossi"]) and is_person_name(["Liam", "O'Brien", "Jr"])
    assert not is_person_name(["Sofia"]) and not is_person_name(["Sofia", "rossi"])
    assert not is_person_name(["Marie-Claire", "de", "Vries"])
    assert not is_person_name(["A", "B", "C", "D"])


def test_the_header_row_is_read_once_a_table(
    office: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa import person_rows

    read: list[int] = []
    header_row = person_rows.header_row

    def counted(rows: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
        read.append(len(rows))
        return header_row(rows)

    monkeypatch.setattr(person_rows, "header_row", counted)
    for _ in range(2):
        answer = office.ask("Qui est le manager de Sofia Rossi ?")
        assert answer.citations and "Sofia Rossi" in answer.citations[0].quote
    assert read == [7]  # the chart's header row and six people, read for the first answer
