"""A question asking the value of a thing whose head word the documents never write abstains
naming it (absent_heads.py); a generic head ("value") or a written one is left to the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.absent_heads import absent_head, asked_head, is_qualifier
from small_corpora import asked_of_files

README = (
    "# feedtidy\n\nfeedtidy fetches RSS feeds and writes a daily digest.\n\n## Features\n\n"
    "- Fetches any number of feeds in parallel (8 workers by default).\n"
    "- Keeps a small cache so an entry is never shown twice.\n"
)
CONFIG = (
    "# Configuration\n\n| Option | Default | Description |\n|---|---|---|\n"
    "| `workers` | `8` | Number of feeds fetched in parallel. |\n"
    "| `max_entries` | `50` | Maximum number of entries per feed in one digest. |\n"
    "| `cache_days` | `30` | How long seen entries are remembered, in days. |\n"
)


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("What is the default timeout for fetching a feed?", "timeout"),
        ("How many retries are made by default?", "retries"),
        ("what's the default cache folder?", "folder"),
        ("Quel est le délai maximal de préavis ?", "delai"),
        ("Quel est le port par défaut du serveur ?", "port"),
        ("What is the maximum steroid dose targeted by the guideline?", "dose"),
    ],
)
def test_the_head_of_the_thing_asked_is_read(question: str, head: str) -> None:
    assert asked_head(question) == head


@pytest.mark.parametrize(
    "question",
    [
        "What is the default value of max_entries?",  # a generic head
        "Quel est le montant maximal de la cotisation ?",
        "How many seconds does retry_delay_s default to?",  # a unit
        "Quelle est la religion de Massanes ?",  # no qualifier: an attribute
        "How many retries are made when a feed fails?",
        "How do I reset the cache?",  # asks no value of a named thing
        "Who is the maintainer?",
    ],
)
def test_generic_heads_and_other_questions_name_none(question: str) -> None:
    assert asked_head(question) is None


def test_only_an_absent_head_is_returned_as_typed() -> None:
    question = "What is the default Timeout for fetching a feed?"
    assert absent_head(question, ["Timeout"]) == "Timeout"
    assert absent_head(question, ["fetching"]) is None  # a modifier, not the head


def test_a_value_asked_of_a_thing_the_docs_never_name_abstains(tmp_path: Path) -> None:
    files = {"README.md": README, "config.md": CONFIG}
    answer = asked_of_files(tmp_path, files, "What is the default timeout for fetching a feed?")
    assert answer.abstained
    assert "timeout" in (answer.reason or "")


def test_a_value_asked_of_a_written_thing_is_answered(tmp_path: Path) -> None:
    files = {"README.md": README, "config.md": CONFIG}
    answer = asked_of_files(tmp_path, files, "What is the default value of max_entries?")
    assert not answer.abstained
    assert any("50" in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    ("word", "qualifies"), [("maximum", True), ("Maximale", True), ("weight", False)]
)
def test_a_qualifier_is_told(word: str, qualifies: bool) -> None:
    assert is_qualifier(word) is qualifies
