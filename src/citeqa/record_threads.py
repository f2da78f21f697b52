"""The thread of an export's record a candidate sentence stands in, and which of its records
answers what a question asks.

readers/records.py writes an export's records (a help desk's tickets) a passage each: the
record's heading ("## tickets › 5541 · Firmware update stuck at 87%"), its values, then each
record of a list it holds (a ticket's comments) a paragraph opening with its name, its place
and its short values ("comments #2 · author: Priya Nair, agent · created_at: … — Hi Anna,
please unplug…"). The rankers read a comment's words, not who wrote it nor whether it asks or
answers: the customer's comment restating the question outranked the agent's reply (s25
trial, "How do I fix a firmware update stuck at 87%?", "Which agent helped Anna Kowalski?").
When the best candidate stands in such a thread:
- a question asking how to do or fix something (`way_cues`) whose best candidate stands in
  the thread's first record (the request), written by an author its short values name under
  an `author_keys` key ("author: Anna Kowalski, end-user"), is answered from the first later
  record of the thread by another author (that key's value differs), when one of its
  sentences writes words of the question (its coverage, the question's own score): the first
  such sentence (who replied, then what to do; not a greeting-only opening "Hello Anna!", nor
  the rankers' shortest, its closing "Firmware 2.8.1 fixes this issue."). A knowledge base's
  sections and a chat log's messages name no author, or reply with no word of the question
  ("Thanks alice, I will try the portal"), so they keep their best (s26 review);
- a question asking a kind of thing by its noun ("Which agent …", "Quel technicien …":
  `noun_askers`) whose best candidate stands in a record of a list the thread's record holds
  (not the record's own values: "assigned_agent: Tom Reed" answers) and neither its short
  values nor the keys of its own line write that noun is answered from the thread's records
  whose short values do ("author: Priya Nair, agent"), in the ranker's order.
Either way the thread's other records are left out, the candidates of other threads and
other documents kept after, in their order.
Cues: citeqa/data/record_threads.json (English and French). Only JSON documents are read so
(readers/records.py writes no other kind: records.READER_KIND). No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import stopwords, written_terms
from citeqa.mailthreads import data_pattern, data_strings
from citeqa.models import Document
from citeqa.readers.records import (
    NESTED_LEAD,
    PROSE_AFTER,
    READER_KIND,
    RECORD_HEADING,
    VALUE_SEPARATOR,
    follows_its_list,
)

__all__ = ["ThreadRecord", "answering_records", "asked_noun", "asks_way", "thread_record"]

_KEY_PATH = re.compile(r"[^\s#][^\n:]*? › [^\n]*?: ")
"""A line of a value keyed from the record down ("via › source › from: …", treetext.py's
lines): one after the record's lists is the record's own, not its last record's prose."""
READ_BACK = 100_000
"""How far back (characters) from a sentence its record's heading is looked for: a record's
passage is a ticket's, and a JSON file's lines of paths, which have none, are not read
whole for each candidate."""

Placed = tuple[Document, int]
"""A candidate sentence's document and where it starts in its text."""


@dataclass(frozen=True)
class ThreadRecord:
    """Where a sentence stands in an export's record: the start of the record's heading (its
    thread), and, when it stands in a record of a list the record holds, that record's place
    (1: the first), its short values ("author: Priya Nair, agent") and its author (the value
    of its first `author_keys` key, "Priya Nair, agent"; None when it names none); place 0
    and no values for the record's own lines."""

    thread: int
    place: int
    values: tuple[str, ...]
    author: str | None = None


@dataclass(frozen=True)
class _Cues:
    """The language data: way cues, the noun after an asker, the keys naming an author."""

    way: re.Pattern[str] | None
    noun: re.Pattern[str] | None
    author_keys: frozenset[str]


@cache
def _cues() -> _Cues:
    """The cues, read once; a missing or malformed part is read as no cue."""
    data = data_json("record_threads.json")
    data = data if isinstance(data, dict) else {}
    askers = [re.escape(fold(word)) for word in data_strings(data.get("noun_askers"))]
    noun = re.compile(rf"\b(?:{'|'.join(askers)})\s+(\w+)") if askers else None
    authors = frozenset(fold(key) for key in data_strings(data.get("author_keys")))
    return _Cues(data_pattern(data.get("way_cues")), noun, authors)


def asks_way(question: str) -> bool:
    """Whether `question` asks how to do or fix something (`way_cues`)."""
    way = _cues().way
    return way is not None and way.search(fold(question)) is not None


def asked_noun(question: str) -> str | None:
    """The noun `question` asks a kind of thing by ("agent" in "Which agent helped Anna?"),
    folded; None when it asks none or the word after the asker is a stopword ("what is")."""
    noun = _cues().noun
    found = noun.search(fold(question)) if noun is not None else None
    if found is None or found.group(1) in stopwords():
        return None
    return found.group(1)


def thread_record(document: Document, offset: int) -> ThreadRecord | None:
    """Where the character at `offset` of `document` stands in an export's record
    (`ThreadRecord`); None outside a record's passage or for another kind than JSON. Its
    record is the last paragraph opening with a record's lead line (records.NESTED_LEAD, after
    its list's record before it: records.follows_its_list) between the
    heading and `offset`: a comment of several paragraphs is one record; a paragraph of a
    value keyed from the record down (`_KEY_PATH`) after it is the record's own."""
    if document.kind != READER_KIND:
        return None
    text = document.text
    opening = "\n" + RECORD_HEADING  # may end past `offset`: a heading line starting there
    floor = max(0, offset - READ_BACK)
    heading = text.rfind(opening, floor, offset + len(opening) - 1) + 1
    if heading == 0 and not (floor == 0 and text.startswith(RECORD_HEADING)):
        return None
    lead = _last_lead(text, heading, offset)
    if lead is None:
        return ThreadRecord(heading, 0, ())
    rest = lead.group("rest") or ""
    if not rest.startswith(VALUE_SEPARATOR):  # its prose alone
        return ThreadRecord(heading, int(lead.group("place")), ())
    values = tuple(rest[len(VALUE_SEPARATOR) :].split(PROSE_AFTER, 1)[0].split(VALUE_SEPARATOR))
    return ThreadRecord(heading, int(lead.group("place")), values, _author(values))


