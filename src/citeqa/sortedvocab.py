"""Owns the BM25 vocabulary a question looks its terms up in without reading it all.

bm25s saves its vocabulary as one JSON object (`vocab.index.json`, term → id); parsing it costs
time in proportion to the terms (about 100 ms at 100k terms), paid by every cold `citeqa ask`.
In its place a build keeps the same vocabulary sorted, in three .npy files (no pickle):

    vocab.sorted.npy    uint8: the terms' UTF-8 bytes, concatenated in byte order
    vocab.offsets.npy   int64: where each term starts in it, and the end (terms + 1 numbers)
    vocab.ids.npy       int64: each sorted term's id in bm25s's vocabulary

Opening memory-maps them (constant time: the headers, and a few sampled terms checked to be in
order); a term is found by a binary search of about log2(terms) probes, each reading one term.
UTF-8 bytes and offsets rather than a fixed-width unicode array: one long term (a URL, a
chemical name) would widen every entry of a fixed-width array (benchmarks/bm25_open.py measures
both). An index written before these files (format 2, store.FORMAT_VERSION) keeps its JSON
vocabulary (`open_sorted` gives None).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from citeqa.errors import IndexCorrupt

TERMS, OFFSETS, IDS = "vocab.sorted.npy", "vocab.offsets.npy", "vocab.ids.npy"
FILES = (TERMS, OFFSETS, IDS)
JSON_VOCAB = "vocab.index.json"
"""bm25s's own vocabulary file: a build removes it once the sorted files are written (nothing
reads it back); read only in an index built before them, which has no sorted files. Such an
index's manifest lists it, so when a newer build supersedes it, it goes as citeqa's."""
SAMPLED_PAIRS = 32
"""Neighbouring terms checked to be in order on opening (the first, the last, spread between)."""


def write_sorted(folder: Path, vocab: Mapping[str, int]) -> None:
    """Write `vocab` (term → id) into `folder` as the three sorted files."""
    encoded = sorted((term.encode("utf-8"), ident) for term, ident in vocab.items())
    lengths = np.fromiter((len(term) for term, _ in encoded), dtype=np.int64, count=len(encoded))
    offsets = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(lengths)])
    blob = np.frombuffer(b"".join(term for term, _ in encoded), dtype=np.uint8)
    ids = np.fromiter((ident for _, ident in encoded), dtype=np.int64, count=len(encoded))
    for name, array in ((TERMS, blob), (OFFSETS, offsets), (IDS, ids)):
        np.save(folder / name, array, allow_pickle=False)


def read_whole(folder: Path) -> dict[str, int]:
    """The sorted vocabulary of `folder` as one dict (term → id), every term read: for the
    tools and tests that write bm25s's JSON vocabulary beside it, never for a question."""
    blob, offsets, ids = (np.load(folder / name, allow_pickle=False) for name in FILES)
    return {
        blob[offsets[n] : offsets[n + 1]].tobytes().decode("utf-8"): int(ids[n])
        for n in range(len(ids))
    }


class SortedVocab:
    """The sorted vocabulary of a lexical folder, memory-mapped; looked up like a dict."""

    def __init__(self, folder: Path, terms: int) -> None:
        """Map the files in `folder`, checked to hold `terms` terms; ValueError if not."""
        self.folder, self.terms = folder, terms
        self.blob, self.offsets, self.ids = (  # still mapped, without np.memmap's cost a read
            np.load(folder / name, mmap_mode="r", allow_pickle=False).view(np.ndarray)
            for name in FILES
        )
        self._check_shapes()
        self._check_sampled_order()

    def _check_shapes(self) -> None:
        """ValueError unless the arrays have their dtypes, one dimension and lengths that fit
        `terms` terms, the offsets starting at 0 and ending at the last byte."""
        blob, offsets, ids = self.blob, self.offsets, self.ids
        if any(array.ndim != 1 for array in (blob, offsets, ids)):
            raise ValueError("a sorted vocabulary array is not one-dimensional")
        if blob.dtype != np.uint8 or offsets.dtype != np.int64 or ids.dtype != np.int64:
            raise ValueError("a sorted vocabulary array has the wrong type")
        if len(offsets) != self.terms + 1 or len(ids) != self.terms:
            raise ValueError(f"the sorted vocabulary does not hold the {self.terms} terms recorded")
        if offsets[0] != 0 or offsets[-1] != len(blob):
            raise ValueError("the sorted vocabulary's offsets do not span its terms")

    def _check_sampled_order(self) -> None:
        """ValueError unless SAMPLED_PAIRS neighbouring terms, spread over the vocabulary, are
        in strictly increasing order (each lookup checks the terms around its own)."""
        if self.terms < 2:
            return
        for first in np.unique(np.linspace(0, self.terms - 2, SAMPLED_PAIRS).astype(np.int64)):
            if not self._term(int(first)) < self._term(int(first) + 1):
                raise ValueError("the sorted vocabulary is not in order")

    def _term(self, number: int) -> bytes:
        """The UTF-8 bytes of the `number`th term in sorted order; ValueError for offsets out
        of order."""
        start, end = int(self.offsets[number]), int(self.offsets[number + 1])
        if not 0 <= start <= end <= len(self.blob):
            raise ValueError("the sorted vocabulary's offsets are out of order")
        return self.blob[start:end].tobytes()

    def get(self, term: str) -> int | None:
        """The id of `term`, or None when the vocabulary does not hold it; IndexCorrupt when
        the files prove damaged around it (terms out of order, an id out of range)."""
        key = term.encode("utf-8")
        try:
            low = self._insertion_point(key)
            found = low < self.terms and self._term(low) == key
            self._check_around(low)
        except ValueError as error:
            raise unreadable(self.folder, str(error)) from error
        if not found:
            return None
        ident = int(self.ids[low])
        if not 0 <= ident < self.terms:
            raise unreadable(self.folder, "a term's id is out of range")
        return ident

    def _insertion_point(self, key: bytes) -> int:
        """The number of terms sorted before `key` (a binary search)."""
        low, high = 0, self.terms
        while low < high:
            middle = (low + high) // 2
            if self._term(middle) < key:
                low = middle + 1
            else:
                high = middle
        return low

    def _check_around(self, number: int) -> None:
        """ValueError unless the terms just before and after position `number` are in order."""
        first, last = max(0, number - 1), min(self.terms - 1, number + 1)
        for left in range(first, last):
            if not self._term(left) < self._term(left + 1):
                raise ValueError("the sorted vocabulary is not in order")


def unreadable(folder: Path, reason: str) -> IndexCorrupt:
    """The error for a lexical index in `folder` damaged as `reason` says: rebuild it."""
    return IndexCorrupt(f"lexical index in {folder} is unreadable: {reason}; run `citeqa index`.")


def open_sorted(folder: Path, terms: int) -> SortedVocab | None:
    """The sorted vocabulary of `folder`, or None when the build wrote none (an index built
    before it: the JSON vocabulary serves); ValueError when only some of its files are there
    or they are damaged."""
    present = [(folder / name).is_file() for name in FILES]
    if not any(present):
        return None
    if not all(present):
        raise ValueError("the sorted vocabulary is incomplete")
    return SortedVocab(folder, terms)
