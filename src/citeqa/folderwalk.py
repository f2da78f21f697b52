"""The walk of a corpus folder: which files it holds, with their sizes and times, and notes on
what it leaves out (links to folders or outside the corpus, loops, names that are not UTF-8,
folders that cannot be listed, FIFOs, sockets and devices, found by their `lstat` and never
opened), and the hidden names and tools' folders it passes over, counted apart (`hidden`).

Hidden names (".git", ".env", ".netrc", an editor's settings, a notes app's .trash) are
passed over, but for the hidden folders a project keeps its documentation in (.github:
CONTRIBUTING.md, SECURITY.md; citeqa/data/checkout_files.json's read_hidden_folders), walked
as any folder (s24 trial: "How do I report a security vulnerability in attrs?" could not
find .github/SECURITY.md, and nothing said it was left out), and the hidden files documenting
a project's settings (".env.example": read_hidden_files; s38 trial: it was left out, while
the private ".env" stays so). A folder a tool writes
(node_modules, __pycache__, .venv, .tox: tool_folders) is passed over too: its files are
downloads and caches, never the user's documents. An office program's lock file
("~$port.docx", written beside a document while it is open: lock_file_prefixes) is passed over
as a hidden name (s37 trial: it was counted "unreadable (damaged or without text)").

corpus.py decides what is a document; this module only lists, as cheaply as a walk in Python
can (no Path per file, no recursion).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from os import stat_result
from pathlib import Path
from stat import S_ISDIR, S_ISLNK, S_ISREG
from typing import NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.paths import file_kind, inside_real, real_path


class CorpusStamps(NamedTuple):
    """The corpus files (as `list_corpus_files` lists them) by relative posix path, sorted,
    with the size and modification time (ns) of each, as parallel lists."""

    names: list[str]
    sizes: list[int]
    mtimes_ns: list[int]


class LeftOut(NamedTuple):
    """A name the walk left out, with the note that says why."""

    name: str
    """Its path relative to the corpus ("sub/pipe")."""
    note: str
    """ "name: why", as a build lists it among the skipped files."""


@dataclass(frozen=True)
class FolderWalk:
    """What a walk of the corpus folder found: its files, and what it left out."""

    files: CorpusStamps
    left_out: list[LeftOut]
    """What it left out with a note (a link leading outside, a FIFO...), in the order met."""
    hidden: list[str] = field(default_factory=list)
    """The hidden names and tools' folders it passed over, relative, a folder ending in "/"
    (".git/", ".gitignore", "node_modules/"), in the order met: a build's report counts them."""

    def notes(self) -> list[str]:
        """ "name: why" for each name left out, as a build lists its skipped files."""
        return [left.note for left in self.left_out]

    def left_out_names(self) -> list[str]:
        """The relative name of each file or folder left out."""
        return [left.name for left in self.left_out]


def walk_folder(corpus_dir: Path, skipped: set[str]) -> FolderWalk:
    """The files under `corpus_dir` (but the relative names in `skipped`) with their sizes
    and times, in sorted order, and what the walk left out, each with its note."""
    walk = _Walk(real_path(corpus_dir), skipped)
    walk.walk(corpus_dir)
    stamps = CorpusStamps(walk.names, walk.sizes, walk.mtimes_ns)
    return FolderWalk(stamps, walk.left_out, walk.hidden)


_Visit = tuple[str, str, Iterator[tuple[str, stat_result | None]]]
"""A folder being walked: its relative name ("sub/"), its path, the rest of its listing."""


