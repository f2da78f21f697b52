"""Threads of a records export (a help desk's tickets and their comments, read a passage per
record: readers/records.py) answered as a support agent reads them (record_threads.py): the
agent's reply to a "how do I fix" question, not the customer's comment restating the problem;
the comment by an agent for "Which agent helped …?" (s25 trial)."""

from __future__ import annotations

import json

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PROBLEMS = (
    (
        "Firmware update stuck at 87%",
        "The firmware update on my thermostat has been stuck at 87% for two hours.",
        "please unplug the base for 30 seconds, plug it back in and start"
        " the update again from the app.",
    ),
    (
        "Boiler shows error E47",
        "My boiler display shows error E47 since this morning and the heating is off.",
        "please check that the gas valve under the boiler is open, then hold"
        " the reset button for five seconds.",
    ),
    (
        "Cannot pair the window sensor",
        "The window sensor will not pair with the hub even after changing its battery.",
        "please hold the sensor's button until its light blinks blue,"
        " then add it from the app within one minute.",
    ),
    (
        "Refund for a double charge",
        "I was charged twice for order 50321 of the wifi thermostat kit.",
        "we refunded the second charge of 59.90 euros today; it shows in five days.",
    ),
)
CUSTOMERS = ("Anna Kowalski", "Marc Petit", "Olivia Dubois", "James Laurent")
AGENTS = ("Priya Nair", "Julien Moreau", "Léa Martin", "Sam Okafor")


def ticket(number: int) -> dict[str, object]:
    subject, asked, reply = PROBLEMS[number]
    customer, agent = CUSTOMERS[number], AGENTS[number]
    comment = [
        {"author": {"name": customer, "role": "end-user"}, "body": asked},
        {"author": {"name": agent, "role": "agent"}, "body": f"Hi {customer.split()[0]}, {reply}"},
        {
            "author": {"name": customer, "role": "end-user"},
            "body": "It worked this time. Thank you.",
        },
    ]
    return {
        "id": 5541 + number,
        "subject": subject,
        "status": "solved",
        "requester": customer,
        "comments": comment,
    }


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    export = json.dumps({"tickets": [ticket(n) for n in range(len(PROBLEMS))]}, indent=2)
    return assistant_over(
        {"tickets-export.json": export},
        tmp_path_factory.mktemp("desk"),
        tmp_path_factory.mktemp("deskx"),
    )


def test_a_how_to_question_is_answered_by_the_reply_not_the_request(desk: Assistant) -> None:
    for question, fix in (
        ("How do I fix a firmware update stuck at 87%?", "please unplug the base"),
        ("How can I fix error E47 on my boiler?", "check that the gas valve"),
    ):
        answer = desk.ask(question)
        quotes = [citation.quote for citation in answer.citations]
        assert any(fix in quote for quote in quotes), answer.answer
        assert not any("end-user" in quote for quote in quotes), answer.answer


def test_which_agent_is_answered_by_the_record_an_agent_wrote(desk: Assistant) -> None:
    for customer, agent in (("Anna Kowalski", "Priya Nair"), ("Olivia Dubois", "Léa Martin")):
        answer = desk.ask(f"Which agent helped {customer}?")
        quotes = [citation.quote for citation in answer.citations]
        assert any(f"author: {agent}, agent" in quote for quote in quotes), answer.answer
