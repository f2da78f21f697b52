"""A question asked mid-session: whether a standalone question's answer changes because of the
question asked before it in the same conversation.

The chat reads a question together with the previous one when it looks like a follow-up
(followups.is_follow_up); a question that stands on its own must get the answer it gets when
asked fresh. `mid_session` asks each standalone answerable question of a set right after
another standalone one (`predecessors`: the nearest earlier in file order about another
document, else the one just before; the first asks after the last), in one session, and
compares the answer with the fresh one: the same abstention and the same quoted characters
(each citation's document and offsets). It also counts the questions read as follow-ups
(`Answer.read_with` set), whether or not their answer changed.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, computed_field

from citeqa.evaluation.metrics import CUTOFF
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.runner import AssistantLike, Progress
from citeqa.models import Answer

STAGE = "mid-session"
"""The progress stage of the paired asks."""


class MidSession(BaseModel):
    """How many standalone questions kept their fresh answer when asked mid-session."""

    model_config = ConfigDict(frozen=True)

    asked: int
    """Standalone answerable questions asked both ways."""
    same: int
    """Of those, the ones whose answer was the fresh one (abstention and quoted characters)."""
    read_as_follow_up: int
    """Of those, the ones the session read with the question before (a follow-up)."""
    changed: list[str] = Field(default_factory=list)
    """Ids of the questions whose answer changed, in file order."""
    follow_ups: list[str] = Field(default_factory=list)
    """Ids of the questions read as follow-ups, in file order."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def same_share(self) -> float | None:
        """The share of `asked` answered the same; None when nothing was asked."""
        return self.same / self.asked if self.asked else None


def standalone_answerable(questions: list[EvalQuestion]) -> list[EvalQuestion]:
    """The questions that follow no other and that the documents answer."""
    return [q for q in questions if q.follows is None and q.is_answerable]


def predecessors(questions: list[EvalQuestion]) -> list[tuple[EvalQuestion, EvalQuestion]]:
    """(asked before, asked) pairs over `questions`: each is asked after the nearest earlier
    one about another document (wrapping round to the end), else after the one just before
    it; none when there is a single question."""
    pairs = []
    count = len(questions)
    for n, question in enumerate(questions[: count if count > 1 else 0]):
        earlier = (questions[(n - step) % count] for step in range(1, count))
        other = (q for q in earlier if q.doc_id != question.doc_id)
        pairs.append((next(other, questions[n - 1]), question))
    return pairs


def signature(answer: Answer) -> tuple[bool, tuple[tuple[str, int, int], ...]]:
    """What must not change: whether it abstained and the characters it quoted."""
    quoted = tuple((c.doc_id, c.start, c.end) for c in answer.citations)
    return answer.abstained, quoted


def mid_session(
    assistant: AssistantLike,
    questions: list[EvalQuestion],
    fresh: Mapping[str, Answer] | None = None,
    *,
    progress: Progress | None = None,
    stage: str = STAGE,
) -> MidSession:
    """Ask the set's standalone answerable questions after another one and compare each answer
    with the fresh one (`fresh`: answers already given by fresh sessions, by question id; the
    others are asked fresh here); `stage` names the asks in `progress`."""
    pairs = predecessors(standalone_answerable(questions))
    fresh = fresh or {}
    changed, follow_ups = [], []
    for done, (before, question) in enumerate(pairs):
        if progress:
            progress(stage, done, len(pairs))
        session = assistant.session()
        session.ask(before.question, k=CUTOFF)
        answer = session.ask(question.question, k=CUTOFF)
        if answer.read_with is not None:
            follow_ups.append(question.id)
        known = fresh.get(question.id)
        alone = known if known is not None else assistant.session().ask(question.question, CUTOFF)
        if signature(answer) != signature(alone):
            changed.append(question.id)
    if progress:
        progress(stage, len(pairs), len(pairs))
    return MidSession(
        asked=len(pairs),
        same=len(pairs) - len(changed),
        read_as_follow_up=len(follow_ups),
        changed=changed,
        follow_ups=follow_ups,
    )
