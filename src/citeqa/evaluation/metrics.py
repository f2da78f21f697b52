"""Retrieval and answer metrics over judged questions, plus breakdowns by language pair and kind.

Everything here is pure: a `QuestionResult` records what one question got (ranks of relevant
passages in the top 10, where each accepted answer first appears, the answer's quotes and
abstention), and `summarize` turns a list of them into `Metrics`. Definitions:

- a passage is **relevant** as `citeqa.evaluation.judging` says (../shared/benchmarks/README.md):
  from the question's document, within its span when the set gives one, holding an accepted
  answer (case and spaces folded) unless the set matches by span;
- **hit@k**: some relevant passage is in the top k; **MRR**: mean of 1/rank of the first
  relevant passage within the top 10 (0 when none); **nDCG@10**: binary gains, log2 discount,
  the ideal ranking built from the relevant passages found in the top 10 (judgements exist only
  for retrieved passages); these equal ir-measures' Success@k, RR@10 and nDCG@10 on the same
  judgements (a test proves it);
- **recall@k**: the fraction of a question's accepted answer strings that appear in some passage
  of the right document among the top k;
- **quote accuracy**: answerable questions answered (not abstained) with a right quote, its
  quotes totalling at most 400 characters, over all answerable questions; the **unlimited**
  figure drops the length limit; **median quote length**: total quoted characters of the
  answerable questions answered with a quote;
- **citation validity**: citations whose quote equals the document text at their offsets, over
  all citations;
- **abstention precision / recall**: the positive class is "should abstain" (unanswerable);
  **false-abstention rate**: answerable questions abstained on, over answerable questions;
- **latency**: p50/p95 of the answer's `timings_ms.total` (the asked question only).

Retrieval and quote metrics are over answerable questions; None marks a metric with no
question to measure it on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

CUTOFF = 10
"""Passages judged per question: metrics are @10 at most."""


class QuestionResult(BaseModel):
    """What one question got under one configuration, judged."""

    model_config = ConfigDict(frozen=True)

    id: str
    question: str
    split: str
    lang_pair: str
    kinds: list[str] = Field(default_factory=list)
    answerable: bool
    relevant_ranks: list[int] = Field(default_factory=list)
    """1-based ranks of the relevant passages among the top 10."""
    answer_ranks: list[int | None] = Field(default_factory=list)
    """Per accepted answer: the first rank of a right-document passage containing it."""
    passages: int = 0
    top_doc: str | None = None
    abstained: bool = False
    confidence: float = 0.0
    below_floor: bool = False
    """Abstained for its confidence alone, below the run's floor (Answer.below_floor)."""
    quote_correct: bool = False
    """A right quote, the quotes totalling at most 400 characters."""
    quote_correct_unlimited: bool = False
    """A right quote, whatever the length."""
    quote_chars: int = 0
    """Characters quoted in all (the citations' quotes together)."""
    conflict_shown: bool = False
    """A wrong quote (not right, answered) shown beside a labelled other statement that is
    right (`Outcome.other_statements`): the value asked is shown, not as the answer's."""
    citations: int = 0
    citations_valid: int = 0
    latency_ms: float = 0.0


class Metrics(BaseModel):
    """Aggregate figures over a group of questions (None when there is nothing to measure)."""

    model_config = ConfigDict(frozen=True)

    n: int
    answerable: int
    unanswerable: int
    hit_1: float | None = None
    hit_3: float | None = None
    hit_5: float | None = None
    hit_10: float | None = None
    mrr: float | None = None
    ndcg_10: float | None = None
    recall_5: float | None = None
    recall_10: float | None = None
    quote_accuracy: float | None = None
    quote_accuracy_unlimited: float | None = None
    quote_chars_median: float | None = None
    citation_validity: float | None = None
    abstention_precision: float | None = None
    abstention_recall: float | None = None
    false_abstention_rate: float | None = None
    latency_p50_ms: float | None = None
    latency_p95_ms: float | None = None


def hit_at(ranks: Iterable[int], k: int) -> float:
    """1.0 when a relevant passage is ranked within the top k."""
    return 1.0 if any(rank <= k for rank in ranks) else 0.0


def reciprocal_rank(ranks: Iterable[int], cutoff: int = CUTOFF) -> float:
    """1/rank of the first relevant passage within the cutoff, else 0."""
    within = [rank for rank in ranks if rank <= cutoff]
    return 1.0 / min(within) if within else 0.0


def ndcg_at(ranks: Iterable[int], k: int = CUTOFF) -> float:
    """Binary-gain nDCG@k; the ideal puts every judged relevant passage first."""
    judged = sorted(set(ranks))
    dcg = sum(1.0 / math.log2(rank + 1) for rank in judged if rank <= k)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(judged), k) + 1))
    return dcg / ideal if ideal else 0.0


