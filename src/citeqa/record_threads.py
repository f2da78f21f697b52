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
  the thread's first record (the request) is answered from the first later record of the
  thread by another party (its first short value differs: another author) among the
  candidates: its first sentence among them (who replied, then what to do; the rankers'
  shortest would be its closing "Firmware 2.8.1 fixes this issue.");
- a question asking a kind of thing by its noun ("Which agent …", "Quel technicien …":
  `noun_askers`) whose best candidate's record does not write that noun among its short
  values is answered from the thread's records that do ("author: Priya Nair, agent"), in the
  ranker's order.
Cues: citeqa/data/record_threads.json (English and French). Only JSON documents are read so
(readers/records.py writes no other kind). No I/O but the data file, read once.
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
from citeqa.readers.records import PROSE_AFTER, VALUE_SEPARATOR

__all__ = ["ThreadRecord", "answering_records", "asked_noun", "asks_way", "thread_record"]

RECORD_KIND = "json"
"""The reader kind whose documents readers/records.py writes."""
_LEAD = re.compile(
    r"(?P<name>[^\s#][^\n#]{0,200}?) #(?P<place>\d{1,6})(?P<rest>(?: · | — )[^\n]*)?"
)
"""A nested record's first line: its list's name, its place, then its short values and maybe
its prose's first line, or its prose's first line alone (readers/records._nested_record)."""
READ_BACK = 100_000
"""How far back (characters) from a sentence its record's heading is looked for: a record's
passage is a ticket's, and a JSON file's lines of paths, which have none, are not read
whole for each candidate."""
_RECORD_HEADING = "## "
"""How a record's heading line opens (readers/records._record)."""

Placed = tuple[Document, int]
"""A candidate sentence's document and where it starts in its text."""


@dataclass(frozen=True)
class ThreadRecord:
    """Where a sentence stands in an export's record: the start of the record's heading (its
    thread), and, when it stands in a record of a list the record holds, that record's place
    (1: the first) and its short values ("author: Priya Nair, agent"); place 0 and no values
    for the record's own lines."""

    thread: int
    place: int
    values: tuple[str, ...]


@cache
def _cues() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The way cues and the noun askers (a pattern of the noun after one), read once; a
    missing or malformed part is read as no cue."""
    data = data_json("record_threads.json")
    data = data if isinstance(data, dict) else {}
    askers = [re.escape(fold(word)) for word in data_strings(data.get("noun_askers"))]
    noun = re.compile(rf"\b(?:{'|'.join(askers)})\s+(\w+)") if askers else None
    return data_pattern(data.get("way_cues")), noun


def asks_way(question: str) -> bool:
    """Whether `question` asks how to do or fix something (`way_cues`)."""
    way = _cues()[0]
    return way is not None and way.search(fold(question)) is not None


def asked_noun(question: str) -> str | None:
    """The noun `question` asks a kind of thing by ("agent" in "Which agent helped Anna?"),
    folded; None when it asks none or the word after the asker is a stopword ("what is")."""
    noun = _cues()[1]
    found = noun.search(fold(question)) if noun is not None else None
    if found is None or found.group(1) in stopwords():
        return None
    return found.group(1)


def thread_record(document: Document, offset: int) -> ThreadRecord | None:
    """Where the character at `offset` of `document` stands in an export's record
    (`ThreadRecord`); None outside a record's passage or for another kind than JSON."""
    if document.kind != RECORD_KIND:
        return None
    text = document.text
    opening = "\n" + _RECORD_HEADING  # may end past `offset`: a heading line starting there
    floor = max(0, offset - READ_BACK)
    heading = text.rfind(opening, floor, offset + len(opening) - 1) + 1
    if heading == 0 and not (floor == 0 and text.startswith(_RECORD_HEADING)):
        return None
    blank = text.rfind("\n\n", heading, offset)
    if blank < 0:
        return ThreadRecord(heading, 0, ())
    start = blank + 2
    end = text.find("\n", start)
    lead = _LEAD.fullmatch(text[start : end if end >= 0 else len(text)])
    if lead is None:
        return ThreadRecord(heading, 0, ())
    rest = lead.group("rest") or ""
    if not rest.startswith(VALUE_SEPARATOR):  # its prose alone
        return ThreadRecord(heading, int(lead.group("place")), ())
    values = rest[len(VALUE_SEPARATOR) :].split(PROSE_AFTER, 1)[0]
    return ThreadRecord(heading, int(lead.group("place")), tuple(values.split(VALUE_SEPARATOR)))


def answering_records(placed: Sequence[Placed], question: str) -> list[int] | None:
    """The places in `placed` (the candidates, best first) of those answering `question` from
    the best's thread (the module's rules), best first; None when no rule
    applies (the best stands in no thread, or no other record of it answers)."""
    if not placed:
        return None
    records = [thread_record(document, start) for document, start in placed]
    best = records[0]
    if best is None:
        return None
    if best.place == 1 and asks_way(question):
        reply = _first_reply(records, best)
        if reply:  # its opening sentence: who replied, then what to do
            return [min(reply, key=lambda number: placed[number][1])]
    noun = asked_noun(question)
    if noun is not None and not _writes(best, noun):
        holding = [
            number
            for number, record in enumerate(records)
            if record is not None and record.thread == best.thread and _writes(record, noun)
        ]
        return holding or None
    return None


def _first_reply(records: list[ThreadRecord | None], request: ThreadRecord) -> list[int]:
    """The places of the records of the request's thread that stand in its first later record
    whose first short value differs from the request's (another author)."""
    replies = [
        (record.place, number)
        for number, record in enumerate(records)
        if record is not None
        and record.thread == request.thread
        and record.place > request.place
        and record.values[:1] != request.values[:1]
    ]
    first = min((place for place, _ in replies), default=None)
    return [number for place, number in replies if place == first]


def _writes(record: ThreadRecord, noun: str) -> bool:
    """Whether the record's short values write `noun` (its terms: "agents" for "agent")."""
    return bool(written_terms(noun) & written_terms(" ".join(record.values)))