class _Walk:
    """What a walk of the corpus found so far: the name, size and time of each file (as
    columns, in sorted order), and what it left out, each name with its note.

    Each folder is listed by descriptor and its entries `lstat`ed relative to it (no path
    lookup, no object per entry but the stat), then visited in sorted order, a folder sorting
    as its name plus "/": so the files come out in the order of their sorted relative paths,
    with no sort of the whole list (36,612 files: 0.14 -> 0.11 s of CPU)."""

    def __init__(self, root: Path, skipped: set[str]) -> None:
        self.root, self.skipped = root, skipped
        self.names: list[str] = []
        self.sizes: list[int] = []
        self.mtimes_ns: list[int] = []
        self.left_out: list[LeftOut] = []
        self.hidden: list[str] = []

    def walk(self, corpus_dir: Path) -> None:
        """Record the files under `corpus_dir`, depth first in sorted order (a stack of the
        folders being visited, each with the rest of its listing: no recursion)."""
        pending = [self._folder("", os.fspath(corpus_dir), corpus_dir)]
        while pending:
            prefix, path, entries = pending[-1]
            for key, stat in entries:
                if not _encodable(key):  # its name could not be stored in the index's files
                    self._note(prefix + key, NOT_UTF8)
                    continue
                if key.endswith("/"):  # visit it now, then the rest of this listing
                    folder = os.path.join(path, key[:-1])
                    pending.append(self._folder(prefix + key, folder, corpus_dir))
                    break
                if prefix + key not in self.skipped:
                    self._file(prefix + key, stat or self._link(prefix + key, path, key))
            else:
                pending.pop()

    def _note(self, name: str, reason: str, shown: str | None = None) -> None:
        """Leave out `name` (relative), saying why; the note names it as `shown` if given."""
        self.left_out.append(LeftOut(name, f"{shown or name}: {reason}"))

    def _unlisted(self, folder: Path, corpus_dir: Path, error: OSError) -> None:
        """Leave out a folder that could not be listed: its name once in the note, the reason
        in words (str(error) named the absolute path again: a folder past PATH_MAX was a 8 KB
        line)."""
        name = relative_path(folder, corpus_dir)
        self._note(name, f"cannot be listed ({error.strerror or error})", shown=f"{name}/")

    def _folder(self, prefix: str, path: str, corpus_dir: Path) -> _Visit:
        """The folder `path` (relative name `prefix`) to visit: its sorted listing, or none
        (with a note) when it cannot be listed."""
        listing: list[tuple[str, stat_result | None]] = []
        try:
            descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as error:
            self._unlisted(Path(path), corpus_dir, error)
            return prefix, path, iter(listing)
        try:
            listing = self._listing(descriptor, prefix)
        except OSError as error:
            self._unlisted(Path(path), corpus_dir, error)
        finally:
            os.close(descriptor)
        return prefix, path, iter(listing)

    def _listing(self, descriptor: int, prefix: str) -> list[tuple[str, stat_result | None]]:
        """The entries of the open folder (relative name `prefix`) walked, sorted: (name +
        "/", None) for a folder, (name, its lstat) for a file, (name, None) for a symbolic
        link; the hidden names and tools' folders passed over go to `hidden`."""
        listing: list[tuple[str, stat_result | None]] = []
        hidden: list[str] = []
        for name in os.listdir(descriptor):
            try:
                stat = os.stat(name, dir_fd=descriptor, follow_symlinks=False)
            except OSError:
                continue
            if S_ISDIR(stat.st_mode):
                if _folder_passed_over(name):
                    hidden.append(prefix + name + "/")
                    continue
                listing.append((name + "/", None))
            elif _file_passed_over(name, stat):
                hidden.append(prefix + name)  # a hidden name, or an office program's lock file
            else:  # a file, a link (None: its target is found later), a FIFO, a socket...
                listing.append((name, None if S_ISLNK(stat.st_mode) else stat))
        self.hidden.extend(sorted(hidden))
        listing.sort()
        return listing

    def _file(self, name: str, stat: stat_result | None) -> None:
        """Record a regular file; note anything else (a FIFO, a socket, a device, itself or
        as a link's target), never opened: reading a FIFO would wait for a writer."""
        if stat is None:
            return
        if S_ISREG(stat.st_mode):
            self.names.append(name)
            self.sizes.append(stat.st_size)
            self.mtimes_ns.append(stat.st_mtime_ns)
        else:
            self._note(name, _not_regular(stat.st_mode))

    def _link(self, name: str, folder: str, entry: str) -> stat_result | None:
        """The target's stat of a symbolic link kept as a file; None, with a note as for a
        link to a file left out, for a link to a folder (not followed), a loop, a dangling
        link or one leading outside the corpus."""
        path = os.path.join(folder, entry)
        try:
            target: stat_result | None = os.stat(path)
        except OSError:
            target = None
        if target is not None and S_ISDIR(target.st_mode):
            self._note(name, FOLDER_LINK)
            return None
        problem = _link_problem(Path(path), self.root)
        if problem is not None:
            self._note(name, problem)
            return None
        if target is not None and _leads_to_passed_over(Path(path), self.root):
            self._note(name, HIDDEN_LINK)
            return None
        return target


