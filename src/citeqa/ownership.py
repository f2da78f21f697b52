"""Which folder is a citeqa index, and which names in it citeqa may write or remove.

citeqa deletes only what it created. An index folder carries a marker file, `citeqa-index.json`,
written once when citeqa first builds there. The marker holds a random token; every build folder
and temporary name citeqa creates is `build-<token>-<stamp>` or `.tmp-<token>-[<what>-]<stamp>`
(`STAMP`), and only names of exactly that shape are citeqa's: a user's `build-plan.txt`,
`.tmp-notes`, `build-scripts/` or copy `build-<token>-<stamp>-backup/` never matches, whatever it
looks like (a build's manifest also records its folder's name: publishing.py). The other names
of the layout (`current`, `.lock`, `.readers`, the marker) are created by citeqa in a folder it
owns; `current` is only ever replaced when it is a symbolic link.

Building into a folder is refused when it is not empty and carries no marker, when it lies
inside the corpus, and when the corpus lies inside it.

Migration: an index folder of the previous version (no marker) is adopted only when every entry
in it is part of that version's layout (`current` linking to a `build-*` folder, `build-*`
folders holding a `manifest.json`, `.lock`, `.tmp-*`). The `build-*` folders present then are
recorded in the marker as citeqa's; `.tmp-*` entries are left alone (they cannot be told apart
from a user's files), and anything else makes the folder a user's folder: refused.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from citeqa.errors import IndexRefused, IndexWriteError
from citeqa.jsonfiles import read_object
from citeqa.paths import file_kind, make_folder, real_path
from citeqa.safewrite import write_new_file
from citeqa.visible import shown

MARKER = "citeqa-index.json"
"""The file that makes a folder a citeqa index folder."""
MARKER_KIND = "citeqa index folder"
CURRENT = "current"
LOCK = ".lock"
READERS = ".readers"
"""Readers hold a shared lock on it while loading; superseded builds go only under an exclusive
one, so a reader never sees a build half deleted."""
LAYOUT_FILES = (MARKER, CURRENT, LOCK, READERS)
TMP_PREFIX = ".tmp-"
BUILD_PREFIX = "build-"
STAMP = r"[0-9]{8}T[0-9]{6}-[0-9]{9}-[0-9]+"
"""The shape of `_stamp()`: the end of every build and temporary name citeqa creates."""


@dataclass(frozen=True)
class Ownership:
    """A citeqa index folder and the names in it that citeqa created."""

    folder: Path
    token: str
    adopted: frozenset[str] = frozenset()
    """Build folders of the previous version, recorded when the folder was adopted."""

    def is_build(self, name: str) -> bool:
        """True for a build folder's name (`new_build_names`, exactly) or an adopted build."""
        return self._build_name.fullmatch(name) is not None or name in self.adopted

    def is_temporary(self, name: str) -> bool:
        """True for a temporary's name (`temporary_name`, `new_build_names`), exactly."""
        return self._temporary_name.fullmatch(name) is not None

    @functools.cached_property
    def _build_name(self) -> re.Pattern[str]:
        """The shape of this folder's build names, compiled once."""
        return re.compile(f"{BUILD_PREFIX}{self.token}-{STAMP}")

    @functools.cached_property
    def _temporary_name(self) -> re.Pattern[str]:
        """The shape of this folder's temporary names, compiled once."""
        return re.compile(f"{re.escape(TMP_PREFIX)}{self.token}-([a-z]+-)?{STAMP}")

    def temporary_name(self, what: str) -> Path:
        """A fresh temporary path citeqa owns (`.tmp-<token>-<what>-<time>`)."""
        return self.folder / f"{TMP_PREFIX}{self.token}-{what}-{_stamp()}"

    def new_build_names(self) -> tuple[Path, str]:
        """A temporary folder for a build and the final name it will get."""
        stamp = _stamp()
        return (
            self.folder / f"{TMP_PREFIX}{self.token}-{stamp}",
            f"{BUILD_PREFIX}{self.token}-{stamp}",
        )


def _stamp() -> str:
    return (
        time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        + f"-{time.time_ns() % 1_000_000_000:09d}-{os.getpid()}"
    )


def read_marker(index_dir: Path) -> Ownership | None:
    """The folder's ownership from its marker; None without a (valid) marker."""
    try:
        data = read_object(index_dir / MARKER)
    except (OSError, ValueError):
        return None
    if data.get("kind") != MARKER_KIND:
        return None
    token, adopted = data.get("token"), data.get("adopted", [])
    if not isinstance(token, str) or not token.isalnum() or not isinstance(adopted, list):
        return None
    names = frozenset(name for name in adopted if isinstance(name, str) and "/" not in name)
    return Ownership(index_dir, token, names)


def check_separate(index_dir: Path, corpus_dir: Path) -> None:
    """Refuse an index inside its corpus, a corpus inside its index, or one folder for both."""
    index, corpus = real_path(index_dir), real_path(corpus_dir)
    if index == corpus or index.is_relative_to(corpus):
        raise IndexRefused(
            f"The index folder {index_dir} is inside the corpus {corpus_dir}: choose an index"
            " folder outside the documents."
        )
    if corpus.is_relative_to(index):
        raise IndexRefused(
            f"The corpus {corpus_dir} is inside the index folder {index_dir}: choose an index"
            " folder that does not hold the documents."
        )


