"""The vector-search seam: the `VectorIndex` interface and its embedded FAISS implementation.

A VectorIndex holds one channel's unit vectors, in chunk order (row n is chunk n), and answers
"the k rows nearest a query by inner product". Everything else in citeqa (store, retrieval,
indexing) talks to this interface; this module is the only one that imports faiss. A second
implementation on a distributed engine lives in its own module and follows the same contract.
An index whose engine also ranks BM25 offers `LexicalEngine` (the lexical channel can run
there), and one that runs every channel's ranking in one request `HybridSearch` (FAISS does
neither): retrieval then asks it for all of them at once and fuses them (enginefusion.py).

Three kinds, chosen by the number of rows (`index_kind_for`, Settings.flat_index_max and
Settings.compressed_index_min): exact `flat` for a small corpus, `hnsw` past it, and `pq`
(compressed) for a large one, where float32 rows no longer fit in memory (1M x 512 = 2 GB).

FAISS files are read memory-mapped (`IO_FLAG_MMAP_IFC`): opening a flat or HNSW index costs
neither time nor memory in proportion to its size, and pages are read as searches touch them
(measured: a 200 MB flat index opens in under 1 ms and +1 MB RSS, against 190 ms and +196 MB
read in full). A `pq` index's fast-scan codes are read in full at open (a fifth of its file),
its 8-bit rows mapped (measured on 200k x 512: +50 MB at open, +155 MB after 50 queries).

FAISS is imported through `faiss_module`, which first checks the process's address-space limit
(`ulimit -v`): under a low one, importing faiss kills the interpreter with a segmentation fault
inside its native libraries instead of raising, so citeqa says so in one line before that.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from citeqa.errors import AddressSpaceTooSmall

FLAT = "flat"
"""Exact inner-product search over every row."""
HNSW = "hnsw"
"""Approximate search on a hierarchical navigable small-world graph."""
HNSW_NEIGHBOURS = 32
"""Graph degree (M) of HNSW indexes."""
HNSW_EF_SEARCH = 64
"""Candidates explored per HNSW query (efSearch); more is slower and more exact."""
PQ = "pq"
"""Approximate search on compressed rows: every row's 4-bit product-quantisation code (two
dimensions per sub-vector) is scanned with SIMD lookups (FAISS fast-scan), and the best
k x PQ_REFINE rows are re-scored on 8-bit scalar-quantised rows. 640 bytes a 512-d row against
2,048 for float32; at 1M rows, p50 about 10 ms at recall@10 0.97 even on random vectors, the
worst case (benchmarks/scale.py vectors; HNSW holds float32 rows and builds far slower)."""
PQ_REFINE = 50
"""Rows re-scored per wanted row in a `pq` index (k_factor): recall@10 0.965 at 50, 0.970 at
400 on 1M random rows (the 8-bit re-scoring, not the candidates, limits it)."""
PQ_TRAIN_ROWS = 65_536
"""Rows a `pq` index learns its codebooks and ranges from (an even sample of those added)."""
PQ_MIN_ROWS = 64
"""Fewest rows a `pq` index is built for (its 16-centroid codebooks need some to learn from)."""


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

    def rows(self, numbers: list[int]) -> np.ndarray:
        """The given rows, (len(numbers), dim) float32, in that order."""
        ...

    def save(self, path: Path) -> None:
        """Write the index to `path` (a file or a folder the implementation owns)."""
        ...


@dataclass(frozen=True)
class HybridQuery:
    """One engine-side hybrid search: each channel's dense ranking and BM25's over `tokens`,
    each `depth` deep, in one request (the caller names only the rankings it wants)."""

    dense: Sequence[tuple[VectorIndex, np.ndarray]]
    """(index, query vector) per channel to rank; the indexes share the engine's rows."""
    tokens: Sequence[str]
    """The question's BM25 terms (folded, stemmed, as lexical.py makes them); none: no BM25."""
    depth: int


