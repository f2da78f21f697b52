"""Peer results on a set, computed once and kept in a plain JSON file of the eval cache.

Only offsets are stored (each peer's top passages and its quote, per question); texts are read
back from the corpus files, so the file stays small. The file's key hashes the peers' version,
the questions and every corpus file, so a changed set or corpus is recomputed, never misread.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any, NamedTuple

from citeqa.errors import EmbedderUnavailable
from citeqa.evaluation.judging import Outcome, Span
from citeqa.evaluation.peers import DENSE_CHANNELS, PEERS, PeerRunner, Progress
from citeqa.evaluation.questions import EvalQuestion
from citeqa.jsonfiles import read_object
from citeqa.lazyembedder import needs_package

PEERS_VERSION = "1"
"""Bump when a peer changes: cached results of the old version are then ignored."""


class PlannedCopy(NamedTuple):
    """The files of `folder` a copy not made yet will hold, each at its path under `folder`
    (a quick copy's, its subfolders kept): keyed as the copy will be, by those paths."""

    folder: Path
    files: list[Path]


Corpus = Path | PlannedCopy
"""A corpus folder, or the files a copy of one not made yet will hold."""


_HASHES: dict[tuple[str, int, int, int], bytes] = {}
"""Each corpus file's content hash for this process, keyed on its path, size, modification
time and inode (a file changed since is hashed again): eval's check that the peers can run
and the run after it hash a set's corpus once (~0.5 s a set). The key keeps the inode and the
path: two files of one name and size written in one clock tick share a modification time."""


_CHECKED: dict[Path, tuple[tuple[str, int, int, int], dict[str, Any]]] = {}
"""Peer results eval's check read (`check_peer_models`, when a peer's model is missing), by
file, with the file's size, modification time and inode when read: the run that follows takes
them from here, once, rather than read the file again (unless it changed since)."""


def cache_key(corpus: Corpus, questions: list[EvalQuestion], dense: dict[str, str]) -> str:
    """Hash of the peers' version and models, the questions asked and the corpus's files (each
    file's content read once a process: `_HASHES`)."""
    digest = hashlib.sha256(f"{PEERS_VERSION}\0{sorted(dense.items())}".encode())
    for question in questions:
        digest.update(f"{question.id}\0{question.question}\0".encode())
    for name, path in _files(corpus):
        digest.update(name.encode())
        digest.update(_content_hash(path))
    return digest.hexdigest()[:16]


def copy_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` (a quick set's corpus); when `source`'s hash is known and
    `source` did not change during the copy, `target` is known to hash the same, so the
    quick run's key is not hashed again after its peer check (which read the sources)."""
    before = _stamp(source)
    partial = target.with_name(target.name + ".part")  # a copy cut short leaves no target
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    if before in _HASHES and _stamp(source) == before:
        _HASHES[_stamp(target)] = _HASHES[before]


def _stamp(path: Path) -> tuple[str, int, int, int]:
    status = path.stat()
    return str(path.absolute()), status.st_size, status.st_mtime_ns, status.st_ino


def _content_hash(path: Path) -> bytes:
    stamp = _stamp(path)
    if stamp not in _HASHES:
        _HASHES[stamp] = hashlib.sha256(path.read_bytes()).digest()
    return _HASHES[stamp]


def _files(corpus: Corpus) -> list[tuple[str, Path]]:
    """(path relative to the corpus folder, path) of each file, in the order of those relative
    paths, so a planned copy's files and the copy's key alike (`Daily/2026-03-14.md`)."""
    if isinstance(corpus, PlannedCopy):
        folder, paths = corpus
    else:
        folder, paths = corpus, [p for p in corpus.rglob("*") if p.is_file()]
    relative = sorted((path.relative_to(folder), path) for path in paths)
    return [(name.as_posix(), path) for name, path in relative]


def peer_outcomes(
    name: str,
    corpus_dir: Path,
    questions: list[EvalQuestion],
    cache_dir: Path,
    progress: Progress | None = None,
    dense: dict[str, str] | None = None,
) -> dict[str, dict[str, Outcome]]:
    """question id → peer → outcome, from the cache file or computed (and then cached)."""
    channels = dense or DENSE_CHANNELS
    path = _path(name, corpus_dir, questions, cache_dir, channels)
    stored = _stored(path)
    if stored is None:
        stored = _compute(PeerRunner(corpus_dir, progress, channels), questions, progress)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(stored), encoding="utf-8")
        temporary.replace(path)
    return _outcomes(stored, corpus_dir)


def cached_outcomes(
    name: str,
    corpus_dir: Path,
    questions: list[EvalQuestion],
    cache_dir: Path,
    dense: dict[str, str] | None = None,
) -> dict[str, dict[str, Outcome]] | None:
    """What `peer_outcomes` would return, read from the cache file only: None when it holds
    none for these questions (missing or unreadable); never computed."""
    stored = _stored(_path(name, corpus_dir, questions, cache_dir, dense or DENSE_CHANNELS))
    return None if stored is None else _outcomes(stored, corpus_dir)


def check_peer_models(
    needed: list[tuple[str, Corpus, list[EvalQuestion]]],
    cache_dir: Path,
    dense: dict[str, str] | None = None,
) -> None:
    """EmbedderUnavailable, before any set runs, when a dense peer's model cannot be found here
    (MiniLM without `citeqa[minilm]`) and some set in `needed` (name, corpus, questions; a
    corpus not copied yet given by its files, `PlannedCopy`) has no cached peer results. Eval
    refuses rather than skip the peer: the comparison is what the peers are for, and one without
    its strongest dense peer (MiniLM leads on PubMedQA) would flatter citeqa under the same
    headings. Nothing is imported or loaded; the cache keys it computes are kept (`cache_key`'s
    memo), so `peer_outcomes` does not hash the sets' corpora again, and so are the results it
    read (`_CHECKED`), so it does not read them again either."""
    channels = dense or DENSE_CHANNELS
    missing = _missing_peer_model(channels)
    if missing is None:
        return
    paths = [_path(*set_, cache_dir, channels) for set_ in needed]
    if all(_kept_for_the_run(path) for path in paths):
        return  # every set's peer results are cached: no peer model is needed
    for path in paths:  # no run follows: what was read is not held for one
        _CHECKED.pop(path, None)
    peer, embedder, module = missing
    raise EmbedderUnavailable(
        needs_package(
            embedder, f"`citeqa eval` compares citeqa with its peers, and the {peer} peer",
            f"no module named {module!r}", "pass --no-peers (citeqa's own figures only)",
        )
    )  # fmt: skip


def _missing_peer_model(channels: dict[str, str]) -> tuple[str, Any, str] | None:
    """The first dense peer whose model's modules cannot be found: (peer, embedder, module)."""
    from citeqa.embedding import get_embedder

    for peer, channel in channels.items():
        embedder = get_embedder(channel)
        finder = getattr(embedder, "missing_module", None)
        module = finder() if finder is not None else None
        if module is not None:
            return peer, embedder, module
    return None


def _path(
    name: str,
    corpus: Corpus,
    questions: list[EvalQuestion],
    cache_dir: Path,
    dense: dict[str, str],
) -> Path:
    return cache_dir / "peers" / f"{name}-{cache_key(corpus, questions, dense)}.json"


def _stored(path: Path) -> dict[str, Any] | None:
    """The peer results of the file `path` (taken from `_CHECKED` when the check read them and
    the file is as it was then), or None when it is missing or unreadable."""
    checked = _CHECKED.pop(path, None)
    if checked is not None and checked[0] == _stamp_if_there(path):
        return checked[1]
    return _read_results(path)


def _kept_for_the_run(path: Path) -> bool:
    """Whether `path` holds peer results; they are kept in `_CHECKED` for the run."""
    stamp = _stamp_if_there(path)
    stored = _read_results(path)
    if stored is None or stamp is None:
        return False
    _CHECKED[path] = (stamp, stored)
    return True


def _read_results(path: Path) -> dict[str, Any] | None:
    try:
        return read_object(path)
    except (OSError, ValueError):
        return None


def _stamp_if_there(path: Path) -> tuple[str, int, int, int] | None:
    """`_stamp`, or None when the file is not there."""
    try:
        return _stamp(path)
    except OSError:
        return None


def _compute(
    runner: PeerRunner, questions: list[EvalQuestion], progress: Progress | None
) -> dict[str, Any]:
    stored: dict[str, Any] = {}
    for done, question in enumerate(questions):
        if progress:
            progress("peers", done, len(questions))
        outcomes = runner.outcomes(question.question)
        stored[question.id] = {
            peer: {
                "passages": [[p.doc_id, p.start, p.end] for p in outcome.passages],
                "quotes": [[q.doc_id, q.start, q.end] for q in outcome.quotes],
                "ms": round(outcome.latency_ms, 2),
            }
            for peer, outcome in outcomes.items()
        }
    return stored


def _outcomes(stored: dict[str, Any], corpus_dir: Path) -> dict[str, dict[str, Outcome]]:
    texts: dict[str, str] = {}

    def span(doc_id: str, start: int, end: int) -> Span:
        if doc_id not in texts:
            texts[doc_id] = _read(corpus_dir, doc_id)
        return Span(doc_id, start, end, texts[doc_id][start:end])

    return {
        qid: {
            peer: Outcome(
                passages=[span(*p) for p in entry["passages"]],
                quotes=[span(*q) for q in entry["quotes"]],
                latency_ms=entry["ms"],
                quotes_valid=len(entry["quotes"]),
            )
            for peer, entry in peers.items()
            if peer in PEERS
        }
        for qid, peers in stored.items()
    }


def _read(corpus_dir: Path, doc_id: str) -> str:
    for suffix in (".txt", ".md"):
        path = corpus_dir / f"{doc_id}{suffix}"
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return ""
