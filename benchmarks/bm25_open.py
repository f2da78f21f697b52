"""What opening a stored BM25 index costs (lexical.StoredBM25), against the scan of every score
that opening did before (each document number's range, each term's offsets: O(postings)),
on the lexical folders given and on a synthetic index of N documents. Not a test; run it by
hand:

    python benchmarks/bm25_open.py [--lexical DIR ...] [--docs 20000] [--per-doc 240] [--runs 7]

The synthetic index is written straight in bm25s's format (Zipf-distributed terms, about
docs x per-doc scores), with the dtypes and parameters of a small index bm25s really built.
Prints per index: scores, terms, the median open now (and of parsing its vocabulary's JSON
alone, O(terms), which dominates it), the median of the old scan alone on the
same mapped arrays (interleaved with the opens), and the median cost of the per-term check a
question now pays for the scores it reads (its five most frequent terms).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from citeqa.lexical import LexicalIndex, StoredBM25


def synthetic(folder: Path, docs: int, per_doc: int, seed: int = 5) -> None:
    """A bm25s-format index of `docs` documents and about docs * per_doc scores."""
    LexicalIndex.build([["alpha", "beta"], ["beta"]]).save(folder)
    params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
    kinds = {n: np.load(folder / f"{n}.csc.index.npy").dtype for n in StoredBM25.ARRAYS}
    rng = np.random.default_rng(seed)
    terms = max(1000, docs * 5)
    weights = 1.0 / np.arange(1, terms + 1)
    frequency = np.minimum(docs, np.maximum(1, weights / weights.sum() * docs * per_doc))
    counts = frequency.astype(np.int64)
    indices = np.concatenate([np.sort(rng.choice(docs, size=c, replace=False)) for c in counts])
    indptr = np.concatenate([[0], np.cumsum(counts)])
    arrays = {
        "data": rng.random(len(indices)).astype(kinds["data"]),
        "indices": indices.astype(kinds["indices"]),
        "indptr": indptr.astype(kinds["indptr"]),
    }
    for name, array in arrays.items():
        np.save(folder / f"{name}.csc.index.npy", array, allow_pickle=False)
    vocab = {f"t{n}": n for n in range(terms)}
    (folder / "vocab.index.json").write_text(json.dumps(vocab), encoding="utf-8")
    params["num_docs"] = docs
    (folder / "params.index.json").write_text(json.dumps(params), encoding="utf-8")
    meta = {"format": 1, "documents": docs, "terms": terms}
    (folder / "lexical.json").write_text(json.dumps(meta), encoding="utf-8")


def old_scan(stored: StoredBM25) -> None:
    """What the open checked before, in full: every offset's order, every document number."""
    bool(np.any(np.diff(stored.indptr) < 0))
    if len(stored.indices):
        stored.indices.min(), stored.indices.max()


def measure(folder: Path, runs: int) -> None:
    meta = json.loads((folder / "lexical.json").read_text(encoding="utf-8"))
    opens, scans, checks, vocabs = [], [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        stored = StoredBM25(folder, meta["documents"], meta["terms"])
        opens.append(time.perf_counter() - began)
        began = time.perf_counter()
        json.loads((folder / "vocab.index.json").read_bytes())
        vocabs.append(time.perf_counter() - began)
        began = time.perf_counter()
        old_scan(stored)
        scans.append(time.perf_counter() - began)
        widths = np.diff(stored.indptr)
        began = time.perf_counter()
        for term in np.argsort(-widths)[:5]:
            stored._postings(int(stored.indptr[term]), int(stored.indptr[term + 1]))
        checks.append(time.perf_counter() - began)
    print(
        f"{folder}: {len(stored.data):,} scores, {meta['terms']:,} terms;"
        f" open {1000 * statistics.median(opens):.2f} ms"
        f" (its vocabulary's JSON alone {1000 * statistics.median(vocabs):.2f} ms),"
        f" old full scan {1000 * statistics.median(scans):.2f} ms,"
        f" per-question check (5 most frequent terms) {1000 * statistics.median(checks):.3f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexical", type=Path, nargs="*", default=[])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--per-doc", type=int, default=240)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for folder in args.lexical:
        measure(folder, args.runs)
    with tempfile.TemporaryDirectory() as scratch:
        synthetic(Path(scratch), args.docs, args.per_doc)
        measure(Path(scratch), args.runs)


if __name__ == "__main__":
    main()
