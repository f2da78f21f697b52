"""Walk a corpus folder into Documents: which files are read, how, and which are skipped.

Owns what the folder's walk (folderwalk.py) yields as documents: titles (one the text gives:
titles.py) and document ids; each file format's reader lives in the citeqa.readers registry
(one module per format), and a text file's bytes are decoded by textdecoding.py (encodings,
NUL bytes, binary content). A build takes the documents one at a time as they are read
(`scan_corpus`), so that one document's text is held at a time; `read_corpus` keeps them all,
for scripts and tests. Text files are decoded byte for byte and never normalised (CRLF stays
CRLF), because every citation offset points into `Document.text`.
A file that cannot be read is skipped with a reason, never raised: only a missing or empty
corpus is an error (`CorpusMissing`, `CorpusEmpty`). `corpus_manifest_digest` names the
corpus's manifest and domain file as builds record them and status compares them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, count
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from citeqa.domain import (
    MANIFEST,
    UNREADABLE,
    CorpusManifest,
    Domain,
    corpus_domain,
    domain_digest,
    read_corpus_manifest,
)
from citeqa.errors import CorpusEmpty
from citeqa.export_names import without_page_ids
from citeqa.folderwalk import CorpusStamps, FolderWalk, relative_path, walk_folder
from citeqa.listing import first
from citeqa.models import LATEX_KIND, Document
from citeqa.paths import check_corpus_folder
from citeqa.readers import (
    Extracted,
    Reader,
    UnreadableDocument,
    read_types,
    reader_for,
    reader_for_name,
)
from citeqa.readers.base import CappedReader, PathRefusingReader, PlacedReader
from citeqa.textdecoding import decoded_text
from citeqa.titles import derived_title, visible_title
from citeqa.wordlists import looks_like_word_list

__all__ = [  # for callers
    "MANIFEST", "UNREADABLE", "CorpusStamps", "UnreadableDocument", "relative_path",
]  # fmt: skip


# ---- the folder ----------------------------------------------------------------------------


def list_corpus_files(corpus_dir: Path) -> list[Path]:
    """Files of the corpus, sorted, recursively, without hidden ones, outside links, the
    manifest or the domain file it names.

    Symbolic links to folders are not followed (no loops, no duplicates); links to files are
    kept when their target lies inside the corpus. Raises CorpusMissing.
    """
    check_corpus_folder(corpus_dir)
    walked = _walk(corpus_dir, read_corpus_manifest(corpus_dir))
    return [corpus_dir / name for name in walked.files.names]


def corpus_stamps(corpus_dir: Path, manifest: CorpusManifest | None) -> CorpusStamps:
    """The corpus files with their sizes and times, in one walk (a `stat` each), without
    building a Path per file: what tells whether the corpus changed (`manifest`: the corpus's,
    read_corpus_manifest, it and the domain file it names left out; None: no manifest).
    Raises CorpusMissing."""
    return corpus_walk(corpus_dir, manifest).files


def corpus_walk(corpus_dir: Path, manifest: CorpusManifest | None) -> FolderWalk:
    """`corpus_stamps`, and what the walk left out as a build skips it (a link leading
    outside the corpus, a FIFO...). Raises CorpusMissing."""
    check_corpus_folder(corpus_dir)
    return _walk(corpus_dir, manifest)


def _walk(corpus_dir: Path, manifest: CorpusManifest | None) -> FolderWalk:
    """The corpus files but the manifest (unless it is the user's own document,
    CorpusManifest.is_document) and the domain file it names, and what was left out that a
    user may not expect, each with its note (folderwalk.walk_folder)."""
    skipped = set() if manifest is not None and manifest.is_document else {MANIFEST}
    if manifest is not None and manifest.domain is not None:
        skipped.add(relative_path(manifest.domain, corpus_dir))
    return walk_folder(corpus_dir, skipped)


class DocumentEntry(NamedTuple):
    """A document as a build lists it once its text has gone on (`scan_corpus`)."""

    doc_id: str
    title: str
    path: str
    sha256: str


@dataclass
class CorpusScan:
    """What `scan_corpus` found: each document's entry, and what it skipped or noticed."""

    entries: list[DocumentEntry]
    skipped: list[str]
    """Each "relative/path: reason"."""
    warnings: list[str]
    domain: Domain | None = None
    files: CorpusStamps = field(default_factory=lambda: CorpusStamps([], [], []))
    """Each file's relative path, size and time (ns), as the walk found them before any was
    read: a file edited after its read then differs from what the index records."""
    manifest_sha256: str | None = None
    """`corpus_manifest_digest` of the manifest the scan read: what the build records and
    compares with the previous build's, computed once."""
    word_lists: list[str] = field(default_factory=list)
    """The relative paths of the documents read that are lists of words, not prose
    (wordlists.looks_like_word_list): indexed, and named by the build's report."""
    hidden: list[str] = field(default_factory=list)
    """The hidden names and tools' folders the walk passed over (folderwalk.FolderWalk.hidden):
    counted by the build's report."""


