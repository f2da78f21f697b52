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


@dataclass(frozen=True)
class Miss:
    """One missed question: its id and text, the document expected, what citeqa did."""

    id: str
    question: str
    expected: str
    did: str


def misses(results: Iterable[QuestionResult], questions: Iterable[EvalQuestion]) -> list[Miss]:
    """The missed questions among `results`, in the set's order."""
    expected = {question.id: question.doc_id for question in questions}
    found = []
    for result in results:
        document = expected.get(result.id)
        did = what_went_wrong(result, document)
        if did is not None:
            found.append(Miss(result.id, result.question, document or UNANSWERABLE, did))
    return found


def what_went_wrong(result: QuestionResult, expected: str | None = None) -> str | None:
    """What citeqa did on a missed question (`expected`: its document), or None when it did
    right."""
    if not result.answerable:
        return None if result.abstained else "answered an unanswerable question"
    if result.abstained:
        return "abstained"
    if result.quote_correct:
        return None
    if result.quote_correct_unlimited:
        return f"right quote, but {result.quote_chars} characters (over {QUOTE_LIMIT})"
    if 1 not in result.relevant_ranks:
        return _wrong_passage(result, expected)
    return "right passage first, wrong quote"


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
