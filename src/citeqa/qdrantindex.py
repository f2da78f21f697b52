"""A `VectorIndex` on Qdrant, for indexes that outgrow one machine; also serves the lexical side.

The same code runs against an in-process Qdrant (`:memory:`, what the tests use) and against a
Qdrant server or cluster (`http://host:6333`): only the location differs. A build is one
collection whose point n is chunk n, holding one named dense vector per channel (named after
the channel) and the chunk's sparse BM25 vector (qdrantsparse.py); the build folder keeps a
small JSON pointer per channel (location, collection, vector name, dimension, count) in place
of the FAISS file, so publication, hashing and deletion of builds work as for FAISS. Qdrant's
on-disk local mode (`path=`) is not offered: it pickles points, and citeqa never reads pickles
back.

Hybrid retrieval inside the engine: the sparse "lexical" vector holds hashed stemmed tokens
weighted by BM25's term-frequency saturation; the collection applies the IDF
(`Modifier.IDF`), so a sparse query of the question's tokens scores BM25, and
`search_hybrid` runs it and every channel's dense ranking in one request per question (a batch
of queries, one per ranking), for citeqa to fuse (enginefusion.py).

A cluster's API key comes from the environment (`CITEQA_QDRANT_API_KEY`) only: the location
written to pointers and manifests is the bare URL (config.py refuses one carrying credentials).
qdrant-client is imported only when a Qdrant store is used (its import costs seconds).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from citeqa.errors import StoreUnreachable
from citeqa.jsonfiles import read_object
from citeqa.qdrantsparse import Bm25Rows as Bm25Rows  # re-exported: benchmarks, tests
from citeqa.qdrantsparse import query_sparse as query_sparse
from citeqa.qdrantsparse import sparse_vector
from citeqa.vectorindex import HybridFound, HybridQuery

DENSE = "dense"
"""Name of the dense vector in a single-channel collection (QdrantIndex.create); a build's
collection names each channel's vector after the channel."""
LEXICAL = "lexical"
"""Name of the sparse BM25 vector in each point."""
MEMORY = ":memory:"
"""Location of the in-process engine (one per process, shared by every index in it)."""
POINTER_SUFFIX = ".qdrant.json"
"""File-name ending of the pointer a build folder keeps for a Qdrant index (as store.py)."""
BATCH = 512
"""Points per upsert request."""
API_KEY_VARIABLE = "CITEQA_QDRANT_API_KEY"
"""The environment variable a cluster's API key is read from (never written anywhere)."""


class Rows(Protocol):
    """Rows of vectors that can be read a slice at a time: an array, or a build's spool."""

    @property
    def shape(self) -> tuple[int, ...]: ...

    def __len__(self) -> int: ...

    def __getitem__(self, rows: slice, /) -> np.ndarray: ...


_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def client_for(location: str) -> Any:
    """One client per location per process (so `:memory:` is the same engine throughout);
    RuntimeError when qdrant-client is not installed."""
    try:
        from qdrant_client import QdrantClient
    except ImportError as err:
        raise RuntimeError(
            "a Qdrant vector store needs qdrant-client: pip install 'citeqa[qdrant]'"
        ) from err

    with _clients_lock:
        if location not in _clients:
            if location == MEMORY:
                _clients[location] = QdrantClient(location=MEMORY)
            else:
                _clients[location] = QdrantClient(
                    url=location,
                    api_key=os.environ.get(API_KEY_VARIABLE) or None,
                    timeout=30,
                    check_compatibility=False,
                )
        return _clients[location]