def _folder_passed_over(name: str) -> bool:
    """Whether the walk passes over a folder of this `name`: a tool's (node_modules) or a
    hidden one but those a project keeps its documentation in (.github)."""
    lowered = name.lower()
    if lowered in checkout_names("tool_folders"):
        return True
    return name.startswith(".") and lowered not in checkout_names("read_hidden_folders")


def _file_passed_over(name: str, stat: stat_result) -> bool:
    """Whether the walk passes over a file of this `name` (`stat` not followed): a hidden
    one, or an office program's lock file."""
    hidden = _hidden_file(name, stat, checkout_names("read_hidden_files"))
    return hidden or name.startswith(_lock_prefixes())


@cache
def _lock_prefixes() -> tuple[str, ...]:
    """The prefixes of an office program's lock files (checkout_files.json), as startswith
    takes them, made once for the walk's every file."""
    return tuple(checkout_names("lock_file_prefixes"))


def _hidden_file(name: str, stat: stat_result, read_hidden_files: frozenset[str]) -> bool:
    """Whether a file's `name` is hidden and not one of the hidden files documenting a
    project's settings (checkout_files.json's read_hidden_files: ".env.example") kept as a
    regular file (`stat`, not followed): such a name linking to the private ".env" is left
    out with it (s40 hostile L2: its secrets were indexed and quoted)."""
    if not name.startswith("."):
        return False
    return name.lower() not in read_hidden_files or not S_ISREG(stat.st_mode)


def _leads_to_passed_over(link: Path, root: Path) -> bool:
    """Whether a symbolic link inside the corpus, with an ordinary name, leads to a file the
    walk passes over: the private ".env", a file under ".git/" or "node_modules/" (s41 hostile
    M5: "settings.txt" linking to ".env" had its secrets indexed and quoted). `root` is the
    corpus folder, its links followed."""
    target = link.resolve(strict=True)
    try:
        *folders, name = target.relative_to(root).parts
    except ValueError:  # inside by paths.inside_real's test, which folds what this does not
        return False
    if any(_folder_passed_over(folder) for folder in folders):
        return True
    return _file_passed_over(name, target.stat())


@cache
def checkout_names(key: str) -> frozenset[str]:
    """The names citeqa/data/checkout_files.json lists under `key`, lower case (the file read
    once for all its keys' users: this walk, readers.plain_text_names)."""
    data = data_json("checkout_files.json")
    names = data.get(key, []) if isinstance(data, dict) else []
    return frozenset(str(name).lower() for name in names)


def _not_regular(mode: int) -> str:
    """Why a name that is no regular file is left out, saying what it is."""
    return f"{NOT_REGULAR} ({file_kind(mode)})"


NOT_REGULAR = "not a regular file"
"""Why a FIFO, a socket or a device in the corpus is left out (it is never opened)."""
FOLDER_LINK = "link to a folder, not followed (link its files, or copy the folder in)"
"""Why a symbolic link to a folder is left out: following one could loop or index a folder
twice."""
HIDDEN_LINK = "link to a hidden file, not followed"
"""Why a symbolic link to a file the walk passes over (".env", one under ".git/") is left out:
its ordinary name must not open what the walk keeps out."""
NOT_UTF8 = "name is not valid UTF-8; rename it to have it indexed"
"""Why a file or folder whose name holds bytes that are not UTF-8 is left out: the index's
files (documents.jsonl, files.jsonl) are UTF-8 JSON and could not record its path."""


def _encodable(name: str) -> bool:
    """Whether a listed name is text (os.listdir hands bytes that are not UTF-8 over as lone
    surrogates, which no UTF-8 file can hold)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symbolic link to a file is left out (a loop, a dangling or an outside link).
    `root`: the corpus folder, its links followed (`real_path`), once a walk; the target,
    resolved here (strictly: a loop or a dangling link is told apart), is compared with it by
    `paths.inside_real`, the test `paths.inside` makes too."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        return "symbolic link loop"
    except OSError as error:
        return "symbolic link loop" if error.errno == errno.ELOOP else "broken symbolic link"
    if not target.is_file() or not inside_real(target, root):
        return "link to a file outside the corpus"
    return None


def relative_path(path: Path, corpus_dir: Path) -> str:
    """The path relative to the corpus, in posix form ("sub/notes.md")."""
    try:
        return path.relative_to(corpus_dir).as_posix()
    except ValueError:
        return path.as_posix()
