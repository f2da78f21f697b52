"""A question asking which release of a changelog is the latest ("What is the latest version?",
"Which is the newest release?", "Quelle est la dernière version ?") is answered by the heading
of the highest release the changelog lists ("[2.3.0] - 2024-05-14").

The rankers read "latest" as one word among the question's and quoted a security policy's
"Only the latest minor release receives security fixes." over a changelog listing 2.3.0 first
(s46 trial on a library's docs; the s45 trial's "What is the latest version of the report?"
quoted a change log's 1.0 and 1.1, not 1.2). A changelog says which release is the latest by
its headings: the highest number among them answers, whatever their order.

The rules, the words being data (data/release_notes.json's 'latest_asks', English and French):
- the folded question matches one of 'latest_asks', or one of 'latest_qualified_asks', which
  write a word between "latest" and "version" ("What is the latest firmware version?", s47
  trial on a product's support folder): then only a document whose title or path writes that
  word is read ("Aerion X2 firmware release notes"; a library's changelog answers no "latest
  Python version");
- the first of the documents given (the first quote's, then those of the passages read, then
  those whose file name is a changelog's, 'changelog_names': retrieval may rank a changelog
  low for "latest", `changelog_ids`) that is markdown and holds at least RELEASES_MIN release
  headings: markdown headings opening with a dotted number followed by a date or nothing
  ("## [2.3.0] - 2024-05-14", "## 1.2 (May 2024)"), never a report's "## 1.2 Scope", or with
  a release cue then a number ("## Version 3"), never "## Article 5" (a statute's);
- its heading whose number is the highest, compared part by part ("2.10" above "2.9"), is
  quoted, its text without the "#" marks.
A question writing other terms than those asking the latest (`latest_words`) is asked of the
changelog when it writes them, else when no other document has them in its title or file name
and keeps versions of its own, a table headed by a release cue (`asked_latest`: "What is the
latest version of the report?" is the report's own version; "… of tidepool?" is still the
changelog's beside a README titled "tidepool"). A changelog writing them all answers on its
own: answering waives its refusals for it ("Which is the newest release?" of a changelog never
writing "newest" was refused, s47).
No I/O but the data file, read once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from citeqa.blocks import clean_heading
from citeqa.glossary import calendar_words, fold
from citeqa.headingpath import MarkdownHeading, markdown_headings
from citeqa.jsonfiles import data_json
from citeqa.language import is_table_row
from citeqa.lexical import query_tokens
from citeqa.models import Document
from citeqa.numbered_sections import opening_number
from citeqa.tables import line_cells

if TYPE_CHECKING:
    from citeqa.questions import QuestionTerms

__all__ = [
    "LatestRelease",
    "asked_latest",
    "asks_latest",
    "changelog_ids",
    "latest_release",
    "latest_words",
]

CHANGELOGS_MAX = 3
"""The most documents read for their changelog's name beyond the passages'."""
RELEASES_MIN = 2
"""The fewest release headings that make a document a changelog."""


class LatestRelease(NamedTuple):
    doc_id: str
    start: int
    """Where the heading's text starts in the document (past its "#" marks)."""
    end: int
    """Where it ends."""


def latest_release(question: str, documents: Iterable[Document]) -> LatestRelease | None:
    """The heading of the highest release of the first changelog among `documents`, when
    `question` asks which release is the latest (the module's rules); else None."""
    if not asks_latest(question):
        return None
    qualifiers = _qualifiers(question)
    for document in documents:
        if qualifiers and not _writes_qualifier(document, qualifiers):
            continue
        releases = _releases(document)
        if len(releases) >= RELEASES_MIN:
            return _quoted(document, max(releases, key=lambda pair: pair[0])[1])
    return None


