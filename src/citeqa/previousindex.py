"""The published index as a new build sees it: what can be kept from it, and what changed since.

`previous_index` reads the published build's file list and opens that build for reuse when its
models, chunker settings, answer channel and vector store are those of this build (else the
build starts from scratch; a damaged index is rebuilt in full, with a warning, while one of
the process's limits met reading it stops the build: errors.ProcessLimit); `to_reread`
names the documents a new version of their reader reads again; `unchanged` says whether the
corpus, its manifest, the stored term knowledge and the recipe of its tallies
(doctally.tally_recipe) are as that build left them (then a build
writes nothing). indexing.py runs the build; store.py reads the folder.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

from citeqa.boilerplate import Boilerplate
from citeqa.changegroups import KNOWLEDGE_CHANGE, KNOWLEDGE_DAMAGED, TALLY_CHANGE, WORDS_CHANGE
from citeqa.chunking import CUTTING_VERSION
from citeqa.config import Settings
from citeqa.derived_terms import is_multilingual
from citeqa.doctally import tally_recipe
from citeqa.domain import KNOWLEDGE_FORMAT, stored_knowledge
from citeqa.embedding import get_embedder
from citeqa.errors import CiteqaError, IndexCorrupt, ProcessLimit
from citeqa.filelist import FileList
from citeqa.models import ChannelInfo
from citeqa.rereading import outdated
from citeqa.store import (
    FORMAT_VERSION,
    IndexedFile,
    PreviousBuild,
    current_build,
    open_for_reuse,
    read_files,
    read_manifest,
    read_statistics,
)
from citeqa.stored_words import WORDS_VERSION, kept_words, stores_words


def previous_index(
    settings: Settings, channels: list[ChannelInfo], rebuild: bool
) -> tuple[FileList | None, PreviousBuild | None, list[str]]:
    """The corpus files the published index was built from, and that index when its chunks
    and vectors can be reused (else this is a full rebuild), opened for that only
    (store.open_for_reuse: every file hashed; no BM25 index, no statistics), and a warning
    for the report when it is damaged (it is then rebuilt, never called up to date).

    A full rebuild still gets the previous build's file list (when its manifest is readable),
    so that its report says which files are unchanged rather than calling them all added.
    """
    if rebuild:
        return _files_only(settings.index_dir), None, []
    try:
        loaded = open_for_reuse(settings.index_dir)
        files = _read_columns(loaded.files())  # read only now: a file list that cannot be read
    except ProcessLimit:  # no damage, and a full rebuild would meet the limit again
        raise
    except CiteqaError as err:  # must not stop the build that replaces it
        damage = [DAMAGED] if isinstance(err, IndexCorrupt) else []
        return _files_only(settings.index_dir), None, damage
    return files, (loaded if _compatible(loaded, channels, settings) else None), []


DAMAGED = "the previous index was damaged (a file missing, truncated or altered): rebuilt in full"


def _files_only(index_dir: Path) -> FileList | None:
    """Only the file list of the published build (nothing to reuse), or None without one."""
    try:
        folder = current_build(index_dir)
        return _read_columns(read_files(folder, read_manifest(folder)[0]))
    except CiteqaError:
        return None


def _read_columns(files: FileList) -> FileList:
    """`files` with the columns a build compares read (IndexCorrupt when one is malformed)."""
    for name in ("file", "sha256", "doc_id", "title", "chunks"):
        files.column(name)
    return files


def _compatible(loaded: PreviousBuild, channels: list[ChannelInfo], settings: Settings) -> bool:
    manifest = loaded.manifest
    same_models = [(c.name, c.model, c.version, c.dim) for c in manifest.channels] == [
        (c.name, c.model, c.version, c.dim) for c in channels
    ]
    return (
        same_models
        and manifest.chunk_size == settings.chunk_size
        and manifest.chunk_overlap == settings.chunk_overlap
        and manifest.cutting_version == CUTTING_VERSION
        and manifest.answer_channel == answer_channel(settings)
        and manifest.vector_store == settings.vector_store
    )


def knowledge_change(
    statistics: dict[str, Any] | None,
    would_store: Callable[[], bool],
    index_files: Collection[str],
) -> str | None:
    """Which change applies to an index whose statistics.json is `statistics` (None: it has
    none): KNOWLEDGE_CHANGE when its term knowledge is not of this format (KNOWLEDGE_FORMAT),
    WORDS_CHANGE when its build stored no words of this version (stored_words.WORDS_VERSION: a
    build before them lacks its passage words' vectors; one that stored words an earlier version
    wrote as this one does, among its `index_files`, lacks none: stored_words.kept_words) and
    this one would store some
    (`would_store`, asked only then: `words_stored`; a corpus of one language or an index
    without a multilingual channel stores none, and is not outdated by them),
    else TALLY_CHANGE when its tallies were not computed by this recipe
    (doctally.tally_recipe; absent in an index built before it was stored), else
    KNOWLEDGE_DAMAGED when what answering reads of it does not read (`_unreadable`), else None.
    The one check of a build (`unchanged`) and of `citeqa status`: what `ask` refuses as
    damaged ("run `citeqa index`") is never called up to date, and `index` computes it again."""
    if (statistics or {}).get("knowledge") != KNOWLEDGE_FORMAT:
        return KNOWLEDGE_CHANGE
    marker = (statistics or {}).get("stored_words")
    if marker != WORDS_VERSION and not kept_words(marker, index_files) and would_store():
        return WORDS_CHANGE
    if (statistics or {}).get("tallies") != tally_recipe():
        return TALLY_CHANGE
    if _unreadable(statistics):
        return KNOWLEDGE_DAMAGED
    return None


def words_stored(channels: Sequence[ChannelInfo], files: FileList) -> bool:
    """Whether a build of the index with these `channels` and `files` stores its passage words'
    vectors (contents._store_words): it has a multilingual channel and its documents are in
    both languages (stored_words.stores_words)."""
    multilingual = any(_multilingual(channel.name) for channel in channels)
    return stores_words(multilingual, (langs for *_, langs in files.documents()))


def _multilingual(channel: str) -> bool:
    """Whether the embedder of `channel` is multilingual (False for a channel no embedder is
    registered under: this installation cannot build it)."""
    try:
        return is_multilingual(get_embedder(channel))
    except CiteqaError:  # IndexIncompatible: unknown here
        return False


def _unreadable(statistics: dict[str, Any] | None) -> bool:
    """Whether the stored term knowledge (domain file, term pairs, acronyms) or boilerplate
    lines fail the checks answering makes when it reads them (domain.stored_knowledge,
    boilerplate.Boilerplate.of: the wrong shape, or more than a build stores)."""
    try:
        stored_knowledge(statistics)
        Boilerplate.of(statistics)
    except ValueError:  # pydantic's ValidationError (a damaged domain file) is one too
        return True
    return False


def _knowledge_current(loaded: PreviousBuild) -> bool:
    """Whether the index stored this build's term knowledge and tallies (`knowledge_change`);
    not for an index of an older format (store.READABLE_FORMATS) or a statistics file that no
    longer reads: unless both are this build's, an unchanged corpus still gets its index
    rewritten, in this format, with this knowledge and these tallies, with nothing
    re-embedded. Read only for a corpus whose files are unchanged (statistics.json is big)."""
    if loaded.manifest.format_version != FORMAT_VERSION:
        return False
    try:
        statistics = read_statistics(loaded.folder, loaded.manifest)
    except (OSError, ValueError):  # altered since it was verified: rewritten by this build
        return False
    manifest = loaded.manifest
    return (
        knowledge_change(
            statistics,
            lambda: words_stored(manifest.channels, loaded.files()),
            manifest.index_files,
        )
        is None
    )


def answer_channel(settings: Settings) -> str | None:
    """The channel whose vectors score sentences when answering: the first one."""
    return settings.channels[0] if settings.channels else None


def to_reread(loaded: PreviousBuild | None, files: list[IndexedFile]) -> list[str]:
    """The documents a new version of their reader read again (none in a full rebuild)."""
    if loaded is None:
        return []
    return outdated(loaded.manifest.readers, lambda: [f.file for f in files if f.doc_id])


def unchanged(loaded: PreviousBuild, files: list[IndexedFile], manifest_sha256: str | None) -> bool:
    """Whether the corpus, its manifest (`manifest_sha256`: its `corpus_manifest_digest`, as
    the build's scan found it), the term knowledge, the tallies' recipe and the index format
    are as the previous
    build (`loaded`) left them (its documents' readers too: `to_reread`, checked before): then
    the build has nothing to write."""
    new = {(f.file, f.sha256, f.doc_id, f.title) for f in files}
    return (
        set(recorded_keys(loaded.files())) == new
        and loaded.manifest.corpus_manifest_sha256 == manifest_sha256
        and _knowledge_current(loaded)
    )  # else: store the knowledge, or tally again (dates.py came so), nothing embedded


def recorded_keys(files: FileList) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(file, sha256, doc_id, title) of each recorded file, from the list's columns."""
    columns = (files.names, files.sha256, files.column("doc_id"), files.column("title"))
    return zip(*columns, strict=True)
