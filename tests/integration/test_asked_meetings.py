"""A question naming a day or a month and a person asks the minutes dated then: "Was Tom
Becker at the January CODIR?" is answered by January's "Excusé : Tom Becker.", not by the org
chart's row naming him (session-26 user trial). English and French minutes of another
company, with a staff list naming the same people."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

STAFF = """# Staff list

| Name | Role | Team | Office |
|---|---|---|---|
| Nadia Okafor | Head of logistics | Operations | Leeds |
| Piotr Nowak | Fleet planner | Operations | Leeds |
| Ines Duarte | Buyer | Purchasing | York |
"""
MARCH = """# Fleet committee — 9 March 2026

Date: 9 March 2026

Present: Piotr Nowak, Ines Duarte. Apologies: Nadia Okafor.

## Vans

Decision: the committee orders six electric vans for the Leeds depot.
"""
JUNE = """# Fleet committee — 15 June 2026

Date: 15 June 2026

Present: Nadia Okafor, Piotr Nowak, Ines Duarte.

## Vans

The first three electric vans were delivered to the Leeds depot.
"""
FEVRIER = """# Comité achats du 4 février 2026

Date : 4 février 2026

Présents : Ines Duarte, Piotr Nowak. Absente excusée : Nadia Okafor.

## Fournisseurs

Décision : le comité retient deux fournisseurs de pneus pour 2026.
"""
FILES = {
    "staff.md": STAFF,
    "fleet-committee-2026-03-09.md": MARCH,
    "fleet-committee-2026-06-15.md": JUNE,
    "comite-achats-2026-02-04.md": FEVRIER,
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("question", "doc_id", "words"),
    [
        (
            "Was Nadia Okafor at the March fleet committee?",
            "fleet-committee-2026-03-09",
            "Apologies",
        ),
        ("Was Nadia Okafor at the June fleet committee?", "fleet-committee-2026-06-15", "Present"),
        (
            "Nadia Okafor était-elle au comité achats de février ?",
            "comite-achats-2026-02-04",
            "excusée",
        ),
    ],
)
def test_a_question_naming_a_month_and_a_person_quotes_that_month_s_minutes(
    assistant: Assistant, question: str, doc_id: str, words: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert answer.citations[0].doc_id == doc_id
    assert words in answer.citations[0].quote and "Nadia Okafor" in answer.citations[0].quote


def test_a_month_dating_no_such_minutes_changes_nothing(assistant: Assistant) -> None:
    answer = assistant.ask("What is Nadia Okafor's role?")
    assert answer.citations and answer.citations[0].doc_id == "staff"


HELP_DESK = {  # s27 review C: a month in a question about a policy, minutes of that month
    "2026-08-03_help_desk_meeting.md": "# Help desk meeting\n\nDate: 3 August 2026\n\nPresent:"
    " Carol White, Dan Brown.\n\nThe help desk team reviewed the new ticket tool and its hours of"
    " training.\n\nCarol proposed an afternoon shift for the help desk from October.\n",
    "it_policy.md": "# IT policy\n\nLaptops are replaced every four years.\n\nIn August, the help"
    " desk is open from 9 am to 1 pm only.\n\nIn December, the help desk is closed between"
    " Christmas and New Year.\n",
}


def test_a_month_in_a_question_naming_no_meeting_keeps_the_policy_s_answer(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    docs, index = tmp_path_factory.mktemp("helpdesk"), tmp_path_factory.mktemp("helpdeski")
    answer = assistant_over(HELP_DESK, docs, index).ask(
        "Is the help desk open in the afternoon in August?"
    )
    assert not answer.abstained
    assert answer.citations[0].doc_id == "it_policy"
    assert "9 am to 1 pm" in answer.citations[0].quote
