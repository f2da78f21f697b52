"""A question naming a day quotes that day's line, whatever form it writes the day in (found by
session 17's hostile probe, finding 5: in a journal with a date in every heading, "What was the
dose on 2026-07-14?" quoted the line of 2026-07-15, while "14 July 2026" quoted 07-14)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FIRST_DAYS = (date(2026, 1, 1), date(2026, 3, 1), date(2026, 7, 8), date(2026, 11, 14))
DAYS_EACH = 9


def _journal() -> str:
    """A dose journal: a heading per day ("## 2026-07-14"), one line under it, each day's
    dose its own (100 mg, 102 mg, ...)."""
    days = [first + timedelta(days=n) for first in FIRST_DAYS for n in range(DAYS_EACH)]
    entries = [
        f"## {day.isoformat()}\n\nThe dose given was {100 + 2 * n} mg, taken at breakfast.\n"
        for n, day in enumerate(days)
    ]
    return "# Dose journal\n\n" + "\n".join(entries)


def _dose(day: str) -> str:
    """The dose `_journal` writes under the ISO day `day`."""
    days = [first + timedelta(days=n) for first in FIRST_DAYS for n in range(DAYS_EACH)]
    return f"{100 + 2 * days.index(date.fromisoformat(day))} mg"


BATCHES = "# Batches\n\nBatch 2026-13-45 was recalled after a failed purity test.\n"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"journal.md": _journal(), "batches.md": BATCHES},
        tmp_path_factory.mktemp("journal"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("What was the dose on 2026-07-14?", "2026-07-14"),
        ("What was the dose on 2026-03-05?", "2026-03-05"),
        ("What was the dose on 2026-11-20?", "2026-11-20"),
        ("What was the dose on 2026-01-01?", "2026-01-01"),
        ("What was the dose on 14/07/2026?", "2026-07-14"),
        ("What was the dose on 14 July 2026?", "2026-07-14"),
        ("Quelle était la dose le 14 juillet 2026 ?", "2026-07-14"),
        ("What was the dose on July 14?", "2026-07-14"),
        ("Quelle était la dose le 5 mars ?", "2026-03-05"),
    ],
)
def test_a_question_naming_a_day_quotes_that_day(
    assistant: Assistant, question: str, day: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    quote = answer.citations[0].quote
    assert day in quote and _dose(day) in quote


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What was the dose on 2026-13-40?", "No such day: “2026-13-40”"),
        ("Quelle était la dose le 30 février 2026 ?", "Ce jour n’existe pas : “30 février 2026”"),
        ("What was the dose on 31/04/2026?", "No such day: “31/04/2026”"),
        (  # s19 hostile 10a: each date once, the verb agreeing with how many
            "Quand le 30 février 2026 le 30 février 2026 et le 31/04/2026 ?",
            "Ces jours n’existent pas : “30 février 2026”, “31/04/2026” ne sont pas des dates",
        ),
        ("What on 2026-13-40 and on 2026-13-40?", "No such day: “2026-13-40” is no date"),
        ("What on 2026-13-40 and 31/04/2026?", "No such days: “2026-13-40”, “31/04/2026” are"),
    ],
)
def test_a_day_no_calendar_has_abstains_saying_so(
    assistant: Assistant, question: str, reason: str
) -> None:
    """ "2026-13-45" quoted a random day of a journal (.36, session 17's hostile probe)."""
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert answer.answer.startswith(reason)


def test_an_impossible_date_the_documents_write_is_asked_as_written(assistant: Assistant) -> None:
    answer = assistant.ask("What happened to batch 2026-13-45?")
    assert not answer.abstained
    assert "recalled" in answer.citations[0].quote


LEDGER = (
    "# Ledger\n\nInvoice 17 was paid on 31/06/2026 by the regional office.\n\n"
    "Shipment 9 left the harbour on 04/31/2027 with the spare pumps.\n\n"
    "Le 30 février 2027, la réunion du conseil fut annulée.\n"
)
"""Impossible days, each written in a form a question may quote word for word."""


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"ledger.md": LEDGER}, tmp_path_factory.mktemp("ledger"), tmp_path_factory.mktemp("index")
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What was paid on 31/06/2026?", "Invoice 17"),
        ("What left the harbour on 04/31/2027?", "spare pumps"),
        ("Que s’est-il passé le 30 février 2027 ?", "réunion du conseil"),
    ],
)
def test_an_impossible_date_written_with_slashes_or_words_is_asked_as_written(
    ledger: Assistant, question: str, said: str
) -> None:
    """Only an ISO date counted as written (a compound): "31/06/2026" or "30 février 2027" the
    documents write still read "No such day" (session 18's review)."""
    answer = ledger.ask(question)
    assert not answer.abstained, answer.answer
    assert said in answer.citations[0].quote
