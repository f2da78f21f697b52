"""Answers from meeting transcripts with the real model (the s19 user trial): a fact said across
two cues is quoted whole with no cue number nor timing line, a "who said" question is answered
by a quote cited to its speaker, and a Zoom export's quote stops at the next speaker's line."""

from __future__ import annotations

import re

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

STANDUP = """WEBVTT

1
00:00:30.266 --> 00:00:35.877
<v Maria Lopez>Do that. And we decided with finance to raise the on-call stipend

2
00:00:36.277 --> 00:00:41.222
<v Maria Lopez>to 250 euros per week, from 180, starting in October.

3
00:00:41.622 --> 00:00:45.000
<v Kenji Sato>Those log servers are fine until next summer.
"""
REVIEW = """1
00:00:03,000 --> 00:00:08,222
MARIA: Welcome to the monthly ops review.

2
00:00:24,422 --> 00:00:30,422
PRIYA: Nightly backups are kept for 35 days, and the monthly ones for one year.
"""
VENDOR = """Maria Lopez  10:02 AM
Thanks for joining. We wanted to go over the SIP trunk offer.

Daniel Okafor (Northwind Telecom)  10:03 AM
Sure. Our offer is 18,400 EUR per year for 40 concurrent channels.

Tom Becker  10:04 AM
What is the contract length?

Daniel Okafor (Northwind Telecom)  10:05 AM
Two years, with a 60-day notice period.
"""
GARDEN = """# Community garden

The community garden opens every Saturday from nine in the morning.
Members water the beds in turn and share the harvest at the end of the summer.
"""
TIMING = re.compile(r"\d+:\d{2}[.,]\d{3}|-->|\d{1,2}:\d{2} [AP]M")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "2025-09-09_standup.vtt": STANDUP,
        "ops_review.srt": REVIEW,
        "zoom_vendor_call.txt": VENDOR,
        "garden.md": GARDEN,
    }
    return assistant_over(
        files, tmp_path_factory.mktemp("meetings"), tmp_path_factory.mktemp("index")
    )


def test_a_fact_said_across_two_cues_is_quoted_whole(assistant: Assistant) -> None:
    answer = assistant.ask("What is the new on-call stipend?")
    assert not answer.abstained
    quotes = " ".join(c.quote for c in answer.citations)
    assert "raise the on-call stipend to 250 euros per week" in quotes
    assert not TIMING.search(quotes) and "<v" not in quotes
    assert {c.title for c in answer.citations} == {"2025-09-09 standup"}
    assert {c.section for c in answer.citations} == {"Maria Lopez"}


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("Who said nightly backups are kept for 35 days?", "PRIYA"),
        ("Who said the log servers are fine until next summer?", "Kenji Sato"),
        ("Who offered 40 concurrent channels for 18,400 EUR?", "Daniel Okafor (Northwind Telecom)"),
    ],
)
def test_who_said_is_answered_by_a_quote_cited_to_its_speaker(
    assistant: Assistant, question: str, speaker: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    section = answer.citations[0].section
    assert section == speaker or (section or "").startswith(f"{speaker} · ")  # an export's time
    assert not any(TIMING.search(c.quote) for c in answer.citations)


def test_a_zoom_exports_quote_stops_at_the_next_speaker(assistant: Assistant) -> None:
    answer = assistant.ask("How long is the Northwind contract?")
    assert not answer.abstained
    quote = answer.citations[0].quote
    assert "Two years, with a 60-day notice period." in quote
    assert "Tom Becker" not in quote and not TIMING.search(quote)