def recall_at(answer_ranks: Iterable[int | None], k: int) -> float:
    """Fraction of accepted answers found in a right-document passage within the top k."""
    ranks = list(answer_ranks)
    if not ranks:
        return 0.0
    return sum(1 for rank in ranks if rank is not None and rank <= k) / len(ranks)


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (linear interpolation), None for no values."""
    return float(np.percentile(values, q)) if values else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarize(results: list[QuestionResult]) -> Metrics:
    """Aggregate metrics over a group of judged questions."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    retrieval = _retrieval_metrics(answerable)
    abstained = [r for r in results if r.abstained]
    latencies = [r.latency_ms for r in results]
    return Metrics(
        n=len(results),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        **retrieval,
        quote_accuracy=_ratio(sum(r.quote_correct for r in answerable), len(answerable)),
        quote_accuracy_unlimited=_ratio(
            sum(r.quote_correct_unlimited for r in answerable), len(answerable)
        ),
        quote_chars_median=percentile(
            [r.quote_chars for r in answerable if not r.abstained and r.citations], 50
        ),
        citation_validity=_ratio(
            sum(r.citations_valid for r in results), sum(r.citations for r in results)
        ),
        abstention_precision=_ratio(sum(not r.answerable for r in abstained), len(abstained)),
        abstention_recall=_ratio(sum(r.abstained for r in unanswerable), len(unanswerable)),
        false_abstention_rate=_ratio(sum(r.abstained for r in answerable), len(answerable)),
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
    )


def _retrieval_metrics(answerable: list[QuestionResult]) -> dict[str, float | None]:
    """hit@k, MRR, nDCG@10 and recall@k averaged over answerable questions."""
    per_question: dict[str, Callable[[QuestionResult], float]] = {
        "hit_1": lambda r: hit_at(r.relevant_ranks, 1),
        "hit_3": lambda r: hit_at(r.relevant_ranks, 3),
        "hit_5": lambda r: hit_at(r.relevant_ranks, 5),
        "hit_10": lambda r: hit_at(r.relevant_ranks, 10),
        "mrr": lambda r: reciprocal_rank(r.relevant_ranks),
        "ndcg_10": lambda r: ndcg_at(r.relevant_ranks),
        "recall_5": lambda r: recall_at(r.answer_ranks, 5),
        "recall_10": lambda r: recall_at(r.answer_ranks, 10),
    }
    return {name: _mean([f(r) for r in answerable]) for name, f in per_question.items()}


def breakdown(
    results: list[QuestionResult], key: Callable[[QuestionResult], Iterable[str]]
) -> dict[str, Metrics]:
    """Metrics per group; `key` gives the groups a question belongs to (one or several)."""
    groups: dict[str, list[QuestionResult]] = {}
    for result in results:
        for group in key(result):
            groups.setdefault(group, []).append(result)
    return {name: summarize(groups[name]) for name in sorted(groups)}


def by_lang_pair(results: list[QuestionResult]) -> dict[str, Metrics]:
    """Metrics per question→passage language pair (en→en, en→fr, fr→en, fr→fr, …)."""
    return breakdown(results, lambda r: [r.lang_pair])


def by_kind(results: list[QuestionResult]) -> dict[str, Metrics]:
    """Metrics per kind tag; a question with several tags counts in each."""
    return breakdown(results, lambda r: r.kinds)


def abstention_sweep(
    results: list[QuestionResult], thresholds: Iterable[float]
) -> list[dict[str, float | None]]:
    """Abstention figures had `min_confidence` (the least confidence answered) been t: see
    `abstains_at`. Exact at t at or above the run's floor, an estimate below it."""
    unanswerable_total = sum(not r.answerable for r in results)
    answerable_total = len(results) - unanswerable_total
    rows = []
    for t in thresholds:
        abstain = [r for r in results if abstains_at(r, t)]
        unanswerable = sum(not r.answerable for r in abstain)
        rows.append(
            {
                "threshold": t,
                "abstention_precision": _ratio(unanswerable, len(abstain)),
                "abstention_recall": _ratio(unanswerable, unanswerable_total),
                "false_abstention_rate": _ratio(len(abstain) - unanswerable, answerable_total),
            }
        )
    return rows


def abstains_at(result: QuestionResult, t: float) -> bool:
    """Whether the question would abstain with t for least confidence: when its confidence is
    below t, or when it abstained in the run for another reason than the floor (the
    answerability model, no verifiable quote, a rule before the models: not `below_floor`),
    which refuses it at any floor. An abstention of the run's floor alone with a confidence of
    at least t counts as answered (an estimate: its quote is assumed verifiable)."""
    if result.confidence < t:
        return True
    return result.abstained and not result.below_floor
