"""dated_rows: a status history's latest row of the asked key, for a question asking a state
and writing no date (s43 probe)."""

from __future__ import annotations

import pytest

from citeqa.dated_rows import asks_a_state, latest_dated_row

ROWS = [
    ("| 2026-01-10 | PO-7781 | created | Requested by purchasing |", "t"),
    ("| 2026-01-15 | PO-7790 | on hold | Budget check |", "t"),
    ("| 2026-01-24 | PO-7781 | delivered | Signed by reception |", "t"),
    ("| 2026-01-20 | PO-7781 | shipped | Carrier DHL |", "t"),
]


def test_the_latest_row_of_the_asked_key_is_found() -> None:
    assert latest_dated_row("What is the status of order PO-7781?", ROWS) == 2


def test_another_key_s_later_row_is_not() -> None:
    rows = [ROWS[1], ROWS[0], ROWS[2]]
    assert latest_dated_row("What is the status of PO-7790?", rows) is None


def test_a_row_of_another_table_is_not() -> None:
    rows = [ROWS[0], (ROWS[2][0], "other table")]
    assert latest_dated_row("What is the status of order PO-7781?", rows) is None


def test_french_named_month_dates_are_read() -> None:
    rows = [("| 1 février 2026 | déposé | envoyé |", "t"), ("| 15 mars 2026 | accepté | ok |", "t")]
    assert latest_dated_row("Où en est le dossier ?", rows) == 1


def test_a_first_line_that_is_no_dated_row_moves_nothing() -> None:
    assert latest_dated_row("What is the status?", [("Status: open", None), ROWS[2]]) is None


def test_only_a_state_question_without_a_date_asks_it() -> None:
    assert asks_a_state("What is the status of order PO-7781?")
    assert asks_a_state("Où en est le dossier de subvention 2026-17 ?")
    assert not asks_a_state("What was the status on 12 January 2026?")
    assert not asks_a_state("What was the status in 2025?")
    assert not asks_a_state("When was PO-7781 shipped?")


def test_a_log_s_dated_entries_are_rows_of_their_list() -> None:
    entries = [
        ("- 2026-03-04 08:50 — Ticket 4519 opened. Status: open.", "log"),
        ("- 2026-03-05 09:00 — Ticket 4520 opened. Status: open.", "log"),
        ("- 2026-03-06 14:10 — Ticket 4519: roller kit ordered. Status: waiting.", "log"),
    ]
    assert latest_dated_row("What is the status of ticket 4519?", entries) == 2
    assert latest_dated_row("What is the status of ticket 4519?", entries[:2]) is None


@pytest.mark.parametrize(
    "question",
    [
        "Is ticket 4530 resolved?",
        "Has invoice F-2026-118 been paid?",
        "Le ticket 4530 est-il résolu ?",
        "La facture F-2026-118 est-elle payée ?",
        "Est-ce que la commande PO-7781 est livrée ?",
    ],
)
def test_a_closed_question_on_a_state_word_asks_the_state(question: str) -> None:
    assert asks_a_state(question)


@pytest.mark.parametrize(
    "question",
    [
        "When was ticket 4530 resolved?",  # the day of the "resolved" entry
        "Was ticket 4530 resolved in 2025?",  # a year: that year's entry
        "How many tickets are resolved each week?",  # no closed question
        "Is ticket 4530 about the login page?",  # no state word
    ],
)
def test_other_questions_on_a_state_word_do_not(question: str) -> None:
    assert not asks_a_state(question)
