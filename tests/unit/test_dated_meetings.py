"""Which days and months a question names, and whether a document's date falls on them."""

from __future__ import annotations

import pytest

from citeqa.dated_meetings import asked_dates, falls_on
from citeqa.later_statements import asks_of_a_meeting
from citeqa.questions import QuestionTerms


def terms(*alternatives: set[str]) -> QuestionTerms:
    """The question's own terms, each its alternatives, as questions.analyse weighs them."""
    own = [(frozenset(words), 1.0) for words in alternatives]
    return QuestionTerms(focus="", terms=own, focus_terms=len(own))


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (terms({"tom"}, {"--01"}, {"board"}), ["--01"]),
        (terms({"comit"}, {"--04-14", "--04"}), ["--04-14", "--04"]),
        (terms({"2026-03-09", "--03-09", "--03"}), ["2026-03-09", "--03-09", "--03"]),
        (terms({"decid"}, {"2026"}), []),
        (terms({"attend"}, {"board"}), []),
    ],
)
def test_the_days_and_months_a_question_names(asked: QuestionTerms, expected: list[str]) -> None:
    assert sorted(asked_dates(asked)) == sorted(expected)


@pytest.mark.parametrize(
    ("date", "asked", "falls"),
    [
        ("2026-01-12", "--01", True),
        ("2026-01-12", "--01-12", True),
        ("2026-01-12", "--01-13", False),
        ("2026-11-02", "--01", False),
        ("2026-01-12", "2026-01-12", True),
        ("2025-01-12", "2026-01-12", False),
    ],
)
def test_a_document_date_falls_on_the_asked_day_or_month(
    date: str, asked: str, falls: bool
) -> None:
    assert falls_on(date, asked) is falls


@pytest.mark.parametrize(
    ("question", "meeting"),
    [
        ("Was Tom Becker at the January CODIR?", True),
        ("Who attended the board meeting of 14 April?", True),
        ("Qui était à la réunion de mars ?", True),
        ("What do the minutes of 3 August say?", True),
        ("Is the help desk open in the afternoon in August?", False),
        ("How many minutes is the lunch break in August?", False),  # a length, no meeting
        ("Le support est-il ouvert en août ?", False),
    ],
)
def test_only_a_question_naming_a_meeting_asks_of_a_meeting(question: str, meeting: bool) -> None:
    assert asks_of_a_meeting(question) is meeting
