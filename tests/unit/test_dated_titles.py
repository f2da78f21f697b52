"""A title or heading states the day of the event a question asks when it writes a day and
every word naming the event (dated_titles.py)."""

from __future__ import annotations

import pytest

from citeqa.dated_titles import asks_occasion, states_asked_occasion, states_later_occasion


@pytest.mark.parametrize(
    ("question", "line", "states"),
    [
        (
            "Quand a eu lieu l'assemblée générale ?",
            "# Procès-verbal de l'assemblée générale ordinaire du 12 mars 2026",
            True,
        ),
        (
            "When was the general assembly held?",
            "Minutes of the general assembly of 12 March 2026",
            True,
        ),
        ("When was the general assembly held?", "Minutes of the board of 12 March 2026", False),
        (
            "Quand a eu lieu l'assemblée générale ?",
            "# Procès-verbal de l'assemblée générale ordinaire",
            False,
        ),
    ],
)
def test_a_line_states_the_day_of_the_event_it_names(
    question: str, line: str, states: bool
) -> None:
    assert asks_occasion(question)
    assert states_asked_occasion(question, line) is states


def test_a_question_asking_no_day_of_an_event_asks_no_occasion() -> None:
    assert not asks_occasion("Qui a présidé l'assemblée générale ?")
    assert not states_asked_occasion(
        "Qui a présidé l'assemblée générale ?",
        "# Procès-verbal de l'assemblée générale ordinaire du 12 mars 2026",
    )


NEXT_LINE = "La prochaine assemblée générale aura lieu en mars 2027."


@pytest.mark.parametrize(
    "question",
    ["Quand a eu lieu l'assemblée générale ?", "When did the general assembly take place?"],
)
def test_a_next_meeting_is_no_answer_to_a_past_one(question: str) -> None:
    assert states_later_occasion(question, NEXT_LINE)


@pytest.mark.parametrize(
    "question",
    ["Quand aura lieu la prochaine assemblée générale ?", "Quand a lieu l'assemblée générale ?"],
)
def test_a_next_meeting_answers_a_question_not_in_the_past(question: str) -> None:
    assert not states_later_occasion(question, NEXT_LINE)
