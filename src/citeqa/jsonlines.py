"""Chunks and documents written to, and read from, their jsonl files one line at a time.

A build writes chunks.jsonl and documents.jsonl line by line as it produces them (`JsonlWriter`,
through `jsonl_writer`, so that neither the items nor their encoded lines pile up), with a
byte-offset index beside each (`<name>.offsets.npy`: n + 1 int64 offsets); the next build reads
runs of them back (`LineReader`). Opening the index memory-maps both, so it costs
neither time nor memory in proportion to the corpus; `ChunkTable[i]` parses line i on access
and keeps the most recently used ones, and `DocumentTable[doc_id]` does the same by document id
(the ids are listed in `documents.ids.json`). An index written before the offsets existed is
read whole, as before (`ChunkTable.of`, `DocumentTable.of`).

Also `write_file`, through which each small file of a build is written (the file list, the
manifest, the size/time record, the offsets files...): here, below every module that writes one.
Nothing here syncs: publishing.sync_tree syncs the whole build, every file once, before it is
published.
"""

from __future__ import annotations

import io
import mmap
import os
from array import array
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar, overload

import numpy as np
from pydantic import BaseModel

from citeqa.errors import IndexCorrupt
from citeqa.jsonfiles import parse_json
from citeqa.models import Chunk, Document

M = TypeVar("M", bound=BaseModel)

CHUNKS_CACHED = 4096
"""Parsed chunks kept (a question touches a few hundred at most)."""
DOCUMENTS_CACHED = 32
"""Parsed documents kept."""
IDS = "documents.ids.json"
CHUNKS_FILE = "chunks.jsonl"
DOCUMENTS_FILE = "documents.jsonl"


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to a new file at `path` of a build being written (synced with the whole
    build by publishing.sync_tree; one function, so that tests can fail each such write)."""
    path.write_bytes(data)


def save_array(path: Path, array: np.ndarray) -> None:
    """Write `array` to `path` as np.save does (no pickle), through write_file."""
    data = io.BytesIO()
    np.save(data, array, allow_pickle=False)
    write_file(path, data.getvalue())


def save_offsets(jsonl: Path, offsets: np.ndarray) -> None:
    """Save the offsets of the jsonl file at `jsonl` beside it."""
    save_array(jsonl.with_name(offsets_name(jsonl.name)), offsets)


def offsets_name(jsonl: str) -> str:
    """The offsets file that goes with a jsonl file."""
    return jsonl.removesuffix(".jsonl") + ".offsets.npy"


def write_indexed(path: Path, items: Sequence[BaseModel]) -> list[bytes]:
    """The encoded lines of `items`, and their offsets saved beside `path` (the caller writes
    the lines)."""
    lines = [item.model_dump_json().encode() + b"\n" for item in items]
    offsets = np.zeros(len(lines) + 1, dtype=np.int64)
    np.cumsum([len(line) for line in lines], out=offsets[1:])
    save_offsets(path, offsets)
    return lines


class JsonlWriter:
    """Appends items to a jsonl file one line at a time, recording each line's offset; `close`
    closes the file and saves the offsets beside it (as `write_indexed` does, byte for byte)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream = path.open("wb")
        self._offsets = array("q", [0])

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def write(self, item: BaseModel) -> None:
        # to_json gives model_dump_json's bytes without the str copy (4 bytes a character
        # for a document holding any character past U+FFFF)
        line = item.__pydantic_serializer__.to_json(item) + b"\n"
        self._stream.write(line)
        self._offsets.append(self._offsets[-1] + len(line))

    def close(self) -> None:
        """Close the file, then save the offsets of its lines; the writer is done."""
        self._stream.close()
        save_offsets(self.path, np.frombuffer(self._offsets, dtype=np.int64))

    def abandon(self) -> None:
        """Close the file without saving offsets (the build failed; its folder is discarded)."""
        self._stream.close()


@contextmanager
def jsonl_writer(path: Path) -> Iterator[JsonlWriter]:
    """A JsonlWriter closed (offsets saved) when the block ends well, abandoned if not."""
    writer = JsonlWriter(path)
    try:
        yield writer
    except BaseException:
        writer.abandon()
        raise
    writer.close()


class _Lines(Generic[M]):
    """Line n of a jsonl file as a model, through its offsets; up to `capacity` kept (the cache
    is emptied when full: cheaper per access than an LRU, and a question needs few lines)."""

    def __init__(self, path: Path, model: type[M], capacity: int) -> None:
        offsets = np.load(path.with_name(offsets_name(path.name)), allow_pickle=False)
        size = path.stat().st_size
        if offsets.ndim != 1 or len(offsets) < 1 or offsets[-1] != size:
            raise ValueError(f"{offsets_name(path.name)} does not match {path.name}")
        with path.open("rb") as stream:
            self._data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self._offsets, self._count = offsets, len(offsets) - 1
        self._model, self._capacity, self._path = model, capacity, path
        self._cache: dict[int, M] = {}

    def __len__(self) -> int:
        return self._count

    def get(self, number: int) -> M:
        item = self._cache.get(number)
        if item is not None:
            return item
        if not 0 <= number < self._count:
            raise IndexError(number)
        start, end = int(self._offsets[number]), int(self._offsets[number + 1])
        try:
            item = self._model.model_validate_json(self._data[start:end])
        except ValueError as err:  # altered since the build, its size and time kept
            raise _altered(self._path.name, number) from err
        if len(self._cache) >= self._capacity:
            self._cache.clear()
        self._cache[number] = item
        return item