def scan_corpus(
    corpus_dir: Path,
    take: Callable[[Document], None],
    progress: Callable[[int, int], None] | None = None,
) -> CorpusScan:
    """Read the documents of `corpus_dir` one at a time, in order, handing each to `take` as
    it is read (a build writes it out) and keeping its entry only, so that no more than one
    document's text is held; `progress(done, total)` hears of each file read or skipped;
    raise CorpusMissing or CorpusEmpty."""
    check_corpus_folder(corpus_dir)
    manifest = read_corpus_manifest(corpus_dir)  # each read once, parsed and hashed
    warnings = list(manifest.warnings)
    titles = titles_from(manifest.data, warnings)
    domain_file = corpus_domain(corpus_dir, manifest)
    warnings.extend(domain_file.warnings)
    digest = combined_digest(manifest.sha256, domain_file.sha256)
    walked = _walk(corpus_dir, manifest)
    files, skipped = walked.files, walked.notes()
    entries: list[DocumentEntry] = []
    word_lists: list[str] = []
    ids = unique_document_ids([name for name in files.names if reader_for_name(name)])
    holders = {held: name for name, held in ids.items()}  # ids are unique: one file each
    unread = list(skipped)  # the files it could not read, for the message when none was read
    renamed: list[_Renamed] = []
    not_read: set[str] = set()
    heard = progress or (lambda done, total: None)
    for done, relative in enumerate(files.names):  # posix paths in the corpus (folderwalk)
        heard(done, len(files.names))
        try:
            document = read_at(corpus_dir / relative, relative, titles)
        except UnreadableDocument as unreadable:
            note = f"{relative}: {unreadable.reason}"
            skipped.append(note)
            not_read.add(relative)
            if not unreadable.reason.startswith(UNSUPPORTED_TYPE):
                unread.append(note)
            continue
        document = _with_id(document, relative, ids, holders, renamed)
        take(document)
        if looks_like_word_list(document.text):
            word_lists.append(relative)
        entries.append(
            DocumentEntry(document.doc_id, document.title, document.path, document.sha256)
        )
        warnings.extend(document.warnings)
    heard(len(files.names), len(files.names))
    warnings.extend(_id_notes(renamed, not_read))
    if not entries:
        raise CorpusEmpty(nothing_read(corpus_dir, unread, len(skipped) - len(unread)))
    return CorpusScan(
        entries, skipped, warnings, domain_file.domain, files, digest, word_lists, walked.hidden
    )


UNSUPPORTED_TYPE = "unsupported file type"
"""The reason a file of a type citeqa does not read is skipped (its note ends with it). The types
read are not listed in it: the report's line points to `citeqa status --formats`
(buildnotes.FORMATS_POINTER; s35 trial: forty endings listed to say why a logo was skipped)."""
EMPTY_FILE = "empty file"
"""The reason an empty file (or one of blanks alone) is skipped: `citeqa index` says it, and the
chat's welcome counts such files in the same words (unread.welcome_line)."""
EMPTY_DIGEST = hashlib.sha256(b"").hexdigest()
"""The recorded digest of a file of no bytes: how the index's file list tells an empty file
from one damaged or without text (unread.recorded_unread) with no reason stored."""
NAMED_SKIPS = 3
"""Skipped files an empty-corpus message names with their reasons."""


