"""Owns index/: its layout, the manifest, and opening a build (loading it, checked).

Layout (see index/README.md):

    index/
      citeqa-index.json                the marker: this folder is a citeqa index (ownership.py)
      current -> build-<token>-<time>  symlink swapped atomically when a build succeeds
      build-<token>-<time>/
        manifest.json                  format, models, chunker settings, each file's sha256...
        files.jsonl                    the corpus files indexed, with their sha256 (filelist.py),
        files.stamps.npy               and their sizes and times: read by status and builds only
        documents.jsonl                one Document per line (its text is what offsets point into)
        documents.ids.json             the document ids, in that order
        chunks.jsonl                   one Chunk per line, in index order
        <name>.offsets.npy             byte offset of each line of <name>.jsonl (read on demand)
        sentences.npy                  sentence spans (document, chunk, start, end), sorted by
                                       document and start, aligned with sentences-<channel>.npy
        sentences-<channel>.npy        sentence vectors (only up to embed_sentences_max sentences)
        words-<channel>.json, .npy     a bilingual corpus's passage words and their vectors
                                       (stored_words.py)
        statistics.json                token statistics and term knowledge (contents.py)
        vectors-<channel>.faiss        one FAISS index per vector channel (see vectorindex.py),
        (or vectors-<channel>.qdrant.json, a pointer to its Qdrant collection: qdrantindex.py)
        lexical/                       the BM25 index (json + npy, no pickle); none when the
                                       vector engine serves BM25 (Settings.engine_lexical)
        .verified.json                 size and time of each file once hashed (verification.py)
      .lock                            held (flock) by the build in progress: pid and start time
      .readers                         shared-locked by readers while they load (publishing.py)
      .tmp-<token>-<...>/              a build being written; removed when it fails

Nothing is ever pickled; every file's sha256 is in the manifest and is checked on load (files
unchanged since the build by size and time are not read again: verification.py, except when
a build opens the index to reuse it and with `status --verify`: then every file is hashed), so
a truncated or corrupt file is reported as such instead of producing wrong answers (a read that
fails on one of the process's limits, open files or memory, is no damage: errors.ProcessLimit,
never "run `citeqa index`"). An index of format 1 (the corpus files listed in manifest.json
itself) still opens and is reused by builds.
A build's files are written by contents.py and completed by writing.py (the file list, the
hashes, the manifest); publishing.py publishes it and holds the build lock.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from pydantic import Field, ValidationError, field_validator

from citeqa.config import Settings
from citeqa.errors import (
    CiteqaError,
    IndexCorrupt,
    IndexIncompatible,
    IndexMissing,
    limit_or_damage,
)
from citeqa.filelist import STAMPS, FileList, RecordedFiles
from citeqa.filelist import IndexedFile as IndexedFile  # re-exported: contents.py, status.py
from citeqa.jsonfiles import read_object
from citeqa.jsonlines import ChunkTable, DocumentTable, offsets_name
from citeqa.lexical import FOLDER as LEXICAL_FOLDER
from citeqa.lexical import LexicalIndex
from citeqa.models import ChannelInfo, Chunk, CorpusElsewhere, Document, Frozen, Sentence
from citeqa.ownership import CURRENT
from citeqa.publishing import reading
from citeqa.sentencetable import FILE as SENTENCE_FILE
from citeqa.sentencetable import SentenceTable
from citeqa.vectorindex import FaissIndex, VectorIndex
from citeqa.verification import is_build_file_name, verify_files

EARLIER_SENTENCES = "sentences.jsonl"
"""The sentences as an index written before the sentence table stored them."""

STATISTICS = "statistics.json"
"""The build's token statistics (contents.token_statistics), read with the index."""
STATISTICS_FORMAT = 1
FORMAT_VERSION = 3
"""Bumped whenever the files' meaning changes; an index of another format must be rebuilt,
except one of READABLE_FORMATS (`citeqa index` rewrites it, nothing re-embedded). 2: the corpus
files in files.jsonl, no longer in manifest.json. 3: the BM25 vocabulary also written sorted
(sortedvocab.py; an older index's JSON vocabulary is still read)."""
READABLE_FORMATS = (1, 2, 3)
POINTER_SUFFIX = ".qdrant.json"
"""A channel stored in Qdrant keeps this pointer file (see qdrantindex.py) instead of FAISS's."""


