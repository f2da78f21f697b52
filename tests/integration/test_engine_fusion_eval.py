"""The bundled corpus end to end in an in-process Qdrant with the real model: indexed without a
bm25s index, asked, answered with cited quotes, and its ranking fused by the engine measured on
the test half of evals/questions.jsonl beside citeqa's own fusion over the engine's BM25.

Both figures are printed (`pytest -s`); the engine's fusion must stay above its own floors
(set just under what it measured; docs/deployment.md section 6 has both)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant, open_assistant
from citeqa.config import Settings
from citeqa.evaluation import evaluate, load_questions
from citeqa.evaluation.metrics import Metrics
from citeqa.qdrantindex import MEMORY

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "evals" / "questions.jsonl"
ENGINE_FLOORS = {"hit_1": 0.53, "hit_5": 0.89, "mrr": 0.66}
"""Measured on the test half (78 questions) with the default `blend` settings, which the engine
fuses by weighted DBSF: hit@1 0.562, hit@5 0.922, MRR 0.699 (citeqa's fusion: 0.562, 0.906,
0.693)."""
QUOTE_MARGIN = 0.05
"""Quote accuracy may trail citeqa's fusion on the same index by at most this (measured: 0.469
against 0.484; the quoting layer, not the fusion, sets its level)."""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    index_dir = tmp_path_factory.mktemp("engine-fusion") / "index"
    settings = Settings(
        corpus_dir=ROOT / "corpus", index_dir=index_dir, vector_store=MEMORY, engine_fusion=True
    )
    return open_assistant(settings)


def measured(assistant: Assistant) -> Metrics:
    report = evaluate(
        assistant, load_questions(QUESTIONS), set_path=QUESTIONS, split="test", ablations=False
    )
    return report.headline["test"]


def test_the_bundled_corpus_is_answered_from_the_engine_with_cited_quotes(
    engine: Assistant,
) -> None:
    loaded = engine._loaded.index
    assert loaded.lexical is None and loaded.manifest.vector_store == MEMORY
    answer = engine.ask("What was the week-52 BICLA response with anifrolumab SC?")
    assert not answer.abstained and answer.citations
    for citation in answer.citations:
        text = engine.document(citation.doc_id).text
        assert text[citation.start : citation.end] == citation.quote
    hits = engine.retrieve(answer.question).hits
    assert answer.passages and all(hit.channel_ranks for hit in hits)
    assert all(set(hit.channel_ranks) <= {"use", "lexical"} for hit in hits)
    assert any(set(hit.channel_ranks) == {"use", "lexical"} for hit in hits)  # channels agree


def test_engine_fusion_against_citeqa_fusion_on_the_bundled_eval(engine: Assistant) -> None:
    theirs = measured(engine)
    ours = measured(engine.configured(engine_fusion=False))
    print(f"\ntest half, n={theirs.n}        hit@1   hit@5   MRR     quote acc.")
    for name, m in (("engine fusion", theirs), ("citeqa fusion", ours)):
        print(f"  {name:<22} {m.hit_1:.3f}   {m.hit_5:.3f}   {m.mrr:.3f}   {m.quote_accuracy:.3f}")
    assert theirs.citation_validity in (None, 1.0)
    for metric, floor in ENGINE_FLOORS.items():
        assert getattr(theirs, metric) >= floor, (metric, getattr(theirs, metric))
    assert theirs.quote_accuracy >= ours.quote_accuracy - QUOTE_MARGIN
