"""Boilerplate derived from the corpus at build time: text repeated across the corpus (an
e-mail's legal disclaimer and signature in every mail, a wiki export's cookie banner on every
page, a paper's running header on every page) is no content, so it is never quoted as an answer.

A line is keyed by its text normalised (casefolded, spaces evened; its opening marks kept, so a
quoted reply's "> " line is another line than the one it quotes) when it holds MIN_WORDS words
or more (`line_key`: a short digest). A document's keys are counted once per occurrence
(`document_lines`, stored with its tallies so an update does not read unchanged documents
again); the build adds them up (`LineCounts`: at most MAX_HELD keys held, whatever the
corpus's size) and keeps as boilerplate the lines written in MIN_DOCUMENTS documents or more,
or MIN_REPEATS times or more in all over two documents or more (a running header two papers
share, on each of their pages) (`LineCounts.chosen`, at most MAX_LINES, the most repeated
first). The index stores them (statistics.json, `boilerplate`); `Boilerplate` reads them back
and tells whether a sentence is mostly made of such lines (`Boilerplate.covers`), or gives a
text without them (`Boilerplate.without`, for the welcome's examples). A document's language
is read without the lines it repeats itself (`own_boilerplate_blanked`). A mail's
signature block (the lines under its "-- " delimiter, RFC 3676, down to a blank line or
SIGNATURE_LINES lines) is boilerplate too, repeated or not (`in_signature`: the support
engineer who wrote once), in a text that is a mail only (`signed`: as written, or as
mailthreads.py writes it; a note's "--" line over a list is no signature).

It stays searchable (its words are indexed like any other) and quotable: repetition alone is
no proof (a clause three leases from one template share, an Outlook reply's copy of the mail it
answers), so a boilerplate sentence's score is only weighed down when the question does not ask
about it (answering.boilerplate_weights).
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from citeqa.mailthreads import SIGNATURE_HEADING, is_mail
from citeqa.recently_used import RecentlyUsed

MIN_WORDS = 6
"""The fewest words (runs of letters and digits, \\w+) of a line that may be boilerplate: a
shorter one ("Best regards,", "Results") is too common to be told from content by repetition.
A table's row is never keyed, whatever its words: "| Total | 212 | 45 |" repeated is data."""
MAX_DOCUMENT_KEYS = 20_000
"""The most distinct lines keyed in one document (`document_lines`: the first ones; past it,
only those already keyed are counted), so a document of a million distinct lines stays small."""
MIN_DOCUMENTS = 3
"""A line written in this many documents is boilerplate."""
MIN_REPEATS = 3
"""So is a line written this many times in all, in two documents or more."""
MAX_LINES = 2000
"""The most boilerplate lines an index stores (the most repeated first)."""
MAX_HELD = 200_000
"""The most line keys a build counts at once: past it, the MAX_HELD // 2 written in the most
documents are kept (`LineCounts.add`; a line seen once so far may be missed), so its memory stays
bounded and its time linear, as acronyms.AcronymCounts's."""
BOILERPLATE_SHARE = 0.5
"""A sentence is boilerplate when at least this share of its words stand in boilerplate lines
(a running header glued to the paragraph under it is not)."""
STATISTICS_KEY = "boilerplate"

_WORD = re.compile(r"\w+")
_ENOUGH_WORDS = re.compile(rf"(?:\W*\w+\b){{{MIN_WORDS}}}")
"""MIN_WORDS words opening a line (past marks): read up to the MIN_WORDSth word only."""


def line_key(line: str) -> str | None:
    """The key of a line (a 16-hex digest of its normalised text), or None when it has fewer
    than MIN_WORDS words or is a table's row (a markdown pipe table's: it opens with "|")."""
    pieces = line.split()
    if not pieces or pieces[0].startswith("|") or not _ENOUGH_WORDS.match(line):
        return None
    return hashlib.blake2b(" ".join(pieces).casefold().encode(), digest_size=8).hexdigest()


def document_lines(text: str) -> dict[str, int]:
    """How often a document writes each keyed line (`line_key`), at most MAX_DOCUMENT_KEYS
    distinct ones (the first; lines read one at a time, never all split at once)."""
    counts: dict[str, int] = {}
    for line in _each_line(text):
        key = line_key(line)
        if key is not None and (key in counts or len(counts) < MAX_DOCUMENT_KEYS):
            counts[key] = counts.get(key, 0) + 1
    return counts


def _each_line(text: str) -> Iterable[str]:
    """The lines of `text` ("\\n"-separated), one at a time."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


@dataclass
class LineCounts:
    """The keyed lines of a build's documents: in how many documents, how often in all; a copy
    of a document counted (the same bytes: "menu (copie).md", a mail saved twice) not again."""

    documents: Counter[str] = field(default_factory=Counter)
    occurrences: Counter[str] = field(default_factory=Counter)
    counted: set[str] = field(default_factory=set)
    """The content digests (Document.sha256) of the documents counted so far."""

    def add(self, lines: Mapping[str, int], digest: str | None = None) -> None:
        """Count one document's lines (`document_lines`), but a copy's: a document whose
        content `digest` was counted already (None: no digest, always counted). A copy's lines
        are no more repeated than its original's (s41 hostile M0: a recipe and two copies of
        it made each of its lines boilerplate, its quote weighed down: confidence .57 -> .29)."""
        if digest is not None:
            if digest in self.counted:
                return
            self.counted.add(digest)
        self.documents.update(lines.keys())
        self.occurrences.update(lines)
        if len(self.documents) > MAX_HELD:
            kept = heapq.nlargest(MAX_HELD // 2, self.documents.items(), key=lambda item: item[1])
            self.documents = Counter(dict(kept))
            self.occurrences = Counter({key: self.occurrences[key] for key in self.documents})

    def chosen(self) -> list[str]:
        """The boilerplate lines' keys, sorted (at most MAX_LINES, the most repeated first)."""
        repeated = [
            key
            for key, seen in self.documents.items()
            if seen >= MIN_DOCUMENTS or (seen >= 2 and self.occurrences[key] >= MIN_REPEATS)
        ]
        repeated.sort(key=lambda key: (-self.occurrences[key], key))
        return sorted(repeated[:MAX_LINES])


