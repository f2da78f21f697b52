"""A follow-up asking only a kind of value of the subject at hand ("what is her email
address?" after "Who is the designated safeguarding lead?") is answered only by a quote writing
a value of that kind (value_kinds.py; session 23's review C: a phone number was quoted for an
e-mail address, the phone line for a fax number, a sentence with no number for a phone), and
so is a question asking one as its object (s30: a phone number asked of a minutes' vote row)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "safeguarding.md": "# Safeguarding policy\n\n"
    "The designated safeguarding lead is Dana Reyes, reached on 0117 496 0321.\n\n"
    "Concerns are logged within 24 hours in the incident register.\n",
    "facilities.md": "# Facilities\n\n"
    "The building manager is Tom Okafor. The reception desk opens at 8am.\n",
    "board_vote.md": "# Board election, 14 June\n\n| Role | Name | Votes |\n| --- | --- | --- |\n"
    "| Chair | Nadia Benson | 54 |\n| Treasurer | Eric Dumas | 51 |\n",
}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over the review's two policies."""
    corpus: Path = tmp_path_factory.mktemp("docs")
    return assistant_over(FILES, corpus, tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("subject", "follow_up", "kind"),
    [
        ("Who is the designated safeguarding lead?", "what is her email address?", "email address"),
        ("Who is the designated safeguarding lead?", "and her fax number?", "fax number"),
        ("Who is the building manager?", "what is his phone number?", "phone number"),
    ],
)
def test_a_follow_up_whose_quote_writes_no_value_of_its_kind_abstains_naming_it(
    office: Assistant, subject: str, follow_up: str, kind: str
) -> None:
    session = office.session()
    assert not session.ask(subject).abstained
    answer = session.ask(follow_up)
    assert answer.abstained, [citation.quote for citation in answer.citations]
    assert f"“{kind}”" in (answer.reason or "")


def test_a_follow_up_whose_quote_writes_its_kind_is_answered(office: Assistant) -> None:
    session = office.session()
    session.ask("Who is the designated safeguarding lead?")
    answer = session.ask("what is her phone number?")
    assert not answer.abstained, answer.reason
    assert "0117 496 0321" in answer.citations[0].quote


def test_a_question_asking_a_kind_its_quote_never_writes_abstains_naming_it(
    office: Assistant,
) -> None:
    answer = office.ask("What is Nadia Benson's phone number?")
    assert answer.abstained, [citation.quote for citation in answer.citations]
    assert "“phone number”" in (answer.reason or "")
    answer = office.ask("What is the phone number of Dana Reyes?")
    assert not answer.abstained and "0117 496 0321" in answer.citations[0].quote
