"""A question asking of a numbered key the texts its answer stands in never write, while they
write a series of others for that key (unheld_numbers.py; s24 trial: "week 20" of a rota of
weeks 10 to 14, "l'ADR 6" of ADRs 1 to 5)."""

from __future__ import annotations

import pytest

from citeqa.unheld_numbers import asked_keyed_number, keyed_numbers, unheld_number, writes_whole

ROTA = (
    "## Rota 2026\n\n| Week | Primary | Secondary |\n| --- | --- | --- |\n"
    "| 10 | Aisha Khan | Jonas Berg |\n| 11 | Tomás Rivera | Mei Lin |\n"
    "| 14 | Aisha Khan | Mei Lin |\n\n"
    "On-call engineers receive an allowance of 350 EUR per week of primary duty."
)
ADR_2 = "# 2. File de messages : RabbitMQ\n\n## Statut\n\nRemplacée par [ADR-0004](0004-kafka.md)"
ADR_4 = "# 4. Move to Kafka\n\n## Status\n\nAccepted. Supersedes [ADR-0002](0002-rabbitmq.md)."


def test_a_week_past_the_rotas_weeks_is_unheld() -> None:
    unheld = unheld_number("Who is on call in week 20?", ["Escalation"], [ROTA], [])
    assert unheld is not None
    assert unheld.asked == "week 20"
    assert unheld.held == ["week 10", "week 11", "week 14"]


@pytest.mark.parametrize("minus", ["-", "\u2212"])
def test_a_signed_week_is_no_week_of_the_rota(minus: str) -> None:
    """s25 hostile probe: "week -12" was read as week 12 and quoted week 13's row."""
    unheld = unheld_number(f"Who is on call in week {minus}12?", ["Escalation"], [ROTA], [])
    assert unheld is not None
    assert unheld.asked == f"week {minus}12"
    assert unheld.held == ["week 10", "week 11", "week 14"]
    assert unheld_number("Who is on call in week -12?", [], [ROTA + "\nweek -12: none"], []) is None


def test_an_adr_number_past_the_series_is_unheld_from_the_passages_shown() -> None:
    unheld = unheld_number("Quel est le statut de l'ADR 6 ?", ["Statut"], [ADR_2], [ADR_4])
    assert unheld is not None
    assert unheld.held == ["ADR 2", "ADR 4"]


@pytest.mark.parametrize(
    "question",
    [
        "Who is on call in week 11?",
        "Who is on call in week 12?",  # inside the series: maybe told of as a span
        "How is the allowance of 350 paid?",  # no key before the number
        "Who is on call in week 350?",  # the quoted document writes 350
        "Who is on call in weeks 20 and 21?",  # two keyed numbers
    ],
)
def test_a_number_held_inside_or_unkeyed_keeps_the_answer(question: str) -> None:
    assert unheld_number(question, ["Escalation"], [ROTA], []) is None


def test_numbers_of_another_magnitude_are_no_series() -> None:
    text = "Les ventes ont doublé entre les années 1950 et les années 1970."
    assert unheld_number("combien vend-on de disques dans les années 60 ?", [], [text], []) is None


def test_one_other_number_is_no_series() -> None:
    assert unheld_number("Quel est le statut de l'ADR 6 ?", [], [ADR_2], []) is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("When was httpx 1.0 released?", None),  # a version, not a keyed number
        ("What happened in 2026?", None),
        ("Who is on call in week 20?", ("week 20", "week", 20)),
        ("ticket #12 status", ("ticket #12", "ticket", 12)),
        ("Quel est le statut de l'ADR 6 ?", ("ADR 6", "ADR", 6)),
        ("budget for 2027", None),  # a year: unheld_years.py's
        ("Dans l'année 1313, quelle est la date de l'ultimatum ?", None),
        ("ADR-0006 status", ("ADR-0006", "ADR", 6)),
        ("Who is on call in week -12?", ("week -12", "week", -12)),  # a sign, not a joint
        ("Who is on call in week \u221212?", ("week \u221212", "week", -12)),
        ("Who is on call in week - 12?", ("week - 12", "week", 12)),
    ],
)
def test_the_keyed_number_a_question_asks(question: str, asked: object) -> None:
    assert asked_keyed_number(question) == asked


def test_keyed_numbers_are_read_after_the_key_and_in_its_column() -> None:
    assert keyed_numbers("adr", [ADR_2, ADR_4]) == {2, 4}
    assert keyed_numbers("week", [ROTA]) == {10, 11, 14}


def test_a_cells_escaped_pipe_does_not_shift_the_keys_column() -> None:
    rota = "| Team | Week |\n| --- | --- |\n| Ops \\| Infra | 10 |\n| Web | 11 |\n| Data | 12 |"
    assert keyed_numbers("week", [rota]) == {10, 11, 12}


@pytest.mark.parametrize(
    ("text", "number", "writes"),
    [
        ("OPS-01 is open", -1, False),
        ("see v-12", -12, False),
        ("it froze at -12 degrees", -12, True),
        ("(\u221212)", -12, True),
        ("OPS-01 is open", 1, True),
    ],
)
def test_a_negative_number_is_written_after_a_minus_that_follows_no_word(
    text: str, number: int, writes: bool
) -> None:
    """Review C of s25: "OPS-01" and "v-12" counted as writing -1 and -12."""
    assert writes_whole(text, number) is writes
