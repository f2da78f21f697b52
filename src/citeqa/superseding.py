"""Owns which documents of a folder another document says replace it, or it replaces, naming
them by their identifier: read once per document at the index build, paired once per build.

Architecture decision records, policies and procedures say which of them is current in their
own words: "Status: Superseded by ADR-008" heads ADR-006, "This supersedes ADR-003" is written
in ADR-007, "Le présent document annule et remplace la procédure P-12 v2" in P-12 v3 (s38
trial: "How do clients authenticate to the API?" led with the superseded ADR-006).
superseded.py pairs editions by their names; here the documents' own statements pair them: the
replaced document is an earlier edition of the replacing one (superseded.Copy's `superseded`),
read after it and quoted labelled ("superseded by").

Only two places state it (data/superseding.json, English and French), in a document's first
or last CUE_SPAN characters: a status or metadata line ("- Status: Superseded by ADR-008",
"superseded_by: ADR-008", the lines under "## Status"), and a sentence whose subject is the
document itself ("This ADR supersedes ADR-003", "Cette note remplace NS-4"; a bare "This"
only before "supersedes"). The identifier comes right after the expression or after
determiners and a document noun ("remplace la procédure P-12 v2"), so a verb on an object states
nothing ("Le technicien remplace le filtre F-20", "This procedure replaces the F-20 filter
cartridges", "replaces paper logging with the CHK-4 checklist": s38 review HIGH1-2, s39 review
HIGH1-2); a status value is the expression itself or one status word then it ("Status:
Resolved, pump replaced by PMP-4" is none: s39 HIGH3); a proposal's status ("Status: Proposed")
or a condition after the identifier ("if approved") states nothing (s39 MED2).

An identifier (`Named`) is whole: its prefix, every number ("POL-2024-001" is not
"POL-2024-009", s38 review HIGH3; "ADR 8" is "ADR-008"; "ISO 9001:2008" is not "ISO
9001:2015", s39 MED1) and its version when written ("P-12
v3"). It names a document when exactly one other document carries it by its file name or its
title (`own_identifiers`); else, or when it names part of a document ("supersedes ADR-003
section 4"), nothing is paired.

The build reads each document once (`document_statements`, stored in its tally share,
doctally.py) and pairs them once (`paired`, stored in statistics.json under STATISTICS_KEY);
a question reads the stored pairs (`stored_pairs`), scanning no document (s38 review HIGH4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold
from citeqa.questions import visible_text

CUE_SPAN = 2000
"""The characters read at each end of a document for its statements."""
TITLE_SPAN = 300
"""The characters read at a document's head for its title's identifier."""
STATUS_LINES = 3
"""The lines read under a heading naming a status ("## Status")."""
STATISTICS_KEY = "superseded_by"
"""Where statistics.json stores the pairs: {replaced document: replacing document}."""
MAX_PAIRS = 100_000
"""The most pairs a stored index may hold (a damaged or hand-edited one is read as none)."""
REPLACED_BY = "<"
SUPERSEDES = ">"
"""The marks of a stored statement: the document is replaced by the named one, or replaces it."""


class Named(NamedTuple):
    """A document's identifier: its prefix (folded), its numbers, its version (None: unwritten)."""

    prefix: str
    numbers: tuple[int, ...]
    version: int | None

    def key(self) -> str:
        """How the identifier is stored: "adr 8", "pol 2024.1", "p 12 v3"."""
        written = f"{self.prefix} {'.'.join(map(str, self.numbers))}"
        return written if self.version is None else f"{written} v{self.version}"


def _parsed_key(key: str) -> Named | None:
    """The identifier a stored key writes (`Named.key`); None for a damaged one."""
    parts = key.split(" ")
    try:
        version = int(parts[2][1:]) if len(parts) == 3 and parts[2][:1] == "v" else None
        if len(parts) not in (2, 3) or (len(parts) == 3 and version is None):
            return None
        return Named(parts[0], tuple(int(n) for n in parts[1].split(".")), version)
    except ValueError:
        return None