def claim(index_dir: Path) -> Ownership:
    """The ownership of `index_dir` for writing: create the folder and its marker when it is new
    (or empty, or an index of the previous version); IndexRefused when it is a user's folder."""
    make_folder(index_dir, "index folder")
    found = read_marker(index_dir)
    if found is not None:
        _touch_layout(index_dir)  # a marker that came without them (a checkout's index/)
        return found
    entries = _entries(index_dir)
    adopted = _legacy_builds(index_dir, entries)
    if entries and adopted is None:
        raise IndexRefused(
            f"{index_dir} is not empty and is not a citeqa index folder"
            f" ({_marker_problem(index_dir)}); citeqa builds only into a new or empty folder,"
            " or one it built. Choose another --index folder."
        )
    return _create_marker(index_dir, sorted(adopted or []))


def _marker_problem(index_dir: Path) -> str:
    """Why `read_marker` found no valid marker, in the words of `claim`'s refusal: none there,
    one that is no regular file (a FIFO...), one that cannot be read, or one that is not ours."""
    try:
        mode = os.stat(index_dir / MARKER).st_mode
    except FileNotFoundError:
        return _missing_marker(index_dir / MARKER)
    except OSError as err:
        return f"its {MARKER} cannot be read: {err.strerror or err}"
    if not stat.S_ISREG(mode):
        return f"its {MARKER} is not a regular file but {file_kind(mode)}"
    return f"its {MARKER} is not a citeqa index marker"


def _missing_marker(marker: Path) -> str:
    """What stands where no marker could be found: nothing, or a symbolic link to nothing."""
    try:
        target = os.readlink(marker)
    except OSError:
        return f"it has no {MARKER}"
    return f"its {MARKER} is a symbolic link to {shown(target)}, which does not exist"


def missing_folders(index_dir: Path) -> list[Path]:
    """`index_dir` and those of its parents that do not exist yet, deepest first: the folders a
    build there would create (`remove_unused` takes them back when the build fails).

    The path is taken as written, as `mkdir(parents=True)` takes it: `a/../b` with no `a/`
    creates `a/` and `b/`. A `..` prefix names a folder made (or found) under another name, so
    it is left out; normalising the path instead (os.path.abspath) would drop `a/`, which the
    build still creates, and would change which folder a `..` after a symbolic link names."""
    made: list[Path] = []
    for path in (index_dir, *index_dir.parents):
        if path.exists() or path.is_symlink():
            break
        if path.name != "..":
            made.append(path)
    return made


def remove_unused(made: list[Path]) -> None:
    """After a failed build: remove the folders `made` (created by this run, deepest first)
    when the index folder holds nothing but what claiming it wrote (the marker and the lock
    files: no build, no temporary, nothing of a user's), and no other build holds its lock.
    A folder that existed before the run is never in `made`; one that is not empty stays.
    The failed build released its build lock on leaving publishing.claimed_and_locked, so the
    lock taken here is the only one held: it tells whether another build came in since."""
    if not made:
        return
    index_dir = made[0]
    try:
        names = {path.name for path in index_dir.iterdir()}
        lock = os.open(index_dir / LOCK, os.O_RDONLY) if LOCK in names else None
    except OSError:
        return
    try:
        if lock is not None:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: another build runs
        if names <= {MARKER, LOCK, READERS}:
            for name in sorted(names, key=lambda name: name != MARKER):  # the marker first
                (index_dir / name).unlink(missing_ok=True)
            for folder in made:
                folder.rmdir()  # OSError when something else came in: it stays
    except OSError:
        return
    finally:
        if lock is not None:
            os.close(lock)


def _entries(index_dir: Path) -> list[Path]:
    try:
        return list(index_dir.iterdir())
    except OSError as err:
        raise IndexWriteError(f"Cannot read the index folder {index_dir}: {err}.") from err


def _legacy_builds(index_dir: Path, entries: list[Path]) -> set[str] | None:
    """The build folders of a previous-version index, or None when the folder is not one."""
    builds: set[str] = set()
    link = index_dir / CURRENT
    if not entries or not link.is_symlink():
        return None
    for path in entries:
        name = path.name
        if name.startswith(BUILD_PREFIX) and not path.is_symlink() and path.is_dir():
            if not (path / "manifest.json").is_file():
                return None
            builds.add(name)
        elif name == LOCK and path.is_file() and not path.is_symlink():
            continue
        elif name != CURRENT and not name.startswith(TMP_PREFIX):
            return None
    target = os.readlink(link)
    return builds if target in builds else None


def _create_marker(index_dir: Path, adopted: list[str]) -> Ownership:
    """Write the marker exclusively (a concurrent first build may win; then its marker rules)."""
    token = secrets.token_hex(6)
    data = {"kind": MARKER_KIND, "version": 1, "token": token, "adopted": adopted}
    data["note"] = "citeqa removes only the names it created in this folder; see citeqa's docs."
    owner = Ownership(index_dir, token, frozenset(adopted))
    temporary = owner.temporary_name("marker")
    try:
        write_new_file(temporary, json.dumps(data, indent=2).encode() + b"\n")
        try:
            os.link(temporary, index_dir / MARKER)
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
        _touch_layout(index_dir, strict=True)
    except OSError as err:
        raise IndexWriteError(
            f"Cannot write the index marker in {index_dir}: {err.strerror or err}."
        ) from err
    winner = read_marker(index_dir)
    if winner is None:
        raise IndexRefused(f"{index_dir / MARKER} is not a citeqa index marker.")
    return winner


def _touch_layout(index_dir: Path, *, strict: bool = False) -> None:
    """Create the lock files of the layout when missing."""
    for name in (LOCK, READERS):
        try:
            (index_dir / name).touch(exist_ok=True)
        except OSError:
            if strict:
                raise
