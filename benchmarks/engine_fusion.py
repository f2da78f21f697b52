"""Print what a question's retrieval costs when every ranking comes from the vector engine in one
request (Qdrant, a batch: every channel's dense search and BM25 over the stored sparse vectors,
fused by citeqa) against citeqa's own fusion over FAISS + the embedded bm25s index, as ratios in
one run. Not a test:

    python benchmarks/engine_fusion.py [--sizes 10000] [--queries 100] [--qdrant-url URL]

For the bundled corpus and a synthetic corpus of about N chunks (benchmarks/scale.py's: copies
of the bundled and ../shared/benchmarks documents; the embedder is its hashed stand-in
`scale-hash`, so citeqa's side is timed on its own), it builds a FAISS index and a Qdrant one
(`engine_fusion`: no bm25s index), then times, question by question and interleaved so that
the machine's load falls on all alike, the retrieval step alone with the question's vectors
already computed, as `ask` runs it (api.Assistant._retrievals): the channels' search
(retrieval.channel_candidates over a `Search`), then both fusions and their reranks
(twofusions.ranked), the evidence fusion's `answer_passages` deep:

- `citeqa fusion, FAISS + bm25s`: retrieval.local_search over FAISS and bm25s, the default;
- `citeqa fusion, engine BM25`: the same over Qdrant's dense and BM25 rankings (two
  requests);
- `engine fusion`: enginefusion.engine_search (one request: a batch of every ranking,
  fused by citeqa as in the first two);

- `engine fusion, Qdrant Edge`: the same engine_search over Qdrant Edge, the Rust engine
  of a Qdrant server's shards run in-process (qdrant-edge-py, when installed; not a citeqa
  dependency), holding the same vectors and sparse BM25 vectors, on one search thread: what a
  server costs a question short of the network and a second engine behind the same seam;

and prints p50/p95 and each one's p50 as a ratio of the default's. `:memory:` is qdrant-client's
in-process engine, written in Python (its BM25 scans every point): a test double, not a
production engine; a server is Rust (`--qdrant-url http://localhost:6333`).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import scale  # benchmarks/scale.py: the synthetic corpus and the hashed embedder

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.chunkpass import chunk_tokens
from citeqa.config import Settings
from citeqa.enginefusion import engine_of, engine_search
from citeqa.qdrantindex import LEXICAL, MEMORY, Bm25Rows, query_sparse
from citeqa.retrieval import Search, local_search
from citeqa.vectorindex import HybridFound, HybridQuery, lexical_engine_of

VARIANTS = ["citeqa fusion, FAISS + bm25s", "citeqa fusion, engine BM25", "engine fusion"]
EDGE = importlib.util.find_spec("qdrant_edge") is not None
if EDGE:
    VARIANTS.append("engine fusion, Qdrant Edge")


def assistants(corpus: Path, folder: Path, location: str) -> tuple[Assistant, Assistant]:
    """The FAISS index and the Qdrant one (built now) of `corpus`, opened."""
    shutil.rmtree(folder, ignore_errors=True)
    common: dict[str, Any] = {"corpus_dir": corpus, "channels": (scale.HashEmbedder.name,)}
    faiss = Settings(index_dir=folder / "faiss", **common)
    engine = Settings(
        index_dir=folder / "qdrant", vector_store=location, engine_fusion=True, **common
    )
    for settings in (faiss, engine):
        began = time.perf_counter()
        report = build_index(settings)
        spent = time.perf_counter() - began
        print(f"  built {settings.vector_store:<9} {report.chunks} chunks in {spent:.1f} s")
    return (
        open_assistant(faiss, build_if_missing=False),
        open_assistant(engine, build_if_missing=False),
    )


class EdgeChannel:
    """One channel of a Qdrant Edge shard as engine_search uses an index (HybridSearch,
    `rows`, `dim`): a second engine behind the same seam."""

    def __init__(self, shard: Any, name: str, rows: np.ndarray) -> None:
        self.shard, self.using, self._rows, self.dim = shard, name, rows, rows.shape[1]

    def rows(self, numbers: list[int]) -> np.ndarray:
        return self._rows[numbers]

    def search_hybrid(self, query: HybridQuery) -> HybridFound:
        import qdrant_edge as edge

        def rank(near: Any) -> list[tuple[int, float]]:  # in process: no round trip
            ranked = self.shard.query(edge.QueryRequest(limit=query.depth, query=near))
            return [(int(point.id), float(point.score)) for point in ranked]

        dense = []
        for index, vector in query.dense:
            using = index.using  # type: ignore[attr-defined]
            dense.append(rank(edge.Query.Nearest([float(x) for x in vector], using=using)))
        terms, lexical = query_sparse(query.tokens), []
        if terms:
            sparse = edge.SparseVector(list(terms), [float(v) for v in terms.values()])
            lexical = rank(edge.Query.Nearest(sparse, using=LEXICAL))
        return HybridFound(dense, lexical)


def edge_channels(faiss: Assistant, folder: Path) -> dict[str, EdgeChannel]:
    """The FAISS index's vectors and its chunks' BM25 sparse vectors in a new Edge shard."""
    import qdrant_edge as edge

    index = faiss._loaded.index
    rows = {name: vectors.vectors() for name, vectors in index.vectors.items()}
    params = {
        n: edge.EdgeVectorParams(size=r.shape[1], distance=edge.Distance.Dot)
        for n, r in rows.items()
    }
    sparse = {LEXICAL: edge.EdgeSparseVectorParams(modifier=edge.Modifier.Idf)}
    config = edge.EdgeConfig(vectors=params, sparse_vectors=sparse, max_search_threads=1)
    shard = edge.EdgeShard.create(str(folder), config)
    lexical = Bm25Rows([chunk_tokens(index.chunks[n]) for n in range(len(index.chunks))])
    points = []
    for n, terms in enumerate(lexical):
        vector: dict[str, Any] = {name: r[n].tolist() for name, r in rows.items()}
        if terms:
            vector[LEXICAL] = edge.SparseVector(list(terms), [float(v) for v in terms.values()])
        points.append(edge.Point(n, vector))
    for start in range(0, len(points), 1000):
        shard.update(edge.UpdateOperation.upsert_points(points[start : start + 1000]))
    shard.optimize()
    return {name: EdgeChannel(shard, name, r) for name, r in rows.items()}


def shipped(assistant: Assistant, search: Search, question: str, vectors: Any) -> Any:
    """The retrieval `ask` runs (api.Assistant._retrievals itself) over `search`: the
    channels' rankings, then both fusions reranked, with the question's terms read beforehand."""
    terms = assistant._terms(question, None)
    return lambda: assistant._retrievals(question, vectors, None, terms, search=search)


def calls(
    faiss: Assistant, engine: Assistant, edge: dict[str, EdgeChannel], question: str
) -> list[Callable[[], object]]:
    """The retrievals of `question`, one per variant, with its vectors computed once."""
    vectors = faiss._query_vectors(question)
    ours, index = faiss._loaded.index, engine._loaded.index
    hybrid = engine_of(index.vectors)
    assert hybrid is not None and index.lexical is None and ours.lexical is not None
    engine_bm25 = lexical_engine_of(index.vectors)
    assert engine_bm25 is not None
    depth = faiss.settings.candidates
    searches: list[tuple[Assistant, Search]] = [
        (faiss, local_search(ours.lexical, ours.vectors, vectors, depth)),
        (engine, local_search(engine_bm25.lexical(), index.vectors, vectors, depth)),
        (engine, engine_search(hybrid, index.vectors, vectors, depth)),
    ]
    if edge:
        shard = next(iter(edge.values()))
        searches.append((faiss, engine_search(shard, edge, vectors, depth)))  # type: ignore[arg-type]
    return [shipped(assistant, search, question, vectors) for assistant, search in searches]


def timed(
    faiss: Assistant, engine: Assistant, edge: dict[str, EdgeChannel], questions: list[str]
) -> list[list[float]]:
    spent: list[list[float]] = [[] for _ in VARIANTS]
    for question in questions:
        for variant, call in enumerate(calls(faiss, engine, edge, question)):
            began = time.perf_counter()
            call()
            spent[variant].append((time.perf_counter() - began) * 1000)
    return spent


def report(name: str, spent: list[list[float]]) -> None:
    base = statistics.median(spent[0])
    for variant, values in zip(VARIANTS, spent, strict=True):
        p50, p95 = statistics.median(values), scale.percentile(values, 0.95)
        print(
            f"  {name:<8} {variant:<30} p50 {p50:8.2f} ms  p95 {p95:8.2f} ms  x{p50 / base:7.2f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--qdrant-url", default=MEMORY)
    args = parser.parse_args()
    scale.register()
    questions = scale.questions()[: args.queries]
    corpora = [("bundled", scale.ROOT / "corpus")]
    corpora += [(f"{size // 1000}k", scale.synthetic_corpus(size)) for size in args.sizes]
    print(f"{len(questions)} questions, engine at {args.qdrant_url}; ratio: p50 / default p50")
    for name, corpus in corpora:
        print(f"{name}:", flush=True)
        faiss, engine = assistants(corpus, scale.WORK / f"engine-fusion-{name}", args.qdrant_url)
        with tempfile.TemporaryDirectory() as shard:
            edge = edge_channels(faiss, Path(shard) / "shard") if EDGE else {}
            timed(faiss, engine, edge, questions[:5])  # warm-up
            report(name, timed(faiss, engine, edge, questions))


if __name__ == "__main__":
    main()
