"""A class, bus or group named by a number and one capital letter is one key ("4e B",
"Year 9 C", "Bus 12 A": questions.key_words, keyshapes.lettered_key): a lookup quotes that
key's row, not a row of its number with another letter, and a key no table holds abstains
naming it (s42 school trial: "la 4e B" quoted the row of "4e A", as did "la 4e D")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.models import Answer
from citeqa.questions import question_keys
from small_corpora import assistant_over

CLASSES = """# Classes de 4e et de 3e

| Classe | Professeur principal | Effectif | Délégués |
|---|---|---|---|
| 4e A | Mme Durand | 28 | Léa, Tom |
| 4eB | M. Lefèvre | 27 | Inès, Hugo |
| 4e C | Mme Garnier | 26 | Zoé, Noah |
| 3e A | Mme Martin | 29 | Emma, Lucas |
"""
TIMETABLE = """# Year 9 timetable

| Group | Monday | Tuesday |
|---|---|---|
| Year 9 A | Maths | English |
| Year 9 B | Science | History |
| Year 9 C | Art | Music |
"""
BUSES = """Bus,Departure,Stop
Bus 12 A,07:35,Church Square
Bus 12 B,07:50,Railway Station
Bus 14 A,08:05,Market Hall
"""
NO_ROW = ("No row of the tables names", "Aucune ligne des tableaux ne porte")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"classes.md": CLASSES, "timetable.md": TIMETABLE, "buses.csv": BUSES}
    return assistant_over(files, tmp_path_factory.mktemp("school"), tmp_path_factory.mktemp("idx"))


def _quotes(answer: Answer, row: str) -> bool:
    return any(row in citation.quote for citation in answer.citations)


@pytest.mark.parametrize(
    ("question", "row", "other"),
    [
        ("Qui est le professeur principal de la 4e B ?", "M. Lefèvre", "Mme Durand"),
        ("Qui sont les délégués de 4e B ?", "Inès", "Léa"),
        ("What does Year 9 B have on Monday?", "Science", "Maths"),
        ("When does Bus 12 B leave?", "07:50", "07:35"),
        ("When does Bus 12 A leave?", "07:35", "07:50"),
    ],
)
def test_a_lettered_key_quotes_its_own_row(
    assistant: Assistant, question: str, row: str, other: str
) -> None:
    answer = assistant.ask(question)
    assert _quotes(answer, row), (answer.answer, answer.reason)
    assert not _quotes(answer, other), answer.answer


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("Qui est le professeur principal de la 4e D ?", "4e D"),
        ("What does Year 9 D have on Monday?", "Year 9 D"),
        ("When does Bus 14 B leave?", "Bus 14 B"),
    ],
)
def test_a_lettered_key_no_table_holds_abstains_naming_it(
    assistant: Assistant, question: str, key: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    assert answer.reason is not None and answer.reason.startswith(NO_ROW), answer.reason
    assert f"“{key}”" in answer.reason


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("Qui est le professeur principal de la 4e B ?", {"4e b"}),
        ("Et la 4eB ?", {"4e b"}),
        ("Et la 4e-B ?", {"4e b"}),
        ("Qui enseigne en 3ème A ?", {"3eme a"}),
        ("Who is the tutor of Year 9 C?", {"9 c"}),
        ("When does Bus 12 A leave?", {"12 a"}),
        ("Quel cours en salle 12 B ?", {"12 b"}),
    ],
)
def test_a_number_and_its_letter_are_one_key(question: str, keys: set[str]) -> None:
    assert question_keys(question) == keys


@pytest.mark.parametrize(
    "question",
    ["Is Vitamin B on page 12 A?", "What is Plan B?", "Hepatitis B, Year 9. A note?"],
)
def test_a_letter_with_no_class_before_it_stays_apart(question: str) -> None:
    assert not any(" " in key for key in question_keys(question))
