"""Per-sentence data computed when a question first needs it, then kept: vectors and tokens.

A large index does not embed every sentence at build time (that would triple the build's
embedding work) nor tokenise every sentence at start-up (that would make opening the assistant
grow with the corpus). Instead, past `Settings.embed_sentences_max` sentences:

- `PassageVectors[i]` (the default) is the stored vector of the passage holding sentence i: no
  model call at all, so a question costs as much as on a small index; sentences of one passage
  then differ only by their words, not by their meaning.
- `LazyVectors[i]` (`Settings.embed_sentences_on_demand`) is sentence i's unit vector from the
  answer channel's embedder, embedded on first use and kept in a bounded cache; `prefetch`
  embeds the missing sentences of the passages a question retrieved in one batch. The vectors
  are the very ones a build would have stored, so answers do not change, but the first
  question on a passage pays for about a hundred sentences (0.3-1 s with USE on 2 cores).
- `LazyTokens[i]` is sentence i's BM25 token set, computed on first use and cached.

Both are indexable like the arrays they replace (`VectorSource`, `TokenSource`), so the scoring
code does not know which one it holds.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, Protocol, TypeVar

import numpy as np

T = TypeVar("T")

VECTOR_CACHE = 100_000
"""Sentence vectors embedded on demand kept at most (about 200 MB at 512 float32 dimensions:
a miss runs the model)."""
PASSAGE_VECTOR_CACHE = 8_192
"""Passage vectors kept at most (about 17 MB at 512 float32 dimensions). A miss reads the vector
index's row (microseconds), so a bigger cache only grows a long chat's memory: at 100k chunks,
as VECTOR_CACHE it would have reached 200 MB, every passage's vector (benchmarks/long_chat.py)."""
TOKEN_CACHE = 40_000
"""Sentence token sets kept at most (about 1.1 KB each: 45 MB); at least TOKENS_AT_OPEN, so
that a small index keeps every set it computed at open. 200,000 before: 220 MB, which a long
chat on a large index fills (benchmarks/long_chat.py)."""
TOKENS_AT_OPEN = 20_000
"""Up to this many sentences, all token sets are computed when the assistant opens (the first
questions then cost no more than later ones); past it, on first use."""


class VectorSource(Protocol):
    """Sentence vectors by sentence number: a stored array, or `LazyVectors`."""

    def __getitem__(self, index: int, /) -> np.ndarray: ...


class TokenSource(Protocol):
    """Sentence token sets by sentence number: a list, or `LazyTokens`."""

    def __getitem__(self, index: int, /) -> frozenset[str]: ...


class _Cache(Generic[T]):
    """A thread-safe least-recently-used cache filled, several keys at once, by `compute`."""

    def __init__(self, compute: Callable[[list[int]], list[T]], capacity: int) -> None:
        self._compute, self._capacity = compute, max(1, capacity)
        self._items: OrderedDict[int, T] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: list[int]) -> list[T]:
        """The values of `keys`, computing the missing ones in one call."""
        with self._lock:
            missing = [key for key in dict.fromkeys(keys) if key not in self._items]
            if missing:
                self._items.update(zip(missing, self._compute(missing), strict=True))
            found = [self._items[key] for key in keys]
            for key in keys:
                self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)
        return found

    def get(self, key: int) -> T:
        """The value of one key (`get_many` of one key, without its lists)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return self.get_many([key])[0]

    def __len__(self) -> int:
        return len(self._items)


class LazyVectors:
    """Sentence vectors embedded on first use by `embed` (texts → unit rows), then cached."""

    def __init__(
        self,
        text_of: Callable[[int], str],
        embed: Callable[[list[str]], np.ndarray],
        capacity: int = VECTOR_CACHE,
    ) -> None:
        self._text_of, self._embed = text_of, embed
        self._cache: _Cache[np.ndarray] = _Cache(self._vectors, capacity)

    def _vectors(self, indexes: list[int]) -> list[np.ndarray]:
        rows = np.asarray(self._embed([self._text_of(index) for index in indexes]), np.float32)
        return list(rows)

    def __getitem__(self, index: int) -> np.ndarray:
        return self._cache.get(index)

    def prefetch(self, indexes: Iterable[int]) -> None:
        """Embed, in one batch, those of `indexes` not cached yet."""
        self._cache.get_many(list(dict.fromkeys(indexes)))

    @property
    def cached(self) -> int:
        """How many sentence vectors are held now."""
        return len(self._cache)


class PassageVectors:
    """Sentence i's vector taken as its passage's: `rows_of(chunk numbers)` gives the stored
    chunk vectors, `chunk_of(i)` the chunk holding sentence i. Chunk vectors are cached."""

    def __init__(
        self,
        chunk_of: Callable[[int], int],
        rows_of: Callable[[list[int]], np.ndarray],
        capacity: int = PASSAGE_VECTOR_CACHE,
    ) -> None:
        self._chunk_of = chunk_of
        self._cache: _Cache[np.ndarray] = _Cache(
            lambda chunks: list(np.asarray(rows_of(chunks), np.float32)), capacity
        )

    def __getitem__(self, index: int) -> np.ndarray:
        return self._cache.get(self._chunk_of(index))

    def prefetch(self, indexes: Iterable[int]) -> None:
        """Read, in one call, the passage vectors of `indexes` not cached yet."""
        self._cache.get_many(list(dict.fromkeys(self._chunk_of(i) for i in indexes)))

    @property
    def cached(self) -> int:
        """How many passage vectors are held now."""
        return len(self._cache)


class LazyTokens:
    """Sentence token sets computed on first use by `tokens_of`, then cached."""

    def __init__(
        self, tokens_of: Callable[[int], frozenset[str]], capacity: int = TOKEN_CACHE
    ) -> None:
        self._cache: _Cache[frozenset[str]] = _Cache(
            lambda indexes: [tokens_of(index) for index in indexes], capacity
        )

    def __getitem__(self, index: int) -> frozenset[str]:
        return self._cache.get(index)

    @property
    def cached(self) -> int:
        """How many token sets are held now."""
        return len(self._cache)


def prefetch(vectors: VectorSource | None, indexes: Iterable[int]) -> None:
    """Have the vectors of `indexes` ready (a no-op for stored sentence vectors)."""
    if isinstance(vectors, LazyVectors | PassageVectors):
        vectors.prefetch(indexes)
