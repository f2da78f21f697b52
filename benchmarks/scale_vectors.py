"""`python benchmarks/scale.py vectors`: the vector store alone, on synthetic vectors.

`vectors` times the vector store alone on N synthetic unit vectors of 512 dimensions (like
USE's), for each data set of DATA (`random`, the worst case; `clustered`, the realistic one) and
each index kind (`pq` is what citeqa builds from `compressed_index_min` rows): build time, file
size, the peak RSS of a fresh process that opens the file and searches, cold (first) and warm
p50/p95 latency of one query at a time, and recall@10 against exact search (computed in batches
over 200 queries). Build and search each run in their own process.

The `vectors` sub-command runs through scale.py, whose helpers (in_child, peak RSS, percentiles)
this module uses; its child processes (`_vbuild`, `_vsearch`) run this script.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from scale import DIM, QUERIES, WORK, in_child, peak_rss_mb, percentile

DATA = ("random", "clustered")
"""The vectors `vectors` stores: `random`, unit vectors uniform on the sphere with queries
drawn the same way (the worst case for approximate search: the ten nearest rows of a query are
barely nearer than the millionth); `clustered`, a mixture of Gaussians around 2,000 centres with
queries near stored rows (a question near the passage that answers it: the realistic case)."""
BATCH = 50_000


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def clustered(count: int, seed: int, centres: np.ndarray) -> np.ndarray:
    """`count` unit vectors scattered around random centres (as embeddings of topics are)."""
    rng = np.random.default_rng(seed)
    rows = centres[rng.integers(0, len(centres), count)] + 0.6 * rng.standard_normal(
        (count, DIM), dtype=np.float32
    ) / np.sqrt(DIM)
    return unit(rows)


def centres() -> np.ndarray:
    return unit(np.random.default_rng(7).standard_normal((2000, DIM)).astype(np.float32))


def data_rows(data: str, seed: int, count: int) -> np.ndarray:
    """`count` rows of the data set `data`, the same for the same seed in every process."""
    if data == "random":
        return unit(np.random.default_rng(seed).standard_normal((count, DIM), dtype=np.float32))
    return clustered(count, seed, centres())


def data_batches(data: str, count: int) -> Iterator[tuple[int, np.ndarray]]:
    """The stored rows in batches (row n is in the batch starting at n // BATCH * BATCH)."""
    for start in range(0, count, BATCH):
        yield start, data_rows(data, start, min(BATCH, count - start))


def query_vectors(data: str, count: int) -> np.ndarray:
    """QUERIES query vectors for the data set (see DATA)."""
    rng = np.random.default_rng(99)
    if data == "random":
        return unit(rng.standard_normal((QUERIES, DIM), dtype=np.float32))
    picks = np.sort(rng.choice(count, QUERIES, replace=False))
    base = np.vstack(
        [
            rows[picks[(picks >= s) & (picks < s + len(rows))] - s]
            for s, rows in data_batches(data, count)
        ]
    )
    return unit(base + 0.3 * rng.standard_normal(base.shape, dtype=np.float32) / np.sqrt(DIM))


def exact_top10(data: str, count: int, queries: np.ndarray) -> np.ndarray:
    """The ten rows of largest inner product with each query, by exact search in batches."""
    best_scores = np.full((len(queries), 10), -np.inf, np.float32)
    best_ids = np.zeros((len(queries), 10), np.int64)
    for start, rows in data_batches(data, count):
        scores = queries @ rows.T
        ids = np.broadcast_to(np.arange(start, start + len(rows)), scores.shape)
        all_scores = np.hstack([best_scores, scores])
        all_ids = np.hstack([best_ids, ids])
        keep = np.argsort(-all_scores, axis=1)[:, :10]
        best_scores = np.take_along_axis(all_scores, keep, 1)
        best_ids = np.take_along_axis(all_ids, keep, 1)
    return best_ids


def native_index(kind: str, count: int) -> Any:
    """A FAISS index of `kind`; `pq` is citeqa's own (vectorindex.py), built as citeqa does."""
    import faiss

    if kind == "pq":
        from citeqa.vectorindex import PQ, FaissIndex

        return FaissIndex(DIM, PQ).native
    if kind == "flat":
        return faiss.IndexFlatIP(DIM)
    if kind == "hnsw":
        return faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
    if kind == "hnsw-sq8":
        eight_bit: Any = faiss.ScalarQuantizer.QT_8bit  # an int in faiss's stubs, a QuantizerType
        return faiss.IndexHNSWSQ(DIM, eight_bit, 32, faiss.METRIC_INNER_PRODUCT)
    lists = max(16, int(4 * np.sqrt(count)))
    if kind == "ivf-sq8":
        return faiss.index_factory(DIM, f"IVF{lists},SQ8", faiss.METRIC_INNER_PRODUCT)
    if kind == "ivf-flat":
        return faiss.index_factory(DIM, f"IVF{lists},Flat", faiss.METRIC_INNER_PRODUCT)
    raise ValueError(kind)


def vector_build(data: str, kind: str, count: int, path: Path) -> dict[str, float]:
    import faiss

    began = time.perf_counter()
    index = native_index(kind, count)
    if not index.is_trained:  # a sample of the same distribution, as citeqa trains on its rows
        wanted = 65_536 if kind == "pq" else max(20_000, 40 * getattr(index, "nlist", 0))
        index.train(data_rows(data, 10**9, min(count, wanted)))
    for _, rows in data_batches(data, count):
        index.add(rows)
    faiss.write_index(index, str(path))
    seconds = time.perf_counter() - began
    return {"build_s": seconds, "file_mb": path.stat().st_size / 1e6, "rss_mb": peak_rss_mb()}


def vector_search(data: str, kind: str, count: int, path: Path) -> dict[str, float]:
    import faiss

    del data, count
    queries = np.load(path.with_suffix(".queries.npy"))
    truth = np.load(path.with_suffix(".truth.npy"))
    began = time.perf_counter()
    faiss.omp_set_num_threads(1)  # one query at a time: threads only wait on each other
    index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)
    if kind.startswith("hnsw"):
        hnsw: Any = faiss.downcast_index(index)  # an IndexHNSW, typed as the base Index
        hnsw.hnsw.efSearch = 64
    if kind.startswith("ivf"):
        faiss.extract_index_ivf(index).nprobe = 16
    index.search(queries[:1], 10)
    cold = (time.perf_counter() - began) * 1000
    times, found = [], []
    for query in queries:
        start = time.perf_counter()
        _, ids = index.search(query.reshape(1, -1), 10)
        times.append((time.perf_counter() - start) * 1000)
        found.append(ids[0])
    recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)])
    return {
        "cold_ms": cold,
        "p50_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "recall10": float(recall),
        "rss_mb": peak_rss_mb(),
    }


