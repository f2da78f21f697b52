"""Chunks and documents read one line at a time through their offsets files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citeqa.jsonlines import (
    IDS,
    ChunkTable,
    DocumentFile,
    DocumentTable,
    LineReader,
    offsets_name,
    write_indexed,
)
from citeqa.models import Chunk, Document

DOCUMENTS = [
    Document(doc_id=f"doc-{n}", title=f"Doc {n}", path=f"/c/{n}.txt", text="é" * n, sha256="0")
    for n in range(3)
]
CHUNKS = [
    Chunk(chunk_id=f"doc-1#{n}", doc_id="doc-1", start=n, end=n + 1, text="é\n“x”"[n % 3])
    for n in range(5)
]


def _write(path: Path, items: list[Chunk] | list[Document]) -> None:
    path.write_bytes(b"".join(write_indexed(path, items)))


def test_lines_are_read_back_by_number_and_by_id(tmp_path: Path) -> None:
    _write(tmp_path / "chunks.jsonl", CHUNKS)
    _write(tmp_path / "documents.jsonl", DOCUMENTS)
    (tmp_path / IDS).write_text('["doc-0", "doc-1", "doc-2"]', encoding="utf-8")

    chunks = ChunkTable.load(tmp_path / "chunks.jsonl")
    assert len(chunks) == 5 and list(chunks) == CHUNKS
    assert chunks[-1] == CHUNKS[-1] and chunks[1:3] == CHUNKS[1:3]
    with pytest.raises(IndexError):
        chunks[5]
    documents = DocumentTable.load(tmp_path / "documents.jsonl")
    assert list(documents) == ["doc-0", "doc-1", "doc-2"]
    assert documents["doc-2"] == DOCUMENTS[2] and "doc-9" not in documents
    assert dict(documents.items()) == dict(DocumentTable.of(DOCUMENTS).items())


def test_offsets_that_do_not_fit_the_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "chunks.jsonl"
    _write(path, CHUNKS)
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(ValueError, match="does not match"):
        ChunkTable.load(path)
    _write(path, [])
    assert len(ChunkTable.load(path)) == 0
    assert np.load(tmp_path / offsets_name("chunks.jsonl")).tolist() == [0]


def test_runs_of_lines_are_read_without_the_file_mapped(tmp_path: Path) -> None:
    path = tmp_path / "chunks.jsonl"
    _write(path, CHUNKS)
    reader = LineReader(path, Chunk)
    assert reader.read(0, 5) == CHUNKS and reader.read(1, 3) == CHUNKS[1:4]
    assert reader.read(4, 1) == CHUNKS[4:] and reader.read(2, 0) == []
    for first, count in ((4, 2), (-1, 1), (6, 0)):
        with pytest.raises(ValueError, match="no lines"):
            reader.read(first, count)
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(ValueError, match="shorter"):
        reader.read(3, 2)


def test_a_builds_documents_are_read_back_one_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    _write(path, DOCUMENTS)
    documents = DocumentFile(path)
    assert len(documents) == 3 and list(documents) == DOCUMENTS
    assert documents[2] == DOCUMENTS[2] and documents[1:] == DOCUMENTS[1:]
    with pytest.raises(IndexError):
        documents[3]
