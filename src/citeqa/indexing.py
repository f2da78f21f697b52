"""Builds the index: corpus → documents → chunks → vectors + BM25, published atomically.

Incremental: a document whose file hash is unchanged keeps its chunks and vectors from the
previous build (nothing is re-embedded), and a changed one the vectors of its chunks and
sentences whose text is unchanged (textmatch.py); a change of models or chunker settings, an
index of another format or `rebuild=True` starts from scratch. What a build computes lives in
contents.py; what it keeps from the published index, and whether anything changed, in
previousindex.py; the layout in store.py, the manifest and file list in writing.py, publication
in publishing.py.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeqa.chunking import CUTTING_VERSION
from citeqa.chunkpass import DocumentChunks, Progress
from citeqa.config import Settings
from citeqa.contents import (
    BuildContents,
    compute_contents,
    vectors_on_rebuild,
    write_documents,
)
from citeqa.corpus import (
    CorpusScan,
    DocumentEntry,
    file_digest,
    relative_path,
)
from citeqa.embedding import Embedder, check_available, get_embedder
from citeqa.errors import (
    BuildInterrupted,
    CiteqaError,
    CorpusMissing,
)
from citeqa.filelist import FileList
from citeqa.libraries import library_versions
from citeqa.machinewritten import machine_written_in
from citeqa.models import (
    BuildReport,
    ChannelInfo,
    CorpusElsewhere,
    Document,
    OutsizedFile,
    UnembeddedSentences,
)
from citeqa.outsized import outsized
from citeqa.ownership import Ownership, check_separate, missing_folders, remove_unused
from citeqa.paths import check_corpus_folder
from citeqa.previousindex import (
    answer_channel,
    previous_index,
    recorded_keys,
    to_reread,
    unchanged,
)
from citeqa.publishing import (
    BUILD_FOLDER,
    claimed_and_locked,
    current_name,
    discard,
    interruption,
    publish,
    remove_leftovers,
    unwritten,
)
from citeqa.readers import reader_versions
from citeqa.reuse import Previous
from citeqa.store import (
    FORMAT_VERSION,
    IndexedFile,
    corpus_elsewhere,
    has_sentence_vectors,
    recorded_warnings,
)
from citeqa.vectorindex import faiss_module
from citeqa.writing import index_type_for, write_build


def relative_file(document: Document | DocumentEntry, corpus_dir: Path) -> str:
    """The document's path relative to the corpus folder, posix style."""
    return relative_path(Path(document.path), corpus_dir.absolute())


def build_index(
    settings: Settings, *, rebuild: bool = False, progress: Progress | None = None
) -> BuildReport:
    """Build or update the index of `settings.corpus_dir` in `settings.index_dir`."""
    began = time.perf_counter()
    report = _noop_progress if progress is None else progress
    _check_corpus(settings)
    check_available(settings.channels)  # a missing model package fails before any reading
    check_separate(settings.index_dir, settings.corpus_dir)
    if settings.vector_store == "faiss":
        faiss_module()  # loaded first, while the most memory is free (vectorindex.faiss_module)
    made = missing_folders(settings.index_dir)
    start = _Start(began)
    try:
        return _claimed_build(settings, rebuild, report, start)
    except BaseException as err:
        remove_unused(made)  # a first build that failed leaves no folder behind
        # in claiming, leftovers, the build, publishing; BuildInterrupted: the chat's quit,
        # raised by its progress callback (tui.workers.WorkerApp._progress)
        if isinstance(err, KeyboardInterrupt | BuildInterrupted):
            raise interruption(settings.index_dir, start.previous(settings.index_dir)) from None
        raise


@dataclass
class _Start:
    """When a build began, and the build `current` named once it held the lock (None: none),
    which the messages of a write failure and of an interruption need: read before the lock, a
    build another process published in between was taken for this one's."""

    seconds: float
    locked: bool = False
    before: str | None = None

    def previous(self, index_dir: Path) -> str | None:
        """The build `current` named once the lock was held, or, interrupted before it was, the
        one it names now (this build published nothing, whatever another process did)."""
        return self.before if self.locked else current_name(index_dir)


def _claimed_build(
    settings: Settings, rebuild: bool, report: Progress, start: _Start
) -> BuildReport:
    """Claim the index folder, hold its build lock and build; a failed or interrupted build
    discards its temporary folder and the previous index stays."""
    with claimed_and_locked(settings.index_dir) as owner:
        start.before, start.locked = current_name(settings.index_dir), True
        remove_leftovers(owner)
        temporary, name = owner.new_build_names()
        try:
            return _update(settings, owner, (temporary, name), rebuild, report, start.seconds)
        except OSError as err:
            discard(temporary)
            raise unwritten(settings.index_dir, start.before, err) from err
        except BaseException:
            discard(temporary)
            raise