RECORDED_WARNINGS = 100
"""The most warnings a manifest keeps (then counts the others, `warnings_more`): a corpus of
thousands of odd files would make every status read a manifest of megabytes."""


def recorded_warnings(warnings: list[str]) -> tuple[list[str], int]:
    """The warnings a manifest keeps, the first RECORDED_WARNINGS, and how many more there
    were."""
    kept = warnings[:RECORDED_WARNINGS]
    return kept, len(warnings) - len(kept)


BUILT_AT = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"
"""A manifest's build time as every build writes it (time.strftime's "%Y-%m-%dT%H:%M:%SZ")."""


class IndexManifest(Frozen):
    """manifest.json: everything needed to trust, reuse or reject an index."""

    format_version: int
    built_at: str = Field(pattern=BUILT_AT)
    """When the build began, UTC: as `indexing` writes it, never another value (a manifest
    edited to a 100 KB or a made-up time is invalid, not shown)."""
    corpus_dir: str
    corpus_manifest_sha256: str | None = None
    chunk_size: int
    chunk_overlap: int
    flat_index_max: int
    compressed_index_min: int | None = None
    """From this many vectors a channel's index is compressed (None: written before it was)."""
    vector_store: str = "faiss"
    """Where the vectors are: FAISS files here, or the Qdrant location (see Settings)."""
    channels: list[ChannelInfo]
    answer_channel: str | None
    files: list[Any] | None = None
    """Format 1 only: the corpus files, as written (see `recorded_files`); from format 2 on,
    files.jsonl holds them, read only when needed."""
    chunk_count: int = Field(ge=0)
    sentence_count: int = Field(ge=0)
    build_folder: str | None = None
    """The name of the build folder it was written for (publishing.BUILD_FOLDER): a copy of the
    folder under another name is a user's, never removed as a superseded build. None: written
    before builds recorded it."""
    index_files: dict[str, str]
    """sha256 of every other file of the build folder, checked when loading; each name inside
    the folder (`verification.is_build_file_name`), else the manifest is invalid."""
    libraries: dict[str, str]
    cutting: int | None = None
    """The version of the cutting of documents into chunks and sentences (chunking.py
    CUTTING_VERSION); None: written before it was recorded (version 1)."""
    readers: dict[str, int] | None = None
    """The version of the reader of each file ending that read the documents (rereading.py);
    None: written before readers had versions."""
    warnings: list[str] | None = None
    """What reading the corpus warned of when the build was written (a ragged CSV, a file read
    as plain text), as `citeqa index` printed them, at most RECORDED_WARNINGS
    (`recorded_warnings`): `citeqa status` shows them. None: written before they were
    recorded, or not a list of texts (ignored: status then says none, the index still
    loads); a build that found nothing changed writes no manifest, and its files, reread by
    the same readers, warn of the same."""
    warnings_more: int | None = None
    """How many more warnings the build gave than `warnings` keeps; None: none, or not a
    count (ignored, as a malformed `warnings`)."""

    @field_validator("warnings", mode="before")
    @classmethod
    def _warning_texts(cls, warnings: object) -> list[str] | None:
        """The warnings when they are a list of texts, else None: what status shows, never a
        reason to reject the index."""
        if isinstance(warnings, list) and all(isinstance(line, str) for line in warnings):
            return warnings
        return None

    @field_validator("warnings_more", mode="before")
    @classmethod
    def _warning_count(cls, more: object) -> int | None:
        """The count when it is a whole number of at least 0, else None (ignored)."""
        return more if isinstance(more, int) and not isinstance(more, bool) and more >= 0 else None

    @property
    def cutting_version(self) -> int:
        """The version of the cutting that cut the index's documents (`cutting`, 1 when the
        manifest was written before it was recorded)."""
        return self.cutting or 1

    @field_validator("index_files")
    @classmethod
    def _inside_the_build(cls, index_files: dict[str, str]) -> dict[str, str]:
        """No name outside the build folder: it would be stat'ed and hashed on every open."""
        if not all(is_build_file_name(name) for name in index_files):
            raise ValueError("index_files names a file outside the build folder")
        return index_files


