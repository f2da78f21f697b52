"""Owns the check that the files a build's manifest lists are as it wrote them, cheap on every
open, and which other files a user put in a build (`verify_files` returns them: theirs, no damage).

The manifest records every file's sha256. Hashing them all on every open costs time in
proportion to the index (a 200 MB vector file read in full, which also undoes memory-mapping),
so a build also writes `.verified.json`: each file's size and modification time once it was
hashed. An open hashes only the files whose size or time differ from it, as git's index does,
and, like git, trusts a time only when it is older than the record itself (a file changed in
the same clock tick as the record is hashed). A file altered in place gets a new time and is
hashed; an index copied without its times is hashed in full: correct, only slower.

A file damaged with its size and time kept (a disk's bit rot, a copy tool restoring times)
passes that cheap check, so `citeqa index` and `citeqa status --verify` ask for every file to
be hashed (`full`): a build must not call a damaged index up to date, and a verified status
must say it is damaged; `ask`, the chat and plain `status` keep the cheap check (its cost does
not grow with the index), and a damaged file `ask` reads still fails as corrupt.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from citeqa.corpus import file_sha256
from citeqa.errors import IndexCorrupt
from citeqa.jsonfiles import parse_json
from citeqa.jsonlines import write_file

STAMPS = ".verified.json"
"""Hidden, so the check of which files a build holds passes it over; written last. The one
hidden name citeqa writes in a build: publishing removes it with the build's listed files."""


def is_build_file_name(name: str) -> bool:
    """Whether a manifest's `index_files` entry names a file inside its build folder as a build
    writes it: a relative path of "/"-separated parts, none empty, "." or "..", no backslash or
    NUL. Anything else ("/etc/x", "../x": a hand-edited manifest) is damage, and the file it
    names is never stat'ed, opened or removed."""
    parts = name.split("/")
    return all(
        part not in ("", ".", "..") and "\\" not in part and "\0" not in part for part in parts
    )


def record_stamps(folder: Path, names: list[str]) -> None:
    """Write the size and time of each named file of `folder` (already hashed)."""
    stamps = {}
    for name in names:
        stat = (folder / name).stat()
        stamps[name] = [stat.st_size, stat.st_mtime_ns]
    write_file(folder / STAMPS, json.dumps(stamps, sort_keys=True).encode())


def verify_files(folder: Path, index_files: dict[str, str], *, full: bool = False) -> list[str]:
    """Every file the build's manifest lists is there with its recorded sha256; IndexCorrupt
    if not, or when it lists none. A file whose size and time are unchanged since it was hashed
    is trusted, unless `full`. An unlisted file of a kind citeqa writes (`is_build_kind`: its
    reader may open it by name, a manifest edited to drop it) is damage too; any other is a
    user's, never read, so no damage (a note dropped into the build called the index "altered"
    and the next update rebuilt it in full: probe s16-hostile). Returns the user's files, by
    their paths in the folder: kept (citeqa deletes only what it wrote), and listed by
    `citeqa status`."""
    unlisted: list[str] = []
    users: list[str] = []
    for name in _unlisted(folder, index_files):
        (unlisted if is_build_kind(name) else users).append(name)
    if unlisted or not index_files:
        raise IndexCorrupt(
            f"The manifest of {folder} does not list {', '.join(unlisted) or 'any file'};"
            " it was altered. Run `citeqa index`."
        )
    stamps, recorded_at = _read_stamps(folder)
    for name, expected in index_files.items():
        path = folder / name
        if not full and path.is_file() and _unchanged(path, stamps.get(name), recorded_at):
            continue
        if not path.is_file() or file_sha256(path) != expected:
            raise IndexCorrupt(
                f"The index is damaged: {path} is missing, truncated or altered;"
                " run `citeqa index`."
            )
    return users


def _unlisted(folder: Path, index_files: dict[str, str]) -> list[str]:
    """The files of a build folder its manifest does not list, by their paths in it. Hidden
    names are passed over: this module's record (the only hidden name citeqa writes in a build)
    and what a user's tools leave (`.DS_Store`)."""
    present = {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    } - {"manifest.json"}
    return sorted(present - set(index_files))


SPOOL_PREFIX, SPOOL_SUFFIX = ".spool-", ".f32"
"""The names of the vectors spooled at the top of a build while it is written
(vectorspool.spool_path): a temporary left by a killed build may hold them."""


def is_work_file(name: str) -> bool:
    """Whether `name` is of a file a build writes only while it is written (a spool)."""
    return "/" not in name and name.startswith(SPOOL_PREFIX) and name.endswith(SPOOL_SUFFIX)


def is_build_kind(name: str) -> bool:
    """Whether a build's file named `name` is one citeqa writes there (`_build_names`, the
    exact names of its writers, never an ending: a user's "my-data.json" is not one): such a
    file the manifest does not list is damage (a manifest edited to drop one its reader opens by
    name), any other a user's ("my-notes.txt", "mine/a.md")."""
    folder, _, file = name.rpartition("/")
    top, lexical, channel_patterns = _build_names()
    if folder:
        return folder == lexical[0] and file in lexical[1]
    return file in top or any(fnmatchcase(file, pattern) for pattern in channel_patterns)


@cache
def _build_names() -> tuple[frozenset[str], tuple[str, frozenset[str]], tuple[str, ...]]:
    """The names a build writes, taken from its writers (one source of truth): the files at its
    top (what an older build wrote too, which a later build may find), its lexical folder and
    the files in it, and the patterns of each vector channel's files ("*" for the channel).
    Imported here, not at the top: these writers import this module (store, via publishing)."""
    from citeqa import doctally, filelist, jsonlines, lexical, sentencetable, store

    tables = (jsonlines.CHUNKS_FILE, jsonlines.DOCUMENTS_FILE, doctally.TALLIES_FILE)
    runs = (name for key in (doctally.TERMS, doctally.STEMS) for name in doctally.runs_names(key))
    top = frozenset(
        [
            *tables,
            *(jsonlines.offsets_name(table) for table in tables),
            *runs,
            jsonlines.IDS,
            filelist.FILES,
            filelist.EARLIER_FILES,
            filelist.STAMPS,
            sentencetable.FILE,
            store.EARLIER_SENTENCES,
            store.STATISTICS,
        ]
    )
    return top, (lexical.FOLDER, lexical.saved_files()), store.channel_files("*")


def _unchanged(path: Path, stamp: object, recorded_at: int) -> bool:
    stat = path.stat()
    return stamp == [stat.st_size, stat.st_mtime_ns] and stat.st_mtime_ns < recorded_at


def _read_stamps(folder: Path) -> tuple[dict[str, object], int]:
    """The record and its own time; nothing to trust when it is missing or unreadable."""
    path = folder / STAMPS
    try:
        stamps = parse_json(path.read_bytes())
        recorded_at = path.stat().st_mtime_ns
    except (OSError, ValueError):
        return {}, 0
    return (stamps, recorded_at) if isinstance(stamps, dict) else ({}, 0)
