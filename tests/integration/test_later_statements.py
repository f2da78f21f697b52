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
    answer = assistant.ask("What did the board initially decide about the Porto warehouse?")
    assert not answer.abstained
    first, *others = answer.citations
    assert first.doc_id == "board-2026-01-12" and not first.otherwise and first.later is None
    assert [(c.doc_id, c.otherwise, c.later) for c in others] == [
        ("board-minutes-sept", False, "2026-09-08")
    ]
    assert others[0].after == "2026-01-12"
    assert "abandoned" in others[0].quote
    assert "Later (2026-09-08, after the quoted 2026-01-12), another document says:" in (
        answer.answer
    )
    assert (
        answer.answer.index("approves")
        < answer.answer.index("Later")
        < answer.answer.index("abandoned")
    )
    assert answer.model_dump()["citations"][1]["later"] == "2026-09-08"


def test_a_question_asking_what_was_decided_quotes_the_later_decision_first(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("What did the board decide about the Porto warehouse?")
    assert not answer.abstained
    first, *others = answer.citations
    assert (first.n, first.doc_id, first.later, first.earlier) == (
        1,
        "board-minutes-sept",
        None,
        None,
    )
    assert "abandoned" in first.quote
    assert [(c.n, c.doc_id, c.earlier, c.before, c.later) for c in others] == [
        (2, "board-2026-01-12", "2026-01-12", "2026-09-08", None)
    ]
    label = "Earlier (2026-01-12, before the quoted 2026-09-08), another document said:"
    assert (
        answer.answer.index("abandoned")
        < answer.answer.index(label)
        < answer.answer.index("approves")
    )
    assert answer.model_dump()["citations"][1]["earlier"] == "2026-01-12"


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


REVIEWED = {  # session 26 review D: later mentions that must not be shown
    "2026-03-10-eng-weekly.md": "# Engineering weekly\n\n## CI\n\nDecision: we will migrate our CI"
    " to GitHub Actions by June; Alice owns the CI migration plan.\n",
    "2026-07-07-eng-weekly.md": "# Engineering weekly\n\n## CI\n\nBob asked whether the CI"
    " migration to GitHub Actions could be discussed at next week's meeting.\n",
    "2026-05-04-release-notes-2.0.0.md": "# Release notes 2.0.0\n\n## Compatibility\n\nSupport"
    " for Python 3.9 is removed in this release; the minimum supported Python is 3.10.\n",
    "2026-07-01-release-notes-1.9.4.md": "# Release notes 1.9.4\n\n## Compatibility\n\nThis"
    " maintenance release of the 1.9 branch keeps support for Python 3.9 until its end of life.\n",
    "2026-02-02-fleet.md": "# Fleet review\n\n## Runners\n\nDecision: build runner 17 is kept"
    " for the nightly builds of the fleet.\n",
    "2026-06-02-fleet.md": "# Fleet review\n\n## Runners\n\nDecision: build runner 1722 is no"
    " longer kept for the nightly builds of the fleet.\n",
}
MONTH_FIRST = {
    "03-15-2026-ops-minutes.md": "# Ops minutes\n\n## Hiring\n\nWe will hire two SREs this year.\n",
    "04-20-2026-ops-minutes.md": "# Ops minutes\n\n## Backups\n\nWe decided to keep nightly"
    " backups of the billing database on the old NAS for now.\n",
    "05-04-2026-ops-minutes.md": "# Ops minutes\n\n## Backups\n\nNightly backups of the billing"
    " database move from the old NAS to S3 starting next week.\n",
}


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("reviewed"), tmp_path_factory.mktemp("ri")
    return assistant_over(REVIEWED, docs, index)


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("What did we decide about the CI migration?", "2026-03-10-eng-weekly"),
        ("Is Python 3.9 supported in 2.0?", "2026-05-04-release-notes-2.0.0"),
        ("Was runner 17 kept for the nightly builds?", "2026-02-02-fleet"),
    ],
)
def test_a_later_mention_deciding_nothing_or_of_another_number_is_not_shown(
    reviewed: Assistant, question: str, quoted: str
) -> None:
    answer = reviewed.ask(question)
    assert not answer.abstained
    assert answer.citations[0].doc_id == quoted
    assert all(c.later is None for c in answer.citations)