@dataclass(frozen=True)
class LoadedIndex:
    """An index read back from disk, ready to search."""

    folder: Path
    manifest: IndexManifest
    manifest_hash: str
    documents: DocumentTable
    """Parsed when first used (jsonlines.py)."""
    chunks: ChunkTable
    """Parsed when first used (jsonlines.py)."""
    sentences: SentenceTable
    vectors: dict[str, VectorIndex]
    """channel name → its vectors, one row per chunk"""
    sentence_vectors: np.ndarray | None
    lexical: LexicalIndex | None
    """None when the build left BM25 to the vector engine."""
    recorded: RecordedFiles
    """The corpus files the index was built from, read on first use: see `files`."""
    statistics: dict[str, Any] | None = None
    """Token statistics, or None from an index written before they were stored."""
    users_files: list[str] = field(default_factory=list)
    """The files of the build folder a user put there (verification.verify_files listed them
    as it checked the folder): kept, never read."""

    def files(self) -> FileList:
        """The corpus files the index was built from (read once, when first asked for);
        IndexCorrupt when they cannot be read."""
        return self.recorded.get()


# ---- reading --------------------------------------------------------------------------------


def current_build(index_dir: Path) -> Path:
    """The folder of the published build; IndexMissing when there is none."""
    link = index_dir / CURRENT
    if not link.is_symlink():  # nothing, or a user's file of that name: not an index
        raise IndexMissing(f"No index in {index_dir}: run `citeqa index` to build it.")
    try:
        target: Path | None = link.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link, or a link loop
        target = None
    if target is None or not target.is_dir():
        raise IndexCorrupt(
            f"The index in {index_dir} points to a missing build; run `citeqa index`."
        )
    return target


def read_manifest(folder: Path) -> tuple[IndexManifest, str]:
    """The manifest of a build folder and the hash that names it."""
    try:
        data = read_object(folder / "manifest.json")  # a list, a string or null is damage too
    except (OSError, ValueError) as err:
        raise limit_or_damage(
            err,
            IndexCorrupt(
                f"Index manifest {folder / 'manifest.json'} is unreadable ({err});"
                " run `citeqa index`."
            ),
        ) from err
    found = data.get("format_version")
    if not isinstance(found, int) or isinstance(found, bool):  # citeqa always writes one
        raise IndexCorrupt(
            f"Index manifest {folder / 'manifest.json'} names no format version; "
            "run `citeqa index`."
        )
    if found not in READABLE_FORMATS:
        raise IndexIncompatible(
            f"The index in {folder.parent} has format {found!r},"
            f" this citeqa reads format {FORMAT_VERSION}; "
            "run `citeqa index --rebuild`."
        )
    try:
        manifest = IndexManifest.model_validate(data)
    except ValidationError as err:
        raise IndexCorrupt(
            f"Index manifest {folder / 'manifest.json'} is invalid; run `citeqa index`."
        ) from err
    return manifest, content_hash(data)


def recorded_corpus(index_dir: Path) -> Path | None:
    """The corpus folder the published index was built from (None without a readable one)."""
    try:
        manifest, _ = read_manifest(current_build(index_dir))
    except CiteqaError:
        return None
    return Path(manifest.corpus_dir)


def with_recorded_corpus(settings: Settings) -> Settings:
    """The settings with the corpus the index remembers, unless a corpus was given explicitly
    (argument, environment, configuration). A corpus that has since gone is not replaced by
    another: building then fails naming it, and status and questions say it is missing."""
    if "corpus_dir" in settings.model_fields_set:
        return settings
    recorded = recorded_corpus(settings.index_dir)
    if recorded is None or recorded == settings.corpus_dir:
        return settings
    return settings.model_copy(update={"corpus_dir": recorded})


def corpus_elsewhere(recorded: str, corpus_dir: Path) -> CorpusElsewhere | None:
    """The folder an index was built from (`recorded`, its manifest's `corpus_dir`) and the one
    its corpus is read from now, when they differ; None when it is the same folder (the same
    absolute path, or a link to it). A move only when the folder built from is gone: one still
    there is another corpus (`--corpus other`), whose files are compared with the index's as
    any change is. The index knows its files by content, so a move changes no file: only their
    paths."""
    old, new = Path(recorded), corpus_dir.absolute()
    if old == new:
        return None
    try:
        if old.samefile(new):
            return None
    except OSError:  # the old folder is gone (renamed), or the new one
        pass
    moved = not old.is_dir()
    return CorpusElsewhere(built_from=str(old), read_from=str(new), moved=moved)


HASH_IGNORES = ("built_at", "corpus_dir", "build_folder")
"""Manifest fields left out of its hash: two builds of the same files with the same models and
settings get the same hash whenever they were built, in whichever build folder (its name holds
the time) and wherever the index lies, as long as
the corpus folder is the same (documents.jsonl records each file's absolute path)."""


