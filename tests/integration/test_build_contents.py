"""A build written a document and a batch at a time (contents.py, tallies.py, vectorspool.py)
stores what computing everything in memory gives: the same documents, chunks, sentences,
vectors, BM25 index and token statistics."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from integration_helpers import CORPUS, fake_settings

from citeqa.api import build_index
from citeqa.chunking import chunk_document, split_sentences
from citeqa.chunkpass import chunk_tokens, passage_text
from citeqa.compounds import corpus_compounds
from citeqa.corpus import read_corpus
from citeqa.embedding import embed_texts, get_embedder
from citeqa.lexical import LexicalIndex, tokenize
from citeqa.models import Chunk, Document
from citeqa.questions import corpus_words
from citeqa.store import load_index
from citeqa.tallies import PIECE_CHARS
from citeqa.verification import STAMPS

Row = tuple[str, int, int, int]


def _corpus(folder: Path) -> Path:
    """The bundled corpus (English and French), and one long document of all its texts with
    characters past U+FFFF and compound names, longer than a text piece (tallies.py)."""
    shutil.copytree(CORPUS, folder)
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    long = "\n\nWeek 52: COVID-19 😀 IL 6 and anti-IL-6-based.\n\n".join(texts * 2)
    assert len(long) > PIECE_CHARS
    (folder / "long.txt").write_text(long, encoding="utf-8")
    return folder


def _sentences(documents: list[Document], chunks: list[Chunk]) -> list[Row]:
    """Each chunk's sentences once, with the first chunk holding it, in document then text
    order, those without a letter or digit left out: computed in memory, chunk by chunk."""
    texts = {doc.doc_id: doc.text for doc in documents}
    order = {doc.doc_id: number for number, doc in enumerate(documents)}
    found: dict[tuple[str, int, int], int] = {}
    for number, chunk in enumerate(chunks):
        text = texts[chunk.doc_id]
        for start, end in split_sentences(text, chunk.start, chunk.end):
            if any(char.isalnum() for char in text[start:end]):
                found.setdefault((chunk.doc_id, start, end), number)
    rows = [(doc_id, number, start, end) for (doc_id, start, end), number in found.items()]
    return sorted(rows, key=lambda row: (order[row[0]], row[2], row[3]))


def _frequency(documents: list[Document], chunks: list[Chunk], rows: list[Row]) -> dict[str, int]:
    texts = {doc.doc_id: doc.text for doc in documents}
    counts: dict[str, int] = {}
    for doc_id, number, start, end in rows:
        for token in set(tokenize(texts[doc_id][start:end], chunks[number].lang)):
            counts[token] = counts.get(token, 0) + 1
    return counts


def _same_files(left: Path, right: Path) -> bool:
    names = sorted(path.name for path in left.iterdir())
    assert names == sorted(path.name for path in right.iterdir())
    return all((left / name).read_bytes() == (right / name).read_bytes() for name in names)


@pytest.mark.parametrize("overrides", [{}, {"embed_sentences_max": 0}])
def test_a_build_stores_what_an_in_memory_computation_gives(
    tmp_path: Path, overrides: dict[str, Any]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index", **overrides)
    build_index(settings)
    index = load_index(settings.index_dir)

    documents = read_corpus(corpus).documents
    chunks = [c for doc in documents for c in chunk_document(doc, settings.chunk_size, 150)]
    assert [index.documents[doc.doc_id] for doc in documents] == documents
    assert list(index.chunks) == chunks and len(chunks) > 150
    rows = _sentences(documents, chunks)
    assert [(s.doc_id, s.chunk_index, s.start, s.end) for s in index.sentences] == rows

    embedder = get_embedder("fake")
    vectors = embed_texts(embedder, [passage_text(chunk) for chunk in chunks])
    assert np.array_equal(index.vectors["fake"].vectors(), vectors)
    texts = {doc.doc_id: doc.text for doc in documents}
    if overrides:
        assert index.sentence_vectors is None
    else:
        sentences = [texts[doc_id][start:end] for doc_id, _, start, end in rows]
        assert index.sentence_vectors is not None
        assert np.array_equal(index.sentence_vectors, embed_texts(embedder, sentences))

    LexicalIndex.build([chunk_tokens(chunk) for chunk in chunks]).save(tmp_path / "lexical")
    assert _same_files(index.folder / "lexical", tmp_path / "lexical")
    statistics = index.statistics or {}
    assert statistics["sentence_count"] == len(rows)
    assert statistics["frequency"] == _frequency(documents, chunks, rows)
    assert statistics["words"] == corpus_words(texts.values())
    assert statistics["compounds"] == corpus_compounds(texts.values())
    assert {"covid19", "week52", "il6", "antiil6based"} <= set(statistics["compounds"])
    mean = vectors.astype(np.float64).mean(axis=0)
    assert statistics["centroids"] == {"fake": (mean / np.linalg.norm(mean)).tolist()}
    assert not any(path.name.startswith(".spool") for path in index.folder.iterdir())


@pytest.mark.parametrize(
    "overrides",
    [{}, {"embed_sentences_max": 0}, {"flat_index_max": 10}],  # HNSW
)
def test_a_changed_corpus_stores_what_a_new_build_of_it_stores(
    tmp_path: Path,
    overrides: dict[str, Any],
    fake_embedder: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reused chunks and vectors (reuse.py, read a document at a time from the previous build,
    here 3 rows at a time) give every index file a new build of the changed corpus writes,
    byte for byte."""
    monkeypatch.setattr("citeqa.reuse.ROWS_PER_READ", 3)
    corpus = _corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index", **overrides)
    build_index(settings)
    edited = corpus / "biotherapy-in-lupus-faq.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn added line.\n", "utf-8")
    (corpus / "car-t-lupus-remission-news.txt").unlink()
    (corpus / "added.md").write_text("# Added\n\nA new document about walruses.\n", "utf-8")
    fake_embedder.reset_counts()
    report = build_index(settings)
    assert report.unchanged and not report.full_rebuild
    reembedded = fake_embedder.texts_embedded
    fresh = fake_settings(corpus, tmp_path / "fresh", **overrides)
    build_index(fresh)
    assert 0 < reembedded < fake_embedder.texts_embedded - reembedded  # most were reused
    left, right = load_index(settings.index_dir).folder, load_index(fresh.index_dir).folder
    names = sorted(p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file())
    for name in names:
        if name not in ("manifest.json", STAMPS):  # build time, the files' times
            assert (left / name).read_bytes() == (right / name).read_bytes(), name