def test_month_first_file_names_date_the_folder_s_minutes_in_their_order(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    docs, index = tmp_path_factory.mktemp("us"), tmp_path_factory.mktemp("usi")
    answer = assistant_over(MONTH_FIRST, docs, index).ask(
        "Where are the nightly backups of the billing database kept now?"
    )
    assert answer.citations[0].doc_id == "05-04-2026-ops-minutes"  # "…now?": what holds
    assert [(c.doc_id, c.earlier, c.before) for c in answer.citations[1:]] == [
        ("04-20-2026-ops-minutes", "2026-04-20", "2026-05-04")
    ]


def test_a_later_record_writing_the_asked_number_with_leading_zeros_is_shown(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files = {
        "0002-queue.md": "# 2. Message queue: RabbitMQ\n\nDate: 2025-03-02\n\n## Status\n\n"
        "Superseded by ADR-0004 for the message queue.\n",
        "0004-kafka.md": "# 4. Move the message queue to Kafka\n\nDate: 2026-01-15\n\n"
        "## Status\n\nAccepted. Supersedes ADR-0002 for the message queue.\n",
    }
    docs, index = tmp_path_factory.mktemp("adr"), tmp_path_factory.mktemp("adri")
    answer = assistant_over(files, docs, index).ask("What is the status of ADR 2?")
    assert answer.citations[0].doc_id == "0002-queue"
    assert [(c.doc_id, c.later) for c in answer.citations[1:]] == [("0004-kafka", "2026-01-15")]


SHUTTLES = {  # French minutes of another committee on another subject
    "comite-2026-02-03.md": "# Comité de pilotage du 3 février 2026\n\nDate : 3 février 2026\n\n"
    "## Navettes de Gand\n\nDécision : le comité approuve l'achat de deux navettes électriques"
    " pour le site de Gand, avec un budget de 120 000 €.\n",
    "comite-2026-06-16.md": "# Comité de pilotage du 16 juin 2026\n\nDate : 16 juin 2026\n\n"
    "## Navettes de Gand\n\nDécision : l'achat des navettes électriques de Gand est annulé ;"
    " chaque salarié du site reçoit un abonnement de tram.\n",
}


@pytest.fixture(scope="module")
def shuttles(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("navettes"), tmp_path_factory.mktemp("ni")
    return assistant_over(SHUTTLES, docs, index)


def test_a_french_question_on_the_standing_decision_quotes_the_later_one_first(
    shuttles: Assistant,
) -> None:
    answer = shuttles.ask("Qu'a décidé le comité sur les navettes de Gand ?")
    assert not answer.abstained
    assert [(c.doc_id, c.earlier) for c in answer.citations] == [
        ("comite-2026-06-16", None),
        ("comite-2026-02-03", "2026-02-03"),
    ]
    assert "annulé" in answer.citations[0].quote
    assert "Plus tôt (2026-02-03, avant le 2026-06-16 cité), un autre document disait :" in (
        answer.answer
    )


def test_a_french_question_on_what_was_first_decided_keeps_the_earlier_quote_first(
    shuttles: Assistant,
) -> None:
    answer = shuttles.ask("Qu'a décidé le comité au départ sur les navettes de Gand ?")
    assert not answer.abstained
    assert [(c.doc_id, c.later, c.earlier) for c in answer.citations] == [
        ("comite-2026-02-03", None, None),
        ("comite-2026-06-16", "2026-06-16", None),
    ]


OTHER_WORD = {  # s27 review C: later minutes on the subject that change nothing asked
    "2026-03-10_board_minutes.md": "# Board minutes\n\nDate: 10 March 2026\n\nPresent: Alice"
    " Martin, Bob Stone. Excused: Tom Becker.\n\n## Lyon office\n\nThe board decided to open the"
    " Lyon office with 12 desks and a budget of 200000 euros.\n\n## Canteen\n\nThe canteen will"
    " serve 40 meals a day.\n",
    "2026-07-08_board_minutes.md": "# Board minutes\n\nDate: 8 July 2026\n\nPresent: Alice"
    " Martin, Tom Becker.\n\n## Lyon office\n\nThe desks of the Lyon office will be repainted blue"
    " by the landlord.\n\n## Canteen\n\nThe canteen menu will include a vegetarian dish every"
    " Friday.\n",
    "2026-08-03_it_minutes.md": "# IT committee minutes\n\nDate: 3 August 2026\n\nPresent:"
    " Carol White.\n\n## Laptops\n\nThe committee decided to replace 15 laptops of the sales"
    " team.\n",
    "it_policy.md": "# IT policy\n\nLaptops are replaced every four years.\n\nIn August, the help"
    " desk is open from 9 am to 1 pm only.\n",
    "comite-2026-02-03.md": SHUTTLES["comite-2026-02-03.md"],
    "comite-2026-06-16.md": "# Comité de pilotage du 16 juin 2026\n\nDate : 16 juin 2026\n\n"
    "## Navettes de Gand\n\nLes navettes électriques de Gand seront lavées chaque semaine par le"
    " prestataire du site.\n",
}


@pytest.mark.parametrize(
    ("question", "quoted", "later"),
    [
        ("How many desks does the Lyon office have?", "2026-03-10_board_minutes", "2026-07-08"),
        ("Qu'a décidé le comité sur les navettes de Gand ?", "comite-2026-02-03", "2026-06-16"),
    ],
)
def test_a_later_word_changing_nothing_stays_after_the_answer(
    tmp_path_factory: pytest.TempPathFactory, question: str, quoted: str, later: str
) -> None:
    docs, index = tmp_path_factory.mktemp("other"), tmp_path_factory.mktemp("otheri")
    answer = assistant_over(OTHER_WORD, docs, index).ask(question)
    assert not answer.abstained
    assert (answer.citations[0].doc_id, answer.citations[0].earlier) == (quoted, None)
    assert [c.later for c in answer.citations[1:]] == [later]
