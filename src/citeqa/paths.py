"""Absolute paths of the folders and files a user names, resolved as the system resolves them.

`Path.resolve()` raises RuntimeError on a symbolic link loop (Python 3.11), so a `--index`,
`--set` or `--cache` that is a loop, or leads through one, would end in a traceback. Every
path citeqa resolves goes through `real_path` instead: `os.path.realpath` resolves the same
way and leaves a loop as it is written, so the operation that then uses the path (making the
folder, reading the file) fails with ELOOP, and its own clear message says so; `inside`
(and `inside_real`, given the folder resolved) says whether a path, its links followed, lies in a
folder (a link out of the corpus is not read);
`not_a_folder` words why a name cannot be made a folder, whatever the error, and
`make_folder` makes a folder citeqa writes in (the index folder, the eval cache) or says why
not, in one wording for both (a read-only file system as such, not as "Permission denied");
`check_corpus_folder` says why a corpus given is no folder (a file: the folder that holds it);
`unusable_path` why the system would refuse a path before looking at it (a NUL character, a
name or a path longer than it takes), which otherwise surfaced as a ValueError or an
ENAMETOOLONG traceback from whichever step touched the path first.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from citeqa.errors import CorpusMissing, IndexWriteError


def real_path(path: Path | str) -> Path:
    """`path` made absolute, every symbolic link followed; a loop stays as written."""
    return Path(os.path.realpath(path))


def inside(path: Path | str, folder: Path | str) -> bool:
    """Whether `path`, every link followed, lies in `folder` (its links followed too): a file
    read from the corpus leading out of it (`inside_real` with the folder resolved here)."""
    return inside_real(path, real_path(folder))


def inside_real(path: Path | str, real_folder: Path) -> bool:
    """Whether `path`, every link followed, lies in `real_folder`, a folder already resolved
    by `real_path` (a corpus walk resolves its folder once, not again for each link): the one
    test of a file read from the corpus, or a link found in it, leading out of it."""
    return real_path(path).is_relative_to(real_folder)


NAME_MAX = 255
"""The longest name (one path component, in bytes) the usual file systems take."""
PATH_MAX = 4096
"""The longest path (in bytes, with its final NUL) the system takes (Linux's PATH_MAX)."""


def unusable_path(path: Path | str) -> str | None:
    """Why no file system call could use `path`, in words, or None: a NUL character, a name
    longer than NAME_MAX bytes, or an absolute form of PATH_MAX bytes or more."""
    text = os.fsencode(os.path.abspath(path))
    if b"\0" in text:
        return "it holds a NUL character"
    if len(text) >= PATH_MAX:
        return f"it is longer than the {PATH_MAX - 1} bytes a path may have"
    if any(len(name) > NAME_MAX for name in text.split(b"/")):
        return f"one of its names is longer than the {NAME_MAX} bytes a name may have"
    return None


def folder_key(folder: Path) -> str:
    """A name for something kept about `folder` (its index, its copy): its own name and a
    digest of its absolute path, so two folders of one name do not share it."""
    digest = hashlib.sha256(str(real_path(folder)).encode()).hexdigest()[:10]
    return f"{folder.name}-{digest}"


UNWRITABLE = {
    errno.EROFS: "the file system there is read-only",
    errno.EACCES: "this user may not write there (permission denied)",
}
"""Why a folder cannot be written in, by errno, in `make_folder`'s words."""


def not_a_folder(path: Path, err: OSError) -> str:
    """Why `mkdir(exist_ok=True)` could not make `path` a folder (`err`, any OSError), in words.
    When something is in the way (FileExistsError), a link that loops, or leads nowhere one can
    follow, says what following it gives, and a file says so; no permission or a read-only file
    system says so (`UNWRITABLE`); any other error says its own."""
    if not isinstance(err, FileExistsError):
        return UNWRITABLE.get(err.errno or 0) or err.strerror or str(err)
    try:
        path.stat()
    except OSError as found:
        return found.strerror or str(found)
    return "a file of that name is in the way" if not path.is_dir() else err.strerror or str(err)


def make_folder(folder: Path, what: str) -> Path:
    """`folder`, made when missing (with its parents) and checked writable: IndexWriteError
    naming it as `what` ("index folder", "eval cache folder") and saying why when it cannot be
    used (a file in the way, a link loop, no permission, a full disk), before anything is
    written there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _check_writable(folder)
    except OSError as err:
        raise IndexWriteError(
            f"Cannot use the {what} {folder}: {not_a_folder(folder, err)}."
        ) from None
    return folder


def _check_writable(folder: Path) -> None:
    """OSError when `folder` cannot be written in: EROFS when its file system is mounted
    read-only (os.access says only no, for both), else EACCES."""
    if os.access(folder, os.W_OK | os.X_OK):
        return
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    code = errno.EROFS if read_only else errno.EACCES
    raise OSError(code, os.strerror(code))


def file_kind(mode: int) -> str:
    """What a file that is no regular file is, by its `mode` (os.stat's st_mode), in the words
    messages use: "a FIFO", "a folder", "a socket", else "a device"."""
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISDIR, "a folder"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "a device")


_NOTHING_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
"""The errors of os.stat that mean nothing is there to follow (as `Path.exists` reads them on
Python 3.11 and 3.12): no such name, a file where a folder should be on the way, a link loop.
Any other (no permission) is an error of its own."""


def check_corpus_folder(corpus_dir: Path) -> None:
    """CorpusMissing when `corpus_dir` is not an existing folder, saying what it is instead: a
    file, with the folder that holds it (`--corpus notes/faq.md`), or another kind of file.
    One os.stat, its links followed."""
    try:
        mode = corpus_dir.stat().st_mode
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path names nothing
        if isinstance(err, OSError) and err.errno not in _NOTHING_THERE:
            raise
        raise CorpusMissing(f"Corpus folder not found: {corpus_dir}") from None
    if stat.S_ISDIR(mode):
        return
    if stat.S_ISREG(mode):
        raise CorpusMissing(
            f"{corpus_dir} is a file; give the folder that holds it: {corpus_dir.absolute().parent}"
        )
    raise CorpusMissing(f"Corpus path is {file_kind(mode)}, not a folder: {corpus_dir}")