def nothing_read(corpus_dir: Path, unread: list[str], other_type: int) -> str:
    """Why a corpus gave no document: the types citeqa reads, then the files it could not
    read (`unread`: "path: reason" notes, the first NAMED_SKIPS named) and how many files were
    of a type it does not read (`other_type`)."""
    message = f"No readable document in {corpus_dir}: citeqa reads {read_types()} files."
    parts = []
    if unread:
        named, more = first(unread, NAMED_SKIPS)
        listed = "; ".join(named) + (f"; and {more} more" if more else "")
        parts.append(f"{_files(len(unread))} it could not read ({listed})")
    if other_type:
        parts.append(f"{_files(other_type)} of another type")
    return message + (f" Skipped {' and '.join(parts)}." if parts else "")


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


@dataclass
class CorpusReading:
    """What `read_corpus` found: the documents, and what it skipped or noticed on the way."""

    documents: list[Document]
    skipped: list[str]
    """Each "relative/path: reason"."""
    warnings: list[str]
    domain: Domain | None = None
    """The corpus's domain file, when its manifest names a readable one."""


def read_corpus(corpus_dir: Path) -> CorpusReading:
    """Every document of `corpus_dir` with its text (`scan_corpus`, keeping them all), for
    what inspects a corpus whole (benchmarks, tests); a build holds one document at a time.
    Raise CorpusMissing or CorpusEmpty."""
    documents: list[Document] = []
    scan = scan_corpus(corpus_dir, documents.append)
    return CorpusReading(documents, scan.skipped, scan.warnings, scan.domain)


def unique_document_ids(relatives: list[str]) -> dict[str, str]:
    """Each of `relatives` (posix paths in the corpus) with a doc_id no other has, the same
    whatever their order: `document_id` first for the files with no export page id (in sorted
    order: "notes.md" before "notes.txt"), then for the others, so that an exported "notes
    <id>.md" never takes a plain "notes.md"'s id; a file whose id is taken gets its path
    without extension (page ids kept), else its path, else its path with a number."""
    stripped = {name: without_page_ids(name) for name in relatives}  # once a name, not twice
    ordered = sorted(relatives, key=lambda name: (stripped[name] != name, name))
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in ordered:
        own = _id_of_stripped(stripped[name])
        if own not in taken:
            ids[name] = own
            taken.add(own)
    for name in ordered:
        if name not in ids:
            ids[name] = _free_id(name, taken)
            taken.add(ids[name])
    return ids


def _free_id(relative: str, taken: set[str]) -> str:
    """The first id of `relative` not in `taken`: its path without extension, its path, or its
    path with " (2)", " (3)"…"""
    unstripped = str(PurePosixPath(relative).with_suffix(""))
    numbered = (f"{relative} ({number})" for number in count(2))
    return next(name for name in chain([unstripped, relative], numbered) if name not in taken)


class _Renamed(NamedTuple):
    """A file read under another id than its own, because `holder` has its own."""

    relative: str
    holder: str
    new_id: str


def _with_id(
    document: Document,
    relative: str,
    ids: dict[str, str],
    holders: dict[str, str],
    renamed: list[_Renamed],
) -> Document:
    """`document` with its id of `ids` (unique_document_ids), noted in `renamed` when that is
    not its own `document_id` (`holders`: the file each id is given to; another file has that
    one: most often the same document in another format, "sortie.docx" and its export
    "sortie.pdf"). Looked up, not searched: a folder of 10,000 such pairs took 2.2 s (s27
    re-read)."""
    new_id = ids.get(relative, document.doc_id)
    if new_id == document.doc_id:
        return document
    renamed.append(_Renamed(relative, holders.get(document.doc_id, "another file"), new_id))
    return document.model_copy(update={"doc_id": new_id})


