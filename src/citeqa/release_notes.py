"""A question asking what a release of a changelog holds ("What changed in version 2.1?",
"What's new in 2.2?", "What was fixed in 2.2.1?", "Qu'est-ce qui a changé dans la version
2.1 ?") is answered by the list items under the markdown heading naming that release, all of
them, or those under its subheading of the kind asked ("### Fixed" for what was fixed).

The rankers choose one sentence: "What changed in version 2.1?" quoted "- Search index
(`search.json`) generated at build time." alone, one of the release's four items, and "What
was removed in version 2.0?" an FAQ's sentence on deploying (s44 trial). A changelog (Keep a
Changelog's "## [2.1.0] - 2025-06-02" over "### Added", "### Fixed" lists, or any markdown
heading opening with a release's number) says what a release holds as its items: quoting
them all is the answer.

The rules, the words being data (data/release_notes.json, English and French):
- the question asks what changed, what is new, or what was added, fixed, removed… (`asks`),
  and names a release: a number a question asks as a section (numbered_sections.asked_numbers)
  that is dotted ("2.1") or follows a release cue ("version 3");
- the release's section is the first markdown heading, in the documents given in order (the
  first quote's, then those of the passages read), whose opening number is the asked one, up
  to a trailing ".0" ("2.2" is "2.2.0", never "2.2.1"), down to the next heading of its level
  or higher; none such, nothing changes;
- a question asking one kind of change (`kinds`' 'asked') reads only its subheadings of that
  kind; when the release has subheadings and none of that kind, the answer abstains naming
  those it lists (`lacking_kind`, abstention.release_lacks_kind: "Version 2.2.1 lists no
  “Added” items; it lists: Fixed."), and when it has no subheadings, nothing changes;
- the items are the section's list lines ("- ", "* ", "1. "), each with the lines continuing
  it, out of code fences, quoted without their marker, MOST_ITEMS and ITEM_CHARS at most (the
  others counted, for the answer's note: `more_items_note`); a section with no list item
  changes nothing (prose release notes are left to the rankers).
No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from citeqa.blocks import clean_heading
from citeqa.fences import cached_fences
from citeqa.glossary import fold
from citeqa.headingpath import MarkdownHeading, markdown_headings
from citeqa.jsonfiles import data_json
from citeqa.models import Document
from citeqa.numbered_sections import asked_numbers, opening_number
from citeqa.visible import cut, shown

__all__ = [
    "MOST_ITEMS",
    "LackingKind",
    "ReleaseItems",
    "asked_release_items",
    "kind_label",
    "lacking_kind",
    "more_items_note",
]

MOST_ITEMS = 12
"""The most items of a release quoted: a release's list read at a glance, not a whole log."""
ITEM_CHARS = 900
"""The most characters the quoted items total (the first is always quoted)."""
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(?=\S)", re.MULTILINE)
"""A list item's line, up to its text: its indent, its marker and the blanks after it."""
_TRAILING_ZEROS = re.compile(r"(?:\.0)+$")


class ReleaseItems(NamedTuple):
    """The items answering a question about a release, in one document."""

    doc_id: str
    heading: str
    """The release's heading as the document writes it ("[2.1.0] - 2025-06-02")."""
    spans: tuple[tuple[int, int], ...]
    """Where the quoted items stand in the document (start, end), in its order."""
    unquoted: int = 0
    """How many more items of the section (of the kind asked) are not quoted."""


class LackingKind(NamedTuple):
    """A release asked one kind of change whose section has subheadings, none of that kind."""

    number: str
    """The release's number as its heading writes it ("2.2.1")."""
    kind: str
    """The asked kind's key in release_notes.json ("added")."""
    listed: tuple[str, ...]
    """The section's subheadings as the document writes them ("Fixed")."""


def lacking_kind(question: str, documents: Iterable[Document]) -> LackingKind | None:
    """The release `question` asks one kind of change of ("What was added in 2.2.1?") when
    the first of `documents` with that release's heading divides its section into
    subheadings none of which is of that kind; None otherwise (nothing asked, no such
    heading, no subheading, or one of the kind)."""
    asked = _asked(question)
    kind = None if asked is None else _asked_kind_key(asked[0])
    if asked is None or kind is None:
        return None
    for document in documents:
        found = _release_place(document, asked[1])
        if found is not None:
            return _lacking_in(*found, len(document.text), kind)
    return None