class QdrantIndex:
    """One channel's vectors: one named vector of a Qdrant collection (dot product on unit
    vectors)."""

    kind = "qdrant"

    def __init__(self, location: str, collection: str, dim: int, using: str = DENSE) -> None:
        self.location = location
        self.collection = collection
        self.dim = dim
        self.using = using
        """The name of this channel's vector in the collection's points."""
        self._client = client_for(location)
        self._reaching = _Reaching(location, collection)

    @classmethod
    def create(cls, location: str, collection: str, dim: int) -> QdrantIndex:
        """A new, empty collection of one dense vector (an existing one of that name is an
        error)."""
        index = cls(location, collection, dim)
        _create_collection(index._client, collection, {DENSE: dim})
        return index

    @classmethod
    def load(cls, path: Path) -> QdrantIndex:
        """Reconnect to the collection a pointer file names: StoreUnreachable when the engine
        does not answer or lacks it, RuntimeError when it holds another number of points."""
        pointer = read_pointer(path)
        location, collection = pointer["location"], pointer["collection"]
        index = cls(location, collection, pointer["dim"], pointer.get("vector", DENSE))
        found = index.count()  # the first request: StoreUnreachable when nothing answers
        if found != pointer["count"]:
            raise RuntimeError(
                f"Qdrant collection {index.collection!r} holds {found} points,"
                f" the index expects {pointer['count']}"
            )
        return index

    def add(self, vectors: np.ndarray, lexical: Sequence[dict[int, float]] | None = None) -> None:
        """Append rows, each with its sparse lexical vector when `lexical` is given (points
        are written whole: for a collection of one channel, as `create` makes)."""
        rows = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        first = self.count()
        with self._reaching:
            _upsert(self._client, self.collection, {self.using: rows}, lexical, first)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        if k <= 0:
            return []
        with self._reaching:
            found = self._client.query_points(
                self.collection, query=_dense(query, self.dim), using=self.using, limit=k
            )
        return _pairs(found)

    def search_lexical(self, tokens: Sequence[str], k: int) -> list[tuple[int, float]]:
        """BM25 inside the engine: rows ranked by the question's (stemmed) tokens."""
        query = query_sparse(tokens)
        if k <= 0 or not query:
            return []
        with self._reaching:
            found = self._client.query_points(
                self.collection, query=sparse_vector(query), using=LEXICAL, limit=k
            )
        return _pairs(found)

    def lexical(self) -> EngineLexical:
        """This collection's BM25 side, searchable as retrieval's lexical channel."""
        return EngineLexical(self)

    def search_hybrid(self, query: HybridQuery) -> HybridFound:
        """Each channel's dense ranking and BM25's (each `query.depth` deep) in one request:
        a batch of queries, one per ranking."""
        requests = self._rankings(query)
        found = []
        if query.depth > 0 and requests:
            with self._reaching:
                found = self._client.query_batch_points(self.collection, requests=requests)
        rankings = [_pairs(response) for response in found]
        channels = len(query.dense)
        dense = rankings[:channels] or [[] for _ in query.dense]
        return HybridFound(dense, rankings[channels] if len(rankings) > channels else [])

    def _rankings(self, query: HybridQuery) -> list[Any]:
        """The engine query of each ranking to run: one per channel of `query.dense`, in its
        order, then BM25's when the question has terms."""
        from qdrant_client import models

        requests = []
        for index, vector in query.dense:
            if not isinstance(index, QdrantIndex) or index.collection != self.collection:
                raise ValueError("a hybrid search ranks only vectors of its own collection")
            dense = _dense(vector, index.dim)
            requests.append(models.QueryRequest(query=dense, using=index.using, limit=query.depth))
        terms = query_sparse(query.tokens)
        if terms:
            sparse = sparse_vector(terms)
            requests.append(models.QueryRequest(query=sparse, using=LEXICAL, limit=query.depth))
        return requests

    def count(self) -> int:
        with self._reaching:
            return int(self._client.count(self.collection, exact=True).count)

    def vectors(self) -> np.ndarray:
        out = np.zeros((self.count(), self.dim), dtype=np.float32)
        offset: Any = None
        while True:
            with self._reaching:
                points, offset = self._client.scroll(
                    self.collection, limit=BATCH, offset=offset, with_vectors=[self.using]
                )
            for point in points:
                out[int(point.id)] = point.vector[self.using]
            if offset is None:
                return out

    def rows(self, numbers: list[int]) -> np.ndarray:
        out = np.zeros((len(numbers), self.dim), dtype=np.float32)
        wanted = list(dict.fromkeys(numbers))
        with self._reaching:
            points = self._client.retrieve(self.collection, ids=wanted, with_vectors=[self.using])
        found = {int(point.id): point.vector[self.using] for point in points}
        for place, number in enumerate(numbers):
            out[place] = found[number]
        return out

    def save(self, path: Path) -> None:
        """Write the pointer file (the vectors themselves are in the engine already)."""
        pointer = {
            "location": self.location,
            "collection": self.collection,
            "vector": self.using,
            "dim": self.dim,
            "count": self.count(),
        }
        path.write_text(json.dumps(pointer, indent=2), encoding="utf-8")

    def drop(self) -> None:
        """Delete the collection (citeqa created it; called when its build is discarded)."""
        self._client.delete_collection(self.collection)


class _Reaching:
    """Around each request to the engine: turns whatever the engine or its client raises
    (refused connection, timeout, a rejected key, an unknown collection) into StoreUnreachable,
    one message, never a traceback. Made once per index, entered by every request."""

    def __init__(self, location: str, collection: str) -> None:
        self._location, self._collection = location, collection

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, _: Any) -> None:
        if not isinstance(err, Exception) or isinstance(err, StoreUnreachable):
            return  # none, or already one message: raised as it is
        detail = " ".join(f"{type(err).__name__}: {err}".split())[:200]
        raise StoreUnreachable(
            f"The Qdrant engine at {self._location} is unreachable or no longer holds collection"
            f" {self._collection!r} ({detail}); start it (a cluster's key goes in"
            f" {API_KEY_VARIABLE}) or rebuild the index with `citeqa index --rebuild`."
        ) from err


