"""A bounded, thread-safe map of the values read last, by a small key: `RecentlyUsed`.

What a document's outline, manual headings, numbering or written terms are is read once and
kept for the documents asked about last. The key is small (an id and a hash or digest of the
text), never the text itself: functools.lru_cache keys by the arguments, so it would keep every
cached document's whole text alive, and cachetools (which takes a key function) is no
dependency of citeqa for these few lines.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

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
        with self._lock:
            self._items[key] = found
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)
        return found

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[K]:
        """The keys kept, the least recently used first."""
        with self._lock:
            return iter(list(self._items))