def content_hash(manifest: dict[str, Any]) -> str:
    """The short hash that names an index's content (see HASH_IGNORES; files' modification
    times are left out too)."""
    kept = {key: value for key, value in manifest.items() if key not in HASH_IGNORES}
    if isinstance(kept.get("index_files"), dict):
        kept["index_files"] = {k: v for k, v in kept["index_files"].items() if k != STAMPS}
    if isinstance(kept.get("files"), list):
        kept["files"] = [
            {k: v for k, v in entry.items() if k != "mtime_ns"}
            if isinstance(entry, dict)
            else entry
            for entry in kept["files"]
        ]
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()[:16]


def load_index(index_dir: Path, *, full: bool = False) -> LoadedIndex:
    """Read and verify the published index; IndexMissing, IndexCorrupt or IndexIncompatible.
    Files whose size and time are unchanged since the build are trusted, unless `full` (then
    every file is hashed: verification.py).

    The readers' lock is held while loading, so no build removes this one meanwhile."""
    with reading(index_dir):
        build, manifest_hash, users = _open(index_dir, full)
        folder, manifest = build.folder, build.manifest
        with _unreadable(index_dir):
            return LoadedIndex(
                folder=folder,
                manifest=manifest,
                manifest_hash=manifest_hash,
                documents=build.documents,
                chunks=build.chunks,
                sentences=build.sentences,
                vectors=build.vectors,
                sentence_vectors=_read_sentence_vectors(folder, manifest),
                lexical=_read_lexical(folder, manifest),
                recorded=build.recorded,
                statistics=read_statistics(folder, manifest),
                users_files=users,
            )


@dataclass(frozen=True)
class PreviousBuild:
    """The published build opened for a build to reuse (`open_for_reuse`): what reuse.py reads
    of it (chunks and documents on demand, the sentence table mapped, each channel's vectors
    opened mapped, the file list on first use) and nothing else: no BM25 index, no statistics,
    no sentence vectors (reuse.py reads their rows itself)."""

    folder: Path
    manifest: IndexManifest
    documents: DocumentTable
    chunks: ChunkTable
    sentences: SentenceTable
    vectors: dict[str, VectorIndex]
    recorded: RecordedFiles

    def files(self) -> FileList:
        """The corpus files the build was made from (read when first asked for)."""
        return self.recorded.get()


def open_for_reuse(index_dir: Path) -> PreviousBuild:
    """The published index opened for reuse, every file hashed (a build must not call an index
    damaged with its files' sizes and times kept up to date, nor reuse it);
    IndexMissing, IndexCorrupt or IndexIncompatible."""
    with reading(index_dir):
        return _open(index_dir, full=True)[0]


def _open(index_dir: Path, full: bool) -> tuple[PreviousBuild, str, list[str]]:
    """The published build (each file checked; hashed, with `full`) as reuse reads it, its
    manifest's hash, and the files a user put in it (verification.verify_files)."""
    folder = current_build(index_dir)
    manifest, manifest_hash = read_manifest(folder)
    with _unreadable(index_dir, (OSError,)):  # the build went while it was read (no lock)
        users = verify_files(folder, manifest.index_files, full=full)
    with _unreadable(index_dir):
        documents = _read_documents(folder, manifest)
        build = PreviousBuild(
            folder=folder,
            manifest=manifest,
            documents=documents,
            chunks=_read_chunks(folder, manifest),
            sentences=_read_sentences(folder, manifest, list(documents)),
            vectors={info.name: _read_vectors(folder, info.name) for info in manifest.channels},
            recorded=RecordedFiles.of_build(folder, manifest.files),
        )
    return build, manifest_hash, users


@contextmanager
def _unreadable(
    index_dir: Path, kinds: tuple[type[Exception], ...] = (OSError, ValueError, RuntimeError)
) -> Iterator[None]:
    """IndexCorrupt naming the fix for an error of `kinds` raised while reading the index
    (ProcessLimit when it came of one of the process's limits: errors.limit_or_damage)."""
    try:
        yield
    except kinds as err:
        damage = f"The index in {index_dir} is unreadable ({err}); run `citeqa index`."
        raise limit_or_damage(err, IndexCorrupt(damage)) from err


