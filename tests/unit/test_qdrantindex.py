"""The Qdrant VectorIndex in its in-process mode: the same answers as exact search, a pointer
file that reconnects, vectors back for reuse, and BM25 + hybrid retrieval inside the engine."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from citeqa.config import Settings, is_qdrant_location, load_settings
from citeqa.errors import SettingsInvalid
from citeqa.lexical import tokenize
from citeqa.qdrantindex import (
    MEMORY,
    QdrantIndex,
    bm25_sparse,
    query_sparse,
    release,
)
from citeqa.vectorindex import VectorIndex

_names = itertools.count()


def unit_rows(count: int, dim: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def new_index(dim: int) -> QdrantIndex:
    return QdrantIndex.create(MEMORY, f"test-{next(_names)}", dim)


def test_dense_search_matches_exact_inner_product() -> None:
    rows = unit_rows(300, 16)
    index = new_index(16)
    index.add(rows[:100])
    index.add(rows[100:])
    assert isinstance(index, VectorIndex) and index.count() == 300
    query = rows[5] * 0.8 + rows[6] * 0.2
    found = index.search(query, 5)
    assert [row for row, _ in found] == [int(i) for i in np.argsort(-(rows @ query))[:5]]
    assert found[0][1] == pytest.approx(float(rows[5] @ query), abs=1e-5)
    np.testing.assert_allclose(index.vectors(), rows, atol=1e-6)
    np.testing.assert_allclose(index.rows([250, 3, 250]), rows[[250, 3, 250]], atol=1e-6)


def test_pointer_file_reconnects_and_detects_a_changed_collection(tmp_path: Path) -> None:
    rows = unit_rows(20, 8, seed=2)
    index = new_index(8)
    index.add(rows)
    pointer = tmp_path / "vectors-x.qdrant.json"
    index.save(pointer)
    again = QdrantIndex.load(pointer)
    assert (again.count(), again.dim, again.search(rows[3], 1)[0][0]) == (20, 8, 3)
    index.add(rows[:1])
    with pytest.raises(RuntimeError, match="21 points"):
        QdrantIndex.load(pointer)
    release(tmp_path)
    with pytest.raises(RuntimeError, match="unreachable"):
        QdrantIndex.load(pointer)


TEXTS = [
    ("Belimumab reduced renal flares in lupus nephritis.", "en"),
    ("Le placebo n'a pas réduit les poussées rénales.", "fr"),
    ("Anifrolumab improved skin activity at week 52.", "en"),
    ("Obinutuzumab gave a complete renal response at week 76.", "en"),
]


def lexical_index() -> QdrantIndex:
    tokens = [tokenize(text, lang) for text, lang in TEXTS]
    index = new_index(4)
    index.add(unit_rows(len(TEXTS), 4, seed=3), lexical=bm25_sparse(tokens))
    return index


def test_bm25_runs_inside_the_engine() -> None:
    index = lexical_index()
    question = tokenize("complete renal response", "en")
    found = index.search_lexical(question, 4)
    assert found[0][0] == 3 and found[0][1] > 0
    sharing = {
        n for n, (text, lang) in enumerate(TEXTS) if set(tokenize(text, lang)) & set(question)
    }
    assert {row for row, _ in found} == sharing and len(sharing) < len(TEXTS)
    rare = index.search_lexical(tokenize("anifrolumab", "en"), 4)
    assert [row for row, _ in rare] == [2]
    assert index.search_lexical([], 4) == []


def test_hybrid_fuses_dense_and_lexical_rankings() -> None:
    index = lexical_index()
    dense_only = index.search(index.vectors()[1], 1)[0][0]
    found = index.search_hybrid(index.vectors()[1], tokenize("anifrolumab", "en"), 2)
    assert {row for row, _ in found} == {dense_only, 2}


def test_bm25_weights_saturate_and_favour_short_documents() -> None:
    short, long = bm25_sparse([["a", "b"], ["a"] + ["x"] * 8])
    (a_short,) = [v for k, v in short.items() if k in query_sparse(["a"])]
    (a_long,) = [v for k, v in long.items() if k in query_sparse(["a"])]
    assert a_short > a_long
    (repeated,) = bm25_sparse([["a"] * 50])[0].values()
    assert repeated < 1.2 + 1


def test_locations() -> None:
    assert is_qdrant_location(":memory:") and is_qdrant_location("http://db:6333")
    assert not is_qdrant_location("faiss") and not is_qdrant_location("/tmp/x")
    assert Settings(vector_store="http://db:6333").vector_store == "http://db:6333"
    with pytest.raises(SettingsInvalid, match="vector_store"):
        load_settings(vector_store="mongodb://x")
