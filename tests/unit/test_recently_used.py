"""RecentlyUsed: the bounded map of values read last that the document caches share."""

from __future__ import annotations

import threading

from citeqa.recently_used import RecentlyUsed


def test_a_kept_value_is_not_read_again() -> None:
    reads: list[str] = []
    cache: RecentlyUsed[str, int] = RecentlyUsed(4)

    def read(key: str) -> int:
        reads.append(key)
        return len(key)

    assert cache.get("abc", lambda: read("abc")) == 3
    assert cache.get("abc", lambda: read("abc")) == 3
    assert reads == ["abc"] and list(cache) == ["abc"]


def test_the_least_recently_used_key_is_dropped_past_the_bound() -> None:
    cache: RecentlyUsed[int, int] = RecentlyUsed(3)
    for key in (1, 2, 3):
        cache.get(key, lambda key=key: key * 10)
    cache.get(1, lambda: -1)  # used again: 2 is now the oldest
    cache.get(4, lambda: 40)
    assert list(cache) == [3, 1, 4] and len(cache) == 3
    assert cache.get(2, lambda: 99) == 99  # read again once dropped


def test_threads_asking_together_get_one_value_each_and_keep_the_bound() -> None:
    cache: RecentlyUsed[int, int] = RecentlyUsed(8)
    found: list[tuple[int, int]] = []

    def ask(start: int) -> None:
        for key in range(start, start + 50):
            found.append((key, cache.get(key % 12, lambda key=key: (key % 12) * 2)))

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(value == (key % 12) * 2 for key, value in found) and len(found) == 200
    assert len(cache) == 8


def test_a_batch_is_looked_up_and_kept_in_order_within_the_bound() -> None:
    cache: RecentlyUsed[str, int] = RecentlyUsed(3)
    cache.keep([("a", 1), ("b", 2), ("c", 3)])
    assert cache.kept(["c", "x", "a"]) == {"c": 3, "a": 1}  # nothing read for "x"
    assert list(cache) == ["b", "c", "a"]  # those found are now the most recently used
    cache.keep([("d", 4), ("b", 5)])
    assert list(cache) == ["a", "d", "b"] and cache.kept(["b"]) == {"b": 5}
