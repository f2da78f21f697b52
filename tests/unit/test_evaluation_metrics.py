"""Metric computations on hand-made rankings, and their agreement with ir-measures."""

from __future__ import annotations

import math
import random

import pytest

from citeqa.answering import abstained_confidence
from citeqa.evaluation.metrics import (
    QuestionResult,
    abstains_at,
    abstention_sweep,
    by_kind,
    by_lang_pair,
    hit_at,
    ndcg_at,
    recall_at,
    reciprocal_rank,
    summarize,
)


def result(**fields: object) -> QuestionResult:
    base: dict[str, object] = {
        "id": "q", "question": "?", "split": "test", "lang_pair": "en→en", "answerable": True,
    }  # fmt: skip
    return QuestionResult.model_validate(base | fields)


def test_hit_at_k_counts_a_relevant_passage_within_k():
    assert hit_at([3], 1) == 0.0
    assert hit_at([3], 3) == 1.0
    assert hit_at([7, 2], 1) == 0.0
    assert hit_at([7, 2], 5) == 1.0
    assert hit_at([], 10) == 0.0


def test_reciprocal_rank_uses_the_first_relevant_within_ten():
    assert reciprocal_rank([4, 2]) == 0.5
    assert reciprocal_rank([1]) == 1.0
    assert reciprocal_rank([11]) == 0.0
    assert reciprocal_rank([]) == 0.0


def test_ndcg_binary_gains_with_ideal_from_judged_passages():
    assert ndcg_at([1]) == 1.0
    assert ndcg_at([1, 2]) == 1.0
    assert ndcg_at([2]) == pytest.approx(1 / math.log2(3))
    dcg = 1 / math.log2(3) + 1 / math.log2(6)
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at([2, 5]) == pytest.approx(dcg / ideal)
    assert ndcg_at([]) == 0.0


def test_recall_is_the_share_of_answer_strings_found_within_k():
    assert recall_at([1, None], 5) == 0.5
    assert recall_at([1, 6], 5) == 0.5
    assert recall_at([1, 6], 10) == 1.0
    assert recall_at([], 5) == 0.0


def test_summarize_retrieval_over_answerable_only():
    results = [
        result(id="a", relevant_ranks=[1], answer_ranks=[1], quote_correct=True),
        result(id="b", relevant_ranks=[4], answer_ranks=[4, None]),
        result(id="c", relevant_ranks=[], answer_ranks=[None]),
        result(id="u", answerable=False, abstained=True, kinds=["unanswerable"]),
    ]
    m = summarize(results)
    assert (m.n, m.answerable, m.unanswerable) == (4, 3, 1)
    assert m.hit_1 == pytest.approx(1 / 3)
    assert m.hit_3 == pytest.approx(1 / 3)
    assert m.hit_5 == pytest.approx(2 / 3)
    assert m.mrr == pytest.approx((1 + 0.25 + 0) / 3)
    assert m.recall_5 == pytest.approx((1 + 0.5 + 0) / 3)
    assert m.quote_accuracy == pytest.approx(1 / 3)


def test_abstention_precision_recall_and_false_abstentions():
    results = [
        result(id="a", abstained=True),  # answerable, abstained: false abstention
        result(id="b", abstained=False),
        result(id="c", abstained=False),
        result(id="d", abstained=False),
        result(id="u1", answerable=False, abstained=True),
        result(id="u2", answerable=False, abstained=True),
        result(id="u3", answerable=False, abstained=False),
    ]
    m = summarize(results)
    assert m.abstention_precision == pytest.approx(2 / 3)
    assert m.abstention_recall == pytest.approx(2 / 3)
    assert m.false_abstention_rate == pytest.approx(1 / 4)


def test_undefined_metrics_are_none():
    m = summarize([result(answerable=False, abstained=False)])
    assert m.hit_5 is None and m.quote_accuracy is None and m.citation_validity is None
    assert m.abstention_precision is None  # nothing abstained
    assert m.abstention_recall == 0.0


def test_citation_validity_counts_citations_not_questions():
    m = summarize([result(citations=3, citations_valid=3), result(citations=1, citations_valid=0)])
    assert m.citation_validity == pytest.approx(3 / 4)


def test_latency_percentiles():
    m = summarize([result(latency_ms=float(ms)) for ms in range(1, 101)])
    assert m.latency_p50_ms == pytest.approx(50.5)
    assert m.latency_p95_ms == pytest.approx(95.05)


