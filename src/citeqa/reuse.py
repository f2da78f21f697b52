"""What a build of a changed corpus takes from the previous build, read when it is needed.

A document whose file hash is unchanged keeps its chunks, their vectors in every channel, its
sentence vectors and its tallies (contents.py, doctally.py); a changed one, the vectors of its
chunks and sentences whose text its previous version had (textmatch.py says which). Nothing of
the previous build is loaded whole: `Previous` knows where each document's chunks lie in the
previous build (two numbers per document, from its file list) and reads them when the build
reaches that document: chunks as lines of chunks.jsonl (read, not memory-mapped, a run of lines
at a time), its tallies as a line of tallies.jsonl and its chunks' runs of stored term ids,
vectors ROWS_PER_READ rows at a time from the channel's index, sentence vectors as rows of their
.npy file (read likewise). So a build of a changed corpus holds a batch of the previous build at
a time, as a new build does. Before any of it is taken, the files it is taken from are hashed in
full: a build opens the previous one with store.open_for_reuse, which trusts no file's size and
time (a file altered with them kept would go on, wrong, into every later build).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np

from citeqa.corpus import DocumentEntry
from citeqa.doctally import STEMS, TALLIES_FILE, TERMS, DocumentTally, StoredRuns, runs_names
from citeqa.errors import IndexCorrupt
from citeqa.jsonlines import CHUNKS_FILE, LineReader, offsets_name
from citeqa.models import Chunk
from citeqa.store import LoadedIndex, PreviousBuild, channel_files, has_sentence_vectors
from citeqa.vectorindex import FLAT, HNSW, FaissIndex

Opened = LoadedIndex | PreviousBuild
"""The previous build as a build opens it (store.open_for_reuse), or as loaded to be searched."""

ROWS_PER_READ = 8192
"""Vectors read from the previous build at a time (16 MB of 512-d rows)."""


class StoredShare(NamedTuple):
    """A document's share of the tallies as the previous build stored it (`Previous.tally`),
    and its chunks' runs, (BM25 terms, frequent-word keys) a chunk, read one chunk a step."""

    share: DocumentTally
    runs: Iterator[tuple[list[str], list[str]]]