def vectors(sizes: list[int], kinds: list[str], datas: list[str]) -> None:
    print(
        f"{'N':>10} {'data':>9} {'kind':>9} {'build s':>8} {'build RSS':>9} {'file MB':>8}"
        f" {'cold ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'recall@10':>9} {'RSS MB':>7}"
    )
    for count in sizes:
        for data in datas:
            folder = WORK / f"vectors-{data}-{count}"
            folder.mkdir(parents=True, exist_ok=True)
            queries = query_vectors(data, count)
            truth = folder / "truth.npy"
            if not truth.exists():
                np.save(truth, exact_top10(data, count, queries))
            for kind in kinds:
                vector_row(data, kind, count, folder, queries)


def vector_row(data: str, kind: str, count: int, folder: Path, queries: np.ndarray) -> None:
    path = folder / f"{kind}.faiss"
    np.save(path.with_suffix(".queries.npy"), queries)
    shutil.copyfile(folder / "truth.npy", path.with_suffix(".truth.npy"))
    built = in_child("_vbuild", data, kind, str(count), str(path), script=__file__)
    found = in_child("_vsearch", data, kind, str(count), str(path), script=__file__)
    print(
        f"{count:>10,} {data:>9} {kind:>9} {built['build_s']:>8.1f} {built['rss_mb']:>8.0f}M"
        f" {built['file_mb']:>8.0f}"
        f" {found['cold_ms']:>8.1f} {found['p50_ms']:>7.2f} {found['p95_ms']:>7.2f}"
        f" {found['recall10']:>9.3f} {found['rss_mb']:>7.0f}",
        flush=True,
    )
    path.unlink()


def main() -> None:
    """The child processes of `scale.py vectors`: `_vbuild` or `_vsearch` DATA KIND N PATH."""
    run = {"_vbuild": vector_build, "_vsearch": vector_search}[sys.argv[1]]
    print(json.dumps(run(sys.argv[2], sys.argv[3], int(sys.argv[4]), Path(sys.argv[5]))))


if __name__ == "__main__":
    main()
