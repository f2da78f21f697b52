"""The near-miss probe (evals/tools/nearmiss_probe.py) on a small corpus: which of a question's
terms the corpus writes, but not in the document its answer quotes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))

from nearmiss_probe import (
    Tokens,
    asked,
    gap_row,
    quoted_documents,
    summary_lines,
    title_case,
    written_as_names,
)

from citeqa import answering
from citeqa.answer_location import Reading
from citeqa.api import Assistant
from small_corpora import assistant_over

TRAVEL = """# Travel policy

## Hotels

The hotel ceiling in Paris is 180 euros per night, breakfast included.

## Trains

Trains are booked in second class for trips under four hours.
"""
NDA = """# Non-disclosure agreement with Helix

The parties agree to keep confidential information secret for three years.

This agreement is governed by the laws of England, and the courts of London decide disputes.
"""
FILES = {"travel.md": TRAVEL, "nda.md": NDA}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


def test_a_name_the_corpus_writes_only_elsewhere_is_the_gap(assistant: Assistant) -> None:
    answer, reading = asked(assistant, "What is the hotel ceiling in London?")
    assert reading is not None, "the answer models read the question"
    assert quoted_documents(answer) == ["travel"]
    row = gap_row(reading, ["travel"], Tokens())
    assert row["name"] == "London" and row["name_docs"] == 1 and 0 < row["name_gap"] <= 1
    assert row["doc_gap"] >= row["name_gap"] and row["few_gap"] > 0
    assert answering.Reading is Reading, "the recording wrapper is removed after the question"


def test_terms_the_quoted_document_holds_leave_no_gap(assistant: Assistant) -> None:
    answer, reading = asked(assistant, "What is the hotel ceiling in Paris?")
    assert quoted_documents(answer) == ["travel"]
    assert gap_row(reading, ["travel"], Tokens()) == {
        "doc_gap": 0.0, "name_gap": 0.0, "few_gap": 0.0, "gaps": 0,
    }  # fmt: skip


def test_no_reading_or_no_document_gives_no_gap() -> None:
    assert gap_row(None, ["travel"], Tokens()) == {"doc_gap": None}


def test_names_are_capitalised_words_after_the_first_or_mixed_case() -> None:
    assert written_as_names("What is the deposit of the OVHcloud contract in Q1?") == [
        "OVHcloud", "Q1",
    ]  # fmt: skip
    assert written_as_names("Quel est le dépôt de garantie ?") == []
    assert title_case("Does Mammographic Density have an Impact on Re-excision?")
    assert not title_case("Does mammographic density have an impact on re-excision?")


def test_the_summary_counts_answered_questions_at_each_threshold() -> None:
    rows = [
        {"set": "s", "answerable": True, "right": True, "abstained": False, "doc_gap": 0.9},
        {"set": "s", "answerable": True, "right": False, "abstained": False, "doc_gap": 0.35},
        {"set": "s", "answerable": True, "right": True, "abstained": True, "doc_gap": 0.9},
        {"set": "s", "answerable": False, "right": False, "abstained": False, "doc_gap": 0.5},
    ]
    lines = summary_lines(rows)
    answerable = lines[1].split()
    assert answerable[:4] == ["s", "answerable", "3", "2"]
    assert answerable[5:11] == ["2/1", "1/1", "1/1", "1/1", "1/1", "1/1"]
    unanswerable = lines[2].split()
    assert unanswerable[:4] == ["s", "unanswerable", "1", "1"]
    assert unanswerable[5:11] == ["1", "1", "1", "0", "0", "0"]