class Previous:
    """The previous build of an index, read a document at a time."""

    def __init__(self, loaded: Opened, reread: Collection[str] = ()) -> None:
        """`reread`: the ids of the documents a new version of their reader reads again
        (rereading.py): none of them is kept whole from `loaded`; they take vectors by text
        (`holds`)."""
        self._loaded, self._reread = loaded, reread
        self._ranges = _chunk_ranges(loaded)
        path = loaded.folder / CHUNKS_FILE
        indexed = offsets_name(CHUNKS_FILE) in loaded.manifest.index_files
        self._lines = LineReader(path, Chunk) if indexed else None
        self._sentence_file = _sentence_file(loaded)
        self._rows: dict[str, _IndexRows] = {}
        self._shares = _shares(loaded)
        self._runs = _runs(loaded)

    @property
    def folder(self) -> Path:
        """The previous build's folder."""
        return self._loaded.folder

    def unchanged(self, entries: Iterable[DocumentEntry]) -> set[str]:
        """The ids of the documents of `entries` whose file hash is the one the previous build
        recorded (its file list) and that no new reader reads again (`reread`): their chunks
        and vectors are taken from it."""
        files = self._loaded.files()
        recorded = dict(zip(files.column("doc_id"), files.sha256, strict=True))
        return {
            entry.doc_id
            for entry in entries
            if recorded.get(entry.doc_id) == entry.sha256 and entry.doc_id not in self._reread
        }

    def chunks(self, doc_id: str) -> Iterator[Chunk]:
        """The document's chunks in the previous build, in order; IndexCorrupt when the index
        does not hold them where its file list says."""
        first, count = self._ranges.get(doc_id, (0, 0))
        try:
            chunks = (
                iter(self._loaded.chunks[first : first + count])
                if self._lines is None
                else self._lines.each(first, count)
            )
            for chunk in chunks:
                if chunk.doc_id != doc_id:
                    raise ValueError("another document's chunk")
                yield chunk
        except (ValueError, IndexError) as err:  # lines or offsets altered since the build
            raise IndexCorrupt(
                f"The index in {self._loaded.folder.parent} does not hold the chunks of"
                f" {doc_id!r} where its file list says; run `citeqa index`."
            ) from err

    def tally(self, doc_id: str, recipe: str) -> StoredShare | None:
        """The document's stored share of the tallies (doctally.py) when the previous build
        stored it, with its chunks' runs, computed by `recipe` (doctally.tally_recipe); else
        None (the build then computes it all, as it did before tallies were stored)."""
        if self._shares is None or self._runs is None:
            return None
        line = self._loaded.documents.number(doc_id)  # one line a document, in the ids' order
        if line is None or line >= len(self._shares):
            return None
        try:
            share = self._shares.read(line, 1)[0]
        except (ValueError, TypeError, OSError):  # offsets that are no line's: computed again
            return None
        if not share.fits(doc_id, recipe):
            return None
        return StoredShare(share, self._stored_runs(doc_id, *self._runs))

    def _stored_runs(
        self, doc_id: str, terms: StoredRuns, stems: StoredRuns
    ) -> Iterator[tuple[list[str], list[str]]]:
        """Per chunk of the document, its stored BM25 terms and frequent-word keys, read as
        the build reaches it; IndexCorrupt when the index does not hold them."""
        first, count = self._ranges.get(doc_id, (0, 0))
        try:
            for number in range(first, first + count):
                yield terms.run(number), stems.run(number)
        except IndexError as err:
            raise IndexCorrupt(  # the files changed since they were checked (`_runs`)
                f"The index in {self._loaded.folder.parent} does not hold the terms of"
                f" {doc_id!r} where its file list says; run `citeqa index --rebuild`."
            ) from err

    def sentence_rows(self, doc_id: str) -> np.ndarray:
        """The document's sentences in the previous build as (chunk's place in the document,
        start, end) rows (tallies.document_sentences gives them so)."""
        rows = self._loaded.sentences.document_rows(doc_id)
        rows[:, 0] -= self._ranges.get(doc_id, (0, 0))[0]
        return rows

    def holds(self, doc_id: str) -> bool:
        """Whether the previous build holds chunks of the document that a changed version of it
        may take vectors from (textmatch.py), a document a new reader reads again included: a
        vector is its embedded text's, whichever reader produced that text, so only the text
        the new reader writes otherwise is embedded."""
        return self._ranges.get(doc_id, (0, 0))[1] > 0

    def text(self, doc_id: str) -> str:
        """The document's text in the previous build (its sentences' offsets point into it);
        IndexCorrupt when its documents do not hold it."""
        try:
            document = self._loaded.documents[doc_id]
        except KeyError as err:  # an id its documents.ids.json does not list
            raise IndexCorrupt(
                f"The index in {self._loaded.folder.parent} does not hold the text of"
                f" {doc_id!r}; run `citeqa index`."
            ) from err
        return document.text

    def vectors_at(
        self, channel: str, doc_id: str, places: np.ndarray
    ) -> Iterator[tuple[int, np.ndarray]]:
        """The vectors in `channel` of the document's chunks at `places` (in the document; every
        place, in order, for a kept document), as (offset in `places`, rows) blocks of at most
        ROWS_PER_READ rows; IndexCorrupt for a place the document has no chunk at."""
        first, count = self._ranges.get(doc_id, (0, 0))
        _check_places(places, count, self._loaded.folder, doc_id)
        if channel not in self._rows:
            self._rows[channel] = _IndexRows(self._loaded, channel)
        for start in range(0, len(places), ROWS_PER_READ):
            numbers = (first + places[start : start + ROWS_PER_READ]).tolist()
            yield start, self._rows[channel].rows(numbers)

    def sentence_vectors_at(
        self, doc_id: str, places: np.ndarray
    ) -> Iterator[tuple[int, np.ndarray]]:
        """The vectors of the document's sentences at `places` (in the document, ascending;
        every place for a kept document), as (offset in `places`, rows) blocks, each read
        from a span of at most ROWS_PER_READ rows of the file; nothing when the previous build
        stored no sentence vectors."""
        if self._sentence_file is None:
            return
        numbers = self._sentence_numbers(doc_id)
        _check_places(places, len(numbers), self._loaded.folder, doc_id)
        picked = numbers[places]
        start = 0
        while start < len(picked):
            end = int(np.searchsorted(picked, picked[start] + ROWS_PER_READ, side="left"))
            yield start, self._sentence_file.rows(picked[start:end])
            start = end

    def stores_sentence_vectors(self) -> bool:
        """Whether the previous build stored sentence vectors (one for each of its sentences)."""
        return self._sentence_file is not None

    def has_sentence_vectors(self, doc_id: str, count: int) -> bool:
        """Whether the previous build holds vectors for the document's `count` sentences."""
        return self.stores_sentence_vectors() and len(self._sentence_numbers(doc_id)) == count

    def _sentence_numbers(self, doc_id: str) -> np.ndarray:
        return np.asarray(self._loaded.sentences.in_document(doc_id)[0], dtype=np.int64)