def _asked(question: str) -> tuple[str, set[str]] | None:
    """The folded question and the release numbers it asks, when it asks what a release
    holds (`_Words.asks`) and names one; else None."""
    folded = fold(question)
    if not any(pattern.search(folded) for pattern in _words().asks):
        return None
    numbers = _asked_releases(question, folded)
    return (folded, numbers) if numbers else None


def _release_place(
    document: Document, numbers: set[str]
) -> tuple[list[MarkdownHeading], int] | None:
    """A markdown `document`'s headings and the place among them of the first naming one of
    the release `numbers`; None for another kind of document or no such heading."""
    headings = markdown_headings(document.text) if document.kind == "md" else []
    place = next((n for n, h in enumerate(headings) if _names_release(h, numbers)), None)
    return None if place is None else (headings, place)


def _lacking_in(
    headings: Sequence[MarkdownHeading], place: int, length: int, kind: str
) -> LackingKind | None:
    """The lack of `kind` among the subheadings of `headings[place]`'s section, or None."""
    end = _section_end(headings, place, length)
    inner = [h for h in headings[place + 1 :] if h.start < end]
    words = _kind_headings(kind)
    if not inner or any(_heading_words(h.title) in words for h in inner):
        return None
    number = opening_number(clean_heading(headings[place].title)) or ""
    return LackingKind(number, kind, tuple(clean_heading(h.title) for h in inner))


def _kind_headings(key: str) -> frozenset[str]:
    """The folded subheading words of the kind of change `key` ("added": "added", "new"…)."""
    return _words().kinds[_words().keys.index(key)][1]


def _asked_kind_key(folded: str) -> str | None:
    """The key of the one kind of change the question asks ("added"), or None."""
    asked = [
        key
        for key, (words, _) in zip(_words().keys, _words().kinds, strict=True)
        if any(re.search(rf"\b{re.escape(word)}\b", folded) for word in words)
    ]
    return asked[0] if len(asked) == 1 else None


def asked_release_items(question: str, documents: Iterable[Document]) -> ReleaseItems | None:
    """The items of the release `question` asks what it holds (see the module docstring), in
    the first of `documents` that has that release's heading over list items; None when the
    question asks no such thing or no document has such a section."""
    asked = _asked(question)
    if asked is None:
        return None
    key = _asked_kind_key(asked[0])
    kind = None if key is None else _kind_headings(key)
    for document in documents:
        found = _release_items(document, asked[1], kind)
        if found is not None:
            return found
    return None


def _asked_releases(question: str, folded: str) -> set[str]:
    """The release numbers the question asks, trailing ".0"s off: dotted ones, or any after a
    release cue ("version 3"); "article 5" names none."""
    found = set()
    for asked in asked_numbers(question):
        cued = re.search(rf"\b(?:{_words().cues})[ \t]*{re.escape(asked.number)}\b", folded)
        if "." in asked.number or cued:
            found.add(_TRAILING_ZEROS.sub("", asked.number))
    return found


def _release_items(
    document: Document, numbers: set[str], kind: frozenset[str] | None
) -> ReleaseItems | None:
    """The items of `document`'s section of one of the asked release `numbers` (of its
    subheadings of `kind` when one is asked), or None (no markdown document, no such heading,
    no such subheading, no list item)."""
    found = _release_place(document, numbers)
    if found is None:
        return None
    headings, place = found
    end = _section_end(headings, place, len(document.text))
    spans = [(headings[place].start, end)]
    if kind is not None:
        spans = _kind_spans(headings, place, end, kind)
    items = [item for low, high in spans for item in _items(document.text, low, high)]
    if not items:
        return None
    kept = _within_budget(items)
    heading = headings[place].title
    return ReleaseItems(document.doc_id, heading, tuple(kept), len(items) - len(kept))


def _names_release(heading: MarkdownHeading, numbers: set[str]) -> bool:
    """Whether the heading opens with one of the asked release `numbers`, trailing ".0"s
    aside ("[2.1.0] - 2025-06-02" for "2.1")."""
    opening = opening_number(clean_heading(heading.title))
    return opening is not None and _TRAILING_ZEROS.sub("", opening) in numbers


def _section_end(headings: Sequence[MarkdownHeading], place: int, length: int) -> int:
    """Where the section of `headings[place]` ends: at the next heading of its level or
    higher, else at the text's end (`length`)."""
    level = headings[place].level
    later = (h.start for h in headings[place + 1 :] if h.level <= level)
    return next(later, length)