def _altered(name: str, number: int) -> IndexCorrupt:
    """A line that does not read as the build wrote it: the file was altered after the hash
    check trusted its size and time (verification.py)."""
    return IndexCorrupt(
        f"Line {number + 1} of the index file {name} is not what the build wrote;"
        " run `citeqa index`."
    )


class LineReader(Generic[M]):
    """Runs of consecutive lines of a jsonl file, read with `pread` through its offsets rather
    than memory-mapped: a build that reads the whole previous file this way holds a run of
    lines at a time, not the file's pages (reuse.py)."""

    def __init__(self, path: Path, model: type[M]) -> None:
        self.path, self._model = path, model
        self._offsets = np.load(path.with_name(offsets_name(path.name)), allow_pickle=False)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def each(self, first: int = 0, count: int | None = None, run: int = 1024) -> Iterator[M]:
        """Lines first .. first + count - 1 (to the end when count is None), parsed, read `run`
        lines at a time."""
        end = len(self) if count is None else first + count
        for start in range(first, end, run):
            yield from self.read(start, min(run, end - start))

    def read(self, first: int, count: int) -> list[M]:
        """Lines first .. first + count - 1, parsed; ValueError when the file lacks them."""
        if first < 0 or count < 0 or first + count >= len(self._offsets):
            raise ValueError(f"{self.path.name} has no lines {first}..{first + count - 1}")
        ends = self._offsets[first : first + count + 1] - self._offsets[first]
        descriptor = os.open(self.path, os.O_RDONLY)
        try:
            data = os.pread(descriptor, int(ends[-1]), int(self._offsets[first]))
        finally:
            os.close(descriptor)
        if len(data) != ends[-1]:
            raise ValueError(f"{self.path.name} is shorter than its offsets say")
        return [
            self._model.model_validate_json(data[start:end])
            for start, end in zip(ends[:-1].tolist(), ends[1:].tolist(), strict=True)
        ]


class DocumentFile(Sequence[Document]):
    """The documents a build wrote into its folder, read back by number, one line at a time
    (`LineReader`): a pass over them holds one document's text at a time."""

    def __init__(self, path: Path) -> None:
        self._lines = LineReader(path, Document)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._lines.read(index, 1)[0]


class ChunkTable(Sequence[Chunk]):
    """The index's chunks by number, parsed on access (or a plain list, for old indexes)."""

    def __init__(self, lines: _Lines[Chunk] | list[Chunk]) -> None:
        self._lines = lines
        self._get = lines.__getitem__ if isinstance(lines, list) else lines.get

    @classmethod
    def load(cls, path: Path) -> ChunkTable:
        return cls(_Lines(path, Chunk, CHUNKS_CACHED))

    @classmethod
    def of(cls, chunks: list[Chunk]) -> ChunkTable:
        return cls(chunks)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Chunk: ...
    @overload
    def __getitem__(self, index: slice) -> list[Chunk]: ...
    def __getitem__(self, index: int | slice) -> Chunk | list[Chunk]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        return self._get(index if index >= 0 else len(self) + index)


class DocumentTable(Mapping[str, Document]):
    """The index's documents by id, parsed on access (or a plain dict, for old indexes)."""

    def __init__(self, ids: list[str], lines: _Lines[Document] | dict[str, Document]) -> None:
        self._ids, self._lines = ids, lines
        self._numbers = {doc_id: number for number, doc_id in enumerate(ids)}

    @classmethod
    def load(cls, path: Path) -> DocumentTable:
        ids = parse_json(path.with_name(IDS).read_bytes())
        lines = _Lines(path, Document, DOCUMENTS_CACHED)
        if not isinstance(ids, list) or len(ids) != len(lines):
            raise ValueError(f"{IDS} does not list the documents of {path.name}")
        return cls([str(doc_id) for doc_id in ids], lines)

    @classmethod
    def of(cls, documents: list[Document]) -> DocumentTable:
        return cls([doc.doc_id for doc in documents], {doc.doc_id: doc for doc in documents})

    def __getitem__(self, doc_id: str) -> Document:
        if isinstance(self._lines, dict):
            return self._lines[doc_id]
        document = self._lines.get(self._numbers[doc_id])  # KeyError for an unknown id
        if document.doc_id != doc_id:
            raise _altered("documents.jsonl", self._numbers[doc_id])
        return document

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def number(self, doc_id: str) -> int | None:
        """The document's place among the ids (the build's order, that of its lines); None
        for an unknown id."""
        return self._numbers.get(doc_id)
