"""The index's sentence spans as one integer array, read on demand: `SentenceTable`.

(Chunks and documents are read on demand too, by jsonlines.py.)

Each row is (document number, chunk index, start, end); documents are numbered in the order of
documents.jsonl. A build writes the rows sorted by document, then start (`sentences.npy`, in
column order so each column is contiguous), and opening the index memory-maps the file: no
`Sentence` object exists until one is asked for, so start-up does not grow with the corpus.
A document's sentences, in text order, are found by binary search (`in_document`).

An index written before sentences.npy existed has them in chunk order; `SentenceTable.of` takes
such a list as it is (numbering unchanged, since vectors are aligned with it) and sorts a
permutation instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import overload

import numpy as np

from citeqa.models import Sentence
from citeqa.recently_used import RecentlyUsed

FILE = "sentences.npy"
SENTENCES_CACHED = 100_000
"""Sentence objects kept once made (the cache is emptied when full)."""
DOCUMENTS_CACHED = 256
"""Documents whose sentence lists are kept after a question used them."""


class SentenceTable(Sequence[Sentence]):
    """Sentences by number; `in_document` lists a document's sentences in text order."""

    def __init__(self, rows: np.ndarray, doc_ids: list[str], order: np.ndarray | None = None):
        """`rows` (n, 4) int64; `order` the numbers sorted by (document, start, end), or None
        when the rows are sorted so already."""
        self._rows = rows.view(np.ndarray)  # still mapped; no np.memmap cost on each access
        self._doc_ids, self._order = doc_ids, order
        self._made: dict[int, Sentence] = {}
        self._sorted_docs = rows[:, 0] if order is None else rows[order, 0]
        self._numbers = {doc_id: number for number, doc_id in enumerate(doc_ids)}
        self._documents: RecentlyUsed[str, tuple[list[int], list[int]]] = RecentlyUsed(
            DOCUMENTS_CACHED
        )

    @classmethod
    def of(cls, sentences: Iterable[Sentence], doc_ids: list[str]) -> SentenceTable:
        """A table of `sentences` numbered as given (their order is kept)."""
        number = {doc_id: n for n, doc_id in enumerate(doc_ids)}
        rows = np.array(
            [(number[s.doc_id], s.chunk_index, s.start, s.end) for s in sentences], dtype=np.int64
        ).reshape(-1, 4)
        order = np.lexsort((rows[:, 3], rows[:, 2], rows[:, 0]))
        in_order = bool(np.all(order == np.arange(len(rows))))
        return cls(np.asfortranarray(rows), doc_ids, None if in_order else order)

    @classmethod
    def load(cls, folder: Path, doc_ids: list[str]) -> SentenceTable:
        """The table a build saved in `folder`, memory-mapped; ValueError if it is malformed."""
        rows = np.load(folder / FILE, mmap_mode="r", allow_pickle=False)
        if rows.ndim != 2 or rows.shape[1] != 4 or rows.dtype != np.int64:
            raise ValueError(f"{FILE} is not an (n, 4) int64 array")
        if len(rows) and not 0 <= int(rows[-1, 0]) < len(doc_ids):
            raise ValueError(f"{FILE} names documents the index does not hold")
        return cls(rows, doc_ids)

    def save(self, folder: Path) -> None:
        """Write the rows, sorted by document and start, in column order."""
        rows = self._rows if self._order is None else self._rows[self._order]
        np.save(folder / FILE, np.asfortranarray(rows, dtype=np.int64), allow_pickle=False)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...
    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        sentence = self._made.get(index)
        if sentence is None:
            doc, chunk, start, end = self._rows[index].tolist()
            sentence = Sentence.model_construct(  # values from our own int64 array
                doc_id=self._doc_ids[doc], chunk_index=chunk, start=start, end=end
            )
            if len(self._made) >= SENTENCES_CACHED:
                self._made.clear()
            self._made[index] = sentence
        return sentence

    def in_document(self, doc_id: str) -> tuple[list[int], list[int]]:
        """The numbers of the document's sentences and their starts, in text order."""
        return self._documents.get(doc_id, lambda: self._find(doc_id))

    def document_rows(self, doc_id: str) -> np.ndarray:
        """The document's sentences as (chunk, start, end) int64 rows, in text order."""
        numbers = self._row_numbers(doc_id)
        return np.asarray(self._rows[numbers, 1:4], dtype=np.int64).reshape(-1, 3)

    def _find(self, doc_id: str) -> tuple[list[int], list[int]]:
        numbers = self._row_numbers(doc_id)
        return [int(n) for n in numbers], [int(s) for s in self._rows[numbers, 2]]

    def _row_numbers(self, doc_id: str) -> np.ndarray:
        """The numbers of the document's sentence rows, in text order (none for an unknown
        document)."""
        if doc_id not in self._numbers:
            return np.zeros(0, dtype=np.int64)
        number = self._numbers[doc_id]
        first = int(np.searchsorted(self._sorted_docs, number, side="left"))
        last = int(np.searchsorted(self._sorted_docs, number, side="right"))
        return np.arange(first, last) if self._order is None else self._order[first:last]
