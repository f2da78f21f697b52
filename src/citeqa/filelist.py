"""Owns the index's record of the corpus files it was built from: `files.jsonl` and
`files.stamps.npy`, and `IndexedFile`, one of their rows.

files.jsonl holds the list column by column: a header line, then one line per field, a JSON
array of each file's path relative to the corpus, sha256, document id (null for a skipped
file), title, chunk count or languages; a column is parsed when first used (staleness needs
the paths, and the sha256 of files whose stamps changed) and no object per file is made
unless a build asks for IndexedFile rows; files.stamps.npy holds
each file's size and modification time when indexed (int64 (n, 2), -1 when unknown), which let
staleness skip hashing unchanged files. The stamps are left out of the index's content hash
(store.content_hash): two builds of the same files get the same hash wherever they were built.

Neither file is read when an index opens, only by status, staleness and the next build's reuse
(`RecordedFiles` reads them on first use, from a mapping made when the index opened, so a build
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
from typing import Any, BinaryIO

import numpy as np
from pydantic import Field

from citeqa.errors import IndexCorrupt, limit_or_damage
from citeqa.jsonfiles import parse_json
from citeqa.jsonlines import save_array, write_file
from citeqa.models import Frozen

FILES = "files.jsonl"
EARLIER_FILES = "files.json"
"""Where main wrote the list for a moment, as one JSON object (still read)."""
STAMPS = "files.stamps.npy"
FORMAT = 2
"""1: one JSON object of columns (EARLIER_FILES, still read); 2: JSON lines."""
COLUMNS = ("file", "sha256", "doc_id", "title", "chunks", "lang")
"""The fields of IndexedFile stored in files.jsonl, in this order (size and time: STAMPS)."""
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
    """The recorded files, as columns parsed when first used: `names`, `sha256`, `doc_ids`...
    and `stamps`; IndexCorrupt when a column is malformed."""

    def __init__(
        self, column_of: Callable[[str], Any], stamps: np.ndarray, source: str = FILES
    ) -> None:
        """`column_of(name)` gives the list of one value per file for each name of COLUMNS."""
        if stamps.ndim != 2 or stamps.shape[1] != 2 or stamps.dtype != np.int64:
            raise _unreadable(source, f"{STAMPS} is not one (size, time) pair per file")
        self._column_of, self.stamps, self._source = column_of, stamps, source
        self._columns: dict[str, list[Any]] = {}

    @classmethod
    def of(cls, files: Sequence[IndexedFile]) -> FileList:
        """The list of `files` (a build's)."""
        return cls.of_records([entry.model_dump() for entry in files])

    @classmethod
    def of_records(cls, records: list[Any], source: str = "manifest.json") -> FileList:
        """The list of `records`, dicts of IndexedFile's fields (a format 1 manifest's files)."""
        if not all(isinstance(record, dict) for record in records):
            raise _unreadable(source, "a recorded file is not an object")
        columns = {name: [_field(record, name) for record in records] for name in COLUMNS}
        stamps = np.array(
            [[_stamp(record.get("size")), _stamp(record.get("mtime_ns"))] for record in records],
            dtype=np.int64,
        ).reshape(-1, 2)
        return cls(columns.__getitem__, stamps, source)

    @classmethod
    def parse(cls, data: bytes | mmap.mmap, stamps: np.ndarray, source: str = FILES) -> FileList:
        """The list from the bytes of files.jsonl (a header line, then one line per column)
        and the array of files.stamps.npy. Only the header is parsed now, and the line ends
        found: a column's line is read and parsed when first used, so that staleness, which
        needs the paths, neither copies nor splits the whole file (8.5 MB for 36,612 files)."""
        lines = _line_bounds(data, len(COLUMNS) + 1)
        try:
            header = parse_json(data[lines[0][0] : lines[0][1]])
        except ValueError as err:
            raise _unreadable(source, err) from err
        if isinstance(header, dict) and header.get("format") == 1:  # one object (main, briefly)
            return cls(header.get, stamps, source)
        if (
            not isinstance(header, dict)
            or header.get("format") != FORMAT
            or header.get("columns") != list(COLUMNS)
            or len(lines) != len(COLUMNS) + 1
        ):
            raise _unreadable(source, f"not a format {FORMAT} file list")

        def column(name: str) -> Any:
            start, end = lines[1 + COLUMNS.index(name)]
            return parse_json(data[start:end])

        return cls(column, stamps, source)

    def save(self, folder: Path) -> None:
        """Write files.jsonl and files.stamps.npy into `folder` (a build being written)."""
        header = json.dumps({"format": FORMAT, "columns": list(COLUMNS)})
        lines = [header, *(json.dumps(self.column(name), ensure_ascii=False) for name in COLUMNS)]
        write_file(folder / FILES, "\n".join(lines).encode())
        save_array(folder / STAMPS, self.stamps)

    def column(self, name: str) -> list[Any]:
        """One value per file for the field `name` of COLUMNS."""
        if name not in self._columns:
            try:
                values = self._column_of(name)
            except ValueError as err:
                raise _unreadable(self._source, err) from err
            if not isinstance(values, list) or len(values) != len(self.stamps):
                raise _unreadable(self._source, f"not one {name} per file of {STAMPS}")
            self._columns[name] = values
        return self._columns[name]

    @property
    def names(self) -> list[str]:
        return self.column("file")

    @property
    def sha256(self) -> list[str]:
        return self.column("sha256")

    def __len__(self) -> int:
        return len(self.stamps)

    def entries(self) -> list[IndexedFile]:
        """Every file as an IndexedFile (what a build compares with the corpus)."""
        columns = [self.column(name) for name in COLUMNS]
        return [
            IndexedFile(
                **dict(zip(COLUMNS, row, strict=True)),
                size=None if size == UNKNOWN else size,
                mtime_ns=None if mtime_ns == UNKNOWN else mtime_ns,
            )
            for *row, (size, mtime_ns) in zip(*columns, self.stamps.tolist(), strict=True)
        ]

    def document_files(self) -> list[str]:
        """The path of each file that is a document (no other column read)."""
        return self._paths(documents=True)

    def skipped(self) -> list[str]:
        """The files the build walked but did not index (a type citeqa does not read, an
        unreadable file): their paths in the corpus."""
        return self._paths(documents=False)

    def _paths(self, *, documents: bool) -> list[str]:
        """The paths, in order, of the files that are documents (a doc_id), or of the others;
        only the file and doc_id columns are read."""
        ids, files = self.column("doc_id"), self.column("file")
        return [
            file
            for doc_id, file in zip(ids, files, strict=True)
            if (doc_id is not None) is documents
        ]

    def documents(self) -> list[tuple[str, str, str, int, list[str]]]:
        """(doc_id, title, path, chunks, languages) of each file that is a document."""
        columns = [self.column(name) for name in ("doc_id", "title", "file", "chunks", "lang")]
        return [row for row in zip(*columns, strict=True) if row[0] is not None]


def _line_bounds(data: bytes | mmap.mmap, most: int) -> list[tuple[int, int]]:
    """(start, end) of each line of `data`, newlines left out: `most` + 1 of them at most,
    enough to tell a file of more than `most` lines."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(bounds) <= most:
        end = data.find(b"\n", start)
        if end < 0:
            bounds.append((start, len(data)))
            break
        bounds.append((start, end))
        start = end + 1
    return bounds


def _field(record: dict[str, Any], name: str) -> Any:
    defaults: dict[str, Any] = {"doc_id": None, "title": "", "chunks": 0, "lang": []}
    return record[name] if name in record or name not in defaults else defaults[name]


def _stamp(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else UNKNOWN


class RecordedFiles:
    """A build's file list, read on first use (then kept), from a mapping made when the index
    opened. Reading is locked: two threads asking at once read it once."""

    def __init__(self, read: Callable[[], FileList]) -> None:
        self._read, self._lock = read, threading.Lock()
        self._list: FileList | None = None

    @classmethod
    def of_build(cls, folder: Path, records: list[Any] | None) -> RecordedFiles:
        """The files of the build in `folder`: files.jsonl and its stamps, mapped now and parsed
        on first use, or `records`, the list of a format 1 manifest; IndexCorrupt when they
        cannot be opened."""
        if records is not None:
            return cls(lambda: FileList.of_records(records, str(folder / "manifest.json")))
        name = FILES
        try:
            stream, name = _open_list(folder)
            with stream:
                size = os.fstat(stream.fileno()).st_size
                columns = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
            stamps = np.load(folder / STAMPS, mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError) as err:
            raise limit_or_damage(err, _unreadable(str(folder / name), err)) from err
        source = str(folder / name)
        return cls(lambda: FileList.parse(columns, np.asarray(stamps), source))

    def get(self) -> FileList:
        with self._lock:
            if self._list is None:
                self._list = self._read()
            return self._list


def _open_list(folder: Path) -> tuple[BinaryIO, str]:
    """The build's files.jsonl open, or else the EARLIER_FILES a build of main wrote for a
    moment (a build holds one or the other), and its name: one open in the usual case. When
    neither opens, files.jsonl's error."""
    try:
        return (folder / FILES).open("rb"), FILES
    except FileNotFoundError as missing:
        try:
            return (folder / EARLIER_FILES).open("rb"), EARLIER_FILES
        except OSError:
            raise missing from None


def _unreadable(source: str, reason: object) -> IndexCorrupt:
    return IndexCorrupt(
        f"The index's file list {source} is unreadable ({reason}); run `citeqa index`."
    )