def test_breakdowns_by_pair_and_by_every_kind_tag():
    results = [
        result(id="a", lang_pair="en→fr", kinds=["fact", "cross-lang"], relevant_ranks=[1]),
        result(id="b", lang_pair="en→en", kinds=["fact"], relevant_ranks=[]),
    ]
    pairs = by_lang_pair(results)
    assert set(pairs) == {"en→en", "en→fr"}
    assert pairs["en→fr"].hit_1 == 1.0 and pairs["en→en"].hit_1 == 0.0
    kinds = by_kind(results)
    assert kinds["fact"].n == 2 and kinds["fact"].hit_1 == 0.5
    assert kinds["cross-lang"].n == 1


def test_abstention_sweep_recomputes_from_confidences():
    results = [
        result(id="a", confidence=0.2),
        result(id="b", confidence=0.9),
        result(id="u", answerable=False, confidence=0.3),
    ]
    low, high = abstention_sweep(results, [0.1, 0.5])
    assert low["abstention_recall"] == 0.0 and low["abstention_precision"] is None
    assert high["abstention_recall"] == 1.0
    assert high["false_abstention_rate"] == 0.5
    assert high["abstention_precision"] == 0.5


def _random_results(seed: int, count: int = 200) -> list[QuestionResult]:
    rng = random.Random(seed)
    results = []
    for n in range(count):
        size = rng.randint(0, 10)
        relevant = sorted(rng.sample(range(1, size + 1), rng.randint(0, size))) if size else []
        results.append(result(id=f"q{n}", relevant_ranks=relevant, passages=size))
    return results


def agreement_with_ir_measures(results: list[QuestionResult]) -> None:
    """Per question, our hit@k, RR@10 and nDCG@10 equal ir-measures' on the same judgements."""
    ir_measures = pytest.importorskip("ir_measures")
    from ir_measures import RR, Qrel, ScoredDoc, Success, nDCG

    qrels, run = [], []
    for r in results:
        run += [ScoredDoc(r.id, f"p{i}", float(100 - i)) for i in range(1, r.passages + 1)]
        qrels += [Qrel(r.id, f"p{i}", 1) for i in r.relevant_ranks]
        qrels.append(Qrel(r.id, "never-retrieved-non-relevant", 0))
    measures = {"hit_1": Success @ 1, "hit_3": Success @ 3, "hit_5": Success @ 5,
                "hit_10": Success @ 10, "rr": RR @ 10, "ndcg": nDCG @ 10}  # fmt: skip
    theirs = {(m.query_id, str(m.measure)): m.value
              for m in ir_measures.iter_calc(list(measures.values()), qrels, run)}  # fmt: skip
    ours = {
        "hit_1": lambda r: hit_at(r.relevant_ranks, 1),
        "hit_3": lambda r: hit_at(r.relevant_ranks, 3),
        "hit_5": lambda r: hit_at(r.relevant_ranks, 5),
        "hit_10": lambda r: hit_at(r.relevant_ranks, 10),
        "rr": lambda r: reciprocal_rank(r.relevant_ranks),
        "ndcg": lambda r: ndcg_at(r.relevant_ranks),
    }
    for r in results:
        for name, measure in measures.items():
            expected = theirs.get((r.id, str(measure)), 0.0)
            assert ours[name](r) == pytest.approx(expected, abs=1e-9), (r.id, name)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_metrics_agree_with_ir_measures(seed):
    results = _random_results(seed)
    assert any(len(r.relevant_ranks) > 1 for r in results)
    agreement_with_ir_measures(results)


def test_abstention_sweep_keeps_the_runs_other_abstentions_above_the_current_floor():
    results = [
        result(id="a", confidence=0.6),
        result(id="b", confidence=0.7, abstained=True),  # refused for another reason
        result(id="u", answerable=False, confidence=0.2, abstained=True, below_floor=True),
    ]  # the run's floor is 0.3: u abstained under it
    at_floor, above, below = abstention_sweep(results, [0.3, 0.65, 0.1])
    assert at_floor["abstention_recall"] == 1.0 and at_floor["false_abstention_rate"] == 0.5
    assert above["false_abstention_rate"] == 1.0
    assert below["abstention_recall"] == 0.0, "under the floor, estimated answered"
    assert below["false_abstention_rate"] == 0.5, "another reason's abstention stays"


def test_an_abstention_of_the_models_is_refused_at_any_floor_whatever_its_confidence():
    """A models' abstention reports min(sure, answerable), often under the run's floor (.1351):
    it is not the floor that refused it, so a lower floor still abstains (s17 review)."""
    refused = result(abstained=True, confidence=abstained_confidence(0.40, 0.12))
    assert refused.confidence < 0.1351
    assert abstains_at(refused, 0.05) and abstains_at(refused, 0.10)
    floor_only = result(abstained=True, confidence=0.12, below_floor=True)
    assert not abstains_at(floor_only, 0.05) and abstains_at(floor_only, 0.1351)
