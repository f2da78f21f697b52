"""Print what each VectorIndex costs on N random unit vectors: FAISS flat, FAISS HNSW, and
Qdrant (in-process, or a server with --qdrant-url), side by side in one run.

For each: the import time of its client library (in a fresh process), the time to add the N
vectors, query latency p50/p95 for k=50 (what retrieval asks each channel), recall@10
against exact search, and, for Qdrant, BM25 (sparse) and hybrid query latency inside the
engine (both rankings in one request). Not a test; run it by hand:

    python benchmarks/vector_stores.py [--n 10000] [--dim 512] [--queries 100]
    python benchmarks/vector_stores.py --qdrant-url http://localhost:6333
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from citeqa.qdrantindex import MEMORY, Bm25Rows, QdrantIndex
from citeqa.vectorindex import FLAT, HNSW, FaissIndex, HybridQuery, VectorIndex

K = 50
WORDS = [f"w{n}" for n in range(2000)]


def unit_rows(count: int, dim: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def import_seconds(module: str) -> float:
    """Wall time of `import module` in a fresh interpreter (minus the interpreter's start)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def timed(call: Callable[[], object], times: int) -> tuple[float, float]:
    """p50 and p95 in ms of `times` calls."""
    spent = []
    for _ in range(times):
        began = time.perf_counter()
        call()
        spent.append((time.perf_counter() - began) * 1000)
    spent.sort()
    return statistics.median(spent), spent[min(len(spent) - 1, round(0.95 * (len(spent) - 1)))]


def recall_at_10(index: VectorIndex, rows: np.ndarray, queries: np.ndarray) -> float:
    found = 0
    for query in queries:
        exact = set(np.argsort(-(rows @ query))[:10].tolist())
        found += len(exact & {row for row, _ in index.search(query, 10)})
    return found / (10 * len(queries))


def report(name: str, index: VectorIndex, add: Callable[[], object], rows, queries) -> None:
    began = time.perf_counter()
    add()
    added = time.perf_counter() - began
    cycle = itertools.cycle(queries)
    p50, p95 = timed(lambda: index.search(next(cycle), K), len(queries))
    recall = recall_at_10(index, rows, queries[:50])
    print(
        f"{name:<14} add {added:7.2f} s   query p50 {p50:7.2f} ms  p95 {p95:7.2f} ms"
        f"   recall@10 {recall:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--qdrant-url", default=MEMORY)
    args = parser.parse_args()
    rows = unit_rows(args.n, args.dim, seed=0)
    queries = unit_rows(args.queries, args.dim, seed=1)
    print(f"N = {args.n} vectors of {args.dim} dims, {args.queries} queries, k = {K}")
    for module in ("faiss", "qdrant_client"):
        print(f"import {module:<14} {import_seconds(module):6.2f} s")
    for kind in (FLAT, HNSW):
        faiss_index = FaissIndex(args.dim, kind)
        report(f"faiss {kind}", faiss_index, partial(faiss_index.add, rows), rows, queries)
    rng = np.random.default_rng(2)
    tokens = [list(rng.choice(WORDS, size=60)) for _ in range(args.n)]
    qdrant = QdrantIndex.create(args.qdrant_url, f"bench-{time.time_ns()}", args.dim)
    try:
        report(
            "qdrant",
            qdrant,
            lambda: qdrant.add(rows, lexical=Bm25Rows(tokens)),
            rows,
            queries,
        )
        words = itertools.cycle(tokens)
        lexical = timed(lambda: qdrant.search_lexical(next(words)[:5], K), args.queries)
        cycle = itertools.cycle(queries)
        hybrid = timed(
            lambda: qdrant.search_hybrid(HybridQuery([(qdrant, next(cycle))], next(words)[:5], K)),
            args.queries,
        )
        print(f"qdrant bm25     query p50 {lexical[0]:7.2f} ms  p95 {lexical[1]:7.2f} ms")
        print(f"qdrant hybrid   query p50 {hybrid[0]:7.2f} ms  p95 {hybrid[1]:7.2f} ms")
    finally:
        qdrant.drop()


if __name__ == "__main__":
    main()
