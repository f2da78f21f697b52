"""The VectorIndex seam: FAISS (flat and HNSW) finds the same nearest rows as exact numpy
search, survives save/load (memory-mapped or not), and gives its vectors back for reuse."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from citeqa.vectorindex import (
    FLAT,
    HNSW,
    PQ,
    PQ_MIN_ROWS,
    PQ_TRAIN_ROWS,
    FaissIndex,
    VectorIndex,
    faiss_index_of,
    index_kind_for,
    lexical_engine_of,
    training_sample,
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
    np.testing.assert_allclose(loaded.rows([7, 299, 7]), rows[[7, 299, 7]], atol=1e-6)
    assert loaded.search(rows[42], 3) == index.search(rows[42], 3)


def test_a_readable_file_is_opened_by_faiss_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each load opened the file once before FAISS read it, to raise the OSError of a file
    that cannot be opened; that open is made only when FAISS fails now (the open-file limit's
    tests: tests/faults/test_open_files_limit.py)."""
    import os

    path = tmp_path / f"v{FaissIndex.suffix}"
    FaissIndex(8, FLAT).save(path)
    opened: list[str] = []
    real_open = os.open

    def counted(name: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", counted)
    assert FaissIndex.load(path).dim == 8
    assert opened == []
    with pytest.raises(FileNotFoundError):
        FaissIndex.load(tmp_path / "missing.faiss")
    assert opened == [str(tmp_path / "missing.faiss")]


def test_empty_index_and_k_beyond_count() -> None:
    index = FaissIndex(8)
    assert index.search(np.ones(8, dtype=np.float32), 5) == []
    assert index.vectors().shape == (0, 8)
    index.add(unit_rows(3, 8))
    assert len(index.search(np.ones(8, dtype=np.float32), 50)) == 3


def test_unreadable_file_raises_runtime_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.faiss"
    path.write_bytes(b"not a faiss index")
    with pytest.raises(
        RuntimeError, match=r"^broken\.faiss is not a FAISS index citeqa can read: Index type "
    ) as raised:
        FaissIndex.load(path)
    assert "index_read.cpp" not in str(raised.value)
    with pytest.raises(FileNotFoundError):
        FaissIndex.load(tmp_path / "missing.faiss")
    folder = tmp_path / "folder.faiss"
    folder.mkdir()
    with pytest.raises(RuntimeError, match=r"folder\.faiss is not .*: could not mmap\(\)"):
        FaissIndex.load(folder)


def test_a_mapping_refused_for_memory_is_memory_running_out() -> None:
    """FAISS raises RuntimeError when mmap fails; under a memory limit that is ENOMEM, which
    no rebuild mends (review s11-3): a MemoryError, said as such."""
    from citeqa.vectorindex import faiss_reason

    refused = RuntimeError(
        "Error in faiss::MmappedFileMappingOwner::PImpl::PImpl(const std::string&) at"
        " /project/faiss/impl/mapped_io.cpp:62: Error: 'address != MAP_FAILED' failed: could"
        " not mmap(): Cannot allocate memory"
    )
    assert faiss_reason(refused) == "could not mmap(): Cannot allocate memory"


def test_kind_follows_the_thresholds() -> None:
    assert index_kind_for(10, 10, 1000) == FLAT and index_kind_for(11, 10, 1000) == HNSW
    assert index_kind_for(1000, 10, 1000) == PQ and index_kind_for(999, 10, 1000) == HNSW
    assert index_kind_for(PQ_MIN_ROWS - 1, 10, 0) == HNSW  # too few rows to learn codebooks
    assert index_kind_for(5, 10, 0) == FLAT
    assert faiss_index_of(unit_rows(20, 8), 10, 1000).kind == HNSW
    assert faiss_index_of(unit_rows(300, 8), 10, 200).kind == PQ
    with pytest.raises(ValueError):
        FaissIndex(8, "ivf")


def test_a_compressed_index_finds_the_exact_neighbours_and_survives_save_load(
    tmp_path: Path,
) -> None:
    rows = unit_rows(3000, 64)
    index = faiss_index_of(rows, flat_index_max=100, compressed_index_min=1000)
    assert index.kind == PQ and index.count() == 3000
    queries = unit_rows(30, 64, seed=5)
    found = [[row for row, _ in index.search(q, 10)] for q in queries]
    recall = np.mean(
        [
            len(set(f) & set(exact_top(rows, q, 10))) / 10
            for f, q in zip(found, queries, strict=True)
        ]
    )
    assert recall >= 0.9
    best, score = index.search(rows[123], 1)[0]
    assert best == 123 and abs(score - 1.0) < 0.01
    index.save(tmp_path / "pq.faiss")
    loaded = FaissIndex.load(tmp_path / "pq.faiss")
    assert loaded.kind == PQ and loaded.count() == 3000
    assert [[row for row, _ in loaded.search(q, 10)] for q in queries] == found
    assert np.abs(loaded.vectors() - rows).max() < 0.01  # 8-bit rows, close to the originals


def test_a_compressed_index_learns_from_an_even_sample_of_a_large_first_batch() -> None:
    rows = unit_rows(PQ_TRAIN_ROWS + 5, 4)
    sample = training_sample(rows)
    assert len(sample) == PQ_TRAIN_ROWS
    assert np.array_equal(sample[0], rows[0]) and np.array_equal(sample[-1], rows[-1])
    assert len(training_sample(rows[:10])) == 10


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


class _EngineWithBM25:
    """A vector engine of no known kind whose rows also carry BM25 terms (LexicalEngine)."""

    kind, dim = "fake-engine", 4

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def lexical(self) -> _EngineWithBM25:
        return self

    def search(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        self.asked.append(tokens)
        return [(7, 2.5)][:k]


def test_the_lexical_channel_runs_in_any_engine_that_offers_it_through_the_seam() -> None:
    from types import SimpleNamespace

    from citeqa.api import _lexical_of
    from citeqa.config import Settings
    from citeqa.errors import IndexCorrupt

    faiss = FaissIndex(4)
    engine = _EngineWithBM25()
    assert lexical_engine_of({"use": faiss}) is None
    assert lexical_engine_of({"use": faiss, "other": engine}) is engine  # type: ignore[dict-item]
    embedded = SimpleNamespace(search=lambda tokens, k: [(1, 1.0)])
    both = SimpleNamespace(lexical=embedded, vectors={"use": engine}, folder=Path("/x"))
    asked = Settings(engine_lexical=True)
    assert _lexical_of(both, asked).search(["renal"], 3) == [(7, 2.5)]  # type: ignore[arg-type]
    assert engine.asked == [["renal"]]
    assert _lexical_of(both, Settings()) is embedded  # type: ignore[arg-type]
    neither = SimpleNamespace(lexical=None, vectors={"use": faiss}, folder=Path("/x"))
    with pytest.raises(IndexCorrupt, match="no BM25 index"):
        _lexical_of(neither, asked)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [FLAT, HNSW, PQ])
def test_an_index_reserved_for_its_rows_then_filled_in_batches_is_the_same_index(
    tmp_path: Path, kind: str
) -> None:
    rows = unit_rows(300, 8, seed=7)
    plain, reserved = FaissIndex(8, kind), FaissIndex(8, kind)
    for index in (plain, reserved):
        if index.needs_training:
            index.train(rows)
    reserved.reserve(len(rows))
    for start in range(0, len(rows), 64):
        plain.add(rows[start : start + 64])
        reserved.add(rows[start : start + 64])
    reserved.reserve(10)  # no effect on an index that holds rows
    plain.save(tmp_path / "plain.faiss")
    reserved.save(tmp_path / "reserved.faiss")
    assert (tmp_path / "plain.faiss").read_bytes() == (tmp_path / "reserved.faiss").read_bytes()
    assert reserved.count() == 300 and reserved.search(rows[5], 1)[0][0] == 5