class LexicalSearch(Protocol):
    """What ranks chunks by BM25: the embedded LexicalIndex, or a vector engine's sparse side."""

    def search(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        """The best k (chunk index, score) pairs for `tokens`, best first."""
        ...


@runtime_checkable
class LexicalEngine(Protocol):
    """A VectorIndex whose engine also holds each row's BM25 terms and ranks them: the lexical
    channel can run there instead of in the embedded bm25s index (Settings.engine_lexical)."""

    def lexical(self) -> LexicalSearch:
        """The engine's BM25 ranking over the rows' stored terms."""
        ...


def lexical_engine_of(indexes: Mapping[str, VectorIndex]) -> LexicalEngine | None:
    """The first of `indexes` whose engine ranks BM25 too, or None (e.g. FAISS)."""
    for index in indexes.values():
        if isinstance(index, LexicalEngine):
            return index
    return None


@dataclass(frozen=True)
class HybridFound:
    """What an engine's hybrid search found: each ranking, as (row, score) pairs best first
    (a ranking's own scores: inner product, BM25)."""

    dense: list[list[tuple[int, float]]]
    """Each channel's ranking, `depth` deep, in the order of HybridQuery.dense."""
    lexical: list[tuple[int, float]]
    """BM25's ranking, `depth` deep (empty for a question without terms)."""


@runtime_checkable
class HybridSearch(Protocol):
    """A VectorIndex whose engine also holds each row's BM25 terms and runs every ranking of
    a question in one request."""

    def search_hybrid(self, query: HybridQuery) -> HybridFound:
        """Each channel's dense ranking and BM25's, `query.depth` deep, in one request."""
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

    @property
    def native(self) -> Any:
        """The FAISS index itself (for benchmarks)."""
        return self._index

    @classmethod
    def load(cls, path: Path, *, mmap: bool = True) -> FaissIndex:
        """Open a saved index, memory-mapped unless `mmap` is False: OSError when the file
        cannot be opened (missing, the open-file limit), RuntimeError naming the file when
        FAISS cannot read it (FAISS's own message is C++ internals: "Error in
        faiss::read_index_up(IOReader*, int) at …/index_read.cpp:3251 …")."""
        faiss = faiss_module()

        flags = faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY if mmap else 0
        try:
            native = faiss.read_index(str(path), flags)  # already of its own class
        except RuntimeError as err:
            os.close(os.open(path, os.O_RDONLY))  # FAISS's error for a file it cannot open:
            # the OSError says why (missing, the open-file limit); opened only on a failure
            reason = faiss_reason(err)
            if "allocate memory" in reason:  # mmap refused under a memory limit: not damage
                raise MemoryError(reason) from err
            unreadable = f"{path.name} is not a FAISS index citeqa can read: {reason}"
            raise RuntimeError(unreadable) from err
        kind = HNSW if isinstance(native, faiss.IndexHNSW) else FLAT
        if isinstance(native, faiss.IndexRefine):
            kind = PQ
        return cls(native.d, kind, native)

    @property
    def needs_training(self) -> bool:
        """Whether the index must learn from rows before it takes any (`pq`)."""
        return not self._index.is_trained

    def reserve(self, count: int) -> None:
        """Size the store of an empty index's rows for `count` rows at once, before they are
        added a batch at a time: grown batch by batch, the store is reallocated with the old
        and the new copy briefly both held (33,570 flat rows of 512: a 138 MB peak for a 65 MB
        index, 75 MB reserved). `add` then fills it: resizing the store down to the rows added
        so far keeps its capacity (std::vector), so the rows are never copied again. The
        store of a `pq` index's 8-bit rows is sized; its 4-bit codes are not."""
        faiss = faiss_module()

        if count <= 0 or self.count():
            return
        if self.kind == FLAT:
            store = self._index
        elif self.kind == HNSW:
            store = faiss.downcast_index(self._index.storage)
        else:
            store = faiss.downcast_index(self._index.refine_index)
        store.codes.resize(count * store.code_size)

    def train(self, rows: np.ndarray) -> None:
        """Learn a `pq` index's codebooks from `rows` (a sample of those to be added)."""
        self._index.train(np.ascontiguousarray(rows, dtype=np.float32).reshape(-1, self.dim))

    def add(self, vectors: np.ndarray) -> None:
        """Append rows; a `pq` index first learns its codebooks from the first rows it gets."""
        rows = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim))
        if len(rows) and not self._index.is_trained:
            self._index.train(training_sample(rows))
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
        """Every row back; from a `pq` index, as its 8-bit rows hold them (within 0.001)."""
        if self.count() == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._index.reconstruct_n(0, self.count()), dtype=np.float32)

    def rows(self, numbers: list[int]) -> np.ndarray:
        """The given rows; from a `pq` index, as its 8-bit rows hold them."""
        out = np.zeros((len(numbers), self.dim), dtype=np.float32)
        for place, number in enumerate(numbers):
            out[place] = self._index.reconstruct(int(number))
        return out

    def save(self, path: Path) -> None:
        faiss = faiss_module()

        faiss.write_index(self._index, str(path))


FAISS_ADDRESS_SPACE = 768 << 20
"""The least address space (`ulimit -v`, in bytes) under which citeqa loads FAISS. Below it,
importing faiss can crash the interpreter (a segmentation fault in its native libraries, not an
exception): here a bare `import faiss` crashed under limits from 250 to 460 MB and an `ask` on
the bundled corpus from 500 to 700 MB; from 790 MB it answered. How much the import needs
depends on what the process already holds, so a build loads faiss before anything else
(indexing.build_index): its first build of the bundled corpus, which crashed at 900 MB when
faiss came after the embedding, says "out of memory" from 780 to 800 MB and builds at 820."""