class _Cues(NamedTuple):
    statuses: re.Pattern[str]
    status_value: re.Pattern[str]
    status_heading: re.Pattern[str]
    metadata: re.Pattern[str]
    subject: re.Pattern[str]
    identifier: re.Pattern[str]
    name_identifier: re.Pattern[str]
    title_identifier: re.Pattern[str]
    part_words: frozenset[str]
    not_prefixes: frozenset[str]
    leading_words: frozenset[str]
    document_nouns: tuple[tuple[str, ...], ...]
    conditions: frozenset[str]
    scopes_anywhere: frozenset[str]
    unsettled: re.Pattern[str]
    marks: tuple[str, ...]
    verb_marks: tuple[str, ...]


_MARKUP = r"[\s>*_#|•+-]*"
"""What may open a line before its label or sentence: list marks, emphasis, heading marks."""


def _either(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _words(text: str) -> list[str]:
    """The folded words of `text`, an elision apart ("l'instruction": "l", "instruction")."""
    return re.findall(r"[^\W\d_]+", fold(text))


def _spaced(words: Iterable[str]) -> str:
    return _either(re.escape(word).replace(r"\ ", r"\s+") for word in words)


@cache
def _cues() -> _Cues:
    data = data_json("superseding.json")
    by, supersedes = _either(data["superseded_by"]), _either(data["supersedes"])
    most_between = int(data["between_words"])
    between = f"(?P<between>(?:\\s+(?:[^\\W\\d_]+['’])?[^\\W\\d_]+){{0,{most_between}}}?)"
    named = f"{between}[\\s:]*[\\[(]?(?:{data['identifier']})(?![^\\W_])"
    cue = f"(?:(?P<by>{by})|(?P<sup>{supersedes}))(?![^\\W_])"
    labels = _spaced(data["status_labels"])
    nouns = _spaced(data["document_nouns"])
    most = int(data["subject_words_most"])
    adverbs = _spaced(data["subject_adverbs"])
    bare = _spaced(data["bare_subject_verbs"])
    subject = (
        f"(?:(?:{_spaced(data['subjects'])})\\s+(?:[^\\W\\d_]+\\s+){{0,{most - 1}}}?(?:{nouns})"
        f"(?:[\\s,]+(?:{adverbs}),?)?\\s+{cue}|[Tt]his\\s+(?P<bare>{bare})(?![^\\W_]))"
    )
    words_before = int(data["name_words_before"])
    value = f"(?:(?:{_spaced(data['status_words'])})[\\s,;:(–—-]+)?{cue}"
    unsettled = _spaced(data["unsettled_statuses"])
    return _Cues(
        re.compile(f"(?i:{_MARKUP}(?:{labels})\\**\\s*[:：]\\**\\s*{value}){named}"),
        re.compile(f"(?i:{_MARKUP}{value}){named}"),
        re.compile(f"(?i:^\\s*#+\\s*(?:{labels})\\s*#*\\s*$)"),
        re.compile(
            f"(?i:{_MARKUP}(?:(?P<by>{_either(data['metadata_labels_superseded_by'])})|"
            f"(?P<sup>{_either(data['metadata_labels_supersedes'])}))\\**\\s*[:：=]\\**)"
            f"(?P<between>)\\s*[\\[(\"']?(?:{data['identifier']})(?![^\\W_])"
        ),
        re.compile(f"(?i:{subject}){named}"),
        re.compile(f"(?<![^\\W_])(?:{data['identifier']})(?![^\\W_])"),
        re.compile(
            f"[\\W_]*(?:[^\\W\\d_]+[\\W_]+){{0,{words_before}}}?"
            f"(?:{data['name_identifier']})(?![^\\W_])"
        ),
        re.compile(
            f"[\\W_]*(?:[^\\W\\d_]+[\\W_]+){{0,{words_before}}}?(?:{data['identifier']})(?![^\\W_])"
        ),
        frozenset(fold(word) for word in data["part_words"]),
        frozenset(fold(word) for word in data["not_prefixes"]),
        frozenset(fold(word) for word in data["determiners"] + data["qualifiers"]),
        tuple(tuple(_words(noun)) for noun in data["document_nouns"]),
        frozenset(fold(word) for word in data["conditions"] + data["scopes"]),
        frozenset(fold(word) for word in data["scopes_anywhere"]),
        re.compile(
            f"(?i:{_MARKUP}(?P<label>(?:{labels})\\**\\s*[:：]\\**\\s*)?(?:{unsettled}))(?![^\\W_])"
        ),
        tuple(data["cue_marks"]),
        tuple(data["verb_marks"]),
    )


def _named(found: re.Match[str]) -> Named | None:
    """The identifier a match writes; None when its prefix names a part of a document or a
    version ("article 4", "v2")."""
    prefix = fold(found.group("prefix"))
    cues = _cues()
    if prefix in cues.part_words or prefix in cues.not_prefixes:
        return None
    numbers = tuple(int(n) for n in re.split(r"[-_.:/]", found.group("numbers")))
    version = found.group("version")
    return Named(prefix, numbers, None if version is None else int(version))


def own_identifiers(doc_id: str, title_text: str) -> frozenset[Named]:
    """The identifiers a document carries: its file name's (case aside) and its title's (the
    first line of `title_text`, its prefix in capitals: "OAuth2" is none), each among their
    first words ("adr-008-oauth2-…", "# ADR-006: …", "Procédure P-12 v3")."""
    stem = visible_text(doc_id).rpartition("/")[2]
    title = next((line for line in title_text[:TITLE_SPAN].splitlines() if line.strip()), "")
    cues = _cues()
    found = set()
    for matched in (cues.name_identifier.match(fold(stem)), cues.title_identifier.match(title)):
        if matched is not None and (named := _named(matched)) is not None:
            found.add(named)
    return frozenset(found)


def identifiers_written(text: str) -> frozenset[Named]:
    """The identifiers `text` writes in capitals anywhere: a question's "What did ADR-003
    decide?" asks for that document, superseded or not (versions.CorpusVersions)."""
    found = (_named(matched) for matched in _cues().identifier.finditer(text))
    return frozenset(named for named in found if named is not None)


def names_one_of(asked: Iterable[Named], own: Iterable[Named]) -> bool:
    """Whether an identifier of `asked` names one of `own`: its prefix and every number, and
    its version when it writes one ("P-12" names "P-12 v2"; "P-12 v3" does not)."""
    held = list(own)
    return any(
        named[:2] == mine[:2] and named.version in (None, mine.version)
        for named in asked
        for mine in held
    )


def document_statements(doc_id: str, text: str) -> tuple[list[str], list[str]]:
    """A document's identifiers (`own_identifiers`) and its statements, each a mark
    (REPLACED_BY, SUPERSEDES) and the key of the identifier it names, as the build stores them
    (doctally.DocumentTally); a document whose ends write no cue mark is read no further."""
    own = own_identifiers(doc_id, text)
    ends = _ends(text)
    stated: list[str] = []
    if not any(mark in part for part in ends for mark in _cues().marks):
        return sorted(named.key() for named in own), stated
    ends = _ends(_code_blanked(text))
    if any(_status_unsettled(part) for part in ends):
        return sorted(named.key() for named in own), stated
    for part in ends:
        for named, replaced_by in _statements(part):
            if _names_itself(named, own):
                continue
            mark = (REPLACED_BY if replaced_by else SUPERSEDES) + named.key()
            if mark not in stated:
                stated.append(mark)
    return sorted(named.key() for named in own), stated


def _ends(text: str) -> list[str]:
    """A document's first and last CUE_SPAN characters (its whole text when shorter)."""
    return [text[:CUE_SPAN]] + ([text[-CUE_SPAN:]] if len(text) > CUE_SPAN else [])


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_MARKDOWN = re.compile(r"(?m)^#{1,6}[ \t]")
"""A markdown heading: only a text writing one reads an indented line as code (a PDF's or an
e-mail's text indents its prose)."""
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")


def _code_blanked(text: str) -> str:
    """`text` with the lines of its code blocks made blanks of the same length: inside a fenced
    block (``` or ~~~, to its closing fence of the same mark) or an indented block (four
    spaces or a tab, after a blank line, not under a list item, in a text writing a markdown
    heading); an example's "Status: Superseded by ADR-002" shown in an ADR template states
    nothing (s40 hostile H1)."""
    lines = text.split("\n")
    markdown = _MARKDOWN.search(text) is not None
    fence = ""
    blank_before, in_list, in_indented = True, False, False
    for at, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence or opening:
            if fence and opening and opening.group(1)[0] == fence[0]:
                fence = ""
            elif not fence and opening:
                fence = opening.group(1)
            lines[at] = " " * len(line)
            blank_before = False
            continue
        if not line.strip():
            blank_before = True
            continue
        indented = bool(_INDENTED.match(line))
        in_indented = markdown and indented and not in_list and (blank_before or in_indented)
        if in_indented:
            lines[at] = " " * len(line)
        elif not indented:
            in_list = bool(_LIST_ITEM.match(line))
        blank_before = False
    return "\n".join(lines)


def _status_unsettled(part: str) -> bool:
    """Whether a document's end says its status is unsettled (`_unsettled`): read for the
    whole document, so that a proposal's "Status: Proposed" at its head silences its last
    part's "This ADR supersedes ADR-006" (s40 hostile H2)."""
    return any(_unsettled(line, under == STATUS_LINES) for line, under in _under_status(part))


def _under_status(part: str) -> Iterator[tuple[str, int]]:
    """Each line of a document's end but its status headings, with how many of the
    STATUS_LINES lines under such a heading are left from it on (STATUS_LINES: the first one
    under it; 0: none)."""
    cues = _cues()
    under_status = 0
    for line in part.splitlines():
        if line.lstrip().startswith("#") and cues.status_heading.match(line):
            under_status = STATUS_LINES
            continue
        yield line, under_status
        if line.strip():
            under_status = max(0, under_status - 1)


def _names_itself(named: Named, own: frozenset[Named]) -> bool:
    """Whether `named` is one of the document's `own` identifiers: "P-12 v2" named in P-12 v3
    is another document, "P-12" is not."""
    return any(
        named == mine or (named[:2] == mine[:2] and None in (named.version, mine.version))
        for mine in own
    )


def _statements(part: str) -> list[tuple[Named, bool]]:
    """The statements of a document's end: each named identifier and whether it replaces the
    document (module docstring); an unsettled status is read before (`_status_unsettled`)."""
    cues = _cues()
    found: list[tuple[Named, bool]] = []
    for line, under_status in _under_status(part):
        stating = under_status and cues.status_value.match(line)
        lowered = line.lower()
        if not any(mark in lowered for mark in cues.marks):
            continue
        matches = [stating or None, cues.statuses.match(line), cues.metadata.match(line)]
        matches.extend(cues.subject.match(line, at) for at in _sentence_starts(line, lowered))
        for matched in matches:
            if matched is not None and (statement := _statement(line, matched)) is not None:
                found.append(statement)
    return found


def _unsettled(line: str, first_under_heading: bool) -> bool:
    """Whether `line` says the document's status is unsettled: a status line's value, or the
    first line under a status heading, opening with a proposal's or a draft's word ("Status:
    Proposed", "## Status" then "Draft"); a proposal replaces nothing yet."""
    found = _cues().unsettled.match(line)
    return found is not None and (first_under_heading or found.group("label") is not None)


SENTENCE_REACH = 80
"""The most characters between a sentence's start and its expression ("This decision record
hereby supersedes")."""
_SENTENCE_END = re.compile(r"[.!?]\s+")


def _sentence_starts(line: str, lowered: str) -> list[int]:
    """Where the sentences of `line` writing a verb's mark within SENTENCE_REACH characters start
    (the line's start, list marks aside, or past a sentence's end): a look at each mark's
    place, not at each sentence of a long paragraph."""
    starts = set()
    for mark in _cues().verb_marks:
        place = lowered.find(mark)
        while place >= 0:
            reach = max(0, place - SENTENCE_REACH)
            ends = list(_SENTENCE_END.finditer(line, reach, place))
            if ends:
                starts.add(ends[-1].end())
            elif reach == 0:
                starts.add(len(line) - len(line.lstrip(" \t>*_#|•+-")))
            place = lowered.find(mark, place + len(mark))
    return sorted(starts)


def _statement(line: str, matched: re.Match[str]) -> tuple[Named, bool] | None:
    """The identifier a statement's match names and whether it replaces the document; None
    when no document is named whole or not for sure: a prefix of a part or a version, other
    words than a document's between the expression and the identifier (`_names_a_document`), a
    part word, a condition or a scope right after it ("supersedes ADR-003 section 4", "if
    approved", "for public clients", "(web only)": s40 hostile M1), a "'s"."""
    named = _named(matched)
    if named is None:
        return None
    cues = _cues()
    if not _names_a_document(_words(matched.group("between"))):
        return None
    after = line[matched.end() : matched.end() + 24]
    if after.startswith(("'s", "’s", "-")):
        return None
    following = re.findall(r"[^\W_]+", fold(re.split(r"[.;!?]", after, maxsplit=1)[0]))[:3]
    if following and following[0] in cues.part_words | cues.conditions:
        return None
    if cues.scopes_anywhere.intersection(following):
        return None
    return named, matched.group("by") is not None


def _names_a_document(between: list[str]) -> bool:
    """Whether the words between an expression and an identifier leave it naming a document:
    none ("supersedes ADR-003"), or determiners and qualifiers before a document noun ("remplace
    la procédure P-12 v2", "la nouvelle procédure"); an object's noun ("replaces the F-20 filter
    cartridges", "remplace le filtre F-20") or a preposition ("replaces paper logging with the
    CHK-4 checklist") does not (s39 review HIGH1-2)."""
    if not between:
        return True
    cues = _cues()
    return any(
        len(noun) <= len(between)
        and tuple(between[-len(noun) :]) == noun
        and all(word in cues.leading_words for word in between[: -len(noun)])
        for noun in cues.document_nouns
    )


def paired(
    identifiers: Mapping[str, list[str]], statements: Mapping[str, list[str]]
) -> dict[str, str]:
    """Each document a statement names as replaced, and the document replacing it, from the
    stored `identifiers` and `statements` of each document (`document_statements`): the named
    identifier carried by exactly one other document (its version too, when written) and of
    the stating document's own kind (its prefix: ADR-006 and ADR-008, not a ticket INC-42 and a
    part's datasheet PMP-4, s39 review HIGH3); two documents each saying the other replaces it
    pair neither."""
    carrying: dict[tuple[str, tuple[int, ...]], dict[str, set[int | None]]] = {}
    for doc_id, keys in identifiers.items():
        for named in filter(None, map(_parsed_key, keys)):
            carrying.setdefault(named[:2], {}).setdefault(doc_id, set()).add(named.version)
    pairs: dict[str, str] = {}
    for doc_id, said in statements.items():
        kinds = {
            named.prefix for named in filter(None, map(_parsed_key, identifiers.get(doc_id, [])))
        }
        for statement in said:
            stated = _parsed_key(statement[1:])
            if stated is None or stated.prefix not in kinds:
                continue
            other = _resolved(stated, carrying, doc_id)
            if other is None:
                continue
            older, newer = (doc_id, other) if statement[0] == REPLACED_BY else (other, doc_id)
            if pairs.get(newer) == older:
                del pairs[newer]
            else:
                pairs.setdefault(older, newer)
    return pairs


_Carrying = Mapping[tuple[str, tuple[int, ...]], dict[str, set[int | None]]]
"""The documents carrying each identifier (prefix and numbers), each with its versions."""


def _resolved(named: Named, carrying: _Carrying, stating: str) -> str | None:
    """The one document but `stating` carrying the identifier `named` (its version too, when
    written); None when none does or several do."""
    found = [
        doc_id
        for doc_id, versions in carrying.get(named[:2], {}).items()
        if doc_id != stating and (named.version is None or named.version in versions)
    ]
    return found[0] if len(found) == 1 else None


def stored_pairs(statistics: Mapping[str, Any] | None) -> dict[str, str]:
    """The pairs a build stored (none from an index written before, or a damaged one)."""
    stored = (statistics or {}).get(STATISTICS_KEY) or {}
    if (
        not isinstance(stored, dict)
        or len(stored) > MAX_PAIRS
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in stored.items())
    ):
        return {}
    return dict(stored)
