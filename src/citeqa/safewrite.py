"""Owns the two ways citeqa writes a small file so that none is ever left half-written:

- `write_new_file(path, data)`: create `path` (never an existing name, a link neither),
  write `data` whole and fsync it; a write that fails removes the file it created. The index
  marker (ownership.py) and the chat's exports (outputs.py) are written so.
- `replace_whole(target, data, prefix)`: a new file beside `target` (tempfile.mkstemp, a name
  no other run, nor a killed run's leftover, can hold), written whole and fsynced, then
  os.replace over `target`; on any failure the temporary file is removed and `target` is as
  it was. Eval's report (outputs.py), the chat's saved choices (userdirs.py, `mode` 0o600)
  and a model copy's manifest (usecopies.record_folder, written `beside` the copy's folder)
  are written so. The new file gets `mode` when given, else keeps `target`'s mode when
  `target` exists, else 0o666 less the process's umask (what `open` would give it).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
from pathlib import Path


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (FileExistsError when anything has that name) with `data`, synced."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    _write_or_remove(descriptor, Path(path), data)


def replace_whole(
    target: Path, data: bytes, prefix: str, mode: int | None = None, beside: Path | None = None
) -> None:
    """Replace `target` with a file holding `data`, whole or not at all; the new file has
    `mode` if given, else `target`'s mode if it exists, else 0o666 less the umask. It is
    written in `target`'s folder, or in `beside` (on the same file system) when given."""
    wanted = mode
    if wanted is None:
        try:
            wanted = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            wanted = 0o666 & ~_umask()
    folder = target.parent if beside is None else beside
    descriptor, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    temporary = Path(name)
    _write_or_remove(descriptor, temporary, data, wanted)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@functools.cache
def _umask() -> int:
    """The process's umask, read once (reading it means setting it for a moment)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _write_or_remove(descriptor: int, path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` whole to the open `descriptor` of `path` (first given `mode`, if any,
    where the file system allows it), fsync and close it; on any failure close it and remove
    `path`."""
    try:
        if mode is not None:
            with contextlib.suppress(OSError):  # EPERM on vfat, FUSE: keep mkstemp's 0600
                os.fchmod(descriptor, mode)
        write_all(descriptor, data)
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        path.unlink(missing_ok=True)
        raise
    os.close(descriptor)


def write_all(descriptor: int, data: bytes) -> None:
    """Write `data` whole to the open `descriptor` (os.write may write part of it); a write
    that takes nothing is a full device (ENOSPC)."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]
