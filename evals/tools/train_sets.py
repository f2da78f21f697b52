"""The question sets the answer models are trained on and checked against.

They are exactly the evaluation sets of evals/sets/ (`citeqa.evaluation.load_sets`): the bundled
set, PIAF and PubMedQA (answerable), near-miss, off-topic and content-free questions, each cut
into `dev` and `test` halves by whole documents. The models are fitted on the `dev` halves
only ("train"); the `test` halves are only reported ("check"), as `citeqa eval --split test`
does. Scoring is the evaluation's own (`citeqa.evaluation.judging`): a quote is right when one
of its citations holds an accepted answer (or overlaps the gold span) in the gold document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from citeqa.evaluation.judging import Span, is_right_quote
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.sets import load_sets
from citeqa.models import Citation

SEED = 9


@dataclass(frozen=True)
class Item:
    """One question of a set, with its half and the question the evaluation judges."""

    set: str
    question: EvalQuestion
    role: str
    """"train" (fit and tune on it: the dev half) or "check" (report only: the test half)."""
    follows: str | None = None
    """The text of the question this one follows, if any."""

    @property
    def answerable(self) -> bool:
        return self.question.is_answerable

    @property
    def text(self) -> str:
        return self.question.question


@dataclass
class Corpus:
    name: str
    corpus_dir: Path
    items: list[Item] = field(default_factory=list)


def corpora() -> list[Corpus]:
    """Every registered evaluation set, both halves, grouped by corpus folder."""
    grouped: dict[Path, Corpus] = {}
    for eval_set in load_sets(None, "all"):
        by_id = {q.id: q for q in eval_set.questions}
        corpus = grouped.setdefault(
            eval_set.corpus_dir, Corpus(eval_set.corpus_dir.name, eval_set.corpus_dir)
        )
        for q in eval_set.questions:
            parent = by_id.get(q.follows) if q.follows else None
            role = "train" if q.split == "dev" else "check"
            corpus.items.append(Item(eval_set.name, q, role, parent.question if parent else None))
    return list(grouped.values())


def quote_right(item: Item, citations: list[Citation]) -> bool:
    """The evaluation's verdict on a quote (length is judged by the caller)."""
    return any(
        is_right_quote(item.question, Span(c.doc_id, c.start, c.end, c.quote)) for c in citations
    )
