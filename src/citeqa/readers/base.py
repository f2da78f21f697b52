"""What every file reader shares: the `Reader` interface, what it extracts, and how it refuses.

A reader turns one file's content into the text that citation offsets point into. Readers of
text formats (`decoded = True`) receive the file already decoded by corpus.py (which owns
encodings and binary sniffing); the others receive the raw bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from citeqa.models import Series

TITLE_MAX = 120
"""Titles are cut to this many characters."""


class UnreadableDocument(Exception):
    """A file that is skipped; `reason` says why, for the person who owns the corpus."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Extracted:
    """A file's text as a reader extracted it."""

    text: str
    page_starts: list[int] | None = None
    """Offset in `text` where each page starts (paged formats only)."""
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    """The title the file states (e.g. HTML <title>), if any."""
    titled_pages: list[int] | None = None
    """The numbers (from 0) of the pages opening with a line set larger than their text: a
    slide's title (PDFs only)."""
    kind: str | None = None
    """The kind of document the file holds when it is another format's than its reader's
    (a .txt file holding a WebVTT body: "vtt"), else None (the reader's `kind`)."""
    series: list[Series] = field(default_factory=list)
    """A calendar's events that repeat (Document.series)."""


class Reader(Protocol):
    """Reads one file format."""

    kind: str
    """Document.kind of what it reads ("txt", "pdf", ...)."""
    suffixes: tuple[str, ...]
    """File-name endings it reads, lower case with the dot (".htm")."""
    decoded: bool
    """True: `extract` gets the decoded text (str); False: the raw bytes."""
    version: int
    """Bumped whenever what `extract` gives for the same file changes: an index records the
    version that read each file, and `citeqa index` reads again a file read by another. A
    reader of text decoded by textdecoding.py adds that decoding's VERSION to its own, so a
    change of decoding reads every text file again without a bump in each reader."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        """The text of a file (`relative` names it in warnings); UnreadableDocument if none."""
        ...


@runtime_checkable
class CappedReader(Reader, Protocol):
    """A reader that refuses a file past a size in bytes: corpus.py reads at most `max_bytes`
    bytes and one more of it, and refuses a file holding more with `oversized`'s reason,
    never holding a huge file in memory to refuse it (s25 hostile probe)."""

    max_bytes: int

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        ...


@runtime_checkable
class PlacedReader(Reader, Protocol):
    """A reader that also reads what stands beside a file (a chat export's day file names its
    writers by ids that the export's user list resolves): corpus.py calls `extract_at`."""

    def extract_at(self, content: str | bytes, relative: str, path: Path) -> Extracted:
        """`extract` of the file at `path` (absolute), which may read the files beside it."""
        ...


@runtime_checkable
class PathRefusingReader(Reader, Protocol):
    """A reader that refuses some files by their path alone (code in a vendor/ folder):
    corpus.py asks `refused_by_path` before reading the file, and before hashing it for the
    index's file list (corpus.file_digest), so one it would refuse whatever it holds is never
    opened."""

    def refused_by_path(self, relative: str) -> str | None:
        """Why the file at `relative` (posix, in the corpus) is refused unread; None to read it."""
        ...
