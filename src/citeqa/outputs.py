"""Owns writing the files citeqa makes for a user to read: eval's `--report`, the chat's
conversation exports. A file of the user's is never replaced, and none is left half-written.

- `replace_own(path, text, headings)`: a report. It replaces only a file that is itself one
  of citeqa's (it starts with one of `headings`) or is empty, so `--report notes.md` no
  longer wipes the user's notes; a regular file is written whole or not at all
  (safewrite.replace_whole), so a full disk keeps the previous report; anything else (a
  device, a FIFO, `--report /dev/stdout` into a pipe) is written as it is. A path that names
  the file behind one of this process's open descriptors (`--report /dev/stdout > out.md`,
  /dev/fd/N, /proc/self/fd/N, or out.md itself) is written through that descriptor, never
  replaced: a new inode there would swallow everything printed after it, and `>>` would
  become a replace.
- `write_new(folder, stem, suffix, text)`: an export. It never replaces anything: a name
  already taken (two exports in one second, from two chats, or a link planted there) gets
  `-2`, `-3`... ; a write that fails removes the file it created (safewrite.write_new_file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from pathlib import Path

from citeqa.paths import real_path
from citeqa.safewrite import replace_whole, write_all, write_new_file

NOT_OURS = (
    "it exists and is not a citeqa report (citeqa replaces only its own reports);"
    " remove it or name another file"
)
MAX_TAKEN = 1000
"""Names tried for one export before giving up (`-2` ... `-999`)."""


def replace_own(path: Path, text: str, headings: tuple[str, ...]) -> None:
    """Write `text` to `path` (a link: to its target): OSError when it cannot, and
    FileExistsError when a non-empty regular file there does not start with one of
    `headings`. Anything but a regular file (a pipe, a terminal, /dev/stdout, whatever it
    stands for) is opened as given and written as it is."""
    try:
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    descriptor = _open_descriptor(path, status) if status is not None else None
    if descriptor is not None:
        _write_through(descriptor, text.encode("utf-8"))
        return
    if status is not None and not stat.S_ISREG(status.st_mode):
        with open(path, "w", encoding="utf-8") as stream:  # a device or FIFO: as it is
            stream.write(text)
        return
    target = real_path(path)  # os.stat followed the same links: `status` is the target's
    if status is not None and status.st_size and not _starts_with(target, headings):
        raise FileExistsError(errno.EEXIST, NOT_OURS)
    replace_whole(target, text.encode("utf-8"), ".citeqa-")


def write_new(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Write `text` to a new file `folder/stem+suffix` (created with the folder if needed),
    or `stem-2+suffix`... when that name is taken; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, MAX_TAKEN):
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            write_new_file(path, text.encode("utf-8"))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, f"{MAX_TAKEN - 1} files named {stem}… exist already")


_FD_PATH = re.compile(r"/(?:dev/fd|proc/self/fd|proc/(\d+)/fd)/(\d+)")


def _open_descriptor(path: Path, status: os.stat_result) -> int | None:
    """The descriptor of this process that `path` names (/dev/fd/N, /proc/self/fd/N) or whose
    file it is (`status`, os.stat of `path`: stdout, stderr: /dev/stdout, or `out.md` when
    stdout goes there), if any."""
    named = _FD_PATH.fullmatch(str(path))
    if named and (named.group(1) is None or int(named.group(1)) == os.getpid()):
        number = int(named.group(2))
        try:
            os.fstat(number)
        except OSError:
            return None
        return number
    for number in (1, 2):
        try:
            if os.path.samestat(status, os.fstat(number)):
                return number
        except OSError:
            continue
    return None


def _write_through(descriptor: int, data: bytes) -> None:
    """Write `data` whole to the open `descriptor`, after what Python holds buffered for
    stdout and stderr, so the report lands in order with the rest of the output."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    write_all(descriptor, data)


def _starts_with(path: Path, headings: tuple[str, ...]) -> bool:
    """Whether the file at `path` begins with one of `headings` (read no further)."""
    longest = max(len(heading.encode()) for heading in headings)
    with open(path, "rb") as stream:
        start = stream.read(longest)
    return any(start.startswith(heading.encode()) for heading in headings)
