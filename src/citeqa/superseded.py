"""Owns which documents of a folder are old copies of another, by their paths alone.

A personal folder keeps the old copy of a file beside the current one: in a folder named so
("Banque/old/budget_famille_2024_OLD" beside "Banque/budget_famille_2025"), with a word of its
name ("bail_ancien", "devis_brouillon"), or as a lower version beside a final one
("old/classe_decouverte_v1" beside "classe_decouverte_v2_definitif"). Quoted without a word,
the old copy misleads (s27 trial: the monthly grocery budget quoted the 2024 copy's 600 where
the 2025 budget says 650). The words are data, English and French (data/superseded.json).

A document is an old copy (`old_copies`) when another document of the same folder (old folders
left out, read by their words, separators and years aside: "old_versions", "archives
2023") has the same name once those words, years and version numbers are left out, and is the
newer (`_Name.older_than`): a name alone never makes a copy old ("avis_2024" beside
"avis_2025" are two years' papers, both current), nor does "final" or a version make a later
year's paper old ("rapport_2024_final" beside "rapport_2025"). versions.CorpusVersions reads
old copies as pages of an older version: set aside when a newer document answers, quoted with
a warning naming the file otherwise.

A download's or a copy's duplicate ("avis_imposition_2025 (1)", "Copie de bail") and a file
exported from another of the same name ("sortie.pdf" beside "sortie.docx", whose id keeps its
extension: corpus.unique_document_ids) are copies of that file too (`duplicates`): the
original is quoted when their texts say the same (s27 trial: "(1)" and the PDF export were
cited instead of the originals); a duplicate by its name whose text differs is its own
document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Words:
    old_folders: frozenset[str]
    old_words: frozenset[str]
    final_words: frozenset[str]
    version: re.Pattern[str]
    year: re.Pattern[str]
    duplicates: tuple[re.Pattern[str], ...]
    export_types: frozenset[str]
    source_types: frozenset[str]


@cache
def _words() -> _Words:
    data = data_json("superseded.json")
    return _Words(
        frozenset(fold(name) for name in data["old_folders"]),
        frozenset(fold(word) for word in data["old_words"]),
        frozenset(fold(word) for word in data["final_words"]),
        re.compile(data["version"]),
        re.compile(data["year"]),
        tuple(re.compile(p, re.IGNORECASE) for p in data["duplicates"]),
        frozenset(data["export_types"]),
        frozenset(data["source_types"]),
    )


class Copy(NamedTuple):
    """The current file a copy is of, and whether the copy is a duplicate (a download's, an
    export's) rather than an older edition."""

    current: str
    duplicate: bool


@dataclass(frozen=True)
class _Name:
    """What a document's path says of its edition: the folder and name it shares with other
    editions (`key`), whether it is marked old or final, and its version number."""

    key: tuple[str, tuple[str, ...]]
    old: bool
    final: bool
    version: int | None
    year: int | None

    def older_than(self, other: _Name) -> bool:
        """Whether this edition is older than `other` (of the same key): marked old where the
        other is not, else not marked final where the other is, else of a lower version. Names
        writing different years are two years' papers: the earlier is older only when marked
        old where the other is not ("budget_2024_OLD" beside "budget_2025"), never by its
        "final" or version ("rapport_2024_final" beside "rapport_2025")."""
        if self.year is not None and other.year is not None and self.year != other.year:
            return self.year < other.year and self.old and not other.old
        if self.old != other.old:
            return self.old
        if self.final != other.final:
            return other.final
        return (
            self.version is not None and other.version is not None and self.version < other.version
        )


def _read_name(doc_id: str) -> _Name | None:
    """The edition `doc_id`'s path names (an id is the path without its extension); None when
    its name is only words that mark editions. A word marks an edition only among those opening
    or closing the name, years and versions aside ("trip_new_york" is no new "trip_york")."""
    words = _words()
    *folders, stem = fold(doc_id).split("/")
    kept_folders = tuple(f for f in folders if not _old_folder(f))
    old = len(kept_folders) < len(folders)
    version, year, named = None, None, []
    for word in _WORD.findall(stem):
        if (found := words.version.fullmatch(word)) is not None:
            version = int(found.group("n"))
        elif words.year.fullmatch(word):
            year = max(year or 0, int(word))
        else:
            named.append(word)
    marks = words.old_words | words.final_words
    start, end = 0, len(named)
    while start < end and named[start] in marks:
        start += 1
    while end > start and named[end - 1] in marks:
        end -= 1
    edges = named[:start] + named[end:]
    if start == end:
        return None
    old = old or any(word in words.old_words for word in edges)
    final = any(word in words.final_words for word in edges)
    return _Name(("/".join(kept_folders), tuple(named[start:end])), old, final, version, year)


def _old_folder(folded: str) -> bool:
    """Whether a folded folder name names an old-copy folder (`old_folders`), its words read
    apart from its separators and years ("old_versions", "archives 2023", "Anciennes
    versions")."""
    words = _words()
    named = [word for word in _WORD.findall(folded) if not words.year.fullmatch(word)]
    return " ".join(named) in words.old_folders


def _may_mark(folded_ids: str) -> bool:
    """Whether some id of `folded_ids` (folded, one a line) writes a word that marks an
    edition: one pass over every name at once, so that most folders stop here."""
    words = _words()
    marks = words.old_folders | words.old_words | words.final_words
    return any(
        word in marks or words.version.fullmatch(word) for word in set(_WORD.findall(folded_ids))
    )


def copies(doc_ids: Iterable[str], text_of: Callable[[str], str] | None = None) -> dict[str, Copy]:
    """Each copy among `doc_ids` (a duplicate, `duplicates`, or an old copy, `old_copies`)
    and the document it is a copy of; empty for most folders. `text_of(doc_id)` gives a
    document's text: a duplicate by its name whose text differs is its own document."""
    ids = list(doc_ids)
    found = {
        doc_id: Copy(current, True)
        for doc_id, current in duplicates(ids).items()
        if text_of is None or same_text(text_of(doc_id), text_of(current))
    }
    for doc_id, current in old_copies(ids).items():
        found.setdefault(doc_id, Copy(current, False))
    return {doc_id: _last(doc_id, copy, found) for doc_id, copy in found.items()}


def _last(doc_id: str, copy: Copy, found: dict[str, Copy]) -> Copy:
    """`copy` naming the end of its chain: "avis (1) (1)" is a copy of "avis (1)", itself one
    of "avis" (s27 re-read: the warning named a copy set aside as the current file). A
    duplicate of an old copy is a duplicate; a cycle ends before it turns back."""
    seen = {doc_id, copy.current}
    while (next_copy := found.get(copy.current)) is not None and next_copy.current not in seen:
        seen.add(next_copy.current)
        copy = Copy(next_copy.current, copy.duplicate)
    return copy


def same_text(text: str, other: str) -> bool:
    """Whether two documents' texts say the same words, in order, spacing, punctuation and case
    aside (a PDF export's line breaks and bullets): a "(1)" download that is a corrected
    notice is no duplicate (review E: its 980 € was hidden behind the original's 1 250 €)."""
    return _WORD.findall(fold(text)) == _WORD.findall(fold(other))


def duplicates(doc_ids: Sequence[str]) -> dict[str, str]:
    """Each duplicate among `doc_ids` and its original, in the same folder: a name a
    "duplicates" expression reads as another's copy ("avis (1)"), or an export beside the
    file of the same name (module docstring)."""
    words, held = _words(), set(doc_ids)
    found: dict[str, str] = {}
    for doc_id in doc_ids:
        folder, slash, name = doc_id.rpartition("/")
        stem, dot, extension = name.rpartition(".")
        plain = f"{folder}{slash}{stem}"
        if dot and plain in held and extension.casefold() in words.export_types:
            found[doc_id] = plain
        elif dot and plain in held and extension.casefold() in words.source_types:
            found.setdefault(plain, doc_id)
        for pattern in words.duplicates:
            matched = pattern.fullmatch(name)
            if matched is not None and (original := folder + slash + matched["name"]) in held:
                found[doc_id] = original
                break
    return found


def old_copies(doc_ids: Sequence[str]) -> dict[str, str]:
    """Each old copy among `doc_ids` and the newest document it is a copy of (module
    docstring); empty for most folders."""
    ids = list(doc_ids)
    if not _may_mark(fold("\n".join(ids))):
        return {}
    editions: dict[tuple[str, tuple[str, ...]], list[tuple[str, _Name]]] = {}
    for doc_id in ids:
        name = _read_name(doc_id)
        if name is not None:
            editions.setdefault(name.key, []).append((doc_id, name))
    copies: dict[str, str] = {}
    for group in editions.values():
        copies.update(_newest_editions(group))
    return copies


_Kind = tuple[bool, bool, int | None]
"""What an edition's name says but its version: marked old, marked final, its year."""


@dataclass
class _Class:
    """The editions of one name of one `_Kind`: their versions in ascending order, with the
    first edition (its place in the name's group) of each version or a higher one, and the
    first edition naming no version."""

    versions: list[int]
    firsts: list[int]
    unversioned: int | None

    @property
    def top(self) -> int | None:
        return self.versions[-1] if self.versions else None

    def first_from(self, least: int | None) -> int | None:
        """The first edition of a version `least` or higher (of any version when None)."""
        at = 0 if least is None else bisect.bisect_left(self.versions, least)
        return self.firsts[at] if at < len(self.firsts) else None

    def first(self) -> int | None:
        """The first edition of the class."""
        return _least(self.unversioned, self.first_from(None))


def _least(*places: int | None) -> int | None:
    return min((place for place in places if place is not None), default=None)


def _classes(group: list[tuple[str, _Name]]) -> dict[_Kind, _Class]:
    """The editions of `group` by their `_Kind`, each class's versions sorted once."""
    versioned: dict[_Kind, list[tuple[int, int]]] = {}
    unversioned: dict[_Kind, int] = {}
    for place, (_, name) in enumerate(group):
        kind = (name.old, name.final, name.year)
        versioned.setdefault(kind, [])
        if name.version is None:
            unversioned.setdefault(kind, place)
        else:
            versioned[kind].append((name.version, place))
    classes = {}
    for kind, pairs in versioned.items():
        pairs.sort()
        firsts = [place for _, place in pairs]
        for at in range(len(firsts) - 2, -1, -1):
            firsts[at] = min(firsts[at], firsts[at + 1])
        classes[kind] = _Class([version for version, _ in pairs], firsts, unversioned.get(kind))
    return classes


def _by_versions(kind: _Kind, other: _Kind) -> bool:
    """Whether editions of these kinds are told apart by their versions alone
    (`_Name.older_than`: same marks, no two different years)."""
    years_differ = None not in (kind[2], other[2]) and kind[2] != other[2]
    return not years_differ and kind[:2] == other[:2]


def _older_kind(kind: _Kind, other: _Kind) -> bool:
    """Whether an edition of `kind` is older than one of `other` whatever their versions
    (when not `_by_versions`)."""
    mine, theirs = (_Name(("", ()), *marks[:2], None, marks[2]) for marks in (kind, other))
    return mine.older_than(theirs)


def _newest_editions(group: list[tuple[str, _Name]]) -> dict[str, str]:
    """Each edition of `group` (one name's, in the corpus's order) older than another, and
    the first of the editions newer than it that none of those is newer than (else the first
    of them): what comparing every edition with every pair of those newer gave, but in
    n log n of the editions (s27 re-read: 399 versions of one file took 1.3 s). Editions of
    one `_Kind` differ by their versions only, so the newer ones of each class are a range of
    its versions (`_Class`), compared by class."""
    classes = _classes(group)
    kinds = list(classes)
    by_versions = {(a, b): _by_versions(a, b) for a in kinds for b in kinds}
    older = {(a, b): _older_kind(a, b) for a in kinds for b in kinds}
    found = {}
    for doc_id, name in group:
        kind = (name.old, name.final, name.year)
        newer = _newer(kind, name.version, classes, by_versions, older)
        if newer:
            place = _first_newest(newer, classes, by_versions, older)
            found[doc_id] = group[place][0]
    return found


def _newer(
    kind: _Kind,
    version: int | None,
    classes: dict[_Kind, _Class],
    by_versions: dict[tuple[_Kind, _Kind], bool],
    older: dict[tuple[_Kind, _Kind], bool],
) -> dict[_Kind, int | None]:
    """The classes holding editions newer than one of `kind` and `version`, each with the
    least version of those (None: the whole class is newer)."""
    newer: dict[_Kind, int | None] = {}
    for other, members in classes.items():
        if not by_versions[kind, other]:
            if older[kind, other]:
                newer[other] = None
        elif version is not None and members.top is not None and members.top > version:
            newer[other] = version + 1
    return newer


def _first_newest(
    newer: dict[_Kind, int | None],
    classes: dict[_Kind, _Class],
    by_versions: dict[tuple[_Kind, _Kind], bool],
    older: dict[tuple[_Kind, _Kind], bool],
) -> int:
    """The place of the first of the `newer` editions none of the others is newer than, else
    of the first of them."""
    best = None
    for kind, least in newer.items():
        if any(older[kind, other] and not by_versions[kind, other] for other in newer):
            continue  # a whole newer class is newer than each of this one
        tops = (classes[other].top for other in newer if by_versions[kind, other])
        floor = max((top for top in tops if top is not None), default=None)
        members = classes[kind]
        if least is None:
            best = _least(best, members.unversioned, members.first_from(floor))
        else:
            best = _least(best, members.first_from(least if floor is None else max(least, floor)))
    if best is not None:
        return best
    firsts = (
        classes[kind].first() if least is None else classes[kind].first_from(least)
        for kind, least in newer.items()
    )
    return _least(*firsts) or 0