NO_ROOM_FOR_FAISS = (
    "this process may use at most {limit} MB of memory (`ulimit -v`), too little for the vector"
    " search library (FAISS; citeqa needs {needed} MB): raise the limit and try again."
)


def faiss_module() -> Any:
    """The faiss module, once the address-space limit leaves room to load it (else
    AddressSpaceTooSmall); a failure to map its libraries into memory is a MemoryError."""
    if "faiss" not in sys.modules:
        limit = address_space_limit()
        if limit is not None and limit < FAISS_ADDRESS_SPACE:
            raise AddressSpaceTooSmall(
                NO_ROOM_FOR_FAISS.format(limit=limit >> 20, needed=FAISS_ADDRESS_SPACE >> 20)
            )
    try:
        import faiss
    except ImportError as err:  # "failed to map segment from shared object"
        if "map segment" in str(err) or "allocate memory" in str(err):
            raise MemoryError(str(err)) from err
        raise
    return faiss


def faiss_reason(err: RuntimeError) -> str:
    """What a FAISS error says went wrong, without the C++ function and source line before it
    ("could not mmap(): No such device", "Index type 0x64636261 ("abcd") not recognized")."""
    text = " ".join(str(err).split())
    reason = re.sub(r"^Error in .*? at \S+:\d+: (?:Error: '[^']*' failed: )?", "", text)
    return reason[:REASON_CHARS]


REASON_CHARS = 200
"""At most this many characters of FAISS's reason are kept in a message."""


def address_space_limit() -> int | None:
    """The process's soft address-space limit in bytes, None when there is none (or the
    platform has no such limit)."""
    try:
        import resource
    except ImportError:  # not a Unix
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft


def _search_one_thread(native: Any, query: np.ndarray, k: int) -> tuple[Any, Any]:
    """Search one query on one OpenMP thread, restoring the caller's thread count after.

    A single query is too small to share between threads: on 10k x 512 flat rows, p50 was
    0.5 ms on one thread against 1.0 ms on two on a quiet 2-core machine and 24 ms under load,
    where the second thread waits for a core (benchmarks/faiss_threads.py)."""
    faiss = faiss_module()

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return native.search(query, k)
    finally:
        faiss.omp_set_num_threads(threads)


def _new_native(dim: int, kind: str) -> Any:
    faiss = faiss_module()

    if kind == FLAT:
        return faiss.IndexFlatIP(dim)
    if kind == HNSW:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
        return index
    if kind == PQ:
        parts = dim // 2 if dim % 2 == 0 else dim
        refined: Any = faiss.index_factory(  # an IndexRefine, owning its parts
            dim, f"PQ{parts}x4fs,Refine(SQ8)", faiss.METRIC_INNER_PRODUCT
        )
        refined.k_factor = PQ_REFINE
        codes: Any = faiss.downcast_index(refined.base_index)
        codes.pq.cp.min_points_per_centroid = 1  # no stderr warning when trained on few rows
        return refined
    raise ValueError(f"unknown FAISS index kind {kind!r}; known: {FLAT}, {HNSW}, {PQ}")


def training_sample(rows: np.ndarray) -> np.ndarray:
    """At most PQ_TRAIN_ROWS of `rows`, evenly spaced (deterministic)."""
    picks = training_rows(len(rows))
    return rows if picks is None else np.ascontiguousarray(rows[picks])


def training_rows(count: int) -> np.ndarray | None:
    """The numbers (sorted) of the rows `training_sample` picks out of `count`; None: all."""
    return even_sample(count, PQ_TRAIN_ROWS)


def even_sample(count: int, cap: int) -> np.ndarray | None:
    """`cap` row numbers spread evenly over `count` rows (sorted, first and last included);
    None when there are no more than `cap` rows (take them all)."""
    if count <= cap:
        return None
    return np.linspace(0, count - 1, cap).astype(np.int64)


def index_kind_for(count: int, flat_index_max: int, compressed_index_min: int) -> str:
    """`flat` (exact) up to `flat_index_max` rows, `pq` (compressed) from `compressed_index_min`
    (and PQ_MIN_ROWS), `hnsw` between."""
    if count <= flat_index_max:
        return FLAT
    if count >= max(compressed_index_min, PQ_MIN_ROWS):
        return PQ
    return HNSW


def faiss_index_of(
    vectors: np.ndarray, flat_index_max: int, compressed_index_min: int
) -> FaissIndex:
    """A FAISS index holding `vectors` (n, dim), of the kind their number calls for."""
    kind = index_kind_for(len(vectors), flat_index_max, compressed_index_min)
    index = FaissIndex(vectors.shape[1], kind)
    index.add(vectors)
    return index
