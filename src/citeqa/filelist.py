"""Owns the index's record of the corpus files it was built from: `files.json` and
`files.stamps.npy`, and `IndexedFile`, one of their rows.

files.json holds the list column by column (one JSON array per field: each file's path relative
to the corpus, its sha256, document id (null for a skipped file), title, chunk count and
languages), so reading it is one `json.loads` and no object per file; files.stamps.npy holds
each file's size and modification time when indexed (int64 (n, 2), -1 when unknown), which let
staleness skip hashing unchanged files. The stamps are left out of the index's content hash
(store.content_hash): two builds of the same files get the same hash wherever they were built.

Neither file is read when an index opens, only by status, staleness and the next build's reuse
(`RecordedFiles` reads them on first use, from descriptors opened with the index, so a build
published meanwhile does not take them away). An index of format 1 lists its files in
manifest.json instead: `FileList.of_records` takes that list as it is.
"""

from __future__ import annotations

import json
import mmap
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import Field

from citeqa.models import Frozen

FILES = "files.json"
STAMPS = "files.stamps.npy"
FORMAT = 1
COLUMNS = ("file", "sha256", "doc_id", "title", "chunks", "lang")
"""The fields of IndexedFile stored in files.json, in this order (size and time: STAMPS)."""
UNKNOWN = -1
"""A size or time not known (the file could not be read when indexed)."""


class IndexedFile(Frozen):
    """A corpus file as the index saw it."""

    file: str
    """Path relative to the corpus folder, posix style."""
    sha256: str
    doc_id: str | None = None
    """None when the file was skipped (unreadable, binary, ...)."""
    title: str = ""
    chunks: int = 0
    lang: list[str] = Field(default_factory=list)
    size: int | None = None
    """Bytes, and modification time, when indexed: a file with both unchanged is not hashed
    again to tell whether the index is stale."""
    mtime_ns: int | None = None


class FileList:
    """The recorded files, as columns: `names`, `sha256`, `doc_ids`... and `stamps`."""

    def __init__(self, columns: dict[str, Any], stamps: np.ndarray) -> None:
        """`columns` maps each of COLUMNS to a list of one value per file; ValueError when
        they disagree with each other or with `stamps`."""
        count = len(columns.get("file", []))
        if any(not isinstance(columns.get(name), list) for name in COLUMNS) or any(
            len(columns[name]) != count for name in COLUMNS
        ):
            raise ValueError(f"{FILES} does not hold one value of each field per file")
        if stamps.shape != (count, 2) or stamps.dtype != np.int64:
            raise ValueError(f"{STAMPS} is not one (size, time) pair per file of {FILES}")
        self._columns, self.stamps = columns, stamps
        self.names: list[str] = columns["file"]
        self.sha256: list[str] = columns["sha256"]
        self.doc_ids: list[str | None] = columns["doc_id"]

    @classmethod
    def of(cls, files: Sequence[IndexedFile]) -> FileList:
        """The list of `files` (a build's)."""
        return cls.of_records([entry.model_dump() for entry in files])

    @classmethod
    def of_records(cls, records: list[Any]) -> FileList:
        """The list of `records`, dicts of IndexedFile's fields (a format 1 manifest's files)."""
        if not all(isinstance(record, dict) for record in records):
            raise ValueError("a recorded file is not an object")
        columns = {name: [_field(record, name) for record in records] for name in COLUMNS}
        stamps = np.array(
            [[_stamp(record.get("size")), _stamp(record.get("mtime_ns"))] for record in records],
            dtype=np.int64,
        ).reshape(-1, 2)
        return cls(columns, stamps)

    @classmethod
    def parse(cls, columns: bytes, stamps: np.ndarray) -> FileList:
        """The list from the bytes of files.json and the array of files.stamps.npy."""
        data = json.loads(columns)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"{FILES} is not a format {FORMAT} file list")
        return cls({name: data.get(name) for name in COLUMNS}, stamps)

    def save(self, folder: Path) -> None:
        """Write files.json and files.stamps.npy into `folder` (a build being written)."""
        data = {"format": FORMAT, **{name: self._columns[name] for name in COLUMNS}}
        with (folder / FILES).open("wb") as stream:
            stream.write(json.dumps(data, ensure_ascii=False).encode())
            stream.flush()
            os.fsync(stream.fileno())
        np.save(folder / STAMPS, self.stamps, allow_pickle=False)

    def __len__(self) -> int:
        return len(self.names)

    def entry(self, number: int) -> IndexedFile:
        """File `number` as an IndexedFile."""
        size, mtime_ns = (int(value) for value in self.stamps[number])
        return IndexedFile(
            **{name: self._columns[name][number] for name in COLUMNS},
            size=None if size == UNKNOWN else size,
            mtime_ns=None if mtime_ns == UNKNOWN else mtime_ns,
        )

    def entries(self) -> list[IndexedFile]:
        """Every file as an IndexedFile (what a build compares with the corpus)."""
        return [self.entry(number) for number in range(len(self))]

    def documents(self) -> list[tuple[str, str, str, int, list[str]]]:
        """(doc_id, title, path, chunks, languages) of each file that is a document."""
        columns = [self._columns[name] for name in ("doc_id", "title", "file", "chunks", "lang")]
        return [row for row in zip(*columns, strict=True) if row[0] is not None]


def _field(record: dict[str, Any], name: str) -> Any:
    defaults: dict[str, Any] = {"doc_id": None, "title": "", "chunks": 0, "lang": []}
    return record[name] if name in record or name not in defaults else defaults[name]


def _stamp(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else UNKNOWN


class RecordedFiles:
    """A build's file list, read on first use (then kept); ValueError when it is malformed.

    `opened` gives a reader made when the index opened, or the file list of a format 1
    manifest; reading is locked, so two threads asking at once read it once."""

    def __init__(self, read: Callable[[], FileList]) -> None:
        self._read, self._lock = read, threading.Lock()
        self._list: FileList | None = None

    @classmethod
    def opened(cls, folder: Path) -> RecordedFiles:
        """The files of the build in `folder`, mapped now and parsed on first use."""
        with (folder / FILES).open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            columns = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        stamps = np.load(folder / STAMPS, mmap_mode="r", allow_pickle=False)
        return cls(lambda: FileList.parse(bytes(columns), np.asarray(stamps)))

    @classmethod
    def of(cls, files: FileList) -> RecordedFiles:
        return cls(lambda: files)

    def get(self) -> FileList:
        with self._lock:
            if self._list is None:
                self._list = self._read()
            return self._list