def _after_switch(owner: Ownership, report: Progress) -> None:
    """Remove what the new build superseded, as best effort: `current` already points to the
    new build, so a failure or Ctrl-C here must not report the old index as still in use (the
    next build removes what is left)."""
    with suppress(KeyboardInterrupt, OSError, CiteqaError):
        remove_leftovers(owner)
    with suppress(KeyboardInterrupt):
        report("writing", 1, 1)


def _update(
    settings: Settings,
    owner: Ownership,
    names: tuple[Path, str],
    rebuild: bool,
    report: Progress,
    began: float,
) -> BuildReport:
    """Read the corpus into a new build folder (`names`: its temporary path and final name);
    unless nothing changed (the folder then goes), compute the rest and publish it."""
    temporary, name = names
    report("reading", 0, 1)  # until the corpus is listed
    reading = write_documents(
        settings.corpus_dir, temporary, lambda done, total: report("reading", done, total)
    )
    embedders = [get_embedder(name) for name in settings.channels]
    channels = [_channel_info(embedder, len(reading.entries), settings) for embedder in embedders]
    old_files, loaded, damage = previous_index(settings, channels, rebuild)
    files = _indexed_files(reading, settings.corpus_dir)
    reread = to_reread(loaded, files)  # once: for the check below, the reuse and the report
    built_from = None if loaded is None else loaded.manifest.corpus_dir
    elsewhere = None if built_from is None else corpus_elsewhere(built_from, settings.corpus_dir)
    if (
        loaded is not None
        and not reread
        and elsewhere is None
        and unchanged(loaded, files, reading.manifest_sha256)
    ):
        discard(temporary)
        built = loaded.manifest
        held_back = vectors_on_rebuild(
            built.sentence_count, has_sentence_vectors(built), built.channels, settings
        )
        return _report(
            settings,
            old_files,
            files,
            began,
            reading,
            full_rebuild=False,
            held_back=held_back,
        )
    # only now: an unchanged corpus needs none of it (open_for_reuse hashed every file)
    previous = Previous(loaded, _doc_ids(files, reread)) if loaded is not None else None
    contents = compute_contents(
        reading.entries, embedders, previous, settings, report, reading.domain, temporary
    )
    files = _with_chunks(files, contents.per_document)
    report("writing", 0, 1)
    manifest = _manifest(settings, contents, channels, reading) | {BUILD_FOLDER: name}
    write_build(temporary, manifest, settings, FileList.of(files))
    publish(owner, temporary, name)
    _after_switch(owner, report)
    full = previous is None  # nothing taken from the previous build
    return _report(
        settings,
        old_files,
        files,
        began,
        reading,
        full_rebuild=full,
        chunks=contents.chunk_count,
        notes=damage,
        reread=reread,
        unembedded=_unembedded(contents, embedders, settings),
        elsewhere=elsewhere,
    )


def _unembedded(
    contents: BuildContents, embedders: list[Embedder], settings: Settings
) -> UnembeddedSentences | None:
    """What the report says of a build that stored no sentence vectors because its corpus had
    more sentences than `embed_sentences_max` (not of one with no channel at all)."""
    if contents.sentence_vectors or not embedders:
        return None
    return UnembeddedSentences(
        sentences=contents.sentence_count,
        limit=settings.embed_sentences_max,
        on_demand=settings.embed_sentences_on_demand,
    )


def _check_corpus(settings: Settings) -> None:
    """CorpusMissing naming the corpus (and the index that remembers it) when it is gone."""
    try:
        check_corpus_folder(settings.corpus_dir)
    except CorpusMissing as err:
        raise CorpusMissing(
            f"{err} (the corpus of the index in {settings.index_dir});"
            " give --corpus to build from another folder."
        ) from None


def _noop_progress(stage: str, done: int, total: int) -> None:
    del stage, done, total


def _channel_info(embedder: Embedder, count_hint: int, settings: Settings) -> ChannelInfo:
    return ChannelInfo(
        name=embedder.name,
        model=embedder.model,
        package=embedder.package,
        version=embedder.version,
        dim=embedder.dim,
        index_type=index_type_for(count_hint, settings),
    )


def _indexed_files(reading: CorpusScan, corpus_dir: Path) -> list[IndexedFile]:
    """Every corpus file with its hash: indexed documents (their chunks not yet counted:
    `_with_chunks`), and skipped files (doc_id None). The files, sizes and times are those
    the build's walk found before reading any (`CorpusScan.files`): a file added or edited
    since then differs from the list."""
    by_file = {relative_file(doc, corpus_dir): doc for doc in reading.entries}
    files = []
    for relative, size, mtime_ns in zip(*reading.files, strict=True):
        doc = by_file.get(relative)
        if doc is None:
            digest = file_digest(corpus_dir, relative)
            files.append(IndexedFile(file=relative, sha256=digest, size=size, mtime_ns=mtime_ns))
            continue
        files.append(
            IndexedFile(
                file=relative,
                sha256=doc.sha256,
                doc_id=doc.doc_id,
                title=doc.title,
                size=size,
                mtime_ns=mtime_ns,
            )
        )
    return files


