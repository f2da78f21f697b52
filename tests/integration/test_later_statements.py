"""An answer quoting a decision of dated minutes shows, labelled with its date, what later
minutes among those it reads say on the same subject (found by the session-26 user trial: the
January decision to open an office and a March decision to migrate were quoted alone, their
later reversals unshown), and stays quiet for undated documents, for another subject of the
later minutes and for a question naming a day."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

JANUARY = """# Board meeting — 12 January 2026

Date: 12 January 2026

## Warehouse in Porto

Decision: the board approves opening a warehouse in Porto in September, with a budget of
85,000 euros.

## Actions

- Action: Maria — send the training budget before 15 March.
"""
SEPTEMBER = """# Board meeting — 8 September 2026

Date: 8 September 2026

## Warehouse in Porto

Decision: the Porto warehouse project is abandoned; the team moves to a shared space.

## Actions

- Action: Maria — send the seminar programme before 20 October.
"""
GUIDE = """# Staff guide

## Meals

The meal allowance is 25 euros a day in Lisbon and 20 euros elsewhere.
"""
NOTE = """# Canteen note

## Meals

The canteen serves meals from noon; the meal allowance does not apply there.
"""
POSTMORTEM = """# Post-mortem {date}: {title}

| Field | Value |
|---|---|
| Duration | {duration} |
| Severity | {severity} |

## Summary

{summary}
"""
FILES = {
    "post-mortem-2026-03-04.md": POSTMORTEM.format(
        date="2026-03-04",
        title="Duplicate push notifications",
        duration="47 minutes",
        severity="SEV2",
        summary="Users received the same push notification up to four times.",
    ),
    "post-mortem-2026-05-19.md": POSTMORTEM.format(
        date="2026-05-19",
        title="Email delivery outage",
        duration="2 hours 13 minutes",
        severity="SEV1",
        summary="No e-mail left the relay for two hours.",
    ),
    "board-2026-01-12.md": JANUARY,
    "board-minutes-sept.md": SEPTEMBER,
    "guide.md": GUIDE,
    "canteen.md": NOTE,
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


def test_a_later_reversal_is_shown_beside_the_decision_with_its_date(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("What did the board decide about the Porto warehouse?")
    assert not answer.abstained
    first, *others = answer.citations
    assert first.doc_id == "board-2026-01-12" and not first.otherwise and first.later is None
    assert [(c.doc_id, c.otherwise, c.later) for c in others] == [
        ("board-minutes-sept", True, "2026-09-08")
    ]
    assert "abandoned" in others[0].quote
    assert "Later (2026-09-08), another document says:" in answer.answer
    assert (
        answer.answer.index("approves")
        < answer.answer.index("Later")
        < answer.answer.index("abandoned")
    )
    assert answer.model_dump()["citations"][1]["later"] == "2026-09-08"


def test_another_subject_of_the_later_minutes_is_not_shown(assistant: Assistant) -> None:
    answer = assistant.ask("Who sends the training budget?")
    assert not answer.abstained
    assert answer.citations[0].doc_id == "board-2026-01-12"
    assert all(c.later is None for c in answer.citations)


def test_a_question_naming_a_day_gets_no_later_statement(assistant: Assistant) -> None:
    answer = assistant.ask("What did the board decide on 12 January about the Porto warehouse?")
    assert not answer.abstained
    assert all(c.later is None for c in answer.citations)


def test_undated_documents_get_no_later_statement(assistant: Assistant) -> None:
    answer = assistant.ask("What is the meal allowance?")
    assert not answer.abstained
    assert all(c.later is None for c in answer.citations)


def test_one_templates_field_of_a_later_record_is_not_shown(assistant: Assistant) -> None:
    answer = assistant.ask("What was the duration of the incident?")
    assert not answer.abstained
    assert "| Duration |" in answer.citations[0].quote
    assert all(c.later is None for c in answer.citations)