def _id_notes(renamed: list[_Renamed], not_read: set[str]) -> list[str]:
    """A note for each file of `renamed` naming the file holding its own id, said plainly, as
    no error (s27 trial), the id written as the file names are, cleaned where shown
    (visible.clean), never as a Python repr (s28 probe #13); "both are read" only when that
    file was read (`not_read`: the relative paths of the files skipped unreadable; s32 hostile
    F3: a conf.toml skipped as unreadable was said read beside conf.yaml)."""
    return [
        f"{note.relative}: {note.holder} has the same name (the same document in another"
        " format, or a copy?); "
        + (f"{note.holder} could not be read" if note.holder in not_read else "both are read")
        + f", this one cited as '{note.new_id}'"
        for note in renamed
    ]


def titles_from(manifest: dict[str, Any], warnings: list[str]) -> dict[str, str]:
    """The titles the corpus's `manifest` gives by relative path; a warning added to
    `warnings` when its "documents" is of the wrong shape (then none are)."""
    entries = manifest.get("documents", [])  # none: a domain file alone
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        warnings.append(f'{MANIFEST}: its "documents" is not a list of JSON objects; ignored')
        return {}
    return {
        PurePosixPath(str(entry["file"])).as_posix(): str(entry["title"])
        for entry in entries
        if entry.get("file") and entry.get("title")
    }


# ---- one document --------------------------------------------------------------------------


def document_id(relative: str) -> str:
    """The id of the document at `relative` (its posix path in the corpus): that path without
    its extension ("Daily/2026-03-14") nor a wiki export's page ids ("Team Handbook
    5b7a…/Onboarding 3f2a….md" → "Team Handbook/Onboarding": export_names.py). Only an
    ending a reader reads is left out: "COPYING.LESSER", read as text by its name, keeps its
    own (it took "COPYING", and COPYING beside it was renamed with a warning)."""
    return _id_of_stripped(without_page_ids(relative))


def _id_of_stripped(stripped: str) -> str:
    """`document_id` of a path already without its page ids (export_names.without_page_ids)."""
    path = PurePosixPath(stripped)
    return str(path.with_suffix("") if reader_for(path.suffix) is not None else path)


def read_document(path: Path, corpus_dir: Path, titles: dict[str, str]) -> Document:
    """One file as a Document; raise UnreadableDocument (with a reason) when it is skipped."""
    return read_at(path, relative_path(path, corpus_dir), titles)


def _title(stated: str | None, extracted: Extracted, file_name: str, kind: str) -> str:
    """A document's title as stored: the first of the manifest's title (`stated`), the one its
    format states (`extracted`, as its reader found it) and the one its text gives
    (titles.derived_title) that shows anything once made visible (titles.visible_title, the
    one place a title's control characters are handled: a title of controls alone is none)."""
    for title in (stated, extracted.title):
        if title and (shown := visible_title(title)):
            return shown
    latex = (extracted.kind or kind) == LATEX_KIND
    return visible_title(derived_title(extracted.text, file_name, latex))


def read_at(path: Path, relative: str, titles: dict[str, str]) -> Document:
    """`read_document` of the file at `path`, whose posix path in the corpus is `relative`."""
    reader = reader_for_name(path.name)
    if reader is None:
        raise UnreadableDocument(UNSUPPORTED_TYPE)  # its line points to the types read
    if isinstance(reader, PathRefusingReader) and (reason := reader.refused_by_path(relative)):
        raise UnreadableDocument(reason)  # never opened (a vendor/ folder's code): file_digest
    raw = _read_bytes(path, reader)
    if not raw.strip():
        raise UnreadableDocument(EMPTY_FILE)
    extracted = _extract(reader, raw, relative, path)
    if not extracted.text.strip():
        raise UnreadableDocument("no text in it")
    return Document(
        doc_id=document_id(relative),
        title=_title(titles.get(relative), extracted, path.name, reader.kind),
        path=str(path.absolute()),
        text=extracted.text,
        sha256=hashlib.sha256(raw).hexdigest(),
        kind=extracted.kind or reader.kind,
        page_starts=extracted.page_starts,
        titled_pages=extracted.titled_pages,
        warnings=extracted.warnings,
        series=extracted.series,
    )


UNSUPPORTED = "unsupported"
"""The recorded digest of a file citeqa does not read: never hashed (it may be huge)."""


