"""The known-fact runner: ask every question of a set, judge what came back.

Each question is asked in a fresh session; a follow-up first asks the question(s) it follows in
that same session, so it is read in their context. Questions are asked with k=10 so the answer's
`passages` are the top-10 ranking that retrieval metrics judge. The runner only needs the small
interface below (`AssistantLike`), so tests drive it with a fake assistant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from rapidfuzz import process

from citeqa.config import Settings
from citeqa.evaluation.judging import Outcome, Span, judge_outcome
from citeqa.evaluation.metrics import CUTOFF, QuestionResult
from citeqa.evaluation.questions import EvalQuestion, EvalSetError, follow_chain
from citeqa.models import Answer, Document, IndexStatus

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total), as in citeqa.api."""

NAMED_CLOSEST = 5
"""Indexed documents a set's unknown doc_id is shown beside, nearest in spelling first."""


class SessionLike(Protocol):
    """A conversation: `citeqa.api.Session`."""

    def ask(self, question: str, k: int | None = None) -> Answer: ...


class AssistantLike(Protocol):
    """What the runner needs of `citeqa.api.Assistant`."""

    @property
    def settings(self) -> Settings: ...

    @property
    def manifest_hash(self) -> str: ...

    @property
    def channels(self) -> Sequence[str]: ...

    def session(self) -> SessionLike: ...

    def configured(self, **overrides: object) -> AssistantLike: ...

    def document(self, doc_id: str) -> Document: ...

    def status(self) -> IndexStatus: ...


class DocumentTexts:
    """Document texts by id, read once from the assistant (None for an unknown id)."""

    def __init__(self, assistant: AssistantLike) -> None:
        self._assistant = assistant
        self._texts: dict[str, str | None] = {}

    def __call__(self, doc_id: str) -> str | None:
        if doc_id not in self._texts:
            try:
                self._texts[doc_id] = self._assistant.document(doc_id).text
            except Exception:  # an unknown id: its citations cannot be valid
                self._texts[doc_id] = None
        return self._texts[doc_id]


def judge(
    question: EvalQuestion, answer: Answer, text_of: Callable[[str], str | None]
) -> QuestionResult:
    """Judge one answer against the question's document, span and accepted answers."""
    passages = sorted(answer.passages, key=lambda p: p.rank)
    quotes, other_statements = _quotes_and_other_statements(answer)
    outcome = Outcome(
        passages=[Span(p.doc_id, p.start, p.end, p.text) for p in passages],
        quotes=quotes,
        other_statements=other_statements,
        abstained=answer.abstained,
        confidence=answer.confidence,
        latency_ms=float(answer.timings_ms.get("total", 0.0)),
        quotes_valid=count_valid_citations(answer, text_of),
        below_floor=answer.below_floor,
    )
    return judge_outcome(question, outcome)


def _quotes_and_other_statements(answer: Answer) -> tuple[list[Span], list[Span]]:
    """The answer's quotes, and apart the other documents' statements it shows beside them
    (`otherwise`, `later` or `earlier` citations), each in the answer's order."""
    quotes: list[Span] = []
    other_statements: list[Span] = []
    for c in answer.citations:
        span = Span(c.doc_id, c.start, c.end, c.quote)
        (other_statements if c.otherwise or c.later or c.earlier else quotes).append(span)
    return quotes, other_statements


def count_valid_citations(answer: Answer, text_of: Callable[[str], str | None]) -> int:
    """Citations whose quote is exactly the document's text at their offsets."""
    valid = 0
    for citation in answer.citations:
        text = text_of(citation.doc_id)
        if text is not None and text[citation.start : citation.end] == citation.quote:
            valid += 1
    return valid


def run_questions(
    assistant: AssistantLike,
    questions: Iterable[EvalQuestion],
    all_questions: list[EvalQuestion],
    *,
    progress: Progress | None = None,
    stage: str = "asking",
    answers: dict[str, Answer] | None = None,
) -> list[QuestionResult]:
    """Ask each question (follow-ups after their parents, in one session) and judge it;
    `answers`, when given, receives each answer by question id (the mid-session check
    compares with them)."""
    by_id = {q.id: q for q in all_questions}
    todo = list(questions)
    text_of = DocumentTexts(assistant)
    results = []
    for done, question in enumerate(todo):
        if progress:
            progress(stage, done, len(todo))
        session = assistant.session()
        for earlier in follow_chain(question, by_id):
            session.ask(earlier.question, k=CUTOFF)
        answer = session.ask(question.question, k=CUTOFF)
        if answers is not None:
            answers[question.id] = answer
        results.append(judge(question, answer, text_of))
    if progress:
        progress(stage, len(todo), len(todo))
    return results


def check_documents(status: IndexStatus, questions: list[EvalQuestion]) -> None:
    """Every question's document must be in the index (`status`, the assistant's), or its
    misses would be silent."""
    indexed = {doc.doc_id for doc in status.documents}
    for question in questions:
        if question.doc_id is not None and question.doc_id not in indexed:
            raise EvalSetError(
                f"question {question.id!r} names document {question.doc_id!r}, which is not "
                f"in the index ({_closest(question.doc_id, sorted(indexed))})"
            )


def _closest(doc_id: str, indexed: list[str]) -> str:
    """The NAMED_CLOSEST indexed documents nearest in spelling to `doc_id`, then how many more
    (a corpus of 308 files made one line of 9.4 kB naming them all)."""
    if not indexed:
        return "none is indexed"
    found = process.extract(doc_id, indexed, limit=NAMED_CLOSEST)
    named = ", ".join(name for name, _, _ in found)
    more = len(indexed) - len(found)
    return f"closest of those indexed: {named}" + (f" and {more} more" if more else "")


def with_passage_languages(
    status: IndexStatus, questions: list[EvalQuestion]
) -> list[EvalQuestion]:
    """The questions, each answerable one that leaves `passage_lang` out given its document's
    language as the index records it (`status`, the assistant's): an English question on a
    French document is en→fr, not en→en. A document in several languages gives the question's
    when it is among them, else the first."""
    languages = {doc.doc_id: doc.lang for doc in status.documents}
    return [_with_passage_lang(q, languages.get(q.doc_id or "", [])) for q in questions]


def _with_passage_lang(question: EvalQuestion, languages: list[str]) -> EvalQuestion:
    if question.passage_lang is not None or not question.is_answerable or not languages:
        return question
    lang = question.lang if question.lang in languages else languages[0]
    return question.model_copy(update={"passage_lang": lang})
