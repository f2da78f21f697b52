"""A heading opening with the number a question asks and writing the value of the kind it asks
answers it (numbered_heading_values.py, answering.quotable): a changelog's "## [2.0.0] -
2026-01-12" for "When was 2.0.0 released?" (s38 trial a015: a release calendar's "Release 2.0.1:
2026-01-27" and an ADR's sentence naming the 2.0.0 release were quoted, the heading set aside as
a title). A heading of another number, one writing no value of the asked kind, or a question
asking no value kind, leaves the candidates as they were."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import quotable
from citeqa.candidates import Candidates
from citeqa.models import Document
from citeqa.numbered_heading_values import (
    answers_asked_number,
    asked_section_numbers,
    named_documents,
    numbers_of_document,
    states_asked_value,
)
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.titleonly import only_title

CHANGELOG = (
    "# Changelog\n\n"
    "## [2.0.1] - 2026-01-27\n### Fixed\n- Webhook signatures are checked with a tolerance.\n\n"
    "## [2.0.0] - 2026-01-12\n### Added\n- Jobs run on Redis Streams.\n\n"
    "## Notes\n\nRabbitMQ is switched off after the 2.0.0 release.\n"
    "Release 2.0.1 is a patch release shipped on 2026-01-27.\n"
)


def _bank() -> SentenceBank:
    return one_document_bank(CHANGELOG, "md", "Changelog")


def _first_quoted(question: str, lead: str) -> str:
    """The text of the first candidate `quotable` keeps for `question`, `lead` rated best, then
    the 2.0.1 line, the 2.0.0 heading rated least."""
    bank = _bank()
    order = [
        sentence_opening(bank, lead),
        sentence_opening(bank, "Release 2.0.1"),
        sentence_opening(bank, "## [2.0.0]"),
    ]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.3, 0.01]), np.zeros((3, 2)))
    chosen = quotable(candidates, bank, question)
    return bank.text(chosen.sentences[0].index)


def test_the_versioned_heading_is_read_as_a_title() -> None:
    bank = _bank()
    assert only_title(bank, sentence_opening(bank, "## [2.0.0]"))


@pytest.mark.parametrize(
    "question",
    [
        "When was 2.0.0 released?",
        "When was version 2.0.0 released?",
        "Quand la version 2.0.0 est-elle sortie ?",
        "Quand la 2.0.0 a-t-elle été publiée ?",
    ],
)
def test_a_heading_stating_the_asked_versions_date_leads(question: str) -> None:
    assert _first_quoted(question, "RabbitMQ is").startswith("## [2.0.0] - 2026-01-12")


@pytest.mark.parametrize(
    "question",
    [
        "What was added in 2.0.0?",  # no value kind asked
        "When was 2.0.1 released?",  # the 2.0.0 heading opens with another number
        "Why was 2.0.0 released?",
    ],
)
def test_other_questions_keep_their_best(question: str) -> None:
    assert _first_quoted(question, "RabbitMQ is").startswith("RabbitMQ is")


def test_a_best_writing_the_asked_number_stays_first() -> None:
    first = _first_quoted("When was 2.0.1 released?", "Release 2.0.1")
    assert first.startswith("Release 2.0.1")


def test_asked_numbers_need_a_cue_or_three_parts() -> None:
    assert asked_section_numbers("When was 2.0.0 released?") == ("2.0.0",)
    assert asked_section_numbers("Quand la version 2.1 est-elle sortie ?") == ("2.1",)
    assert asked_section_numbers("When was 2.1 released?") == ()  # maybe a decimal
    assert asked_section_numbers("What changed in 2.0.0?") == ()  # no value kind asked
    assert asked_section_numbers("When was the meeting of 03.11.2025?") == ()  # a date
    assert asked_section_numbers("Quand la réunion du 3.11.2025 a-t-elle eu lieu ?") == ()


def test_a_heading_states_the_value_past_its_own_number() -> None:
    question, asked = "In which version was 2.0.0 released?", ["2.0.0"]
    assert not states_asked_value(question, "## [2.0.0] - 2026-01-12", asked)  # its own number
    question = "When was 2.0.0 released?"
    assert states_asked_value(question, "Release 2.0.0 (12 January 2026)", asked)
    assert not states_asked_value(question, "## [2.0.0-rc1] - 2025-11-20", asked)
    assert not states_asked_value(question, "## [2.0.0] Added", asked)
    assert not states_asked_value(question, "## [2.0.0] - 2026-01-12", [])  # not of its document


def _changelog(doc_id: str, title: str) -> Document:
    return Document(doc_id=doc_id, title=title, path=f"/{doc_id}", text="", sha256="0")


def test_a_number_asked_after_a_name_is_asked_of_the_document_named_so() -> None:
    question = "When was Harbor 2.0.0 released?"
    ledger = _changelog("ledger-CHANGELOG.md", "Ledger export tool - changelog")
    harbor = _changelog("harbor-CHANGELOG.md", "Harbor booking service - changelog")
    assert numbers_of_document(question, ledger) == []
    assert numbers_of_document(question, harbor) == ["2.0.0"]
    assert numbers_of_document("When was 2.0.0 released?", ledger) == ["2.0.0"]


def test_a_question_names_a_document_by_a_capitalised_word_of_its_title() -> None:
    ledger = _changelog("ledger-CHANGELOG.md", "Ledger export tool - changelog")
    harbor = _changelog("harbor-CHANGELOG.md", "Harbor booking service - changelog")
    named = named_documents("When did the Harbor booking service ship 2.0.0?", [ledger, harbor])
    assert named == {"harbor-CHANGELOG.md"}
    assert named_documents("When was 2.0.0 released?", [ledger, harbor]) == set()
    assert named_documents("When was the Changelog 2.0.0 out?", [ledger, harbor]) == set()


def test_another_products_heading_never_leads() -> None:
    first = _first_quoted("When was Harbor 2.0.0 released?", "RabbitMQ is")
    assert first.startswith("RabbitMQ is")  # the changelog is no Harbor's


STAMPED = (
    "# Operations\n\n"
    "## 3.1.4 Backups (revised 2023-09-01)\n\n"
    "Restores under 3.1.4 are tested every quarter by the platform team.\n"
    "Backups are kept for ninety days in the second region.\n"
)


def test_an_edit_stamps_heading_set_aside_leaves_the_order() -> None:
    bank = one_document_bank(STAMPED, "md", "Operations")
    order = [
        sentence_opening(bank, "Backups are kept"),
        sentence_opening(bank, "Restores under"),
        sentence_opening(bank, "## 3.1.4"),
    ]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.6, 0.3, 0.01]), np.zeros((3, 2)))
    chosen = quotable(candidates, bank, "When are restores under 3.1.4 tested?")
    assert bank.text(chosen.sentences[0].index).startswith("Backups are kept")


def test_a_sentence_answers_by_the_whole_number_and_the_value() -> None:
    question = "When was 2.0.0 released?"
    assert answers_asked_number(question, "2.0.0 was released on 2026-01-12.")
    assert not answers_asked_number(question, "after the 2.0.0 release.")  # no date
    assert not answers_asked_number(question, "the 2.0.0-rc1 build of 2025-11-20")
    assert not answers_asked_number(question, "version 12.0.0 of 2026-01-12")
