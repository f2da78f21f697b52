"""The sentence table: numbering kept, documents found in text order, saved and memory-mapped."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citeqa.models import Sentence
from citeqa.sentencetable import FILE, SentenceTable

DOCS = ["a", "b", "c"]


def _sentence(doc: str, chunk: int, start: int) -> Sentence:
    return Sentence(doc_id=doc, chunk_index=chunk, start=start, end=start + 5)


UNORDERED = [  # chunk order, as indexes written before the table listed them
    _sentence("a", 0, 0),
    _sentence("a", 0, 10),
    _sentence("b", 1, 20),
    _sentence("a", 1, 6),
    _sentence("b", 1, 0),
]


def test_numbering_is_kept_and_documents_come_in_text_order() -> None:
    table = SentenceTable.of(UNORDERED, DOCS)
    assert list(table) == UNORDERED
    assert table[3] == UNORDERED[3] and table[1:3] == UNORDERED[1:3]
    assert table.in_document("a") == ([0, 3, 1], [0, 6, 10])
    assert table.in_document("b") == ([4, 2], [0, 20])
    assert table.in_document("c") == ([], [])
    assert table.in_document("unknown") == ([], [])
    with pytest.raises(IndexError):
        table[len(UNORDERED)]


def test_a_documents_rows_come_in_text_order() -> None:
    """(chunk, start, end) rows, as a build tallies them (reuse.Previous.sentence_rows), from a
    table whose rows are out of order and from one whose rows are in order."""
    rows = SentenceTable.of(UNORDERED, DOCS).document_rows("a")
    assert rows.dtype == np.int64 and rows.tolist() == [[0, 0, 5], [1, 6, 11], [0, 10, 15]]
    in_order = SentenceTable.of(UNORDERED[:3], DOCS)
    assert in_order.document_rows("a").tolist() == [[0, 0, 5], [0, 10, 15]]
    for doc_id in ("c", "unknown"):
        assert SentenceTable.of(UNORDERED, DOCS).document_rows(doc_id).shape == (0, 3)


def test_saved_table_is_sorted_memory_mapped_and_checked(tmp_path: Path) -> None:
    SentenceTable.of(UNORDERED, DOCS).save(tmp_path)
    loaded = SentenceTable.load(tmp_path, DOCS)
    ordered = sorted(UNORDERED, key=lambda s: (DOCS.index(s.doc_id), s.start))
    assert list(loaded) == ordered
    assert loaded.in_document("a") == ([0, 1, 2], [0, 6, 10])
    assert isinstance(np.load(tmp_path / FILE, mmap_mode="r"), np.memmap)

    np.save(tmp_path / FILE, np.zeros((2, 3), np.int64))
    with pytest.raises(ValueError, match="n, 4"):
        SentenceTable.load(tmp_path, DOCS)
    SentenceTable.of(UNORDERED, DOCS).save(tmp_path)
    with pytest.raises(ValueError, match="documents"):
        SentenceTable.load(tmp_path, DOCS[:1])
