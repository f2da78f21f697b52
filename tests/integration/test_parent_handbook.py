"""A school's parent handbook and calendar answered as a parent asks them (s54 trial):

- a line of a list of field lines is quoted alone (quoting._field_line): "When is March
  break?" quoted "Winter break: …", "Family Day (no school): …" and "Good Friday …" with it;
- a short complete line takes in no complete statement on the line below it
  (quoting._statement_apart): "Principal: Dr. Anita Kowalski." ran on into the
  vice-principal's and the office administrator's lines;
- a best line writing the asked kind of value and its owner keeps its place over another
  record's field line (value_kinds.writes_owner_value): "What is the pediatrician's phone
  number?" quoted the babysitter's line (the gen set "notes", dev half);
- a role may hold a figure ("grade 3 teacher"), and a table row's capitalised common words
  name no one (role_holders._opens_cell): "Who is the grade 3 teacher?" quoted the clubs
  table's "| Chess | Tuesday | 3 to 6 | $40 |" at .67;
- a role's noun joined to another role's prefix names another role (role_holders.
  without_other_roles): "Who is the principal?" quoted "Vice-principal: Marc Tremblay."."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.role_holders import without_other_roles
from small_corpora import assistant_over

HANDBOOK = """# Parent Handbook 2026-2027

## Absences

If your child will be absent, call the attendance line before 8:30 a.m.
For an absence of more than five days, please meet the principal beforehand.

## Staff

Principal: Dr. Anita Kowalski.
Vice-principal: Marc Tremblay.
Office administrator: Sandra Liu.
"""

CALENDAR = """SCHOOL YEAR CALENDAR 2026-2027

First day of school: Wednesday, September 2, 2026
Thanksgiving (no school): Monday, October 12, 2026
Winter break: December 21, 2026 to January 1, 2027
Family Day (no school): Monday, February 15, 2027
March break: March 15 to March 19, 2027
Good Friday (no school): April 2, 2027
Last day of school: Friday, June 25, 2027
"""


NUMBERS = """# Useful numbers

Plumber (Dupuis Plomberie): 06 39 98 12 34
Pediatrician Dr Lambert: 01 99 00 45 67
Babysitter Inès: 06 39 98 76 54
"""


CLUBS = """# After-school clubs

| Club | Day | Grades | Fee |
|---|---|---|---|
| Chess | Tuesday | 3 to 6 | $40 |
| Robotics | Wednesday | 4 to 6 | $85 |
"""


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "handbook.md": HANDBOOK,
        "calendar.txt": CALENDAR,
        "numbers.md": NUMBERS,
        "clubs.md": CLUBS,
    }
    return assistant_over(
        files, tmp_path_factory.mktemp("school"), tmp_path_factory.mktemp("index")
    )


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("When is March break?", "March break: March 15 to March 19, 2027"),
        ("When is the first day of school?", "First day of school: Wednesday, September 2, 2026"),
        ("When is the last day of school?", "Last day of school: Friday, June 25, 2027"),
    ],
)
def test_a_field_line_is_quoted_alone(school: Assistant, question: str, line: str) -> None:
    answer = school.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == line


def test_the_role_asked_is_not_its_deputy(school: Assistant) -> None:
    answer = school.ask("Who is the principal?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "Principal: Dr. Anita Kowalski."


def test_the_deputy_asked_is_the_deputy(school: Assistant) -> None:
    answer = school.ask("Who is the vice-principal?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "Vice-principal: Marc Tremblay."


def test_the_owners_line_keeps_its_place(school: Assistant) -> None:
    answer = school.ask("What is the pediatrician's phone number?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "Pediatrician Dr Lambert: 01 99 00 45 67"


def test_a_table_row_names_no_holder_of_a_role(school: Assistant) -> None:
    answer = school.ask("Who is the grade 3 teacher?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "grade 3 teacher" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("text", "question", "kept"),
    [
        ("Vice-principal: Marc Tremblay.", "Who is the principal?", " : Marc Tremblay."),
        ("Vice-principal: Marc Tremblay.", "Who is the vice-principal?", None),
        ("Le vice-président est Paul.", "Qui est le président ?", "Le   est Paul."),
        ("Co-founder: Ada Lovelace.", "Who is the founder?", None),  # a co-founder founded it
    ],
)
def test_another_roles_words_are_set_aside(text: str, question: str, kept: str | None) -> None:
    assert without_other_roles(text, question) == (text if kept is None else kept)
