"""The VectorIndex seam: FAISS (flat and HNSW) finds the same nearest rows as exact numpy
search, survives save/load (memory-mapped or not), and gives its vectors back for reuse."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from citeqa.vectorindex import (
    FLAT,
    HNSW,
    FaissIndex,
    VectorIndex,
    faiss_index_of,
    index_kind_for,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "citeqa"


def unit_rows(count: int, dim: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def exact_top(rows: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    return [int(i) for i in np.argsort(-(rows @ query), kind="stable")[:k]]


@pytest.mark.parametrize("kind", [FLAT, HNSW])
def test_search_matches_exact_inner_product(kind: str) -> None:
    rows = unit_rows(500, 32)
    index = FaissIndex(32, kind)
    index.add(rows)
    assert isinstance(index, VectorIndex) and index.count() == 500
    query = rows[7] * 0.9 + rows[8] * 0.1
    found = index.search(query, 5)
    assert [row for row, _ in found] == exact_top(rows, query, 5)
    assert found[0][1] == pytest.approx(float(rows[7] @ query), abs=1e-5)
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)


@pytest.mark.parametrize("mmap", [True, False])
@pytest.mark.parametrize("kind", [FLAT, HNSW])
def test_save_and_load_keep_rows_kind_and_answers(tmp_path: Path, kind: str, mmap: bool) -> None:
    rows = unit_rows(300, 16, seed=1)
    index = FaissIndex(16, kind)
    index.add(rows)
    path = tmp_path / f"v{FaissIndex.suffix}"
    index.save(path)
    loaded = FaissIndex.load(path, mmap=mmap)
    assert (loaded.kind, loaded.dim, loaded.count()) == (kind, 16, 300)
    np.testing.assert_allclose(loaded.vectors(), rows, atol=1e-6)
    assert loaded.search(rows[42], 3) == index.search(rows[42], 3)


def test_empty_index_and_k_beyond_count() -> None:
    index = FaissIndex(8)
    assert index.search(np.ones(8, dtype=np.float32), 5) == []
    assert index.vectors().shape == (0, 8)
    index.add(unit_rows(3, 8))
    assert len(index.search(np.ones(8, dtype=np.float32), 50)) == 3


def test_unreadable_file_raises_runtime_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.faiss"
    path.write_bytes(b"not a faiss index")
    with pytest.raises(RuntimeError):
        FaissIndex.load(path)


def test_kind_follows_the_flat_threshold() -> None:
    assert index_kind_for(10, 10) == FLAT and index_kind_for(11, 10) == HNSW
    assert faiss_index_of(unit_rows(20, 8), flat_index_max=10).kind == HNSW
    with pytest.raises(ValueError):
        FaissIndex(8, "ivf")


def test_only_the_vector_index_module_imports_faiss() -> None:
    importers = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "faiss" for name in names):
                importers.append(path.name)
    assert set(importers) == {"vectorindex.py"}


def test_a_search_leaves_the_callers_thread_count_as_it_was() -> None:
    import faiss

    index = FaissIndex(16, FLAT)
    index.add(unit_rows(50, 16))
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(2)
    try:
        assert index.search(unit_rows(1, 16, seed=3)[0], 3)
        assert faiss.omp_get_max_threads() == 2
    finally:
        faiss.omp_set_num_threads(before)
