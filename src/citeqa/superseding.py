"""Owns which documents of a folder another document states it replaces, or is replaced by,
naming it by its identifier.

Architecture decision records, policies and procedures say which of them is current in their
own words: "Status: Superseded by ADR-008" heads ADR-006, "This supersedes ADR-003" is written
in ADR-007, "Cette procédure annule et remplace la procédure P-12 v2" in P-12 v3 (s38 trial:
"How do clients authenticate to the API?" led with the superseded ADR-006). superseded.py
pairs editions by their names; here the documents' statements pair them (`superseding`): the
replaced document is an earlier edition of the replacing one (superseded.Copy's `superseded`),
read after it and quoted labelled ("superseded by").

A statement (data/superseding.json, English and French) is read in a document's first or last
CUE_SPAN characters, where its status is written, and names a document by its identifier
(`Named`: "ADR-008", "ADR 8", "P-12 v3"), written in capitals. It pairs two documents only
when both carry an identifier by their file name or title ("adr-008-oauth2-….md",
"# ADR-006: …", "Procédure P-12 v3"), the identifier names exactly one document but the
stating one, and the statement is of the whole document: its sentence names no other document
before the expression ("ADR-006 is superseded by ADR-008" written in ADR-010) and no part of one
("Section 3 of this policy is superseded by POL-9", "supersedes ADR-003 section 4",
"annule et remplace l'article 4": an article is no document). A statement naming no document
present changes nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold
from citeqa.questions import visible_text

CUE_SPAN = 2000
"""The characters read at each end of a document for its statements (superseded.CUE_SPAN)."""
TITLE_SPAN = 300
"""The characters read at a document's head for its title's identifier."""
SUBJECT_SPAN = 160
"""The characters read before a statement's expression for its sentence's subject."""


class Named(NamedTuple):
    """A document's identifier: its prefix (folded), its number, its version (None: unwritten)."""

    prefix: str
    number: int
    version: int | None


class Statement(NamedTuple):
    """A document's statement: the identifier it names, and whether that document replaces it
    (`replaced_by`) or is replaced by it."""

    named: Named
    replaced_by: bool


_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?;|](?=\s)|\n\s*\n|\n\s*[-*•]\s|\n\s*#")


class _Cues(NamedTuple):
    superseded_by: re.Pattern[str]
    supersedes: re.Pattern[str]
    identifier: re.Pattern[str]
    name_identifier: re.Pattern[str]
    written_identifier: re.Pattern[str]
    part_words: frozenset[str]
    not_prefixes: frozenset[str]
    marks: tuple[str, ...]


@cache
def _cues() -> _Cues:
    data = data_json("superseding.json")
    between = f"(?:\\s+(?:[^\\W\\d_]+['’])?[^\\W\\d_]+){{0,{int(data['between_words'])}}}?"
    named = f"(?P<between>{between})[\\s:]+(?:{data['identifier']})(?![^\\W_])"

    def statement(cues: list[str]) -> re.Pattern[str]:
        return re.compile(f"(?i:(?<![^\\W_])(?:{'|'.join(cues)})(?![^\\W_])){named}")

    words_before = int(data["name_words_before"])
    return _Cues(
        statement(data["superseded_by"]),
        statement(data["supersedes"]),
        re.compile(f"(?<![^\\W_])(?:{data['identifier']})(?![^\\W_])"),
        re.compile(
            f"[\\W_]*(?:[^\\W\\d_]+[\\W_]+){{0,{words_before}}}?"
            f"(?:{data['name_identifier']})(?![^\\W_])"
        ),
        re.compile(f"(?<![^\\W_])(?:{data['name_identifier']})(?![^\\W_])"),
        frozenset(fold(word) for word in data["part_words"]),
        frozenset(fold(word) for word in data["not_prefixes"]),
        tuple(data["cue_marks"]),
    )


def _named(found: re.Match[str]) -> Named | None:
    """The identifier a match writes; None when its prefix names a part of a document or a
    version ("article 4", "v2")."""
    prefix = fold(found.group("prefix"))
    cues = _cues()
    if prefix in cues.part_words or prefix in cues.not_prefixes:
        return None
    version = found.group("version")
    return Named(prefix, int(found.group("number")), None if version is None else int(version))


def own_identifiers(doc_id: str, text: str) -> frozenset[Named]:
    """The identifiers a document carries: its file name's and its title's (its first line),
    each among their first words ("adr-008-oauth2-…", "# ADR-006: …", "Procédure P-12 v3")."""
    stem = visible_text(doc_id).rpartition("/")[2]
    title = _first_line(text[:TITLE_SPAN])
    found = set()
    for source in (stem, title):
        matched = _cues().name_identifier.match(fold(source))
        if matched is not None and (named := _named(matched)) is not None:
            found.add(named)
    return frozenset(found)


def identifiers_written(text: str) -> frozenset[Named]:
    """The identifiers `text` writes anywhere, case aside: a question's "What did adr-003
    decide?" asks for that document, superseded or not (versions.CorpusVersions)."""
    found = (_named(matched) for matched in _cues().written_identifier.finditer(fold(text)))
    return frozenset(named for named in found if named is not None)


def names_one_of(asked: Iterable[Named], own: Iterable[Named]) -> bool:
    """Whether an identifier of `asked` names one of `own`: its prefix and number, and its
    version when it writes one ("P-12" names "P-12 v2"; "P-12 v3" does not)."""
    held = list(own)
    return any(
        _key(named) == _key(mine) and named.version in (None, mine.version)
        for named in asked
        for mine in held
    )


