"""A text without sentence ends (one long line, s8 user trial): each of its chunks is one
sentence, whose vector is the chunk's, embedded once rather than twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from integration_helpers import SMALL_DOCS, fake_settings, make_corpus

from citeqa.api import build_index
from citeqa.embedding import embed_texts
from citeqa.store import load_index

LINE = " ".join(["office budget policy lunch desk leave server alpha"] * 150)
"""About 7,700 characters without punctuation or newline: several chunks."""


def test_a_single_line_text_embeds_each_chunk_once(tmp_path: Path, fake_embedder: Any) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "line.txt").write_text(LINE, encoding="utf-8")

    build_index(fake_settings(corpus, tmp_path / "index"))

    loaded = load_index(tmp_path / "index")
    chunks, sentences = list(loaded.chunks), list(loaded.sentences)
    assert len(chunks) > 5
    assert [(s.start, s.end) for s in sentences] == [(c.start, c.end) for c in chunks]
    assert fake_embedder.texts_embedded == len(chunks)  # not once more per sentence
    assert loaded.sentence_vectors is not None
    chunk_vectors = loaded.vectors["fake"].vectors()
    copied = chunk_vectors[[s.chunk_index for s in sentences]]
    np.testing.assert_array_equal(loaded.sentence_vectors, copied)
    np.testing.assert_array_equal(
        loaded.sentence_vectors, embed_texts(fake_embedder, [c.text for c in chunks])
    )


def test_prose_sentences_are_embedded_as_before(tmp_path: Path, fake_embedder: Any) -> None:
    """Documents with sentence ends: every sentence is embedded from its own text."""
    corpus = make_corpus(tmp_path / "corpus", SMALL_DOCS)
    (corpus / "line.txt").write_text(LINE, encoding="utf-8")

    build_index(fake_settings(corpus, tmp_path / "index"))

    loaded = load_index(tmp_path / "index")
    prose = [s for s in loaded.sentences if s.doc_id != "line"]
    line_chunks = sum(1 for c in loaded.chunks if c.doc_id == "line")
    assert fake_embedder.texts_embedded == len(loaded.chunks) + len(prose)
    assert loaded.sentence_vectors is not None
    texts = {d: loaded.documents[d].text for d in {s.doc_id for s in prose}}
    numbers = [n for n, s in enumerate(loaded.sentences) if s.doc_id != "line"]
    expected = embed_texts(fake_embedder, [texts[s.doc_id][s.start : s.end] for s in prose])
    np.testing.assert_array_equal(loaded.sentence_vectors[numbers], expected)
    assert line_chunks > 5
