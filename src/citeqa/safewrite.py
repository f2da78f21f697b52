"""Owns the two ways citeqa writes a small file so that none is ever left half-written:

- `write_new_file(path, data)`: create `path` (never an existing name, a link neither),
  write `data` whole and fsync it; a write that fails removes the file it created. The index
  marker (ownership.py) and the chat's exports (outputs.py) are written so.
- `replace_whole(target, data, prefix)`: a new file beside `target` (tempfile.mkstemp, a name
  no other run, nor a killed run's leftover, can hold), written whole and fsynced, then
  os.replace over `target`; on any failure the temporary file is removed and `target` is as
  it was. Eval's report (outputs.py) and the chat's saved choices (userdirs.py) are written so.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (FileExistsError when anything has that name) with `data`, synced."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    _write_or_remove(descriptor, Path(path), data)


def replace_whole(target: Path, data: bytes, prefix: str) -> None:
    """Replace `target` with a file holding `data`, whole or not at all."""
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
    temporary = Path(name)
    os.fchmod(descriptor, 0o644)
    _write_or_remove(descriptor, temporary, data)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_or_remove(descriptor: int, path: Path, data: bytes) -> None:
    """Write `data` whole to the open `descriptor` of `path`, fsync and close it; on any
    failure close it and remove `path`."""
    try:
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        path.unlink(missing_ok=True)
        raise
    os.close(descriptor)
