"""A closed question whose predicate is a state ("Is ticket 4530 resolved?", "La facture
est-elle payée ?") asks the state the thing stands in now, as "What is the status of…" does:
its history's latest dated entry leads the quote (dated_rows.json `state_words`,
`closed_questions`). Main quoted the "opened" and "resolved" entries and left out the later
"reopened" one (s44). A question asking when the state began keeps its own entry."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TICKET = """# Ticket 4530 – Login fails after password reset

Reporter: Claire Martin
Component: authentication

## History

- 2026-02-02 09:14 — Ticket opened: users cannot log in after resetting their password.
- 2026-02-03 16:40 — Fix deployed (token cache cleared on reset). Ticket resolved.
- 2026-02-10 11:05 — Customer reports the problem again on the mobile app. Ticket reopened.
"""
OTHER = """# Ticket 4531 – Export to CSV drops accents

Reporter: Hugo Petit

## History

- 2026-02-04 10:00 — Ticket opened: exported CSV files lose accented characters.
- 2026-02-05 14:30 — Encoding set to UTF-8 with BOM. Ticket resolved.
"""
INVOICE = """# Suivi de la facture F-2026-118

- 2026-01-15 — Facture émise pour 1 250,00 €.
- 2026-02-01 — Relance envoyée : facture impayée.
- 2026-02-20 — Virement reçu, facture payée.
"""
NOTES = """# Support team notes

The support team handles about forty tickets a week.

Most tickets about login are resolved within two days.
"""


@pytest.fixture(scope="module")
def histories(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "ticket-4530.md": TICKET,
        "ticket-4531.md": OTHER,
        "facture.md": INVOICE,
        "notes.md": NOTES,
    }
    corpus, index = tmp_path_factory.mktemp("tickets"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def _quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return " ".join(citation.quote for citation in answer.citations)


@pytest.mark.parametrize(
    ("question", "latest"),
    [
        ("Is ticket 4530 resolved?", "Ticket reopened."),
        ("Le ticket 4530 est-il résolu ?", "Ticket reopened."),
        ("La facture F-2026-118 est-elle payée ?", "facture payée."),
    ],
)
def test_a_closed_state_question_quotes_the_latest_entry(
    histories: Assistant, question: str, latest: str
) -> None:
    assert latest in _quoted(histories, question)


def test_when_the_state_began_keeps_its_own_entry(histories: Assistant) -> None:
    quoted = _quoted(histories, "When was ticket 4530 resolved?")
    assert "Ticket resolved." in quoted
    assert "reopened" not in quoted