def _first_line(text: str) -> str:
    """`text`'s first line writing a letter or digit."""
    return next((line for line in text.splitlines() if _WORD.search(line)), "")


def statements(text: str, own: frozenset[Named]) -> list[Statement]:
    """The statements of `text` (a document carrying the identifiers `own`) that it replaces
    another document or is replaced by one, in its first or last CUE_SPAN characters, each of
    the whole document (module docstring)."""
    cues = _cues()
    ends = [text[:CUE_SPAN]] + ([text[-CUE_SPAN:]] if len(text) > CUE_SPAN else [])
    found: list[Statement] = []
    for part in ends:
        for pattern, replaced_by in ((cues.superseded_by, True), (cues.supersedes, False)):
            for matched in pattern.finditer(part):
                named = _named(matched)
                if named is None or not _whole(part, matched, own):
                    continue
                if (statement := Statement(named, replaced_by)) not in found:
                    found.append(statement)
    return found


def _whole(part: str, matched: re.Match[str], own: frozenset[Named]) -> bool:
    """Whether a statement is of the whole stating document: its sentence names no other
    document before the expression and no part of one, no part word is written between the
    expression and the identifier, and none (nor "'s") right after the identifier."""
    cues = _cues()
    before = part[max(0, matched.start() - SUBJECT_SPAN) : matched.start()]
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end() :] if ends else before
    words = set(_WORD.findall(fold(sentence + " " + matched.group("between"))))
    if words & cues.part_words:
        return False
    for other in cues.identifier.finditer(sentence):
        if (named := _named(other)) is not None and _key(named) not in {_key(n) for n in own}:
            return False
    after = part[matched.end() : matched.end() + 24]
    if after.startswith(("'s", "’s")):
        return False
    following = _WORD.findall(fold(after))[:1]
    return not (following and following[0] in cues.part_words)


def _key(named: Named) -> tuple[str, int]:
    return named.prefix, named.number


def superseding(doc_ids: Iterable[str], text_of: Callable[[str], str]) -> dict[str, str]:
    """Each document among `doc_ids` another one states replaces it, or that states it is
    replaced by another, and that replacing document (module docstring); empty for most
    folders. A document writing no piece of a statement at its ends (`_may_state`) is read no
    further; the identifiers of every document are read only once one states something."""
    ids = list(doc_ids)
    stating: dict[str, list[Statement]] = {}
    for doc_id in _may_state(ids, text_of):
        text = text_of(doc_id)
        if (own := own_identifiers(doc_id, text)) and (found := statements(text, own)):
            stating[doc_id] = found
    if not stating:
        return {}
    by_key = _carrying(ids, text_of)
    paired: dict[str, str] = {}
    for doc_id, said in stating.items():
        for statement in said:
            other = _resolved(statement.named, by_key, doc_id)
            if other is None:
                continue
            older, newer = (doc_id, other) if statement.replaced_by else (other, doc_id)
            if paired.get(newer) == older:  # each says the other is the newer: nothing is sure
                del paired[newer]
            else:
                paired.setdefault(older, newer)
    return paired


def _may_state(doc_ids: list[str], text_of: Callable[[str], str]) -> list[str]:
    """The documents of `doc_ids` writing a piece of a statement (data "cue_marks") in their
    first or last CUE_SPAN characters: a quick look before one is read (`statements`), the
    ends of MARK_BATCH documents joined and searched at once (s38: a look at each document's
    ends doubled what telling 36 612 documents' editions costs)."""
    found: list[str] = []
    for first in range(0, len(doc_ids), MARK_BATCH):
        batch = doc_ids[first : first + MARK_BATCH]
        starts, ends = [], []
        at = 0
        for doc_id in batch:
            text = text_of(doc_id)
            piece = text if len(text) <= 2 * CUE_SPAN else text[:CUE_SPAN] + text[-CUE_SPAN:]
            starts.append(at)
            ends.append(piece)
            at += len(piece) + 1
        joined = "\0".join(ends)
        holding = set()
        for mark in _cues().marks:
            place = joined.find(mark)
            while place >= 0:
                holding.add(bisect.bisect_right(starts, place) - 1)
                place = joined.find(mark, place + 1)
        found.extend(batch[at] for at in sorted(holding))
    return found


MARK_BATCH = 512
"""How many documents' ends `_may_state` joins to search at once."""


def _carrying(
    doc_ids: list[str], text_of: Callable[[str], str]
) -> dict[tuple[str, int], dict[str, set[int | None]]]:
    """The documents carrying each identifier (prefix and number), each with its versions."""
    by_key: dict[tuple[str, int], dict[str, set[int | None]]] = {}
    for doc_id in doc_ids:
        for named in own_identifiers(doc_id, text_of(doc_id)):
            by_key.setdefault(_key(named), {}).setdefault(doc_id, set()).add(named.version)
    return by_key


def _resolved(
    named: Named, by_key: dict[tuple[str, int], dict[str, set[int | None]]], stating: str
) -> str | None:
    """The one document but `stating` carrying the identifier `named` (its version too, when
    written); None when none does or several do."""
    carrying = [
        doc_id
        for doc_id, versions in by_key.get(_key(named), {}).items()
        if doc_id != stating and (named.version is None or named.version in versions)
    ]
    return carrying[0] if len(carrying) == 1 else None
