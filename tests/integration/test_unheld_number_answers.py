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


def test_a_week_written_with_leading_zeros_is_the_rotas_week(rota: Assistant) -> None:
    """s25 hostile probe: "week 0012" abstained naming 12 as the closest of the rows."""
    result = rota.ask("Who is on call in week 0012?")
    assert not result.abstained, result.reason
    assert "Carla Diaz" in result.citations[0].quote


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