def _doc_ids(files: list[IndexedFile], names: Collection[str]) -> set[str]:
    """The document ids of the files of `names`."""
    named = set(names)
    return {f.doc_id for f in files if f.doc_id is not None and f.file in named}


def _with_chunks(
    files: list[IndexedFile], per_document: dict[str, DocumentChunks]
) -> list[IndexedFile]:
    """`files` with each document's chunk count and languages (BuildContents.per_document)."""
    counted = []
    for entry in files:
        if entry.doc_id is not None and entry.doc_id in per_document:
            chunks = per_document[entry.doc_id]
            entry = entry.model_copy(update={"chunks": chunks.count, "lang": chunks.languages})
        counted.append(entry)
    return counted


# ---- writing and reporting -------------------------------------------------------------------


def _manifest(
    settings: Settings,
    contents: BuildContents,
    channels: list[ChannelInfo],
    reading: CorpusScan,
) -> dict[str, Any]:
    """manifest.json of a build (store.IndexManifest), with the warnings its reading of the
    corpus gave (store.recorded_warnings) for `citeqa status` to show."""
    warnings, more = recorded_warnings(reading.warnings)
    return {
        "format_version": FORMAT_VERSION,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "corpus_dir": str(settings.corpus_dir.absolute()),
        "corpus_manifest_sha256": reading.manifest_sha256,
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "cutting": CUTTING_VERSION,
        "flat_index_max": settings.flat_index_max,
        "compressed_index_min": settings.compressed_index_min,
        "vector_store": settings.vector_store,
        "channels": [
            c.model_copy(
                update={"index_type": index_type_for(contents.chunk_count, settings)}
            ).model_dump()
            for c in channels
        ],
        "answer_channel": answer_channel(settings),
        "chunk_count": contents.chunk_count,
        "sentence_count": contents.sentence_count,
        "libraries": library_versions(),
        "readers": reader_versions(),
        "warnings": warnings,
        "warnings_more": more,
    }


def _report(
    settings: Settings,
    old: FileList | None,
    new: list[IndexedFile],
    began: float,
    reading: CorpusScan,
    *,
    full_rebuild: bool,
    chunks: int | None = None,
    notes: list[str] | None = None,
    reread: Collection[str] = (),
    unembedded: UnembeddedSentences | None = None,
    held_back: int = 0,
    elsewhere: CorpusElsewhere | None = None,
) -> BuildReport:
    """What the build did; `reread`: files of unchanged content read again by a new version
    of their reader (rereading.py), reported as updated. The files read in this build that
    make an outsized share of the index (outsized.py) are named when it counted its `chunks`:
    every file when it is a `full_rebuild`. `held_back`: the sentences a rebuild would now
    store vectors of (contents.vectors_on_rebuild). `elsewhere`: the folder the previous build
    was made from and the one read now, when they differ (store.corpus_elsewhere). A build that
    counted its `chunks` wrote a new index (BuildReport.rewritten); one that found nothing
    changed passes none."""
    before = (  # a file whose id changed (corpus.unique_document_ids) is cited anew: updated
        {file: (sha256, doc_id) for file, sha256, doc_id, _ in recorded_keys(old) if doc_id}
        if old
        else {}
    )
    after = {f.file: (f.sha256, f.doc_id) for f in new if f.doc_id}
    same = {f for f in after if before.get(f) == after[f] and f not in reread}
    read_now = {  # a full rebuild reads and embeds every file, the unchanged ones too
        f.file: f.chunks for f in new if f.doc_id and (full_rebuild or f.file not in same)
    }
    corpus = settings.corpus_dir
    large = (
        outsized(read_now, len(after), chunks, machine_written_in(corpus))
        if chunks is not None
        else []
    )
    return BuildReport(
        index_dir=str(settings.index_dir),
        added=sorted(set(after) - set(before)),
        updated=sorted(f for f in after if f in before and f not in same),
        removed=sorted(set(before) - set(after)),
        unchanged=sorted(same),
        skipped=list(reading.skipped),
        word_lists=list(reading.word_lists),
        hidden=list(reading.hidden),
        outsized=[OutsizedFile(file=name, chunks=read_now[name]) for name in large],
        warnings=list(reading.warnings) + (notes or []),
        unembedded_sentences=unembedded,
        vectors_on_rebuild=held_back,
        documents=len(after),
        chunks=chunks if chunks is not None else _chunk_total(old),
        seconds=round(time.perf_counter() - began, 3),
        full_rebuild=full_rebuild,
        rewritten=chunks is not None,
        elsewhere=elsewhere,
    )


def _chunk_total(files: FileList | None) -> int:
    """The chunks of the documents of a recorded file list."""
    if files is None:
        return 0
    return sum(
        c or 0
        for c, doc_id in zip(files.column("chunks"), files.column("doc_id"), strict=True)
        if doc_id
    )
