"""A question asking of a numbered key outside the series the answer's documents write abstains
naming that series; one inside it is answered (unheld_numbers.py through answering; s24 trial:
"Quel est le statut de l'ADR 6 ?" of ADRs 1 to 5 quoted ADR-0002's status; a rota's table is
unheld_keys.py's, which names the rows it holds)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

ADR_2 = """# 2. Message queue: RabbitMQ

## Status

Superseded by [ADR-0004](0004-kafka.md)

## Decision

We will use RabbitMQ as the queue between the API and the dispatcher.
"""

ADR_4 = """# 4. Move the message queue to Apache Kafka

## Status

Accepted. Supersedes [ADR-0002](0002-rabbitmq.md).

## Decision

We will replace RabbitMQ with Apache Kafka: one topic per channel, 12 partitions per topic.
"""


TEAM = "# Team\n\nThe platform team has 6 engineers in two offices.\n"
"""Writes "6", so that the question's number is no word the documents never use."""


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"0002-rabbitmq.md": ADR_2, "0004-kafka.md": ADR_4, "team.md": TEAM},
        tmp_path_factory.mktemp("docs"),
        tmp_path_factory.mktemp("i"),
    )


def test_an_adr_past_the_series_abstains_naming_the_adrs_written(team: Assistant) -> None:
    result = team.ask("What is the status of ADR 6?")
    assert result.abstained
    assert "“ADR 6”" in result.reason
    assert "ADR 2, ADR 4" in result.reason


def test_an_adr_of_the_series_is_answered(team: Assistant) -> None:
    result = team.ask("What is the status of ADR 4?")
    assert not result.abstained, result.reason


ROTA = """# On-call rota

| Week | Engineer |
|---|---|
| 10 | Alice Martin |
| 11 | Bob Stone |
| 12 | Carla Diaz |
| 13 | Dan Wu |
| 14 | Eve Laurent |
"""

VOLUNTEERS = """# Volunteers

| | 2021 | 2022 | 2023 |
|---|---|---|---|
| Volunteers | 1,120 | 1,380 | 1,500 |
| Events | 10 | 12 | 15 |
"""


@pytest.fixture(scope="module")
def rota(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"rota.md": ROTA, "volunteers.md": VOLUNTEERS},
        tmp_path_factory.mktemp("docs"),
        tmp_path_factory.mktemp("i"),
    )


@pytest.mark.parametrize("minus", ["-", "\u2212"])
def test_a_signed_week_abstains_naming_the_weeks_written(rota: Assistant, minus: str) -> None:
    """s25 hostile probe: "week −12" quoted week 13's row at .63."""
    result = rota.ask(f"Who is on call in week {minus}11?")
    assert result.abstained
    assert not result.citations


def test_no_row_reason_names_no_keys_of_another_magnitude(rota: Assistant) -> None:
    """s25 hostile probe: "volunteers in 20222" named the rota's weeks 14 and 13 as closest."""
    result = rota.ask("How many volunteers in 20222?")
    assert result.abstained
    assert "13" not in result.reason and "14" not in result.reason


ADRS = {
    f"adr-000{n}.md": f"# ADR-000{n}: Decision {n}\n\nStatus: accepted\n\nWe decided topic {n}."
    " Latency budget stays at 40 ms and 7 retries.\n"
    for n in range(1, 7)
}

AGENTS = """# Field agents

| Agent code | Name | Station |
|---|---|---|
| 003 | Ana Lopez | Lisbon |
| 004 | Ben Carter | Oslo |
| 005 | Chloe Martin | Rome |
| 006 | Dan Ruiz | Madrid |

The team meets at 7 pm on Fridays. Budget: 1000 euros per agent.
"""

OFFICES = """# Offices

| Postal code | City | Staff |
|---|---|---|
| 01000 | Bourg-en-Bresse | 12 |
| 75001 | Paris | 40 |
| 69002 | Lyon | 22 |

The Paris office has a budget of 1000 euros for events.
"""


@pytest.fixture(scope="module")
def padded(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {**ADRS, "staff.md": AGENTS, "offices.md": OFFICES},
        tmp_path_factory.mktemp("docs"),
        tmp_path_factory.mktemp("i"),
    )


def test_a_padded_number_no_document_writes_is_no_other_number(padded: Assistant) -> None:
    """Review C of s25 (HIGH): reading "0007" as 7 answered ADR-0007 with ADR-0001's "7
    retries" and agent 007 with "The team meets at 7 pm"; neither is written."""
    for question in ("What does ADR 0007 decide?", "Who is agent 007?"):
        result = padded.ask(question)
        assert result.abstained, (question, result.citations[0].quote)
        assert not result.citations


def test_a_postal_code_is_no_number_without_its_zeros(padded: Assistant) -> None:
    """Review C of s25 (HIGH): "postal code 1000" quoted the 69002 row of a table of
    "01000", "75001", "69002"."""
    result = padded.ask("Which city has postal code 1000?")
    assert not any("69002" in citation.quote for citation in result.citations)


def test_a_number_a_table_writes_padded_gets_a_true_message(padded: Assistant) -> None:
    """ "agent 4" of a table of 003-006: answered by row 004 or abstaining; never another row."""
    result = padded.ask("Which station has agent 4?")
    quotes = " ".join(citation.quote for citation in result.citations)
    assert result.abstained or "Oslo" in quotes, (result.reason, quotes)
    assert not any(city in quotes for city in ("Lisbon", "Rome", "Madrid"))