def _chunk_ranges(loaded: Opened) -> dict[str, tuple[int, int]]:
    """Per document of the previous build: the number of its first chunk and how many it has.
    The build numbered chunks document by document, in the order of its document ids; the file
    list gives each document's count. Should the counts not add up to the chunks (an index
    that recorded none), the chunks are read once for their document ids."""
    counts = {row[0]: int(row[3] or 0) for row in loaded.files().documents()}
    ranges, first = {}, 0
    for doc_id in loaded.documents:  # the ids only: no document is parsed
        ranges[doc_id] = (first, counts.get(doc_id, 0))
        first += ranges[doc_id][1]
    if first == len(loaded.chunks):
        return ranges
    ranges = {}
    for number, chunk in enumerate(loaded.chunks):
        start, count = ranges.get(chunk.doc_id, (number, 0))
        ranges[chunk.doc_id] = (start, count + 1)
    return ranges


def _check_places(places: np.ndarray, count: int, folder: Path, doc_id: str) -> None:
    """IndexCorrupt when `places` names a place outside 0..count-1 (the document's chunks or
    sentences in the previous build)."""
    if len(places) and (int(places.min()) < 0 or int(places.max()) >= count):
        raise IndexCorrupt(
            f"The index in {folder.parent} does not hold the vectors of {doc_id!r} where its"
            " file list says; run `citeqa index`."
        )


class _IndexRows:
    """A channel's rows in the previous build. A flat or HNSW FAISS file is opened anew every
    ROWS_PER_READ rows read: opened memory-mapped, it keeps each page a read touched resident
    until it is closed (a 30k-row flat index: +66 MB by the end of a pass over it); a `pq`
    index (whose codes are read whole at each opening) and a Qdrant one are read as loaded."""

    def __init__(self, loaded: Opened, channel: str) -> None:
        self._index = loaded.vectors[channel]
        path = loaded.folder / channel_files(channel).faiss
        mapped = isinstance(self._index, FaissIndex) and self._index.kind in (FLAT, HNSW)
        self._path = path if mapped else None
        self._read = ROWS_PER_READ  # a first opening of its own: the loaded one stays untouched

    def rows(self, numbers: list[int]) -> np.ndarray:
        if self._path is not None and self._read >= ROWS_PER_READ:
            self._index = FaissIndex.load(self._path)  # the previous opening is unmapped
            self._read = 0
        self._read += len(numbers)
        return self._index.rows(numbers)


def _shares(loaded: Opened) -> LineReader[DocumentTally] | None:
    """The previous build's stored shares of the tallies, or None when it stored none (or its
    offsets are no array: every share is then computed again)."""
    if offsets_name(TALLIES_FILE) not in loaded.manifest.index_files:
        return None
    try:
        return LineReader(loaded.folder / TALLIES_FILE, DocumentTally)
    except (ValueError, EOFError, TypeError):
        return None


def _runs(loaded: Opened) -> tuple[StoredRuns, StoredRuns] | None:
    """The previous build's stored runs of BM25 terms and frequent-word keys, or None when it
    stored none (or they do not read, or hold ids or ends that fit no run: StoredRuns)."""
    names = [*runs_names(TERMS), *runs_names(STEMS)]
    if not all(name in loaded.manifest.index_files for name in names):
        return None
    try:
        count = len(loaded.chunks)
        return StoredRuns(loaded.folder, TERMS, count), StoredRuns(loaded.folder, STEMS, count)
    except ValueError:
        return None


def _sentence_file(loaded: Opened) -> NpyRows | None:
    """The previous build's sentence vectors, or None when it stored none."""
    if not has_sentence_vectors(loaded.manifest):
        return None
    return NpyRows(loaded.folder / channel_files(str(loaded.manifest.answer_channel)).sentences)


class NpyRows:
    """Rows of a 2-d float32 .npy file read with `pread` (np.lib.format parses its header), so
    that reading every row once leaves none of the file's pages mapped into the process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as stream:
            version = np.lib.format.read_magic(stream)
            read_header = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(stream)
            self._offset = stream.tell()
        if len(shape) != 2 or fortran or dtype != np.dtype(np.float32):
            raise IndexCorrupt(f"{path.name} is not a (rows, dim) float32 array")
        self.count, self.dim = shape

    def rows(self, numbers: np.ndarray) -> np.ndarray:
        """The given rows (ascending numbers), reading the span from the first to the last."""
        if not len(numbers):
            return np.zeros((0, self.dim), dtype=np.float32)
        low, high = int(numbers[0]), int(numbers[-1]) + 1
        if low < 0 or high > self.count:
            raise IndexCorrupt(f"{self.path.name} holds no row {high - 1}")
        size = self.dim * 4
        descriptor = os.open(self.path, os.O_RDONLY)
        try:
            data = os.pread(descriptor, (high - low) * size, self._offset + low * size)
        finally:
            os.close(descriptor)
        if len(data) != (high - low) * size:
            raise IndexCorrupt(f"{self.path.name} is shorter than its header says")
        block = np.frombuffer(data, dtype=np.float32).reshape(high - low, self.dim)
        return block[numbers - low].copy()
