"""A numbered list item's number opens its sentence (CUTTING_VERSION 19) but is no value: the
item scores as it did when the number stood apart, as a bulleted item does (s20 trial: "Which
plan do I need for the Slack integration?" quoted "1. Open Settings › Integrations › Slack.",
its "1" a number making the short step no label, over "It is available on the Team plan and
above."). Documents are cut as a build cuts them."""

from __future__ import annotations

import numpy as np
import pytest
from tests.cut_documents import cut_document

from citeqa.answer_features import MATCH_FEATURES, Wants, match_features
from citeqa.answer_location import Reading
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores, ScoredSentence, SentenceBank

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
    return cut_document(text, "Slack", "en")


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
