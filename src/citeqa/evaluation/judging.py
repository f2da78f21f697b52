"""Judging one answer (a ranked list of passages plus the quotes it cites) against a question.

The rules are those of ../shared/benchmarks/README.md, so our figures compare with the held-back
ones and with the peers (which are judged by this same code):

- a passage is **relevant** when it comes from the gold document, overlaps the question's `span`
  (anywhere in the document when the set gives no span) and, for `match: answer`, contains an
  accepted answer, case and spaces folded;
- a quote is **right** when it comes from the gold document and contains an accepted answer
  (`match: answer`) or overlaps `quote_span` (else `span`) (`match: span`); the answer counts for
  **quote accuracy** only when it did not abstain and its quotes total at most `QUOTE_LIMIT`
  characters (the unlimited figure is kept beside it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citeqa.evaluation.metrics import CUTOFF, QuestionResult
from citeqa.evaluation.questions import EvalQuestion

QUOTE_LIMIT = 400
"""Quotes longer than this in total cannot win: a quote a person reads at a glance."""


@dataclass(frozen=True)
class Span:
    """A retrieved passage or a cited quote: where it lies and what it says."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Outcome:
    """What one system returned for one question, in plain spans."""

    passages: Sequence[Span]
    """Ranked, best first."""
    quotes: Sequence[Span]
    """The answer's own quotes."""
    abstained: bool = False
    confidence: float = 1.0
    latency_ms: float = 0.0
    quotes_valid: int = 0
    below_floor: bool = False
    """Abstained for its confidence alone (Answer.below_floor): a lower floor could answer it."""
    other_statements: Sequence[Span] = ()
    """Quotes shown labelled as another document's differing statement (`Citation.otherwise`)
    or a later-dated document's (`Citation.later`), or an earlier one moved after it
    (`Citation.earlier`):
    shown, so within the quote limit, but never the answer's quote."""


def fold(text: str) -> str:
    """Case and runs of white space folded, as answers are compared."""
    return " ".join(text.casefold().split())


def overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    """`[start, end)` overlaps `span`; anything overlaps an absent span."""
    return span is None or (start < span[1] and end > span[0])


def holds_answer(question: EvalQuestion, text: str) -> bool:
    folded = fold(text)
    return any(fold(answer) in folded for answer in question.answers)


def is_relevant(question: EvalQuestion, passage: Span) -> bool:
    if passage.doc_id != question.doc_id or not overlaps(question.span, passage.start, passage.end):
        return False
    return question.match == "span" or holds_answer(question, passage.text)


def is_right_quote(question: EvalQuestion, quote: Span) -> bool:
    if quote.doc_id != question.doc_id:
        return False
    if question.match == "answer":
        return holds_answer(question, quote.text)
    return overlaps(question.quote_span or question.span, quote.start, quote.end)


def _answer_ranks(question: EvalQuestion, passages: Sequence[Span]) -> list[int | None]:
    """Per accepted answer, the first rank of a relevant-place passage holding it."""
    placed = [
        (rank, fold(p.text))
        for rank, p in enumerate(passages, 1)
        if p.doc_id == question.doc_id and overlaps(question.span, p.start, p.end)
    ]
    return [next((r for r, text in placed if fold(a) in text), None) for a in question.answers]


def judge_outcome(question: EvalQuestion, outcome: Outcome) -> QuestionResult:
    """Judge what a system returned for `question`."""
    passages = list(outcome.passages)[:CUTOFF]
    answered = question.is_answerable and not outcome.abstained
    right = answered and any(is_right_quote(question, q) for q in outcome.quotes)
    shown = [*outcome.quotes, *outcome.other_statements]
    chars = sum(len(q.text) for q in shown)
    other_right = any(is_right_quote(question, q) for q in outcome.other_statements)
    return QuestionResult(
        id=question.id,
        question=question.question,
        split=question.split,
        lang_pair=question.lang_pair,
        kinds=list(question.kinds),
        answerable=question.is_answerable,
        relevant_ranks=[r for r, p in enumerate(passages, 1) if is_relevant(question, p)],
        answer_ranks=_answer_ranks(question, passages),
        passages=len(passages),
        top_doc=passages[0].doc_id if passages else None,
        abstained=outcome.abstained,
        confidence=outcome.confidence,
        below_floor=outcome.below_floor,
        quote_correct=right and chars <= QUOTE_LIMIT,
        quote_correct_unlimited=right,
        quote_chars=chars,
        conflict_shown=answered and not right and other_right,
        citations=len(shown),
        citations_valid=outcome.quotes_valid,
        latency_ms=outcome.latency_ms,
    )