def _read_documents(folder: Path, manifest: IndexManifest) -> DocumentTable:
    """Documents read on demand; an index written before the offsets existed: read whole."""
    path = folder / "documents.jsonl"
    if offsets_name(path.name) in manifest.index_files:
        return DocumentTable.load(path)
    return DocumentTable.of(_read_jsonl(path, Document))


def _read_chunks(folder: Path, manifest: IndexManifest) -> ChunkTable:
    path = folder / "chunks.jsonl"
    if offsets_name(path.name) in manifest.index_files:
        return ChunkTable.load(path)
    return ChunkTable.of(_read_jsonl(path, Chunk))


def _read_lexical(folder: Path, manifest: IndexManifest) -> LexicalIndex | None:
    """The build's BM25 index; none when the build left BM25 to the vector engine."""
    if "lexical/lexical.json" not in manifest.index_files:
        return None
    return LexicalIndex.load(folder / LEXICAL_FOLDER)


def read_files(folder: Path, manifest: IndexManifest) -> FileList:
    """The file list of the build in `folder` now; IndexCorrupt when it cannot be read."""
    return RecordedFiles.of_build(folder, manifest.files).get()


def _read_jsonl(path: Path, model: type[Any]) -> list[Any]:
    with path.open(encoding="utf-8") as lines:
        return [model.model_validate_json(line) for line in lines if line.strip()]


def _read_vectors(folder: Path, channel: str) -> VectorIndex:
    """A channel's vectors: its FAISS file, or the Qdrant collection its pointer names."""
    files = channel_files(channel)
    pointer = folder / files.pointer
    if pointer.is_file():
        from citeqa.qdrantindex import QdrantIndex

        return QdrantIndex.load(pointer)
    return FaissIndex.load(folder / files.faiss)


class ChannelFiles(NamedTuple):
    """The files a build writes for a vector channel (the layout above)."""

    sentences: str
    """Its sentence vectors."""
    faiss: str
    """Its FAISS index."""
    pointer: str
    """Or the pointer to its Qdrant collection."""


def channel_files(channel: str) -> ChannelFiles:
    """The files a build writes for a vector channel (`ChannelFiles`)."""
    vectors = f"vectors-{channel}"
    return ChannelFiles(
        f"sentences-{channel}.npy", vectors + FaissIndex.suffix, vectors + POINTER_SUFFIX
    )


def read_statistics(folder: Path, manifest: IndexManifest) -> dict[str, Any] | None:
    """The build's statistics.json parsed (None when it has none); OSError or ValueError."""
    if STATISTICS not in manifest.index_files:
        return None
    data = read_object(folder / STATISTICS)
    if data.get("format") != STATISTICS_FORMAT:
        raise ValueError(f"{STATISTICS} is not a format {STATISTICS_FORMAT} statistics file")
    return data


def _read_sentences(folder: Path, manifest: IndexManifest, doc_ids: list[str]) -> SentenceTable:
    """The sentence table (memory-mapped), or, from an index written before it, sentences.jsonl."""
    if SENTENCE_FILE in manifest.index_files:
        return SentenceTable.load(folder, doc_ids)
    return SentenceTable.of(_read_jsonl(folder / EARLIER_SENTENCES, Sentence), doc_ids)


def has_sentence_vectors(manifest: IndexManifest) -> bool:
    """Whether the build stored a vector for every sentence (up to `embed_sentences_max`
    sentences); without, answering scores each sentence with its passage's vector (ondemand.py)."""
    return (
        manifest.answer_channel is not None
        and _sentence_vectors_name(manifest) in manifest.index_files
    )


def _sentence_vectors_name(manifest: IndexManifest) -> str:
    return channel_files(str(manifest.answer_channel)).sentences


def _read_sentence_vectors(folder: Path, manifest: IndexManifest) -> np.ndarray | None:
    """The stored sentence vectors, memory-mapped; None when the build left them to answering."""
    if not has_sentence_vectors(manifest):
        return None
    mapped = np.load(folder / _sentence_vectors_name(manifest), mmap_mode="r", allow_pickle=False)
    return mapped.view(np.ndarray)  # still mapped; without np.memmap's cost on every row read


def index_size(folder: Path, manifest: IndexManifest) -> int:
    """Bytes of the build's own files: those its manifest lists, and the manifest. A user's file
    in the build (verification.verify_files) is not the index's, so not counted."""
    names = [name for name in manifest.index_files if is_build_file_name(name)]
    paths = [folder / name for name in [*names, "manifest.json"]]
    return sum(path.stat().st_size for path in paths if path.is_file())
