"""What is indexed and whether the corpus changed since: the data behind `citeqa status`.

Staleness compares the corpus folder as it is now with the files the index recorded when it was
built: names, then size and modification time; only a file whose size or time changed is hashed
(and only when citeqa reads its type), so a status check does not read the whole corpus. A file
that was unreadable when indexed and still is, is unchanged. An index built before citeqa
stored the corpus's term knowledge (domain.py) is stale too: `citeqa index` adds it without
re-embedding anything.
"""

from __future__ import annotations

from pathlib import Path

from citeqa.corpus import UNREADABLE, file_digest, file_stamp, list_corpus_files, relative_path
from citeqa.domain import KNOWLEDGE_FORMAT
from citeqa.errors import CiteqaError
from citeqa.indexing import corpus_manifest_digest
from citeqa.models import DocumentStatus, IndexStatus
from citeqa.store import IndexedFile, LoadedIndex, size_on_disk


def corpus_changes(
    recorded: list[IndexedFile], corpus_dir: Path, manifest_sha256: str | None
) -> list[str]:
    """Corpus files that differ from the index: "added: f", "modified: f", "removed: f"."""
    before = {f.file: f for f in recorded}
    try:
        now = {relative_path(path, corpus_dir): path for path in list_corpus_files(corpus_dir)}
    except CiteqaError:
        return [f"removed: {corpus_dir} (corpus folder missing)"]
    changes = [f"added: {name}" for name in sorted(set(now) - set(before))]
    changes += [f"removed: {name}" for name in sorted(set(before) - set(now))]
    for name in sorted(set(now) & set(before)):
        change = _change(before[name], now[name])
        if change is not None:
            changes.append(f"modified: {name}{change}")
    if corpus_manifest_digest(corpus_dir) != manifest_sha256:
        changes.append("modified: manifest.json (titles or domain file)")
    return changes


def _change(indexed: IndexedFile, path: Path) -> str | None:
    """None when the file is as indexed, else "" or a note. Only a file whose size or
    modification time changed is read and hashed, and only if citeqa reads its type."""
    stamp = file_stamp(path)
    if stamp is not None and stamp == (indexed.size, indexed.mtime_ns):
        return None
    digest = file_digest(path)
    if digest == indexed.sha256:
        return None
    return " (unreadable)" if digest == UNREADABLE else ""


def describe_index(index: LoadedIndex, corpus_dir: Path, index_dir: Path) -> IndexStatus:
    """The IndexStatus of a loaded index against the corpus folder as it is now."""
    manifest = index.manifest
    changed = corpus_changes(list(manifest.files), corpus_dir, manifest.corpus_manifest_sha256)
    if (index.statistics or {}).get("knowledge") != KNOWLEDGE_FORMAT:
        changed.append("term knowledge: built by an older citeqa (no re-embedding needed)")
    documents = [
        DocumentStatus(doc_id=f.doc_id, title=f.title, path=f.file, chunks=f.chunks, lang=f.lang)
        for f in manifest.files
        if f.doc_id is not None
    ]
    return IndexStatus(
        index_dir=str(index_dir),
        corpus_dir=str(corpus_dir),
        built_at=manifest.built_at,
        format_version=manifest.format_version,
        documents=documents,
        channels=list(manifest.channels),
        chunk_count=manifest.chunk_count,
        size_bytes=size_on_disk(index.folder),
        manifest_hash=index.manifest_hash,
        stale=bool(changed),
        changed=changed,
    )
