"""The bundled corpus end to end in an in-process Qdrant with the real model: indexed without a
bm25s index, asked, answered with cited quotes, every ranking of a question fetched from the
engine in one request (engine_fusion) and fused by citeqa: the same hits as citeqa's fusion
over the engine's channels one request at a time, measured on the test half of
evals/questions.jsonl.

The figures are printed (`pytest -s`) and must stay above their floors (set just under what
they measured; docs/deployment.md section 6)."""

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
"""Measured on the test half (78 questions) with the default `blend` settings, citeqa's fusion
over the engine's dense and BM25 rankings: hit@1 0.562, hit@5 0.906, MRR 0.693."""

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


def test_engine_fusion_ranks_as_citeqa_fusion_over_the_engine(engine: Assistant) -> None:
    ours = engine.configured(engine_fusion=False)  # one engine request per channel
    for question in load_questions(QUESTIONS)[:20]:
        assert engine.retrieve(question.question).hits == ours.retrieve(question.question).hits
    theirs = measured(engine)
    print(f"\ntest half, n={theirs.n}        hit@1   hit@5   MRR     quote acc.")
    print(
        f"  engine fusion          {theirs.hit_1:.3f}   {theirs.hit_5:.3f}   {theirs.mrr:.3f}"
        f"   {theirs.quote_accuracy:.3f}"
    )
    assert theirs.citation_validity in (None, 1.0)
    for metric, floor in ENGINE_FLOORS.items():
        assert getattr(theirs, metric) >= floor, (metric, getattr(theirs, metric))
