"""A bounded, thread-safe map of the values read last, by a small key: `RecentlyUsed`.

What a document's outline, manual headings, numbering or written terms are is read once and
kept for the documents asked about last, and passage words' vectors for the words embedded last
(passage_translation.WordVectors, a batch at a time through `kept` and `keep`). The key is small
(an id and a hash or digest of the text), never the text itself: functools.lru_cache keys by
the arguments, so it would keep every cached document's whole text alive, and cachetools
(which takes a key function) is no dependency of citeqa for these few lines. A question is a
small key: what is read of one is kept by functools.lru_cache, for the last QUESTIONS_READ.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

QUESTIONS_READ = 16
"""How many questions' readings a cache by the question's text keeps (functools.lru_cache: a
question is a small key): the answer, its places, the sections it reads and its abstentions
each ask the same reading of one question, and a few questions may be asked together (an
eval's threads, a chat's follow-up read with the question before)."""

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class RecentlyUsed(Generic[K, V]):
    """At most `capacity` values by key, the least recently used dropped first."""

    def __init__(self, capacity: int) -> None:
        self._capacity = max(1, capacity)
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, read: Callable[[], V]) -> V:
        """The value kept under `key`, else `read()`'s, then kept (`read` runs outside the
        lock: two threads missing one key both read it, and the value is the same)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        found = read()
        self.keep([(key, found)])
        return found

    def kept(self, keys: Iterable[K]) -> dict[K, V]:
        """The values kept of `keys` (each then the most recently used), nothing read."""
        with self._lock:
            found = {key: self._items[key] for key in keys if key in self._items}
            for key in found:
                self._items.move_to_end(key)
        return found

    def keep(self, values: Iterable[tuple[K, V]]) -> None:
        """Keep the (key, value) pairs `values`, each in turn the most recently used, then
        drop the least recently used past the bound."""
        with self._lock:
            for key, value in values:
                self._items[key] = value
                self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[K]:
        """The keys kept, the least recently used first."""
        with self._lock:
            return iter(list(self._items))
