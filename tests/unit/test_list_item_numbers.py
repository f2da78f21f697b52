"""A numbered list item's number opens its sentence (CUTTING_VERSION 19) but is no value: the
item scores as it did when the number stood apart, as a bulleted item does (s20 trial: "Which
plan do I need for the Slack integration?" quoted "1. Open Settings › Integrations › Slack.",
its "1" a number making the short step no label, over "It is available on the Team plan and
above."). Documents are cut as a build cuts them."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa.answer_features import MATCH_FEATURES, Wants, match_features
from citeqa.answer_location import Reading
from citeqa.chunking import chunk_document
from citeqa.lexical import tokenize
from citeqa.models import Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores, ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

PAGE = (
    "# Connecting to Slack\n\n"
    "The integration requires a Slack workspace admin to approve the app. "
    "It is available on the Team plan and above.\n\n"
    "{mark} Open Settings › Integrations › Slack.\n"
    "{second} Click Add to Slack and authorize the app.\n"
)
NUMBERED = PAGE.format(mark="1.", second="2.")
PARENTHESISED = PAGE.format(mark="1)", second="2)")
BULLETED = PAGE.format(mark="-", second="-")
STEP = "Open Settings › Integrations › Slack."
QUESTION = "Which plan do I need for the Slack integration?"


def _read(text: str) -> tuple[SentenceBank, list[Hit], list[str]]:
    """The bank of one document cut as a build cuts it, its passages and its sentences' texts."""
    doc = Document(doc_id="d", title="Slack", path="/d.md", text=text, sha256="0", kind="md")
    chunks = list(chunk_document(doc))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    cut = [text[s.start : s.end] for s in sentences]
    tokens = [frozenset(tokenize(sentence, "en")) for sentence in cut]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, tokens)
    hits = [Hit(chunk=chunk, chunk_index=n, score=1.0) for n, chunk in enumerate(chunks)]
    return bank, hits, cut


def _step(cut: list[str]) -> int:
    return next(n for n, sentence in enumerate(cut) if sentence.endswith(STEP))


def _scored(text: str) -> tuple[ScoredSentence, SentenceBank, list[Hit], list[ScoredSentence]]:
    bank, hits, cut = _read(text)
    terms = QuestionTerms(focus=QUESTION, terms=[(frozenset({"slack"}), 1.0)])
    scored = QuestionScores(bank, terms, None).scored(hits)
    step = next(item for item in scored if item.index == _step(cut))
    return step, bank, hits, scored


@pytest.mark.parametrize(("page", "mark"), [(NUMBERED, "1."), (PARENTHESISED, "1)")])
def test_a_numbered_steps_number_is_none_of_its_numbers(page: str, mark: str) -> None:
    bank, _, cut = _read(page)
    assert cut[_step(cut)] == f"{mark} {STEP}"  # the number opens the item's sentence
    assert bank.facts(_step(cut)).numbers == frozenset()


@pytest.mark.parametrize("page", [NUMBERED, PARENTHESISED])
def test_a_numbered_step_scores_as_the_same_step_bulleted(page: str) -> None:
    numbered, *_ = _scored(page)
    bulleted, *_ = _scored(BULLETED)
    assert numbered.score == bulleted.score  # a short step: a label, scored less, either way


def test_a_numbered_steps_number_is_no_new_number_for_the_answer_features() -> None:
    step, bank, hits, scored = _scored(NUMBERED)
    terms = QuestionTerms(focus=QUESTION, terms=[(frozenset({"slack"}), 1.0)])
    rows = match_features(scored, Reading(bank, hits, terms), Wants.of(QUESTION))
    row = rows[scored.index(step)]
    assert row[MATCH_FEATURES.index("new_number")] == 0.0
    assert not np.isnan(row).any()
