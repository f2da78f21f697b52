"""copy_rows and VectorSpool.rows: a spool's rows read (only the batches holding them)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citeqa import vectorspool
from citeqa.vectorspool import VectorSpool, copy_rows


def test_copy_rows_across_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectorspool, "ROWS_PER_READ", 3)  # several batches of the source
    vectors = np.arange(40, dtype=np.float32).reshape(10, 4)
    source = VectorSpool(tmp_path / "source.f32", 10, 4)
    source.write(0, vectors)
    target = VectorSpool(tmp_path / "target.f32", 5, 4)
    pairs = np.array([[4, 9], [0, 2], [3, 3], [1, 7]], dtype=np.int64)  # (target, source)

    copy_rows(source, target, pairs)
    copy_rows(source, target, np.zeros((0, 2), dtype=np.int64))  # nothing to copy: no-op

    copied = np.concatenate(list(target.batches()))
    np.testing.assert_array_equal(copied[[0, 1, 3, 4]], vectors[[2, 7, 3, 9]])
    assert not copied[2].any()  # untouched


def test_only_the_batches_holding_a_wanted_row_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vectorspool, "ROWS_PER_READ", 3)  # batches 0-2, 3-5, 6-8, 9
    vectors = np.arange(40, dtype=np.float32).reshape(10, 4)
    source = VectorSpool(tmp_path / "source.f32", 10, 4)
    source.write(0, vectors)
    reads: list[tuple[int, int]] = []
    read = source._read
    monkeypatch.setattr(
        source, "_read", lambda start, count: reads.append((start, count)) or read(start, count)
    )

    np.testing.assert_array_equal(source.rows(np.array([1, 2, 9])), vectors[[1, 2, 9]])
    assert reads == [(0, 3), (9, 1)]
    reads.clear()
    target = VectorSpool(tmp_path / "target.f32", 2, 4)
    copy_rows(source, target, np.array([[1, 7], [0, 6]], dtype=np.int64))
    assert reads == [(6, 3)]
    np.testing.assert_array_equal(np.concatenate(list(target.batches())), vectors[[6, 7]])
