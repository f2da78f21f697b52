"""Test helpers: one file read as the corpus reads it, and the section a citation of some of
its words names (the mail-thread and transcript readers' tests)."""

from __future__ import annotations

from pathlib import Path

from citeqa.chunking import chunk_document
from citeqa.citedsection import citation_section
from citeqa.corpus import read_corpus
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
