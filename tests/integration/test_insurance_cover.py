"""A home insurance folder as its policyholder asks it (s60 trial): the summary of cover with
its table of limits and excesses, and the claims guide.

A question naming a row's key and a column's header, asking no kind of value, looks the row up
when that column's cell writes a figure the best candidate does not (cell_lookups.py): "What
is the buildings limit?" quoted the claims guide's "… within the buildings limit.", which
names both words and no limit.

"quickly" of "How quickly …" and "soon" of "How soon …" are words a question asks by
(reason_words.json `question_form_words`): a folder of English pages that never writes them
does not lack them ("How quickly will a plumber come?" was refused, "they never mention
“quickly”").

A row asked by a word no cell writes beside another of a cell's words is none the table holds
(unheld_word_keys.py): "What is the excess for flood damage?" quoted the accidental damage row
at .79.

"When does the cover end?" asks a day (asked_values.json "day"): the bicycles' "covered up to
£800" was quoted over the period of cover.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

SUMMARY = (
    "# Home Insurance Policy — Summary of Cover\n"
    "\n"
    "Policy number: HP-5520-8841\n"
    "Period of cover: 1 March 2026 to 28 February 2027\n"
    "Annual premium: £412.80, paid monthly by direct debit (£34.40 per month)\n"
    "\n"
    "## What is covered\n"
    "\n"
    "| Section | Limit | Excess |\n"
    "|---|---|---|\n"
    "| Buildings | £350,000 | £250 |\n"
    "| Contents | £60,000 | £100 |\n"
    "| Personal possessions away from home | £3,000 | £100 |\n"
    "| Accidental damage (contents) | included | £100 |\n"
    "| Legal expenses | £50,000 | none |\n"
    "| Home emergency | £1,000 per claim | none |\n"
    "\n"
    "Bicycles are covered up to £800 each when locked to a fixed object.\n"
)
CLAIMS = (
    "# How to make a claim\n"
    "\n"
    "You must tell us about a claim within 30 days of the incident. We may send a loss adjuster"
    " to assess damage over £5,000.\n"
    "\n"
    "For escape of water, turn off the stopcock and call the home emergency helpline on"
    " 0345 600 7799. A plumber will normally attend within 4 hours.\n"
    "\n"
    "## Alternative accommodation\n"
    "\n"
    "If your home cannot be lived in after an insured event, we pay for alternative"
    " accommodation for you and your pets for up to 12 months, within the buildings limit.\n"
)
FILES = {"policy-summary.md": SUMMARY, "claims-guide.md": CLAIMS}


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_row_and_a_column_named_look_the_cell_up(policy: Assistant) -> None:
    quote = first_quote(policy, "What is the buildings limit?")
    assert "£350,000" in quote, quote


def test_prose_writing_the_asked_duration_keeps_its_place(policy: Assistant) -> None:
    quote = first_quote(policy, "How long is alternative accommodation paid for?")
    assert "12 months" in quote, quote


@pytest.mark.parametrize(
    "question", ["How quickly will a plumber come?", "How soon will a plumber attend?"]
)
def test_how_quickly_asks_by_its_adverb(policy: Assistant, question: str) -> None:
    answer = policy.ask(question)
    assert not answer.abstained, answer.reason
    assert "4 hours" in answer.citations[0].quote, answer.citations[0].quote


def test_when_a_cover_ends_asks_its_day(policy: Assistant) -> None:
    quote = first_quote(policy, "When does the cover end?")
    assert "28 February 2027" in quote, quote


def test_a_row_named_by_a_word_no_cell_writes_is_refused(policy: Assistant) -> None:
    answer = policy.ask("What is the excess for flood damage?")
    assert answer.abstained
    assert "flood" in answer.reason and "Accidental damage" in answer.reason, answer.reason


def test_a_row_named_by_all_its_words_is_still_answered(policy: Assistant) -> None:
    quote = first_quote(policy, "What is the excess for accidental damage?")
    assert quote.startswith("| Accidental damage (contents) |"), quote
