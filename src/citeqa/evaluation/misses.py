"""The questions a `citeqa eval` run missed, each with what citeqa did instead.

A person running their own set needs more than figures: which questions failed and how, so they
can fix the set, the documents or report the miss. A question is missed when it is answerable
and got no right quote of at most 400 characters (it abstained, its top passage was not the
right one, or the passage was right and the quote was not), or when it is unanswerable and got
an answer. The text here is plain; the CLI sanitises it before it reaches a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from citeqa.evaluation.judging import QUOTE_LIMIT
from citeqa.evaluation.metrics import QuestionResult
from citeqa.evaluation.questions import EvalQuestion

UNANSWERABLE = "none (unanswerable)"
"""What an unanswerable question expects."""

REASONS = {
    "abstained": "Answerable but abstained",
    "passage": "Answered from the wrong passage",
    "long": f"Right quote, but over {QUOTE_LIMIT} characters",
    "quote": "Right passage first, wrong quote",
    "answered": "Unanswerable but answered",
}
"""Each kind of miss (`Miss.reason`) and its title, in the order a report lists them."""


@dataclass(frozen=True)
class Miss:
    """One missed question: its id and text, the document expected, what citeqa did, and the
    kind of miss that was (a key of REASONS)."""

    expected: str
    did: str
    reason: str
    result: QuestionResult

    @property
    def id(self) -> str:
        return self.result.id

    @property
    def question(self) -> str:
        return self.result.question


def misses(results: Iterable[QuestionResult], questions: Iterable[EvalQuestion]) -> list[Miss]:
    """The missed questions among `results`, in the set's order."""
    expected = {question.id: question.doc_id for question in questions}
    found = []
    for result in results:
        document = expected.get(result.id)
        if document is None and result.answerable:
            document = "not given"
        reason = reason_missed(result)
        if reason is not None:
            did = _what_it_did(result, reason, document)
            found.append(Miss(document or UNANSWERABLE, did, reason, result))
    return found


def reason_missed(result: QuestionResult) -> str | None:
    """The kind of miss (a key of REASONS), or None when citeqa did right. Each missed question
    has exactly one."""
    if not result.answerable:
        return None if result.abstained else "answered"
    if result.abstained:
        return "abstained"
    if result.quote_correct:
        return None
    if result.quote_correct_unlimited:
        return "long"
    return "quote" if 1 in result.relevant_ranks else "passage"


def _what_it_did(result: QuestionResult, reason: str, expected: str | None) -> str:
    if reason == "answered":
        return "answered an unanswerable question"
    if reason == "long":
        return f"right quote, but {result.quote_chars} characters (over {QUOTE_LIMIT})"
    if reason == "passage":
        return _wrong_passage(result, expected)
    return "right passage first, wrong quote" if reason == "quote" else reason


def _wrong_passage(result: QuestionResult, expected: str | None) -> str:
    if result.top_doc is None:
        top = "no passage"
    elif result.top_doc == expected:
        top = "top passage: another part of that document"
    else:
        top = f"top passage from {result.top_doc}"
    if result.relevant_ranks:
        return f"wrong passage ({top}; the right one ranked {result.relevant_ranks[0]})"
    return f"wrong passage ({top}; the right one not in the top 10)"