REFUSED_BY_PATH = "refused by its path"
"""The recorded digest of a file its reader refuses by its path alone (a vendor/ folder's code:
base.PathRefusingReader): never opened, so never hashed; no edit of it changes the index."""


def file_digest(corpus_dir: Path, relative: str) -> str:
    """sha256 of the corpus file at `relative` (posix) as citeqa reads it; UNSUPPORTED for a
    type no reader reads, REFUSED_BY_PATH for one its reader refuses by its path (neither is
    opened), UNREADABLE when it cannot be read."""
    reader = reader_for_name(PurePosixPath(relative).name)
    if reader is None:
        return UNSUPPORTED
    if isinstance(reader, PathRefusingReader) and reader.refused_by_path(relative):
        return REFUSED_BY_PATH
    return _sha256_or_unreadable(corpus_dir / relative)


def _sha256_or_unreadable(path: Path) -> str:
    try:
        return file_sha256(path)
    except OSError:
        return UNREADABLE


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_bytes(path: Path, reader: Reader) -> bytes:
    """The file's bytes; for a reader refusing files past a size (base.CappedReader), at most
    that size and one more byte, a file holding more refused unread."""
    try:
        if not isinstance(reader, CappedReader):
            return path.read_bytes()
        with path.open("rb") as stream:
            raw = stream.read(reader.max_bytes + 1)
    except OSError as error:
        raise UnreadableDocument(f"cannot be read ({error.strerror or error})") from error
    if len(raw) > reader.max_bytes:
        raise UnreadableDocument(reader.oversized())
    return raw


# ---- decoding -------------------------------------------------------------------------------


INTERNAL_ERROR = "could not be read (internal error: {}); please report it"
"""The reason a file is skipped when its reader fails in a way no reader foresaw."""


def _extract(reader: Reader, raw: bytes, relative: str, path: Path) -> Extracted:
    """The file's text by its reader (text formats decoded first). A reader's unforeseen
    exception is this one file's UnreadableDocument (INTERNAL_ERROR, the exception's type
    named): one odd file never stops a build, whatever a parser library raises on it. Running
    out of memory or an operating system error (too many open files, a full disk) is the
    machine's state, not the file's: it goes on, to be said as such (errors.py)."""
    try:
        return _read_with(reader, raw, relative, path)
    except (UnreadableDocument, MemoryError, OSError):
        raise
    except Exception as error:  # any reader's (or its library's) bug, bounded to one file
        raise UnreadableDocument(INTERNAL_ERROR.format(type(error).__name__)) from error


def _read_with(reader: Reader, raw: bytes, relative: str, path: Path) -> Extracted:
    """The file's text by its reader (by its `extract_at` when it has one: a reader that reads
    files beside it, base.PlacedReader); text formats are decoded here first."""
    placed = reader if isinstance(reader, PlacedReader) else None
    if not reader.decoded:
        return placed.extract_at(raw, relative, path) if placed else reader.extract(raw, relative)
    text, warnings = decoded_text(raw, relative)
    if not text.strip():
        raise UnreadableDocument(EMPTY_FILE)
    extracted = (
        placed.extract_at(text, relative, path) if placed else reader.extract(text, relative)
    )
    extracted.warnings[:0] = warnings
    return extracted


def corpus_manifest_digest(corpus_dir: Path, manifest: CorpusManifest | None = None) -> str | None:
    """Hash of the corpus's manifest.json (titles, domain file name; `manifest`: as read, read
    when not given) and of the domain file it names, or None without a manifest."""
    if manifest is None:
        manifest = read_corpus_manifest(corpus_dir)
    if manifest.sha256 is None:
        return None
    return combined_digest(manifest.sha256, domain_digest(manifest))


def combined_digest(manifest_sha256: str | None, domain_sha256: str | None) -> str | None:
    """The corpus's manifest digest from the digests of its two files (None: no manifest)."""
    if manifest_sha256 is None or domain_sha256 is None:
        return manifest_sha256
    return hashlib.sha256(f"{manifest_sha256} {domain_sha256}".encode()).hexdigest()
