"""What is indexed and whether the corpus changed since: the data behind `citeqa status`.

Staleness compares the corpus folder as it is now with the files the index recorded when it was
built: names, then size and modification time; only a file whose size or time changed is hashed
(and only when citeqa reads its type), so a status check does not read the whole corpus. A file
that was unreadable when indexed and still is, is unchanged. An index built before citeqa
stored the corpus's term knowledge (domain.py), or written in an older format that it still
reads (store.READABLE_FORMATS), is stale too: `citeqa index` rewrites it without re-embedding
anything; so is one whose documents a reader read that changed since (rereading.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from citeqa import rereading
from citeqa.changegroups import (
    CORPUS_CHANGES,
    CUT_BY_NEWER,
    CUT_BY_OLDER,
    FOLDER_CHANGES,
    FOLDER_MISSING,
    FOLDER_MOVED,
    FOLDER_OTHER,
    FORMAT_CHANGE,
    KNOWLEDGE_DAMAGED,
    TALLY_CHANGE,
    WORDS_CHANGE,
    short_changes,
)
from citeqa.chunking import CUTTING_VERSION
from citeqa.corpus import (
    UNREADABLE,
    CorpusStamps,
    corpus_manifest_digest,
    corpus_walk,
    file_digest,
)
from citeqa.domain import read_corpus_manifest
from citeqa.errors import CiteqaError
from citeqa.filelist import FileList
from citeqa.models import CorpusElsewhere, DocumentStatus, Example, IndexStatus
from citeqa.noticewords import notice_words
from citeqa.overview import manifest_examples
from citeqa.previousindex import knowledge_change, words_stored
from citeqa.store import (
    FORMAT_VERSION,
    LoadedIndex,
    corpus_elsewhere,
    has_sentence_vectors,
    index_size,
)
from citeqa.unread import recorded_unread, unread_attachments
from citeqa.visible import cut, shown

UNREADABLE_NOTE = " (unreadable)"
"""What a "modified: f" change adds after a file that cannot be read now (`_modified`; read
back by changed_citations.changed_files)."""


class CorpusNow(NamedTuple):
    """The corpus folder as a status check found it, against an index."""

    changes: list[str]
    """What differs from the index ("added: f", ...), [] when nothing does."""
    corpus_bytes: int | None
    """The total size of the corpus's files, as the check's walk found them (the manifest and
    domain file left out); None when the corpus folder is missing."""
    examples: list[Example]
    """The example questions of the corpus's manifest, as the check read it."""
    left_out: tuple[str, ...] = ()
    """What the check's walk left out (a link leading outside...), as a build skips it."""
    hidden: tuple[str, ...] = ()
    """The hidden names and tools' folders the check's walk passed over (".git/", ".env",
    "node_modules/"), as a build's report counts them."""


def corpus_now(recorded: FileList, corpus_dir: Path, manifest_sha256: str | None) -> CorpusNow:
    """The corpus's files that differ from the index ("added: f", "modified: f", "removed: f"),
    their total size and the manifest's examples, from one walk of the corpus and one read of
    its manifest."""
    manifest = read_corpus_manifest(corpus_dir)  # once, for the walk, the digest, the examples
    try:
        walked = corpus_walk(corpus_dir, manifest)
    except CiteqaError:
        return CorpusNow([f"removed: {corpus_dir.absolute()}{FOLDER_MISSING}"], None, [])
    now = walked.files
    if now.names == recorded.names:  # the usual case: compare the stamps as two arrays
        changes = _modified(recorded, None, now, corpus_dir)
    else:
        changes = _renamed(recorded, now, corpus_dir)
    if corpus_manifest_digest(corpus_dir, manifest) != manifest_sha256:
        changes.append("modified: manifest.json (titles or domain file)")
    examples = manifest_examples(manifest.data)
    left_out = tuple(walked.left_out_names())
    return CorpusNow(changes, sum(now.sizes), examples, left_out, tuple(walked.hidden))


def _renamed(recorded: FileList, now: CorpusStamps, corpus_dir: Path) -> list[str]:
    """Added and removed files, then the modified ones among those in both."""
    before = set(recorded.names)
    after = set(now.names)
    changes = [f"added: {name}" for name in now.names if name not in before]
    changes += [f"removed: {name}" for name in recorded.names if name not in after]
    positions = {name: number for number, name in enumerate(recorded.names)}
    kept = [number for number, name in enumerate(now.names) if name in positions]
    subset = CorpusStamps(
        [now.names[n] for n in kept], [now.sizes[n] for n in kept], [now.mtimes_ns[n] for n in kept]
    )
    numbers = [positions[name] for name in subset.names]
    return changes + _modified(recorded, numbers, subset, corpus_dir)