def asked_latest(
    terms: QuestionTerms, documents: Sequence[Document], *, sole: bool = False
) -> LatestRelease | None:
    """The latest release the question of `terms` asks of the first changelog among
    `documents` (`latest_release`), when that changelog writes each of the question's terms but
    those asking the latest (`latest_words`); else, unless the release is to answer on its own
    (`sole`: answering waives its refusals for it), when no other of `documents` has them in its
    title or file name and keeps versions of its own (`_keeps_versions`): "What is the latest
    version of the report?" asks the version table of "Annual survey report", not a library's
    changelog; "… of tidepool?" asks its changelog, though the README is titled "tidepool"."""
    latest = latest_release(terms.focus, documents)
    asked = latest_words(terms.focus)
    others = [alts for alts, _ in terms.terms[: terms.focus_terms] if not alts & asked]
    if latest is None or not others or _writes_terms(_read(documents, latest.doc_id), others):
        return latest
    versioned = (
        _writes_terms(_tokens(f"{document.title} {PurePosixPath(document.doc_id).stem}"), others)
        and _keeps_versions(document.text)
        for document in documents
        if document.doc_id != latest.doc_id
    )
    return None if sole or any(versioned) else latest


def _keeps_versions(text: str) -> bool:
    """Whether `text` holds a table with a column headed by a release cue ('version_cues':
    "| Version | Date | Change |", a report's version history), its header row being the
    first of its rows (a long table's other rows are not split into cells)."""
    cues, above = _words().cue_words, ""
    for line in text.splitlines():
        heads = is_table_row(line) and not is_table_row(above)  # a table's first row only
        if heads and any(fold(cell).strip() in cues for cell in line_cells(line)):
            return True
        above = line
    return False


def _read(documents: Sequence[Document], doc_id: str) -> frozenset[str]:
    """The tokens of the document `doc_id` among `documents` (`_text_tokens`)."""
    return _text_tokens(next(document.text for document in documents if document.doc_id == doc_id))


@lru_cache(maxsize=1)
def _text_tokens(text: str) -> frozenset[str]:
    """The tokens of a changelog's `text`, kept for the next reading: a question reads its
    changelog twice, its next question most often the same (a 5 MB changelog's took 3 s)."""
    return _tokens(text)


def _tokens(text: str) -> frozenset[str]:
    """The tokens `text` writes (lexical.query_tokens)."""
    return frozenset(query_tokens(text))


def _writes_terms(written: frozenset[str], terms: Sequence[frozenset[str]]) -> bool:
    """Whether a token of each of `terms` (each a term's alternatives) is `written`."""
    return all(alts & written for alts in terms)


def latest_words(question: str) -> frozenset[str]:
    """The tokens (lexical.query_tokens) of the phrases of `question` asking the latest release
    ('latest_asks': "newest release", "dernière version")."""
    folded = fold(question)
    asked = " ".join(m.group(0) for pattern in _words().asks for m in pattern.finditer(folded))
    return frozenset(query_tokens(asked))


def asks_latest(question: str) -> bool:
    """Whether `question` asks which release is the latest ('latest_asks', or
    'latest_qualified_asks': "the latest firmware version")."""
    folded = fold(question)
    return any(pattern.search(folded) for pattern in _words().asks) or bool(_qualifiers(question))


def _qualifiers(question: str) -> frozenset[str]:
    """The words `question` writes between "latest" and "version" when no plain
    'latest_asks' pattern matches it ('latest_qualified_asks': "firmware" of "What is the
    latest firmware version?"); none for "What is the latest version?"."""
    folded = fold(question)
    if any(pattern.search(folded) for pattern in _words().asks):
        return frozenset()
    return frozenset(
        match.group("qualifier")
        for pattern in _words().qualified
        for match in pattern.finditer(folded)
    )


def _writes_qualifier(document: Document, qualifiers: frozenset[str]) -> bool:
    """Whether `document`'s title or path writes one of the question's `qualifiers` as a word:
    "Aerion X2 firmware release notes" for "the latest firmware version", never a library's
    changelog for "the latest Python version"."""
    words = set(re.findall(r"[^\W_]+", fold(f"{document.title} {document.doc_id}")))
    return bool(words & qualifiers)


