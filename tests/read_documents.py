"""Test helpers: one file read as the corpus reads it (or the reason it is refused), and the
section a citation of some of its words names (the readers' tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.chunking import chunk_document
from citeqa.citedsection import citation_section
from citeqa.corpus import UnreadableDocument, read_corpus, read_document
from citeqa.models import Document


def read_one(tmp_path: Path, name: str, text: str) -> Document:
    """`text` written as `name` in `tmp_path` (its only file), read by the corpus reader."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return read_corpus(tmp_path).documents[0]


def cited_section(document: Document, words: str, size: int = 900) -> str | None:
    """The section a citation of `words` (in the document's text) names."""
    offset = document.text.index(words)
    chunk = next(c for c in chunk_document(document, size, 0) if c.start <= offset < c.end)
    return citation_section(document.text, chunk, offset)


def written_document(tmp_path: Path, name: str, content: str | bytes) -> Document:
    """`content` written as `name` under `tmp_path` (the corpus folder), read as one document."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return read_document(path, tmp_path, {})


def refusal(tmp_path: Path, name: str, content: str | bytes) -> str:
    """The reason the corpus reader refuses `content` written as `name` under `tmp_path`."""
    with pytest.raises(UnreadableDocument) as refused:
        written_document(tmp_path, name, content)
    return refused.value.reason
