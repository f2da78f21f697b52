"""The reason a lookup of a class, bus or group key no table holds gives (s43 trial): with a
class table ("4e A", "4e C") and a bus table ("Bus 12 A", "Bus 14 A") in a folder, "When does
Bus 14 B leave?" was refused naming the classes as the closest ("the closest are 4e A, 4e C")
and the key without its cue word ("14 B"); with the bus table alone, it quoted Bus 14 A's
row. The reason writes the key as asked and names the buses."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CLASSES = """# Classes de 4e

| Classe | Professeur principal | Effectif |
|---|---|---|
| 4e A | Mme Durand | 28 |
| 4e C | Mme Garnier | 26 |
"""
BUSES = """Bus,Departure,Stop
Bus 12 A,07:35,Church Square
Bus 14 A,08:05,Market Hall
"""
BARE_BUSES = """# Morning buses

| Bus | Departure | Stop |
|---|---|---|
| 12 A | 07:35 | Church Square |
| 14 A | 08:05 | Market Hall |
"""


def _over(files: dict[str, str], tmp: pytest.TempPathFactory) -> Assistant:
    return assistant_over(files, tmp.mktemp("corpus"), tmp.mktemp("idx"))


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _over({"classes.md": CLASSES, "buses.csv": BUSES}, tmp_path_factory)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "When does Bus 14 B leave?",
            "No row of the tables names “Bus 14 B”; the closest are Bus 14 A, Bus 12 A.",
        ),
        (
            "À quelle heure part le bus 14 B ?",
            "Aucune ligne des tableaux ne porte “bus 14 B” ; les plus proches sont Bus 14 A,"
            " Bus 12 A.",
        ),
    ],
)
def test_an_unheld_bus_is_named_as_asked_beside_the_buses(
    school: Assistant, question: str, reason: str
) -> None:
    answer = school.ask(question)
    assert answer.abstained and answer.reason == reason


def test_an_unheld_class_is_named_beside_the_classes(school: Assistant) -> None:
    answer = school.ask("Qui est le professeur principal de la 4e D ?")
    assert answer.abstained and answer.reason is not None
    assert "“4e D”" in answer.reason and "4e A" in answer.reason and "Bus" not in answer.reason


def test_a_held_bus_is_still_quoted(school: Assistant) -> None:
    answer = school.ask("When does Bus 12 A leave?")
    assert not answer.abstained and any("07:35" in c.quote for c in answer.citations)


def test_an_unheld_bus_of_a_bus_table_alone_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    answer = _over({"buses.csv": BUSES}, tmp_path_factory).ask("When does Bus 14 B leave?")
    assert answer.abstained, answer.answer
    assert not any("08:05" in citation.quote for citation in answer.citations)
    assert answer.reason is not None and "“Bus 14 B”" in answer.reason


def test_a_bus_under_a_bus_header_is_named_beside_the_buses(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files = {"classes.md": CLASSES, "buses.md": BARE_BUSES}
    answer = _over(files, tmp_path_factory).ask("When does Bus 14 B leave?")
    assert answer.abstained and answer.reason is not None, answer.answer
    assert "14 A" in answer.reason and "4e" not in answer.reason


def test_with_no_bus_table_the_classes_are_still_named(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    question = "Qui est le professeur principal du bus 14 B ?"
    answer = _over({"classes.md": CLASSES}, tmp_path_factory).ask(question)
    assert answer.abstained and answer.reason is not None, answer.answer
    assert "“bus 14 B”" in answer.reason and "4e A" in answer.reason