def _modified(
    recorded: FileList, numbers: list[int] | None, now: CorpusStamps, corpus_dir: Path
) -> list[str]:
    """ "modified: f" for each file `now.names[i]` (recorded as file `numbers[i]`, or as file
    i when `numbers` is None) whose size or time differ from the record and whose content does
    too. Only those files are read and hashed, and only if citeqa reads their type and does
    not refuse them by their path (corpus.file_digest); a file unreadable then and now is
    unchanged."""
    names = now.names
    then = recorded.stamps if numbers is None else recorded.stamps[numbers]
    sizes = np.array(now.sizes, dtype=np.int64)
    times = np.array(now.mtimes_ns, dtype=np.int64)
    differ = np.flatnonzero((sizes != then[:, 0]) | (times != then[:, 1]))
    changes = []
    for at in differ.tolist():
        digest = file_digest(corpus_dir, names[at])
        if digest != recorded.sha256[at if numbers is None else numbers[at]]:
            note = UNREADABLE_NOTE if digest == UNREADABLE else ""
            changes.append(f"modified: {names[at]}{note}")
    return changes


def changed_names(changes: Sequence[str]) -> dict[str, str]:
    """Each file a "removed: f" or "modified: f" line of `changes` (as `index_changes` writes
    them) names, its UNREADABLE_NOTE left off → its change ("removed" or "modified"): what
    `newly_read` leaves out and changed_citations.changed_files warns of."""
    named = {}
    for change in changes:
        kind, colon, name = change.partition(": ")
        if colon and kind in ("removed", "modified"):
            named[name.removesuffix(UNREADABLE_NOTE)] = kind
    return named


def index_changes(index: LoadedIndex, corpus_dir: Path) -> list[str]:
    """What changed since `index` was built: the corpus's files (`corpus_now`), and the
    term knowledge of an index built before citeqa stored it and its format; [] when it is up
    to date."""
    return _index_now(index, corpus_dir).changes


def _index_now(index: LoadedIndex, corpus_dir: Path) -> CorpusNow:
    """`index_changes`, with what its check read of the corpus (`corpus_now`)."""
    manifest = index.manifest
    files = index.files()
    corpus = corpus_now(files, corpus_dir, manifest.corpus_manifest_sha256)
    changed = corpus.changes + rereading.reasons(manifest.readers, files.document_files)
    changed += rereading.newly_read(files, changed_names(corpus.changes))
    elsewhere = corpus_elsewhere(manifest.corpus_dir, corpus_dir)
    if elsewhere is not None and corpus.corpus_bytes is not None:  # else: the folder is missing
        changed.insert(0, _elsewhere_change(elsewhere))
    stale_knowledge = knowledge_change(
        index.statistics, lambda: words_stored(manifest.channels, files), manifest.index_files
    )
    if stale_knowledge is not None:
        embedded = "only its passage words embedded" if stale_knowledge == WORDS_CHANGE else None
        changed.append(f"{stale_knowledge} ({embedded or 'no re-embedding needed'})")
    if manifest.cutting_version != CUTTING_VERSION:
        changed.append(_cut_otherwise(manifest.cutting_version))
    if manifest.format_version != FORMAT_VERSION:
        changed.append(
            f"{FORMAT_CHANGE}{manifest.format_version}: written by an older citeqa"
            " (no re-embedding needed)"
        )
    return corpus._replace(changes=changed)


def _elsewhere_change(elsewhere: CorpusElsewhere) -> str:
    """The change of a corpus read from another folder than its index was built from: a move
    when that folder is gone, else another folder (whose files the other changes compare)."""
    if elsewhere.moved:
        return (
            f"{FOLDER_MOVED}{elsewhere.built_from}: `citeqa index` gives its files their new paths"
        )
    return f"{FOLDER_OTHER}{elsewhere.read_from} (the index was built from {elsewhere.built_from})"


def _cut_otherwise(version: int) -> str:
    """The change of an index whose documents another version of the cutting cut: an older
    citeqa's, or a newer one's (this citeqa opened an index a later one built)."""
    cut_by = CUT_BY_OLDER if version < CUTTING_VERSION else CUT_BY_NEWER
    return (
        f"{cut_by} (version {version}, now {CUTTING_VERSION}):"
        " `citeqa index` cuts and embeds them again"
    )


def describe_index(index: LoadedIndex, corpus_dir: Path, index_dir: Path) -> IndexStatus:
    """The IndexStatus of a loaded index against the corpus folder as it is now (without the
    build folders kept for a user's files: `citeqa status` alone names them, api.index_status)."""
    manifest = index.manifest
    corpus = _index_now(index, corpus_dir)
    changed = corpus.changes
    documents = [
        DocumentStatus(doc_id=doc_id, title=title, path=path, chunks=chunks, lang=lang)
        for doc_id, title, path, chunks, lang in index.files().documents()
    ]
    return IndexStatus(
        index_dir=str(index_dir),
        corpus_dir=str(corpus_dir),
        built_at=manifest.built_at,
        format_version=manifest.format_version,
        documents=documents,
        channels=list(manifest.channels),
        chunk_count=manifest.chunk_count,
        sentence_count=manifest.sentence_count,
        sentence_vectors=has_sentence_vectors(manifest),
        size_bytes=index_size(index.folder, manifest),
        corpus_bytes=corpus.corpus_bytes,
        corpus_examples=corpus.examples,
        manifest_hash=index.manifest_hash,
        stale=bool(changed),
        changed=changed,
        skipped=sorted({*index.files().skipped(), *corpus.left_out}),
        unread=recorded_unread(index.files(), corpus_dir),
        hidden=list(corpus.hidden),
        warnings=list(manifest.warnings or []),
        attachments_unread=unread_attachments(index.files(), index.documents),
        warnings_more=manifest.warnings_more or 0,
    )


