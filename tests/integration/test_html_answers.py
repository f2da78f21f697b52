"""Answers from an HTML page with the real model (found by the session-8 user trial): a table's
row is quoted with its header row as a markdown table's is, and a short list item's quote
never runs on across the next heading into another section."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

BENEFITS = """<!DOCTYPE html><html lang="en"><head><title>Staff benefits</title></head>
<body><h1>Staff benefits</h1>
<p>This page lists the benefits offered to permanent staff of the cooperative.</p>
<h2>Leave entitlements</h2>
<table>
<tr><th>Type of leave</th><th>Days per year</th><th>Paid</th></tr>
<tr><td>Annual leave</td><td>27</td><td>Yes</td></tr>
<tr><td>Volunteering leave</td><td>3</td><td>Yes</td></tr>
<tr><td>Bereavement leave</td><td>5</td><td>Yes</td></tr>
<tr><td>Study leave</td><td>10</td><td>Unpaid</td></tr>
</table>
<h2>Health and wellbeing</h2>
<ul>
<li>Private health insurance covering the employee and their children.</li>
<li>A yearly eye test refunded up to 80 euros.</li>
<li>A gym subsidy of 35 euros per month.</li>
</ul>
<h2>Pension</h2>
<p>The cooperative contributes 6% of base salary to the group pension plan.</p>
</body></html>"""
CLUB = """<html><head><title>Cycling club</title></head><body>
<h1>Cycling club</h1><p>The cycling club rides every Sunday morning from the car park.</p>
<p>Members bring their own helmet and a spare inner tube.</p></body></html>"""
HEADER = "| Type of leave | Days per year | Paid |"
HELP = """<html><head><title>{title} – Acme Help Center</title></head><body>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<main><article><h1>{title}</h1><p class="meta">Updated March 3, 2026 · 2 min read</p>
<p>{body}</p></article>
<section class="votes"><p>Was this article helpful?</p><button>Yes</button><button>No</button>
<p>12 out of 15 found this helpful</p></section>
<section class="related"><h2>Related articles</h2><ul>
<li><a href="/reset">How do I reset my password?</a></li>
<li><a href="/trial">How does the free trial work?</a></li></ul></section>
</main></body></html>"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "benefits.html": BENEFITS,
        "club.html": CLUB,
        "reset.html": HELP.format(
            title="How do I reset my password?",
            body="Request a reset link from the sign-in page. The link is valid for 30 minutes.",
        ),
        "trial.html": HELP.format(
            title="How does the free trial work?",
            body="New workspaces get a 21-day trial of the Business plan with no card needed.",
        ),
    }
    return assistant_over(files, tmp_path_factory.mktemp("pages"), tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("How many days of bereavement leave are there?", "| Bereavement leave | 5 | Yes |"),
        ("Is study leave paid?", "| Study leave | 10 | Unpaid |"),
    ],
)
def test_an_html_table_row_is_quoted_with_its_header_row(
    assistant: Assistant, question: str, row: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert [c.quote for c in answer.citations] == [row]
    header = answer.citations[0].header  # the header row is the row's context, not a citation
    assert header is not None and header.text == HEADER
    assert "---" not in answer.answer
    assert {c.section for c in answer.citations} == {"Leave entitlements"}
    text = assistant.document(answer.citations[0].doc_id).text
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)
    assert text[header.start : header.end] == HEADER


def test_a_list_item_is_quoted_without_the_next_section(assistant: Assistant) -> None:
    answer = assistant.ask("How much is the gym subsidy?")
    assert not answer.abstained
    quote = " ".join(c.quote for c in answer.citations)
    assert "A gym subsidy of 35 euros per month." in quote
    assert "Pension" not in quote and "pension" not in quote
    assert {c.section for c in answer.citations} == {"Health and wellbeing"}


@pytest.mark.parametrize(
    ("question", "quote", "section"),
    [
        (
            "How do I reset my password?",
            "Request a reset link from the sign-in page.",
            "How do I reset my password?",
        ),
        ("How long is the free trial?", "New workspaces get a 21-day trial", None),
    ],
)
def test_a_help_page_is_answered_from_its_article_not_its_chrome(
    assistant: Assistant, question: str, quote: str, section: str | None
) -> None:
    """s20 trial: the "Related articles" list answered "How do I reset my password?" (.82),
    the votes block and its "YesNo" ran into quotes, every section read "Updated March 3,
    2026 · 2 min read" and every title ended " – Tessera Help Center"."""
    answer = assistant.ask(question)
    assert not answer.abstained
    quoted = " ".join(c.quote for c in answer.citations)
    assert quoted.startswith(quote)
    for chrome in ("Updated", "helpful", "Related", "Accept", "cookies"):
        assert chrome not in quoted
    assert all(c.section == (section or c.title) for c in answer.citations)
    assert all("Acme Help Center" not in c.title for c in answer.citations)


def test_a_line_stamping_an_edit_answers_a_question_about_edits(assistant: Assistant) -> None:
    answer = assistant.ask("When was the free trial page updated?")
    assert not answer.abstained
    assert "Updated March 3, 2026" in " ".join(c.quote for c in answer.citations)