def changelog_ids(doc_ids: Iterable[str]) -> list[str]:
    """The ids of `doc_ids` whose file name, its extension aside, is a changelog's
    ('changelog_names': "CHANGELOG.md", "docs/release-notes.md"), CHANGELOGS_MAX at most."""
    names = _words().names
    found = [d for d in doc_ids if fold(PurePosixPath(d).stem).replace("_", "-") in names]
    return found[:CHANGELOGS_MAX]


def _releases(document: Document) -> list[tuple[tuple[tuple[int, str], ...], MarkdownHeading]]:
    """A markdown `document`'s release headings, each with its number's parts (`_part_order`)."""
    if document.kind != "md":
        return []
    found = []
    for heading in markdown_headings(document.text):
        title = clean_heading(heading.title)
        number = opening_number(title)
        if number is not None and _names_release(fold(title), number):
            parts = tuple(_part_order(part) for part in number.split(".") if part.isdigit())
            found.append((parts, heading))
    return found


def _part_order(part: str) -> tuple[int, str]:
    """A number's part as it compares ("10" above "9"), read as digits, never as an int: a
    heading's 5,000-digit number exceeds Python's int conversion limit (4,300 digits). Digits
    of any script count as their values ("٣" is 3, "２" is 2), as int() reads them."""
    digits = "".join(str(unicodedata.decimal(char, 0)) for char in part).lstrip("0")
    return len(digits), digits


def _names_release(folded_title: str, number: str) -> bool:
    """Whether a heading opening with `number` names a release: a release cue stands before it
    ("version 3"; "article 5" names none), or it is dotted and what follows it writes no word
    but a day's or a month's (glossary.calendar_words: "[2.3.0] - 2024-05-14", "2.3.0 (May
    2024)", never a report's "1.2 Scope") or a release state of the data ("yanked")."""
    cued = _words().cued.match(folded_title)
    if cued and folded_title.startswith(number, cued.end()):
        return True
    rest = folded_title[folded_title.find(number) + len(number) :]
    words = set(re.findall(r"[^\W\d_]+", rest)) - _words().states
    return "." in number and words <= calendar_words()


def _quoted(document: Document, heading: MarkdownHeading) -> LatestRelease:
    """The span of `heading`'s text in `document` (headingpath.markdown_headings reads it off
    its line, "#" marks and blanks around aside)."""
    start = document.text.find(heading.title, heading.start)
    return LatestRelease(document.doc_id, start, start + len(heading.title))


class _Words(NamedTuple):
    asks: tuple[re.Pattern[str], ...]
    qualified: tuple[re.Pattern[str], ...]
    """'latest_qualified_asks': each with a group `qualifier`, the word before "version"."""
    cued: re.Pattern[str]
    """A release cue opening a title before its number ("## Version 3"), compiled once: a
    pattern of each heading's number compiled 59,000 headings' patterns a question (11 s)."""
    cue_words: frozenset[str]
    """The release cues ("version", "release")."""
    names: frozenset[str]
    """The folded file names of a changelog, extension aside."""
    states: frozenset[str]
    """The words a release heading may write after its number besides a date ("yanked")."""


@cache
def _words() -> _Words:
    """release_notes.json's 'latest_asks' and 'latest_qualified_asks' patterns of every
    language, its release cues,
    changelog names and release states, read once."""
    data: Any = data_json("release_notes.json")
    asks = tuple(re.compile(p) for patterns in data["latest_asks"].values() for p in patterns)
    qualified = tuple(
        re.compile(p) for patterns in data["latest_qualified_asks"].values() for p in patterns
    )
    cues = "|".join(re.escape(cue) for cue in data["version_cues"])
    cued = re.compile(rf"\W*(?:{cues})\W*(?=\d)")
    names, states = frozenset(data["changelog_names"]), frozenset(data["release_states"])
    cue_words = frozenset(data["version_cues"])
    return _Words(asks, qualified, cued, cue_words, names, states)
