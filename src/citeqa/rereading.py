"""Which indexed files a change of reader makes stale: the version of each file's reader
(readers/base.py `Reader.version`) as the index recorded it, against the version now.

A build records in its manifest (`readers`) the version of the reader of each file ending, and
reads again every file whose reader's version differs (a file's reader as readers.reader_for_name
finds it: the .txt reader for "LICENSE") from the one the previous build recorded
(its chunks and vectors are not reused, as for a file whose content changed). So every document
of an index was read by the version its manifest gives for the document's ending: the record of
each file's reader, kept once per ending. An index written before readers had versions records
none: its files count as read by version 1 of every reader (the version each had then), so an
upgrade reads again only the formats whose reading changed since, not the whole corpus.

A file of a type no reader read when the index was built (recorded with the UNSUPPORTED digest,
never hashed) that one reads now (a .json file after the JSON reader came, session 21) is a
change too (`newly_read`): its size and time did not change, so the corpus's check alone said
the index was up to date, and its values were never searched until the user ran `citeqa index`
for some other reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from citeqa.filelist import FileList
from citeqa.readers import reader_suffix, reader_versions
from citeqa.unread import now_read, skipped_files

UNVERSIONED = 1
"""The version of every reader in an index that recorded none."""


def changed_endings(recorded: dict[str, int] | None) -> tuple[str, ...]:
    """The file endings whose reader is of another version now than the one the index recorded
    (`recorded`, None: an index that recorded none); () almost always, and then no file needs
    looking at: `citeqa ask` and `status` check this on every start, whatever the corpus's size."""
    return _changed(recorded or {}, reader_versions())


def _changed(then: dict[str, int], now: dict[str, int]) -> tuple[str, ...]:
    """The endings read `now` whose reader's version differs from `then`'s (UNVERSIONED when
    `then` gives none)."""
    return tuple(sorted(s for s, v in now.items() if then.get(s, UNVERSIONED) != v))


def outdated(recorded: dict[str, int] | None, files: Callable[[], Iterable[str]]) -> list[str]:
    """The files (paths relative to the corpus, documents only, as `files()` lists them) that
    the index's reader of their ending (`recorded`, None: an index that recorded none) read
    otherwise than now. `files` is not called when no reader changed (almost always), so an
    up-to-date check reads no file list, whatever the corpus's size."""
    return _ending_in(changed_endings(recorded), files)


def _ending_in(endings: tuple[str, ...], files: Callable[[], Iterable[str]]) -> list[str]:
    """The names of `files()` read by the reader of one of `endings` (lower-cased): by their
    ending, or by the .txt reader for "LICENSE" or "COPYING.LESSER" (readers.reader_suffix),
    `files` called only when there are some."""
    return [name for name, _ in _read_by(endings, files)]


def _read_by(endings: tuple[str, ...], files: Callable[[], Iterable[str]]) -> list[tuple[str, str]]:
    """Each name of `files()` read by the reader of one of `endings`, with that ending."""
    if not endings:
        return []
    read_by = ((name, reader_suffix(name)) for name in files())
    return [(name, suffix) for name, suffix in read_by if suffix is not None and suffix in endings]


NOW_READ = "of a type now read: "
"""How the change of a file skipped as of a type citeqa did not read, and reads now, begins."""


def newly_read(recorded: FileList, listed: Iterable[str] = ()) -> list[str]:
    """For `citeqa status`: one line per file the index skipped as of a type no reader read
    then and one reads now ("of a type now read: plans.yaml"), unless `listed` names it
    already (removed or modified: one line a file). Which files, as unread.skipped_files reads
    them: only the file and doc_id columns unless a skipped file has such an ending."""
    named = set(listed)
    return [
        f"{NOW_READ}{file.name}"
        for file in skipped_files(recorded)
        if now_read(file) and file.name not in named
    ]


CHANGED = "reader changed: "
"""How the change of a file whose reader changed begins (`reasons`)."""

_READ_BY = " (read by version "
"""What follows a reader change's file name (`reasons`): `reader_change` splits there."""

_VERSIONS = re.compile(r"(\d+) of the (\.\w+) reader, now (\d+);")


def reasons(recorded: dict[str, int] | None, files: Callable[[], Iterable[str]]) -> list[str]:
    """For `citeqa status`: one line per file whose reader changed since the index read it
    (one per file, as for a modified file, so that the count of changes is the count of lines
    listed), e.g. "reader changed: a.html (read by version 1 of the .html reader, now 2; ...)".
    `files` is called only then (`outdated`); the readers' versions are read once, for both
    which files changed and what each line says."""
    now = reader_versions()
    then = recorded or {}
    lines = []
    for name, suffix in _read_by(_changed(then, now), files):
        lines.append(
            f"{CHANGED}{name}{_READ_BY}{then.get(suffix, UNVERSIONED)} of the"
            f" {suffix} reader, now {now[suffix]}; `citeqa index` reads it again)"
        )
    return lines


class ReaderChange(NamedTuple):
    """A file a `reasons` line names and the reader that read it."""

    name: str
    """The file, as the line names it."""
    suffix: str
    """The ending of the reader that read it (".txt")."""
    then: int
    """The version of that reader that read it."""
    now: int
    """This citeqa's version of that reader."""

    @property
    def newer(self) -> bool:
        """Whether that reader is newer than this citeqa's (an index a newer citeqa built)."""
        return self.then > self.now

    @property
    def reader(self) -> str:
        """Which reader read it, in words: "an older .txt reader (version 1, now 3)"."""
        age = "a newer" if self.newer else "an older"
        return f"{age} {self.suffix} reader (version {self.then}, now {self.now})"


def reader_change(change: str) -> ReaderChange | None:
    """The file a `reasons` line names and which reader read it; None for any other change.
    The file's name is what lies between CHANGED and the line's last `_READ_BY` (a name may
    hold those words too: what follows the last one is the line's own)."""
    if not change.startswith(CHANGED):
        return None
    name, found, versions = change.removeprefix(CHANGED).rpartition(_READ_BY)
    matched = _VERSIONS.match(versions)
    if not found or matched is None:
        return None
    return ReaderChange(name, matched[2], int(matched[1]), int(matched[3]))
