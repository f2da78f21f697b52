"""CI floor: the default configuration must not fall below evals/floors.json on the test half.

Builds the real index of the bundled corpus with the real bundled models in a temporary folder,
runs the test half of evals/questions.jsonl with the default settings (no ablations), prints the
figures and fails when any floored metric is below its floor. The same real run also checks
that citeqa's ranking metrics agree with ir-measures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.config import Settings
from citeqa.evaluation import EvalReport, evaluate, load_questions
from citeqa.evaluation.metrics import hit_at, ndcg_at, reciprocal_rank

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "evals" / "questions.jsonl"
FLOORS = ROOT / "evals" / "floors.json"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    from citeqa.api import open_assistant

    index_dir = tmp_path_factory.mktemp("eval-floor") / "index"
    settings = Settings(corpus_dir=ROOT / "corpus", index_dir=index_dir)
    assistant = open_assistant(settings)
    questions = load_questions(QUESTIONS)
    return evaluate(assistant, questions, set_path=QUESTIONS, split="test", ablations=False)


def test_default_configuration_stays_above_the_floors(report: EvalReport) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    measured = report.headline[floors["split"]]
    print(
        f"\n{floors['split']} half, n={measured.n}, manifest {report.configuration.manifest_hash}"
    )
    failures = []
    for metric, floor in floors["floors"].items():
        value = getattr(measured, metric)
        print(f"  {metric:<20} {value:.3f}  (floor {floor:.3f})")
        if value is None or value < floor:
            failures.append(f"{metric} = {value} is below its floor {floor}")
    print(f"  {'citation_validity':<20} {measured.citation_validity}")
    assert not failures, "; ".join(failures)


def test_every_citation_is_valid(report: EvalReport) -> None:
    assert report.headline["test"].citation_validity in (None, 1.0)


def test_ranking_metrics_agree_with_ir_measures_on_the_real_run(report: EvalReport) -> None:
    ir_measures = pytest.importorskip("ir_measures")
    from ir_measures import RR, Qrel, ScoredDoc, Success, nDCG

    answerable = [r for r in report.results if r.answerable]
    run = [
        ScoredDoc(r.id, f"p{i}", float(100 - i))
        for r in answerable
        for i in range(1, r.passages + 1)
    ]
    qrels = [Qrel(r.id, f"p{i}", 1) for r in answerable for i in r.relevant_ranks]
    qrels += [Qrel(r.id, "unretrieved", 0) for r in answerable]
    measures = [Success @ 1, Success @ 5, Success @ 10, RR @ 10, nDCG @ 10]
    theirs = ir_measures.calc_aggregate(measures, qrels, run)
    n = len(answerable)
    ours = {
        Success @ 1: sum(hit_at(r.relevant_ranks, 1) for r in answerable) / n,
        Success @ 5: sum(hit_at(r.relevant_ranks, 5) for r in answerable) / n,
        Success @ 10: sum(hit_at(r.relevant_ranks, 10) for r in answerable) / n,
        RR @ 10: sum(reciprocal_rank(r.relevant_ranks) for r in answerable) / n,
        nDCG @ 10: sum(ndcg_at(r.relevant_ranks) for r in answerable) / n,
    }
    for measure, value in ours.items():
        assert value == pytest.approx(theirs[measure], abs=1e-9), measure
    test = report.headline["test"]
    assert test.hit_5 == pytest.approx(theirs[Success @ 5])
    assert test.mrr == pytest.approx(theirs[RR @ 10])
    assert test.ndcg_10 == pytest.approx(theirs[nDCG @ 10])
