"""Rows of the previous build's .npy files read without mapping them (reuse.NpyRows)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citeqa.errors import IndexCorrupt
from citeqa.reuse import NpyRows


@pytest.mark.parametrize("version", [(1, 0), (2, 0)])
def test_rows_of_an_npy_file_are_read_by_number(tmp_path: Path, version: tuple[int, int]) -> None:
    rows = np.random.default_rng(1).standard_normal((30, 6)).astype(np.float32)
    path = tmp_path / "rows.npy"
    mapped = np.lib.format.open_memmap(
        path, mode="w+", dtype=np.float32, shape=rows.shape, version=version
    )
    mapped[:] = rows
    mapped.flush()
    del mapped
    reader = NpyRows(path)
    assert (reader.count, reader.dim) == (30, 6)
    for numbers in ([0, 1, 2], [29], [3, 7, 8, 20], []):
        picked = np.asarray(numbers, dtype=np.int64)
        assert np.array_equal(reader.rows(picked), rows[picked].reshape(-1, 6))
    with pytest.raises(IndexCorrupt, match="no row 30"):
        reader.rows(np.array([28, 30]))
    path.write_bytes(path.read_bytes()[:-8])
    with pytest.raises(IndexCorrupt, match="shorter"):
        reader.rows(np.array([29]))


def test_an_npy_file_of_another_shape_or_type_is_refused(tmp_path: Path) -> None:
    for name, array in (("a.npy", np.zeros(4, np.float32)), ("b.npy", np.zeros((2, 2)))):
        np.save(tmp_path / name, array, allow_pickle=False)
        with pytest.raises(IndexCorrupt, match="float32"):
            NpyRows(tmp_path / name)
