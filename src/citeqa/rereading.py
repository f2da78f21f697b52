"""Which indexed files a change of reader makes stale: the version of each file's reader
(readers/base.py `Reader.version`) as the index recorded it, against the version now.

A build records in its manifest (`readers`) the version of the reader of each file ending, and
reads again every file whose reader's version differs from the one the previous build recorded
(its chunks and vectors are not reused, as for a file whose content changed). So every document
of an index was read by the version its manifest gives for the document's ending: the record of
each file's reader, kept once per ending. An index written before readers had versions records
none: its files count as read by version 1 of every reader (the version each had then), so an
upgrade reads again only the formats whose reading changed since, not the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from citeqa.readers import reader_versions

UNVERSIONED = 1
"""The version of every reader in an index that recorded none."""


def outdated(recorded: dict[str, int] | None, files: Iterable[str]) -> list[str]:
    """The files (paths relative to the corpus, documents only) that the index's reader of
    their ending (`recorded`, None: an index that recorded none) read otherwise than now."""
    now = reader_versions()
    then = recorded or {}
    changed = []
    for name in files:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix in now and then.get(suffix, UNVERSIONED) != now[suffix]:
            changed.append(name)
    return changed


def reasons(recorded: dict[str, int] | None, files: Iterable[str]) -> list[str]:
    """For `citeqa status`: one line per file whose reader changed since the index read it
    (one per file, as for a modified file, so that the count of changes is the count of lines
    listed), e.g. "reader changed: a.html (read by version 1 of the .html reader, now 2; ...)"."""
    now = reader_versions()
    then = recorded or {}
    lines = []
    for name in outdated(recorded, files):
        suffix = PurePosixPath(name).suffix.lower()
        lines.append(
            f"reader changed: {name} (read by version {then.get(suffix, UNVERSIONED)} of the"
            f" {suffix} reader, now {now[suffix]}; `citeqa index` reads it again)"
        )
    return lines