def _kind_spans(
    headings: Sequence[MarkdownHeading], place: int, end: int, kind: frozenset[str]
) -> list[tuple[int, int]]:
    """The spans of the subheadings of the section of `headings[place]` (ending at `end`) whose
    words are those of the asked `kind` ("### Fixed", "### Bug fixes")."""
    spans = []
    for at in range(place + 1, len(headings)):
        heading = headings[at]
        if heading.start >= end:
            break
        if _heading_words(heading.title) in kind:
            spans.append((heading.start, min(end, _section_end(headings, at, end))))
    return spans


def _heading_words(title: str) -> str:
    """A subheading's folded words, one space apart ("🐛 Bug Fixes:" → "bug fixes")."""
    return " ".join(re.findall(r"[^\W\d_]+", fold(clean_heading(title))))


def _items(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """The list items between `low` and `high` of `text`, out of code fences: each from its
    text's start (its marker left out) to the end of its last line (the lines after it that
    are neither blank, nor a list item, nor a heading, continue it), end blanks left out."""
    fences = cached_fences(text)
    starts = [m for m in _ITEM.finditer(text, low, high) if not fences.holds(m.start())]
    items = []
    for number, match in enumerate(starts):
        stop = starts[number + 1].start() if number + 1 < len(starts) else high
        end = _item_end(text, match.end(), stop)
        items.append((match.end(), end))
    return items


def _item_end(text: str, start: int, stop: int) -> int:
    """The end of the item whose text starts at `start`: its line's end, or that of the last
    line continuing it before `stop` (a blank line or a heading ends it)."""
    end = text.find("\n", start, stop)
    end = stop if end < 0 else end
    while end < stop:
        following = text.find("\n", end + 1, stop)
        line = text[end + 1 : stop if following < 0 else following]
        if not line.strip() or line.lstrip().startswith("#"):
            break
        end = stop if following < 0 else following
    return len(text[start:end].rstrip()) + start


def _within_budget(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first `items` that total ITEM_CHARS at most, MOST_ITEMS at most (the first always)."""
    kept: list[tuple[int, int]] = []
    total = 0
    for start, end in items[:MOST_ITEMS]:
        total += end - start
        if kept and total > ITEM_CHARS:
            break
        kept.append((start, end))
    return kept


MORE_ITEMS = {
    "en": {
        True: "1 more item of “{heading}” is not quoted.",
        False: "{count} more items of “{heading}” are not quoted.",
    },
    "fr": {
        True: "1 autre élément de « {heading} » n’est pas cité.",
        False: "{count} autres éléments de « {heading} » ne sont pas cités.",
    },
}
"""The answer's note when items of the release were left out of its quotes."""


def more_items_note(items: ReleaseItems, lang: str) -> str | None:
    """The note saying how many items of the release were not quoted, in `lang` (English
    otherwise); None when none was. The heading is document text: made visible, cut."""
    if not items.unquoted:
        return None
    said = MORE_ITEMS.get(lang, MORE_ITEMS["en"])[items.unquoted == 1]
    return said.format(count=items.unquoted, heading=cut(shown(items.heading)))


def kind_label(kind: str, lang: str) -> str:
    """The name of the kind of change `kind` ("added") in `lang` (English otherwise)."""
    labels = _words().labels[kind]
    return labels.get(lang, labels["en"])


class _Words(NamedTuple):
    asks: tuple[re.Pattern[str], ...]
    cues: str
    """The release cues as one alternation of a regular expression."""
    kinds: tuple[tuple[tuple[str, ...], frozenset[str]], ...]
    """Per kind: the words asking it, the words of its subheadings."""
    keys: tuple[str, ...]
    """The kinds' keys ("added", "fixed"…), in the order of `kinds`."""
    labels: dict[str, dict[str, str]]
    """Per kind's key, its name per language ("Added", "Ajouts")."""


@cache
def _words() -> _Words:
    """release_notes.json's patterns, cues, kinds and their labels, of every language, read
    once."""
    data: Any = data_json("release_notes.json")
    asks = tuple(re.compile(p) for patterns in data["asks"].values() for p in patterns)
    cues = "|".join(re.escape(cue) for cue in data["version_cues"])
    kinds = tuple(
        (tuple(kind["asked"]), frozenset(kind["headings"])) for kind in data["kinds"].values()
    )
    labels = {key: dict(kind["label"]) for key, kind in data["kinds"].items()}
    return _Words(asks, cues, kinds, tuple(data["kinds"]), labels)
