"""Single-query FAISS search latency on one OpenMP thread against the default (all cores).

Prints p50 per setting, interleaved in one run, so the ratio holds on a noisy machine:
    python benchmarks/faiss_threads.py [--rows 10000] [--dim 512] [--queries 200]
"""

from __future__ import annotations

import argparse
import time

import faiss
import numpy as np


def p50_ms(index: faiss.Index, queries: np.ndarray, threads: int) -> float:
    faiss.omp_set_num_threads(threads)
    times = []
    for row in range(len(queries)):
        began = time.perf_counter()
        index.search(queries[row : row + 1], 50)
        times.append(time.perf_counter() - began)
    return 1000 * float(np.median(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    rows = rng.standard_normal((args.rows, args.dim)).astype("float32")
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    index = faiss.IndexFlatIP(args.dim)
    index.add(rows)
    queries = rows[: args.queries] + 0.01
    default = faiss.omp_get_max_threads()
    for threads in (default, 1, default, 1):
        print(f"{threads} thread(s): p50 {p50_ms(index, queries, threads):.2f} ms")


if __name__ == "__main__":
    main()
