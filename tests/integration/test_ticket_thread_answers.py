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


def article(number: int, topic: str, steps: str, trouble: str) -> dict[str, object]:
    sections = [
        {"heading": "Steps", "text": steps},
        {"heading": "Troubleshooting", "text": trouble},
    ]
    return {"id": number, "title": topic, "author": "docs team", "sections": sections}


RING = "until the ring light turns white"
KNOWLEDGE_BASE = {
    "articles": [
        article(
            100,
            "Resetting the hub",
            f"To reset the hub, hold the rear button for ten seconds {RING}.",
            "If the ring light stays red after the reset, unplug the hub and contact support by"
            " phone.",
        ),
        article(
            101,
            "Pairing a window sensor",
            "To pair a window sensor, press its button twice and add it from the app within one"
            " minute.",
            "If pairing fails twice, replace the coin battery with a new CR2032 and try once more.",
        ),
        article(
            102,
            "Updating firmware",
            "To update the firmware, open Settings, choose Device and tap Check for updates.",
            "If the update stalls, keep the hub powered and wait thirty minutes before retrying.",
        ),
    ]
}
CHAT_LOG = {
    "conversations": [
        {
            "channel": "it-help",
            "date": f"2026-03-0{day}",
            "messages": [
                {"user": first, "text": text},
                {"user": second, "text": f"Thanks {first}, I will try that tomorrow morning then."},
                {"user": "carol", "text": "Same here, the old wiki page was out of date."},
            ],
        }
        for day, first, second, text in (
            (
                1,
                "alice",
                "bob",
                "To get VPN access, file a request in the IT portal under Network.",
            ),
            (2, "dave", "erin", "To reset your badge PIN, visit the front desk with a photo ID."),
        )
    ]
}
GREETING = "Hello {name}!\n\nThank you for contacting the support team about this.\n\n"
HELP_DESK = {
    "tickets": [
        {
            "id": 7000 + number,
            "subject": subject,
            "status": "solved",
            "assigned_agent": assigned,
            "comments": [
                {
                    "id": 9000 + 3 * number,
                    "author": {"name": customer, "role": "end-user"},
                    "body": f"{asked} What should I do about it?",
                },
                {
                    "id": 9001 + 3 * number,
                    "author": {"name": customer, "role": "end-user"},
                    "body": "Also the display flickers since I restarted it twice this morning.",
                },
                {
                    "id": 9002 + 3 * number,
                    "author": {"name": agent, "role": "agent"},
                    "body": GREETING.format(name=customer) + reply,
                },
            ],
        }
        for number, (subject, assigned, customer, agent, asked, reply) in enumerate(
            (
                (
                    "Boiler error E47",
                    "Tom Reed",
                    "Marc Petit",
                    "Priya Nair",
                    "My boiler shows error E47 and the heating is off.",
                    "Please check that the gas valve under the boiler is open.",
                ),
                (
                    "Door sensor offline",
                    "Lina Park",
                    "Olivia Dubois",
                    "Sam Okafor",
                    "The door sensor shows offline in the app since Monday.",
                    "Please replace the sensor battery and add it again from the app.",
                ),
            )
        )
    ]
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "kb.json": json.dumps(KNOWLEDGE_BASE, indent=1),
        "chatlog.json": json.dumps(CHAT_LOG, indent=1),
        "tickets.json": json.dumps(HELP_DESK, indent=1),
    }
    return assistant_over(files, tmp_path_factory.mktemp("ex"), tmp_path_factory.mktemp("exx"))


def quotes_of(assistant: Assistant, question: str) -> str:
    return " | ".join(citation.quote for citation in assistant.ask(question).citations)


def test_a_knowledge_base_and_a_chat_log_keep_their_answering_record(exports: Assistant) -> None:
    for question, answer in (
        ("How do I reset the hub?", "hold the rear button"),
        ("How do I pair a window sensor?", "press its button twice"),
        ("How do I get VPN access?", "file a request in the IT portal"),
        ("How do I reset my badge PIN?", "visit the front desk"),
    ):
        assert answer in quotes_of(exports, question), question


def test_a_ticket_s_reply_is_by_another_author_and_past_its_greeting(exports: Assistant) -> None:
    for question, fix in (
        ("What should I do about boiler error E47?", "check that the gas valve"),
        ("What should I do about the door sensor offline?", "replace the sensor battery"),
    ):
        quotes = quotes_of(exports, question)
        assert fix in quotes and "flickers" not in quotes, (question, quotes)
        assert not quotes.rstrip().endswith(("!", "this.")), quotes


def test_which_agent_keeps_the_ticket_s_own_assigned_agent(exports: Assistant) -> None:
    assert "Tom Reed" in quotes_of(exports, "Which agent was ticket 7000 assigned to?")