@dataclass(frozen=True)
class Boilerplate:
    """The boilerplate lines of an index, by key."""

    keys: frozenset[str] = frozenset()

    @classmethod
    def of(cls, statistics: Mapping[str, Any] | None) -> Boilerplate:
        """The lines a build stored (none from an index written before they were); ValueError
        when they are damaged: no list of line keys, or more than a build stores (MAX_LINES),
        refused before each is read (a hand-edited list of 3 million keys made each question
        4 times slower and 4 times bigger), as acronyms' are (domain.stored_knowledge)."""
        stored = (statistics or {}).get(STATISTICS_KEY) or []
        if (
            not isinstance(stored, list)
            or len(stored) > MAX_LINES
            or not all(isinstance(key, str) for key in stored)
        ):
            raise ValueError(f"{STATISTICS_KEY} is not a list of line keys, or too many")
        return cls(frozenset(stored))

    def covers(self, text: str, start: int, end: int) -> bool:
        """Whether the stretch `text[start:end]` is boilerplate: BOILERPLATE_SHARE of its words
        or more stand in lines (whole lines of `text`) the build found repeated or in a mail's
        signature block (`in_signature`, its delimiter line included: "Lena" over "-- " over
        "Lena Hartmann, PhD" is a signature)."""
        mail = signed(text)
        if not (self.keys or mail):
            return False
        words = repeated = 0
        for line_start, line_end in _lines_touched(text, start, end):
            count = len(_WORD.findall(text, max(start, line_start), min(end, line_end)))
            words += count
            line = text[line_start:line_end]
            if (self.keys and line_key(line) in self.keys) or (
                mail and in_signature(text, line_start)
            ):
                repeated += count
        return words > 0 and repeated >= BOILERPLATE_SHARE * words

    def without(self, text: str) -> str:
        """`text` without its boilerplate lines (repeated, or of a signature block): what a
        welcome example's terms are read from (no "What about Dr Sofia?" from a signature)."""
        kept: list[str] = []
        at = 0
        mail = signed(text)
        for line in text.split("\n"):
            repeated = self.keys and line_key(line) in self.keys
            if not (repeated or (mail and in_signature(text, at))):
                kept.append(line)
            at += len(line) + 1
        return "\n".join(kept)


def own_boilerplate_blanked(text: str, lines: Mapping[str, int]) -> str:
    """`text` with the keyed lines it writes twice or more (`lines`: its `document_lines`, so
    past MAX_DOCUMENT_KEYS distinct lines only those keyed) and its signature blocks blanked
    (spaces, so offsets hold): what its language is read from (doctally.measure), when the
    corpus's boilerplate is not known yet (a French mail under an English disclaimer and
    signature is French: s18 trial, "mail: en 19, fr 1"). Read a line at a time, and written
    as slices of `text` between the blanked lines, so its memory stays that of one copy."""
    pieces: list[str] = []
    kept_from = at = 0
    mail = signed(text)
    for line in _each_line(text):
        key = line_key(line)
        if (key is not None and lines.get(key, 0) > 1) or (mail and in_signature(text, at)):
            pieces += (text[kept_from:at], " " * len(line))
            kept_from = at + len(line)
        at += len(line) + 1
    pieces.append(text[kept_from:])
    return "".join(pieces)


SIGNATURE_LINES = 6
"""The most lines a signature block holds under its "-- " delimiter (`in_signature`)."""
_DELIMITER = re.compile(r"--[ \t]?")


CACHED_DOCUMENTS = 64
"""How many documents' `signed` are kept (a bool each)."""
_SIGNED: RecentlyUsed[tuple[int, int], bool] = RecentlyUsed(CACHED_DOCUMENTS)


def signed(text: str) -> bool:
    """Whether `text` is a mail, whose "-- " line opens a signature block: as written
    (mailthreads.is_mail: it opens with a mail's header block) or as mailthreads.mail_text
    writes it (a "## Signature · …" heading over its delimiter line). In any other text it is a
    note's rule or a dash. Read once while CACHED_DOCUMENTS are kept (asked for each candidate
    sentence, documents interleaved), by the text's length and hash (which Python keeps with
    the string), never by the text itself, which would stay alive."""
    return _SIGNED.get((len(text), hash(text)), lambda: _read_signed(text))


def _read_signed(text: str) -> bool:
    return is_mail(text) or f"\n## {SIGNATURE_HEADING}" in text


def in_signature(text: str, start: int) -> bool:
    """Whether `text[start]` stands in a mail's signature block: on a "-- " line (RFC 3676's
    signature delimiter; "--" too) or within SIGNATURE_LINES lines under it, with no blank line
    between."""
    line_start = text.rfind("\n", 0, start) + 1
    for _ in range(SIGNATURE_LINES + 1):
        line_end = text.find("\n", line_start)
        line = text[line_start : len(text) if line_end < 0 else line_end].rstrip("\r")
        if _DELIMITER.fullmatch(line):
            return True
        if not line.strip() or line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


def _lines_touched(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The (start, end) of each whole line of `text` that `text[start:end]` overlaps."""
    line_start = text.rfind("\n", 0, start) + 1
    while line_start < end or line_start == start:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        yield line_start, line_end
        if line_end >= len(text):
            return
        line_start = line_end + 1