def _last_lead(text: str, heading: int, offset: int) -> re.Match[str] | None:
    """The lead line of the last paragraph between `heading` and `offset` that opens with one
    (a nested record's first line), None when none does or a later paragraph opens with a
    key path (the record's own lines)."""
    blank = text.rfind("\n\n", heading, offset)
    unlisted: set[tuple[str, str]] = set()  # leads whose list's record before them is missing
    while blank >= 0:
        start = blank + 2
        end = text.find("\n", start)
        lead = NESTED_LEAD.match(text, start, end if end >= 0 else len(text))
        if lead is not None and _unlisted(text, lead, heading, unlisted):
            lead = None  # a paragraph of prose looking like one ("see step #3 · then…")
        if lead is not None or _KEY_PATH.match(text, start):
            return lead
        blank = text.rfind("\n\n", heading, blank)
    return None


def _unlisted(text: str, lead: re.Match[str], heading: int, unlisted: set[tuple[str, str]]) -> bool:
    """Whether `lead` opens no record of its list (records.follows_its_list), remembered in
    `unlisted` for the leads above it: walking back, a lead of the same list and place searches
    less of the text for the record before it (s28 re-read: 6,000 paragraphs of "step #5 ·
    then…" searched back to the heading each, 113 ms a call)."""
    key = (lead["name"], lead["place"])
    if key not in unlisted and not follows_its_list(text, lead, heading):
        unlisted.add(key)
    return key in unlisted


def _author(values: tuple[str, ...]) -> str | None:
    """The value of the first of `values` keyed by an `author_keys` key, folded."""
    for value in values:
        key, separator, written = value.partition(": ")
        if separator and fold(key.strip()) in _cues().author_keys:
            return fold(written.strip())
    return None


def answering_records(
    placed: Sequence[Placed], question: str, supported: Sequence[bool]
) -> list[int] | None:
    """The places in `placed` (the candidates, best first) answering `question` from the
    best's thread (the module's rules), best first, then those of other threads and other
    documents in their order; None when no rule applies (the best stands in no thread, or
    no other record of it answers). `supported[n]`: whether candidate n writes words of the
    question (its scores' coverage)."""
    if not placed:
        return None
    best = thread_record(*placed[0])
    if best is None:  # most answers: the question's cues are not read
        return None
    way, noun = asks_way(question), asked_noun(question)
    if not (way or noun is not None):
        return None
    doc_id = placed[0][0].doc_id  # a record of another document is in no thread of the best's
    records = [best] + [
        thread_record(document, start) if document.doc_id == doc_id else None
        for document, start in placed[1:]
    ]
    same = [record is not None and record.thread == best.thread for record in records]
    answering = _reply(placed, records, same, supported) if way else []
    if not answering and noun is not None:
        answering = _holding(placed, records, same, noun)
    if not answering:
        return None
    return answering + [number for number in range(len(placed)) if not same[number]]


def _reply(
    placed: Sequence[Placed],
    records: list[ThreadRecord | None],
    same: list[bool],
    supported: Sequence[bool],
) -> list[int]:
    """The place of the first sentence writing words of the question of the first later
    record of the best's thread by another author, when the best is the thread's first
    record and names its author; none otherwise."""
    request = records[0]
    if request is None or request.place != 1 or request.author is None:
        return []
    replies = [
        (record.place, number)
        for number, record in enumerate(records)
        if record is not None
        and same[number]
        and record.place > request.place
        and record.author not in (None, request.author)
    ]
    first = min((place for place, _ in replies), default=None)
    answering = [number for place, number in replies if place == first and supported[number]]
    return [min(answering, key=lambda number: placed[number][1])] if answering else []


def _holding(
    placed: Sequence[Placed], records: list[ThreadRecord | None], same: list[bool], noun: str
) -> list[int]:
    """The places of the best thread's records whose short values write `noun` (the noun the
    question asks by), when the best stands in a record of a list (not the record's own
    values) and neither its short values nor its own line's keys write it; none otherwise."""
    best, terms = records[0], written_terms(noun)
    if best is None or best.place == 0 or _writes(best, terms):
        return []
    if terms & _line_keys(*placed[0]):
        return []
    return [
        number
        for number, record in enumerate(records)
        if record is not None and same[number] and _writes(record, terms)
    ]


def _line_keys(document: Document, start: int) -> frozenset[str]:
    """The terms of the keys written on the line holding `start` ("assigned_agent: Tom
    Reed" writes "assigned", "agent")."""
    text = document.text
    end = text.find("\n", start)
    line = text[text.rfind("\n", 0, start) + 1 : end if end >= 0 else len(text)]
    keys = [part.partition(": ")[0] for part in line.split(VALUE_SEPARATOR) if ": " in part]
    return written_terms(" ".join(keys))


def _writes(record: ThreadRecord, terms: frozenset[str]) -> bool:
    """Whether the record's short values write any of `terms` (a noun's written terms:
    "agents" for "agent")."""
    return bool(terms & written_terms(" ".join(record.values)))
