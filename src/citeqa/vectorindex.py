"""The vector-search seam: the `VectorIndex` interface and its embedded FAISS implementation.

A VectorIndex holds one channel's unit vectors, in chunk order (row n is chunk n), and answers
"the k rows nearest a query by inner product". Everything else in citeqa (store, retrieval,
indexing) talks to this interface; this module is the only one that imports faiss. A second
implementation on a distributed engine lives in its own module and follows the same contract.

FAISS files are read memory-mapped (`IO_FLAG_MMAP_IFC`): opening an index costs neither time
nor memory in proportion to its size, and pages are read as searches touch them. Both index
types used here (exact `flat`, approximate `hnsw`) support it (measured: a 200 MB flat index
opens in under 1 ms and +1 MB RSS, against 190 ms and +196 MB read in full).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

FLAT = "flat"
"""Exact inner-product search over every row."""
HNSW = "hnsw"
"""Approximate search on a hierarchical navigable small-world graph."""
HNSW_NEIGHBOURS = 32
"""Graph degree (M) of HNSW indexes."""
HNSW_EF_SEARCH = 64
"""Candidates explored per HNSW query (efSearch); more is slower and more exact."""


@runtime_checkable
class VectorIndex(Protocol):
    """One channel's vectors: rows are numbered from 0 in the order they were added."""

    kind: str
    """What the index is ("flat", "hnsw", ...), as the manifest records it."""
    dim: int
    """Length of every vector."""

    def add(self, vectors: np.ndarray) -> None:
        """Append float32 rows (n, dim); they get the next row numbers."""
        ...

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The (row, inner product) of the up to k rows nearest `query`, best first."""
        ...

    def count(self) -> int:
        """How many rows the index holds."""
        ...

    def vectors(self) -> np.ndarray:
        """Every row back, (count, dim) float32, in row order (to reuse them in a rebuild)."""
        ...

    def save(self, path: Path) -> None:
        """Write the index to `path` (a file or a folder the implementation owns)."""
        ...


def query_matrix(query: np.ndarray, dim: int) -> np.ndarray:
    """One query vector as a C-contiguous float32 (1, dim) matrix."""
    return np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, dim))


class FaissIndex:
    """The embedded default: a FAISS inner-product index in one file."""

    suffix = ".faiss"
    """File-name ending of a saved FAISS index."""

    def __init__(self, dim: int, kind: str = FLAT, native: Any = None) -> None:
        self.dim = dim
        self.kind = kind
        self._index = native if native is not None else _new_native(dim, kind)

    @classmethod
    def load(cls, path: Path, *, mmap: bool = True) -> FaissIndex:
        """Open a saved index, memory-mapped unless `mmap` is False; RuntimeError if unreadable."""
        import faiss

        flags = faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY if mmap else 0
        native = faiss.read_index(str(path), flags)
        kind = HNSW if isinstance(native, faiss.IndexHNSW) else FLAT
        return cls(native.d, kind, native)

    def add(self, vectors: np.ndarray) -> None:
        rows = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim))
        if len(rows):
            self._index.add(rows)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        wanted = min(k, self.count())
        if wanted <= 0:
            return []
        scores, ids = _search_one_thread(self._index, query_matrix(query, self.dim), wanted)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def count(self) -> int:
        return int(self._index.ntotal)

    def vectors(self) -> np.ndarray:
        if self.count() == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._index.reconstruct_n(0, self.count()), dtype=np.float32)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))


def _search_one_thread(native: Any, query: np.ndarray, k: int) -> tuple[Any, Any]:
    """Search one query on one OpenMP thread, restoring the caller's thread count after.

    A single query is too small to share between threads: on 10k x 512 flat rows, p50 was
    0.5 ms on one thread against 1.0 ms on two on a quiet 2-core machine and 24 ms under load,
    where the second thread waits for a core (benchmarks/faiss_threads.py)."""
    import faiss

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return native.search(query, k)
    finally:
        faiss.omp_set_num_threads(threads)


def _new_native(dim: int, kind: str) -> Any:
    import faiss

    if kind == FLAT:
        return faiss.IndexFlatIP(dim)
    if kind == HNSW:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
        return index
    raise ValueError(f"unknown FAISS index kind {kind!r}; known: {FLAT}, {HNSW}")


def index_kind_for(count: int, flat_index_max: int) -> str:
    """`flat` (exact) up to the threshold, `hnsw` past it."""
    return FLAT if count <= flat_index_max else HNSW


def faiss_index_of(vectors: np.ndarray, flat_index_max: int) -> FaissIndex:
    """A FAISS index holding `vectors` (n, dim), of the kind their number calls for."""
    index = FaissIndex(vectors.shape[1], index_kind_for(len(vectors), flat_index_max))
    index.add(vectors)
    return index