def _create_collection(client: Any, collection: str, dims: Mapping[str, int]) -> None:
    """A collection of one named dense vector per entry of `dims`, and the sparse BM25 one."""
    from qdrant_client import models

    if LEXICAL in dims:
        raise ValueError(f"a channel cannot be named {LEXICAL!r} in a Qdrant store")
    client.create_collection(
        collection,
        vectors_config={
            name: models.VectorParams(size=dim, distance=models.Distance.DOT)
            for name, dim in dims.items()
        },
        sparse_vectors_config={LEXICAL: models.SparseVectorParams(modifier=models.Modifier.IDF)},
    )


def _upsert(
    client: Any,
    collection: str,
    vectors: Mapping[str, Rows],
    lexical: Sequence[dict[int, float]] | None,
    first: int,
) -> None:
    """Write points first, first + 1, ... each with row n of every named vector in `vectors`
    (and its sparse lexical vector when `lexical` is given), BATCH points per request; each
    channel's rows are read a batch at a time."""
    from qdrant_client import models

    count = min((len(rows) for rows in vectors.values()), default=0)
    for start in range(0, count, BATCH):
        end = min(start + BATCH, count)
        block = {name: np.asarray(rows[start:end]) for name, rows in vectors.items()}
        points = [
            models.PointStruct(
                id=first + number,
                vector=_point(block, number - start, None if lexical is None else lexical[number]),
            )
            for number in range(start, end)
        ]
        client.upsert(collection, points=points, wait=True)


def _point(
    block: Mapping[str, np.ndarray], row: int, lexical: dict[int, float] | None
) -> dict[str, Any]:
    point: dict[str, Any] = {name: rows[row].tolist() for name, rows in block.items()}
    if lexical:
        point[LEXICAL] = sparse_vector(lexical)
    return point


class EngineLexical:
    """BM25 computed by the engine from the points' sparse vectors (vectorindex.LexicalSearch)."""

    def __init__(self, index: QdrantIndex) -> None:
        self.index = index

    def search(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        return self.index.search_lexical(tokens, k)


def _pairs(response: Any) -> list[tuple[int, float]]:
    """(row, score) of each point a query returned, in its order."""
    return [(int(point.id), float(point.score)) for point in response.points]


def _dense(query: np.ndarray, dim: int) -> list[float]:
    return [float(x) for x in np.asarray(query, dtype=np.float32).reshape(dim)]


def write_collections(
    folder: Path,
    vectors: Mapping[str, Rows],
    tokens: Sequence[Sequence[str]],
    location: str,
) -> None:
    """A build as one collection named after its folder: point n holds chunk n's vector of
    every channel (named after it) and its BM25 sparse vector; a pointer file per channel in
    `folder`. Rows and sparse vectors are read and sent a batch at a time (BATCH points), so
    `vectors` may be a build's spool files (vectorspool.py) and `tokens` a lazy view. The
    engine's own errors (unreachable, refused...) become OSError, as a failed file write
    would."""
    from citeqa.store import channel_files  # the build's layout (store imports this module)

    collection = f"citeqa-{folder.name.lstrip('.')}"
    indexes = {
        name: (folder / channel_files(name).pointer, rows.shape[1])
        for name, rows in vectors.items()
    }
    try:
        client = client_for(location)
        _create_collection(client, collection, {name: dim for name, (_, dim) in indexes.items()})
        for name, (pointer, dim) in indexes.items():  # before adding: a failed build then
            QdrantIndex(location, collection, dim, name).save(pointer)  # drops the collection
        _upsert(client, collection, vectors, Bm25Rows(tokens), 0)
        for name, (pointer, dim) in indexes.items():
            QdrantIndex(location, collection, dim, name).save(pointer)
    except OSError:
        raise
    except Exception as err:
        raise OSError(f"Qdrant at {location}: {type(err).__name__}: {err}") from err


POINTER_FIELDS = {"location": str, "collection": str, "vector": str, "dim": int, "count": int}
"""A pointer file's fields and their types (`vector` may be missing: an older pointer)."""


def read_pointer(path: Path) -> dict[str, Any]:
    """The pointer file's fields, each of its type; OSError or ValueError when it is damaged."""
    pointer = read_object(path)
    for name, kind in POINTER_FIELDS.items():
        value = pointer.get(name)
        if (value is None and name == "vector") or (type(value) is kind):
            continue
        raise ValueError(f"{path.name}: {name} is not a {kind.__name__}")
    return pointer


def release(folder: Path) -> None:
    """Drop the collections a build folder points to (best effort: the folder is going away)."""
    dropped: set[tuple[str, str]] = set()
    for path in sorted(folder.glob(f"*{POINTER_SUFFIX}")):
        try:
            pointer = read_pointer(path)
            named = (pointer["location"], pointer["collection"])
            if named not in dropped:
                dropped.add(named)
                QdrantIndex(named[0], named[1], pointer["dim"]).drop()
        except Exception:  # unreadable pointer, engine gone: nothing more to release
            continue