def channels_differ(
    built: list[str], wanted: list[str] | tuple[str, ...], lang: str = "en"
) -> str | None:
    """What to tell a user whose settings ask for other vector channels than the index was built
    with (the index answers with its own until it is rebuilt), in `lang`; None when they agree."""
    if list(built) == list(wanted):
        return None
    words = notice_words(lang)
    none = words["no_channel"]
    said = words["channels"].format(
        built=", ".join(built) or none, wanted=", ".join(wanted) or none
    )
    return str(said)


def stale_reason(changes: list[str], index: str = "it", lang: str = "en") -> str:
    """Why an index is stale, in words of `lang`, from its `changes` (`index_changes`): "the
    corpus changed since {index} was built", "an older citeqa built {index}" ("another version
    of citeqa" when a change is not known to be an older citeqa's: `_not_older`), or both. An
    upgrade of citeqa is no change of the corpus, and is not called one; stored knowledge that
    no longer reads (KNOWLEDGE_DAMAGED) is neither. (French says "its construction" whatever
    `index` is: only English's `citeqa status` names the index.)"""
    words = notice_words(lang)
    reasons = words["reasons"]
    damaged = [change for change in changes if change.startswith(KNOWLEDGE_DAMAGED)]
    changes = [change for change in changes if not change.startswith(KNOWLEDGE_DAMAGED)]
    owner = "its" if index == "it" else f"{index}'s"
    broken = [reasons["damaged"].format(owner=owner)] if damaged else []
    if damaged and not changes:
        return str(broken[0])
    kinds = {change.startswith((*CORPUS_CHANGES, *FOLDER_CHANGES)) for change in changes}
    older = False in kinds
    corpus = True in kinds or not older
    said = [reasons["corpus"].format(index=index)] if corpus else []
    if older:
        other = any(_not_older(change) for change in changes)
        said.append(reasons["other" if other else "older"].format(built="it" if corpus else index))
    return str(words["and"].join(said + broken))


def _not_older(change: str) -> bool:
    """Whether `change` may be another citeqa's than an older one: a newer one's cutting or
    reader's reading, or word tallies of another recipe (doctally.tally_recipe also changes
    with an upgrade of PyStemmer or of Python's Unicode data, or with a newer citeqa's index)."""
    reread = rereading.reader_change(change)
    return change.startswith((CUT_BY_NEWER, TALLY_CHANGE)) or (reread is not None and reread.newer)


def stale_notice(changes: list[str], updating: str | None = None, lang: str = "en") -> str | None:
    """What `ask` tells a user whose index is stale (on stderr, and in each answer's
    `warnings`), in `lang`: why, and its changes grouped by kind in a few words
    (changegroups.short_changes: `citeqa status` lists them); None when nothing changed. While
    a build of the index runs (`updating`: its holder, publishing.build_running), it says so
    rather than asking for one."""
    return stale_notice_of(stale_words(changes, lang), updating, lang)


def stale_words(changes: list[str], lang: str = "en") -> str | None:
    """The part of `stale_notice` its `changes` alone word (why the index is stale, its changes
    in a few words), in `lang`; None when nothing changed: what stays true while the changes do
    (api._Loaded keeps it)."""
    if not changes:
        return None
    reason, changed = stale_reason(changes, lang=lang), short_changes(changes, lang)
    return str(notice_words(lang)["stale"].format(reason=reason, changes=changed))


def stale_notice_of(stale: str | None, updating: str | None = None, lang: str = "en") -> str | None:
    """`stale_notice` from its `stale_words`, and whether a build runs (`updating`), in `lang`."""
    if stale is None:
        return None
    words = notice_words(lang)
    if updating:
        return str(words["updating"].format(stale=stale, update=update_in_progress(updating, lang)))
    return str(words["run"].format(stale=stale))


def update_in_progress(holder: str, lang: str = "en") -> str:
    """That a build of the index is running, by `holder` (its lock file's words: another
    process's, so shown on one line and cut, as a name is), and that answers come from the
    index as it was built until it ends, in `lang`."""
    return str(notice_words(lang)["in_progress"].format(holder=shown(cut(holder))))
