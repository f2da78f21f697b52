"""The life of builds in an index folder: the build lock, the readers' lock, atomic publication
and the removal of what citeqa left behind.

- One build at a time: `build_lock` holds `.lock` (flock, exclusive) for the whole build.
- A build is written into a temporary folder, synced whole (`sync_tree`), renamed to its final
  `build-<token>-...` name, and `current` (a symbolic link) is swapped to it atomically.
- Readers take a shared lock on `.readers` before resolving `current` and keep it while they
  load (`reading`); a superseded build is removed only under the exclusive lock, so no reader can
  be half way through it. When readers keep the lock longer than a moment, the superseded build
  simply stays until the next build removes it.
- Only names the folder's `Ownership` says citeqa created are ever removed (of the exact shape
  it gives them), of builds only those whose manifest records that folder's name or none (a
  user's copy under a build's name records the folder it came from: `_old_builds`), and in a
  build folder only what its manifest lists: a file a user put there stays, and its folders
  with it.
  Later builds pass over a build folder left holding only a user's files (`left_to_user`), and
  over a folder named like a build that carries no manifest of citeqa's (`_remove_build`).
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple, TypeVar

from citeqa.errors import (
    NOTHING_PUBLISHED,
    PUBLISHED,
    BuildInterrupted,
    IndexLocked,
    IndexRefused,
    IndexWriteError,
)
from citeqa.jsonfiles import read_object
from citeqa.ownership import CURRENT, LOCK, READERS, TMP_PREFIX, Ownership, claim, read_marker
from citeqa.verification import STAMPS, is_build_file_name, is_build_kind, is_work_file
from citeqa.visible import cut, shown

Interruption = TypeVar("Interruption", bound=BaseException)

CLAIM_ATTEMPTS = 3
"""How many times a build claims the folder again when its claim vanished before it held the
lock (`claimed_and_locked`)."""
MANIFEST = "manifest.json"
BUILD_FOLDER = "build_folder"
"""The manifest's record of its build folder's name (store.IndexManifest.build_folder)."""
EXCLUSIVE_WAIT_SECONDS = 2.0
"""How long a build waits for loading readers before leaving a superseded build for later."""


@contextmanager
def reading(index_dir: Path) -> Iterator[None]:
    """Hold the readers' shared lock while loading (nothing to hold in a folder without one,
    such as an index of the previous version or a folder this user cannot open)."""
    try:
        descriptor = os.open(index_dir / READERS, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextmanager
def _readers_excluded(index_dir: Path, wait: float) -> Iterator[bool]:
    """Try for `wait` seconds to hold the readers' lock exclusively; yield whether it is held."""
    try:
        descriptor = os.open(index_dir / READERS, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        yield False
        return
    try:
        yield _lock_within(descriptor, wait)
    finally:
        os.close(descriptor)


def _lock_within(descriptor: int, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as err:
            if err.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                return False
        time.sleep(0.01)


def publish(owner: Ownership, temporary: Path, name: str) -> Path:
    """Rename the finished build into place and point `current` at it atomically; the caller
    then removes superseded builds (`remove_leftovers`, best effort: the switch is done)."""
    index_dir = owner.folder
    link_path = index_dir / CURRENT
    if link_path.exists() and not link_path.is_symlink():
        raise IndexRefused(
            f"{link_path} is not citeqa's link (a file or folder of that name is in the way);"
            " move it away and build again."
        )
    final = index_dir / name
    sync_tree(temporary)
    os.replace(temporary, final)
    link = owner.temporary_name("link")
    os.symlink(name, link)
    os.replace(link, link_path)
    _fsync_dir(index_dir)
    return final


def sync_tree(folder: Path) -> None:
    """Sync every file and folder of a finished build, so that the build `current` will point
    to is on disk whole. The only place a build's files are synced: citeqa's own as well as
    what libraries write (bm25s's arrays, FAISS's index, the sentence table's np.save), each
    once, after the whole build is written, so the system writes them back together."""
    for root, _folders, names in os.walk(folder):
        for name in names:
            descriptor = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        _fsync_dir(Path(root))


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def current_name(index_dir: Path) -> str | None:
    """The name of the build `current` links to, or None."""
    try:
        return Path(os.readlink(index_dir / CURRENT)).name
    except OSError:
        return None


def published_since(index_dir: Path, before: str | None) -> bool:
    """Whether `current` names another build than `before` (its name when a build began): the
    build was published, whatever an interruption after it says."""
    return current_name(index_dir) != before


def interrupted(
    index_dir: Path, before: str | None, otherwise: Interruption
) -> BuildInterrupted | Interruption:
    """What an interruption of a build of `index_dir` says, begun when `current` named `before`:
    PUBLISHED when a build was published since (a Ctrl-C can land after the switch: the rest of
    publishing, the report, the lock's release), else `otherwise`."""
    return BuildInterrupted(PUBLISHED) if published_since(index_dir, before) else otherwise


def interruption(index_dir: Path, before: str | None) -> BuildInterrupted:
    """What an interrupted build of `index_dir` says, begun when `current` named `before`
    (`interrupted`): PUBLISHED, else NOTHING_PUBLISHED for a first build, else that the previous
    index is unchanged. Said by indexing.build_index (Ctrl-C, or the chat's quit stopping it at a
    progress report) and by the chat on leaving (tui.workers.WorkerApp.stopped_build)."""
    kept = BuildInterrupted(NOTHING_PUBLISHED) if before is None else BuildInterrupted()
    return interrupted(index_dir, before, kept)


def unwritten(index_dir: Path, before: str | None, err: OSError) -> IndexWriteError:
    """What a build of `index_dir` that met `err` (a write failing: disk full, a read-only
    folder) says, begun when `current` named `before`, told from disk as `interrupted` tells it:
    the new build when it was published since (a failure after the switch, syncing the folder),
    no index when there was none before (a first build, whose temporary folder is gone), else
    the previous index, unchanged."""
    if published_since(index_dir, before):
        kept = "the new index was published before it and is in use (`citeqa status` describes it)"
    elif before is None:
        kept = "no index was published, and there was none before"
    else:
        kept = "the previous index is unchanged"
    return IndexWriteError(f"Cannot write the index in {index_dir}: {err.strerror or err}; {kept}.")


def remove_leftovers(owner: Ownership, wait: float | None = None) -> None:
    """Delete citeqa's temporaries (builds killed while writing) and, when `current` points
    somewhere and no reader is loading, the builds it no longer points to. Call it with the
    build lock held. Names citeqa did not create are never touched."""
    keep = current_name(owner.folder)
    for path in listing(owner.folder):
        if owner.is_temporary(path.name):
            discard(path)
    if keep is None:  # no build is current: none is superseded
        return
    superseded = {}
    for path, listed in _old_builds(owner, keep).items():
        ours = _ours(path, listed)  # a folder walked once for both (a damaged manifest's)
        if not _holds_only_users(path, ours):
            superseded[path] = ours
    if not superseded:
        return
    with _readers_excluded(owner.folder, EXCLUSIVE_WAIT_SECONDS if wait is None else wait) as alone:
        if alone:
            for path, listed in superseded.items():
                discard(path, listed)


def _old_builds(owner: Ownership, keep: str | None) -> dict[Path, set[str]]:
    """The builds of the owner's folder other than `keep` (all of them when None), each with
    the files its manifest lists (`listed_files`, read once here for the callers). A folder of
    a build's name whose manifest records another folder's (`BUILD_FOLDER`) is a user's copy of
    a build: not citeqa's, never listed (one recording none was written before builds recorded
    it, or is damaged: its name alone, of the exact shape citeqa gives, decides)."""
    return _proven(_other_builds(owner, keep))


def _proven(others: list[tuple[Path, dict]]) -> dict[Path, set[str]]:
    """Of build folders with their manifests (`_other_builds`), those whose manifest records
    their name (`_records_its_name`), each with the files it lists (`_old_builds`)."""
    return {
        path: _listed_in(manifest) for path, manifest in others if _records_its_name(path, manifest)
    }


def _other_builds(owner: Ownership, keep: str | None) -> list[tuple[Path, dict]]:
    """The folders of a build's name in the owner's folder other than `keep`, by name, each
    with its manifest as read (`_manifest`)."""
    names = sorted(listing(owner.folder))
    return [
        (path, _manifest(path)) for path in names if path.name != keep and owner.is_build(path.name)
    ]


def _records_its_name(path: Path, manifest: dict) -> bool:
    """Whether a build folder's manifest records that folder's name, or none (`_old_builds`)."""
    return manifest.get(BUILD_FOLDER, path.name) == path.name


def unproven_builds(index_dir: Path) -> list[Path]:
    """The folders of a build's name, other than the current build, whose manifest records
    another folder's name (`BUILD_FOLDER`): a user's copy of a build, or a build whose manifest
    was edited by hand. citeqa cannot prove it made them, so it never removes them
    (`_old_builds`); `citeqa status` names them, so the disk space they hold does not leak
    unsaid (s27 hostile probe: a hand-edited `build_folder` kept a build, unnamed)."""
    return kept_builds(index_dir).unproven


def listing(folder: Path) -> list[Path]:
    """The entries of `folder`, none when it cannot be read."""
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def discard(path: Path, listed: set[str] | None = None) -> None:
    """Remove a file or folder citeqa created, ignoring what is already gone (and the Qdrant
    collections a build folder points to: citeqa created them). `listed`: a build folder's
    `listed_files` when the caller already read them, or the files of it that are citeqa's
    (`_ours` of them: it gives them back)."""
    if path.is_dir() and not path.is_symlink():
        from citeqa.store import POINTER_SUFFIX

        if any(path.glob(f"*{POINTER_SUFFIX}")):
            from citeqa.qdrantindex import release

            release(path)
        _remove_build(path, listed_files(path) if listed is None else listed)
    else:
        with suppress(OSError):
            path.unlink(missing_ok=True)


def _remove_build(folder: Path, listed: set[str]) -> None:
    """Remove a build folder, all but what a user put in it, in one bottom-up pass: citeqa's
    files (`_ours`) and its record (verification.STAMPS) go, then the folders left empty, then
    the manifest and the folder when nothing else is left. Any other name, hidden or not, is a
    user's: it keeps its folders and the manifest (the record of what is citeqa's there). A
    folder named like a build with no manifest.json carries no mark of citeqa's (a build is
    renamed into place only once its manifest is written): a user's; it goes only when empty,
    else it stays (`left_to_user`, and `citeqa status` names it). `listed`: its
    `listed_files`."""
    ours = _ours(folder, listed)
    if ours:
        _remove_files(folder, ours | {STAMPS})
    remaining = [path.name for path in listing(folder)]
    with suppress(OSError):
        if remaining == [MANIFEST]:
            os.unlink(folder / MANIFEST)
        os.rmdir(folder)  # OSError when not empty: it stays


def _remove_files(folder: Path, names: set[str]) -> None:
    """Remove the files of `folder` of those relative `names`, then the folders left empty."""
    for root, folders, files in os.walk(folder, topdown=False):
        for name in files:
            if os.path.relpath(os.path.join(root, name), folder) in names:
                with suppress(OSError):
                    os.unlink(os.path.join(root, name))
        for name in folders:
            with suppress(OSError):  # not empty, or a user's link: it stays
                os.rmdir(os.path.join(root, name))


def _ours(folder: Path, listed: set[str]) -> set[str]:
    """The files of a build folder that are citeqa's: those its manifest lists (`listed`); when
    it lists none but the folder is citeqa's all the same (`_marked`: a temporary, or a build
    whose manifest is damaged), its plain files of the names a build writes
    (verification.is_build_kind, is_work_file). Any other file there is a user's: such a
    folder went whole, a user's note with it."""
    if listed or not _marked(folder):
        return listed
    try:
        names = (
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and not path.is_symlink()
        )
        return {name for name in names if is_build_kind(name) or is_work_file(name)}
    except OSError:
        return set()


def _marked(folder: Path) -> bool:
    """Whether a folder whose manifest lists no files is citeqa's all the same: a temporary
    (its name), or a build holding a manifest.json (damaged: every build is published with
    one), not a user's folder that only takes a build's name."""
    return folder.name.startswith(TMP_PREFIX) or (folder / MANIFEST).is_file()


def left_to_user(folder: Path, listed: set[str]) -> bool:
    """Whether a build folder is what an earlier removal left of a build for a user's files:
    none of citeqa's files (`_ours`; `listed`, its `listed_files`) is there any more, only its
    manifest and other names; or a folder named like a build holding no manifest.json (no mark
    of citeqa's: `_remove_build`) and that is not empty. Later builds pass it over (no readers'
    lock to wait for, nothing to walk) and never rewrite it."""
    return _holds_only_users(folder, _ours(folder, listed))


def _holds_only_users(folder: Path, ours: set[str]) -> bool:
    """`left_to_user` of a build folder whose files that are citeqa's are `ours` (`_ours`)."""
    if any(os.path.lexists(folder / name) for name in [*ours, STAMPS]):
        return False
    return any(path.name != MANIFEST for path in listing(folder))


def kept_for_user(index_dir: Path) -> list[Path]:
    """The build folders of the index folder that citeqa keeps only for a user's files in
    them (`left_to_user`): superseded builds, and temporaries of builds killed while writing
    (`remove_leftovers` removes the rest of them), for `citeqa status` to name. While a build
    holds the build lock (`build_running`) no temporary is named: the running build's own is
    being written, not kept (review C of s25)."""
    return kept_builds(index_dir).for_user


class KeptBuilds(NamedTuple):
    """The folders of an index folder that citeqa keeps and `citeqa status` names."""

    for_user: list[Path]
    """`kept_for_user`."""
    unproven: list[Path]
    """`unproven_builds`."""


def kept_builds(index_dir: Path) -> KeptBuilds:
    """`kept_for_user` and `unproven_builds` of `index_dir`, each other build's manifest read
    once for both (api.index_status names both: it read every manifest twice)."""
    owner = read_marker(index_dir)
    if owner is None:
        return KeptBuilds([], [])
    others = _other_builds(owner, current_name(index_dir))
    unproven = [path for path, manifest in others if not _records_its_name(path, manifest)]
    kept = [path for path, listed in _proven(others).items() if left_to_user(path, listed)]
    if build_running(index_dir) is None:
        kept += [path for path in _temporaries(owner) if left_to_user(path, set())]
    return KeptBuilds(kept, unproven)


def _temporaries(owner: Ownership) -> list[Path]:
    """The temporary folders of the owner's folder (`Ownership.temporary_name`), by name."""
    names = (path for path in listing(owner.folder) if path.is_dir() and not path.is_symlink())
    return sorted(path for path in names if owner.is_temporary(path.name))


def listed_files(folder: Path) -> set[str]:
    """The relative names of the files a build folder's manifest lists, inside it
    (`is_build_file_name`: a name outside is never looked at); none when it cannot be read or
    lists nothing."""
    return _listed_in(_manifest(folder))


def _manifest(folder: Path) -> dict:
    """A build folder's manifest as read, empty when it cannot be read."""
    try:
        return read_object(folder / MANIFEST)
    except (OSError, ValueError):
        return {}


def _listed_in(manifest: dict) -> set[str]:
    """`listed_files` of a build folder whose manifest is `manifest` (`_manifest`)."""
    listed = manifest.get("index_files")
    names = listed if isinstance(listed, dict) else {}
    return {name for name in names if isinstance(name, str) and is_build_file_name(name)}


@contextmanager
def claimed_and_locked(index_dir: Path) -> Iterator[Ownership]:
    """Claim the index folder and hold its build lock. A first build that failed elsewhere
    removes the folder it created (ownership.remove_unused: the marker first, then the lock
    files, under the lock) and may do so between this build's claim and its lock; so the claim
    is checked under the lock and made again when the marker went, or when the lock file could
    not be opened because the folder went."""
    for attempt in range(1, CLAIM_ATTEMPTS + 1):
        owner, building = claim(index_dir), False
        try:
            with build_lock(index_dir):
                if read_marker(index_dir) == owner:
                    building = True
                    yield owner
                    return
        except IndexWriteError:
            if building or attempt == CLAIM_ATTEMPTS or read_marker(index_dir) is not None:
                raise
    raise IndexWriteError(f"The index folder {index_dir} was removed while citeqa claimed it.")


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's build lock; IndexLocked names the process holding it, IndexWriteError
    when the lock file cannot be written (read-only folder, disk full). Unbuffered, so a failed
    write leaves nothing pending."""
    path = index_dir / LOCK
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise IndexWriteError(
            f"Cannot create the lock file {path}: {err.strerror or err}."
        ) from err
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(descriptor)
            raise IndexLocked(
                f"Another build of {index_dir} is running"
                f" ({_named_holder(holder)}); try again when it ends."
            ) from None
        _write_holder(descriptor, path)
        try:
            yield
        finally:
            with suppress(OSError):
                os.ftruncate(descriptor, 0)
    finally:
        os.close(descriptor)  # closing releases the lock


def _holder(descriptor: int) -> str:
    """What the lock file open as `descriptor` says of its holder (`_write_holder`'s words;
    another process's, so read bounded and decoded whatever its bytes)."""
    return os.pread(descriptor, 4096, 0).decode("utf-8", "replace").strip()


def first_build_running(index_dir: Path, holder: str) -> str:
    """What `citeqa status` says of an index with none published yet while `holder`
    (build_running) builds it: who, worded as the IndexLocked of a second build."""
    return (
        f"No index in {index_dir} yet: its first build is running ({_named_holder(holder)});"
        " try again when it ends."
    )


def _named_holder(holder: str) -> str:
    """The holder a lock file names (another process's words: on one line, cut)."""
    return shown(cut(holder)) if holder else "another process"


def build_running(index_dir: Path) -> str | None:
    """Who holds the build lock of `index_dir` ("pid 12 on host, started …", as `_write_holder`
    wrote it), or None when no build runs: a stale notice then says an update is under way
    instead of asking for one. The lock file is read first: a build holding the lock has written
    its holder there and empties it when it ends, so the lock itself is tried only when the file
    names a holder (a build that was killed leaves it named), and then for an instant (a build
    starting in that instant is refused as if another ran, as for any second build). A lock
    file that is no regular file (a FIFO, whose opening for reading would wait for a writer; a
    link) names no build: it is opened without waiting and without following a link."""
    try:
        descriptor = os.open(index_dir / LOCK, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        holder = _holder(descriptor)
        if not holder:
            return None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return holder
        return None  # named by a build that was killed: none runs
    except OSError:
        return None
    finally:
        os.close(descriptor)  # closing releases a lock taken here


def _write_holder(descriptor: int, path: Path) -> None:
    """Say in the lock file who holds it (for the IndexLocked message of a second build)."""
    holder = (
        f"pid {os.getpid()} on {socket.gethostname()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}"
    ).encode()
    try:
        os.ftruncate(descriptor, 0)
        if os.pwrite(descriptor, holder, 0) != len(holder):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    except OSError as err:
        raise IndexWriteError(f"Cannot write the lock file {path}: {err.strerror or err}.") from err
