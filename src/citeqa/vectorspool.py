"""A channel's vectors on their way into the index, held in a file rather than in memory.

A build knows how many rows a channel has before it embeds anything (chunking comes first), so
`VectorSpool` is a raw float32 file of that many rows in the build's temporary folder, written
at each row's number as batches are embedded (or reused from the previous build), in any order.
The channel's index is then filled from it a batch at a time (`save_faiss`: a `pq` index first
learns from an even sample of all the rows, the same sample as from the rows in memory; a Qdrant
collection reads it a request's points at a time, qdrantindex.write_collections), and the
sentence vectors are copied into their .npy file (`save_npy`, np.save's bytes). The spool file
is deleted once used; a failed build's temporary folder goes with it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from citeqa.config import Settings, is_qdrant_location
from citeqa.store import channel_files
from citeqa.tallies import TermIds
from citeqa.vectorindex import FaissIndex, index_kind_for, training_rows
from citeqa.verification import SPOOL_PREFIX, SPOOL_SUFFIX

ROWS_PER_READ = 4096
"""Rows read back at a time (8 MB of 512-d rows)."""


def spool_path(folder: Path, name: str) -> Path:
    """Where the spool of `name`'s vectors goes in a build folder."""
    return folder / f"{SPOOL_PREFIX}{name}{SPOOL_SUFFIX}"


def write_channels(
    folder: Path, spools: dict[str, VectorSpool], terms: TermIds, settings: Settings
) -> None:
    """Each channel's vectors from its spool into the store `settings.vector_store` names:
    a FAISS file in `folder`, or a Qdrant collection (whose points also carry their chunk's
    BM25 terms, `terms`); the spools are deleted."""
    location = settings.vector_store
    if is_qdrant_location(location):
        from citeqa.qdrantindex import write_collections

        write_collections(folder, spools, terms.token_rows(), location)
    elif location == "faiss":
        for name, spool in spools.items():
            path = folder / channel_files(name).faiss
            spool.save_faiss(path, settings.flat_index_max, settings.compressed_index_min)
    for spool in spools.values():
        spool.remove()


class VectorSpool:
    """`count` float32 rows of `dim` in a file, written by row number, read back in order."""

    def __init__(self, path: Path, count: int, dim: int) -> None:
        self.path, self.count, self.dim = path, count, dim
        self._row_bytes = dim * 4
        with path.open("wb") as stream:
            stream.truncate(count * self._row_bytes)
        self._fd: int | None = os.open(path, os.O_RDWR)

    def write(self, row: int, vectors: np.ndarray) -> None:
        """Store `vectors` (n, dim) as rows row..row+n-1."""
        block = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if row < 0 or row + len(block) > self.count:
            raise IndexError(f"rows {row}..{row + len(block)} outside 0..{self.count}")
        os.pwrite(self._descriptor(), block.tobytes(), row * self._row_bytes)

    def batches(self, size: int = ROWS_PER_READ) -> Iterator[np.ndarray]:
        """Every row, in order, `size` at a time."""
        for start in range(0, self.count, size):
            yield self._read(start, min(size, self.count - start))

    def rows(self, numbers: np.ndarray) -> np.ndarray:
        """The given rows (sorted numbers), read a batch at a time."""
        out = np.empty((len(numbers), self.dim), dtype=np.float32)
        for done, upto, picked in self.picked_runs(numbers):
            out[done:upto] = picked
        return out

    def picked_runs(self, numbers: np.ndarray) -> Iterator[tuple[int, int, np.ndarray]]:
        """The given rows (sorted numbers) as runs (done, upto, the rows numbers[done:upto]),
        one per batch of the file that holds any of them: batches holding none are not read."""
        done = 0
        for batch_number in np.unique(numbers // ROWS_PER_READ).tolist():
            start = batch_number * ROWS_PER_READ
            batch = self._read(start, min(ROWS_PER_READ, self.count - start))
            upto = int(np.searchsorted(numbers, start + len(batch)))
            yield done, upto, batch[numbers[done:upto] - start]
            done = upto

    @property
    def shape(self) -> tuple[int, int]:
        return self.count, self.dim

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, rows: slice) -> np.ndarray:
        """A slice of consecutive rows (step 1), read from the file."""
        start, stop, step = rows.indices(self.count)
        if step != 1:
            raise ValueError("a spool is read in runs of consecutive rows")
        return self._read(start, max(0, stop - start))

    def everything(self) -> np.ndarray:
        """All the rows at once (for a store that takes them so)."""
        return self._read(0, self.count)

    def save_faiss(self, path: Path, flat_index_max: int, compressed_index_min: int) -> str:
        """Write the FAISS index of the kind the rows' number calls for; its kind."""
        kind = index_kind_for(self.count, flat_index_max, compressed_index_min)
        index = FaissIndex(self.dim, kind)
        picks = training_rows(self.count)
        if index.needs_training and self.count:
            index.train(self.everything() if picks is None else self.rows(picks))
        index.reserve(self.count)
        for batch in self.batches():
            index.add(batch)
        index.save(path)
        return index.kind

    def save_npy(self, path: Path) -> None:
        """Write the rows as np.save would write the (count, dim) float32 array: its header
        (np.lib.format), then the rows a batch at a time. Not np.lib.format.open_memmap: every
        page written through a mapping stays in the process's resident set until it is
        unmapped, so a build's peak would grow with the rows (100 MB at 50k sentences)."""
        header = {
            "descr": np.lib.format.dtype_to_descr(np.dtype(np.float32)),
            "fortran_order": False,
            "shape": (self.count, self.dim),
        }
        with path.open("wb") as stream:
            np.lib.format.write_array_header_1_0(stream, header)
            for start in range(0, self.count, ROWS_PER_READ):
                stream.write(self._read_bytes(start, min(ROWS_PER_READ, self.count - start)))

    def remove(self) -> None:
        """Close and delete the spool file."""
        self.close()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _descriptor(self) -> int:
        if self._fd is None:
            raise ValueError("the spool is closed")
        return self._fd

    def _read(self, start: int, count: int) -> np.ndarray:
        """Rows start .. start + count - 1 (a read-only array over the bytes read)."""
        data = self._read_bytes(start, count)
        return np.frombuffer(data, dtype=np.float32).reshape(count, self.dim)

    def _read_bytes(self, start: int, count: int) -> bytes:
        data = os.pread(self._descriptor(), count * self._row_bytes, start * self._row_bytes)
        if len(data) != count * self._row_bytes:
            raise OSError(f"{self.path.name} is shorter than its {self.count} rows")
        return data


def copy_rows(source: VectorSpool, target: VectorSpool, pairs: np.ndarray) -> None:
    """Copy rows of `source` into `target`, `pairs` holding (target row, source row): only the
    source's batches holding a row to copy are read, each once."""
    if not len(pairs):
        return
    ordered = pairs[np.argsort(pairs[:, 1], kind="stable")]
    for done, upto, picked in source.picked_runs(ordered[:, 1]):
        for row, vector in zip(ordered[done:upto, 0].tolist(), picked, strict=True):
            target.write(row, vector)
