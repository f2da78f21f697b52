"""Which sentences of a mail thread a question may be answered from, read from the layout
mailthreads.mail_text gives a thread's text: a heading per message ("## Lena Park · 3 Mar
2026") over its own lines, then "## Headers · Lena Park · 3 Mar 2026" over its header lines,
maybe "## Signature · …" and "## Quoted by …". Every message has a Headers section (its From
line is always kept there), so the Headers headings count and place the thread's messages.

Two rules, both on what the question asks (language data: citeqa/data/mail_questions.json,
English and French):
- a header line ("To: …", "Date: …", "From: …") answers only a question about a header value
  (a recipient, a date or time sent, a subject, an address): its words are searchable, but
  "Who swapped journal club with Marco on 17 October?" quoted "Date: Mon, 13 Oct 2025" (s18
  trial u12) and "What is the phone number of Lena Hartmann?" her From line (x07);
- a question asking who replied (answered, responded) is never answered from a thread's first
  message, which replies to nothing in the file: a thread of one message has no reply ("Who
  replied to the Minnesota data request?" quoted the request itself, s18 trial ue3, u11).

A document is read as a thread only when it is a .txt or .md file whose text holds a Headers
heading over a header line (what mailthreads writes); any other document is never touched.
Pure functions; a thread's layout is read from its text once per question (`MailLayouts`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from citeqa.jsonfiles import parse_json
from citeqa.mailthreads import HEADERS_HEADING, SIGNATURE_HEADING
from citeqa.models import Chunk, Document, Hit

__all__ = ["MailLayout", "MailLayouts", "QuestionAsks", "layout_of"]

_HEADING = re.compile(r"^## (?P<name>[^\n]*)$", re.MULTILINE)
_HEADERS_MARK = f"\n## {HEADERS_HEADING}"
MAIL_KINDS = ("txt", "md")
"""The document kinds the text reader reads mails of (readers/text.py)."""


@dataclass(frozen=True)
class QuestionAsks:
    """What a question asks of mails, by the language data's cues."""

    header_value: bool
    """A value a header holds: a recipient, a date or time sent, a subject, an address."""
    reply: bool
    """Who replied, answered or responded (or what the reply said)."""
    contact: frozenset[str] = frozenset()
    """The kinds of contact asked for ("phone", "e-mail": the language data's)."""

    @classmethod
    def of(cls, question: str) -> QuestionAsks:
        cues = _cues()
        folded = question.casefold()
        return cls(
            bool(cues.header and cues.header.search(folded)),
            bool(cues.reply and cues.reply.search(folded)),
            frozenset(kind for kind, cue in cues.contact.items() if cue.search(folded)),
        )


@dataclass(frozen=True)
class _Cues:
    header: re.Pattern[str] | None
    reply: re.Pattern[str] | None
    contact: dict[str, re.Pattern[str]]
    """Per kind of contact, what asks for it."""
    contact_value: dict[str, re.Pattern[str]]
    """Per kind of contact, what a line giving it holds."""


def _read_data() -> object:
    return parse_json(
        resources.files("citeqa").joinpath("data", "mail_questions.json").read_bytes()
    )


@cache
def _cues() -> _Cues:
    """The question cues, read once; a missing or malformed part is read as no cue."""
    data = _read_data()
    data = data if isinstance(data, dict) else {}
    return _Cues(
        _pattern(data.get("header_value_cues")),
        _pattern(data.get("reply_cues")),
        _patterns(data.get("contact_cues")),
        _patterns(data.get("contact_values")),
    )


def _patterns(value: object) -> dict[str, re.Pattern[str]]:
    """A mapping of kinds to lists of patterns, each kind's as one pattern."""
    listed = value.items() if isinstance(value, dict) else ()
    compiled = {kind: _pattern(patterns) for kind, patterns in listed}
    return {kind: pattern for kind, pattern in compiled.items() if pattern is not None}


def _pattern(value: object) -> re.Pattern[str] | None:
    patterns = [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
    compiled = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error:
            continue
        compiled.append(f"(?:{pattern})")
    return re.compile("|".join(compiled)) if compiled else None


@dataclass(frozen=True)
class MailLayout:
    """Where a thread's messages start and where its Headers sections are, in its text."""

    message_starts: list[int]
    """Each message's first offset (its heading, else its Headers heading), in order."""
    headings: list[int]
    """The offset of every "## " heading line, in order."""
    is_headers: list[bool]
    """Whether each of `headings` is a Headers heading."""
    signers: dict[int, str] = field(default_factory=dict)
    """Each Signature heading's offset → whose signature it is ("## Signature · Lena Park")."""

    def message_of(self, offset: int) -> int:
        """The number of the message holding `offset` (0 for the title above the first)."""
        return max(bisect.bisect_right(self.message_starts, offset) - 1, 0)

    def signer_of(self, offset: int) -> str | None:
        """Whose signature `offset` stands in (its heading line included), None outside one."""
        at = bisect.bisect_right(self.headings, offset) - 1
        return self.signers.get(self.headings[at]) if at >= 0 else None

    def in_headers(self, offset: int) -> bool:
        """Whether `offset` stands in a Headers section (its heading line included)."""
        at = bisect.bisect_right(self.headings, offset) - 1
        return at >= 0 and self.is_headers[at]


def layout_of(document: Document) -> MailLayout | None:
    """The thread layout of a document mailthreads wrote, None for any other document."""
    text = document.text
    if document.kind not in MAIL_KINDS or _HEADERS_MARK not in text:
        return None
    headings: list[int] = []
    names: list[str] = []
    for match in _HEADING.finditer(text):
        headings.append(match.start())
        names.append(match["name"])
    is_headers = [
        name.startswith(HEADERS_HEADING) and _opens_header_line(text, text.find("\n", at))
        for at, name in zip(headings, names, strict=True)
    ]
    if not any(is_headers):
        return None
    signers = {
        at: name[len(SIGNATURE_HEADING) :]
        for at, name in zip(headings, names, strict=True)
        if name.startswith(SIGNATURE_HEADING)
    }
    starts = _message_starts(headings, names, is_headers)
    return MailLayout(starts, headings, is_headers, signers)


def _opens_header_line(text: str, newline: int) -> bool:
    """Whether the line after a heading (its end at `newline`) is a header ("From: …")."""
    if newline < 0:
        return False
    end = text.find("\n", newline + 1)
    line = text[newline + 1 : end if end >= 0 else len(text)]
    name, colon, _ = line.partition(":")
    return bool(colon) and bool(name) and " " not in name.strip()


def _message_starts(headings: list[int], names: list[str], is_headers: list[bool]) -> list[int]:
    """Each message's start: its own heading ("## Lena Park · 3 Mar 2026") when one stands
    since the previous message's Headers heading, else its Headers heading."""
    starts = []
    since = 0  # the first heading after the previous message's Headers heading
    for at, headers in enumerate(is_headers):
        if not headers:
            continue
        heading = names[at][len(HEADERS_HEADING) :]
        own = next((n for n in range(since, at) if names[n] == heading), at)
        starts.append(headings[own])
        since = at + 1
    return starts


@dataclass
class MailLayouts:
    """The layouts of the documents one question reads, each read once."""

    documents: Mapping[str, Document]
    _read: dict[str, MailLayout | None] = field(default_factory=dict)

    def of(self, doc_id: str) -> MailLayout | None:
        if doc_id not in self._read:
            self._read[doc_id] = layout_of(self.documents[doc_id])
        return self._read[doc_id]

    def answers_from(self, asks: QuestionAsks, doc_id: str, start: int) -> bool:
        """Whether the sentence at `start` of `doc_id` may answer a question asking `asks`."""
        layout = self.of(doc_id)
        if layout is None:
            return True
        if not asks.header_value and layout.in_headers(start):
            return False
        return not (asks.reply and layout.message_of(start) == 0)


def _names(person: str) -> set[str]:
    """The words of a person's name, folded, of two letters or more."""
    return {word for word in _WORD.findall(person.casefold()) if len(word) > 1}


_WORD = re.compile(r"[^\W\d_]+")


def with_signatures(
    top: list[Hit], question: str, chunks: Sequence[Chunk], layouts: MailLayouts
) -> list[Hit]:
    """The passages `top`, and after them, for a question asking how to reach someone
    (QuestionAsks.contact) whom it names, the signature signed by that person of each mail
    message `top` holds (the chunks of its document following the passage, up to the next
    message): "What is the phone number of Lena Hartmann?" reads her messages, whose words
    never say "phone", and her number stands in her signature (s18 trial x07). One passage
    per distinct signature text."""
    if not QuestionAsks.of(question).contact:
        return top
    asked = _names(question)
    held = {hit.chunk_index for hit in top}
    texts: set[str] = set()
    added: list[Hit] = []
    for hit in top:
        layout = layouts.of(hit.chunk.doc_id)
        if layout is None:
            continue
        message = layout.message_of(hit.chunk.start)
        at = hit.chunk_index + 1
        while at < len(chunks) and chunks[at].doc_id == hit.chunk.doc_id:
            chunk = chunks[at]
            if layout.message_of(chunk.start) != message:
                break
            signer = layout.signer_of(chunk.start)
            signed = signer is not None and bool(_names(signer) & asked)
            if signed and at not in held and chunk.text not in texts:
                held.add(at)
                texts.add(chunk.text)
                added.append(Hit(chunk=chunk, chunk_index=at, score=hit.score))
            at += 1
    return [*top, *added]


def giving_contact(
    texts: list[tuple[str, int, str]], question: str, documents: Mapping[str, Document]
) -> list[int]:
    """For a question asking how to reach a person it names (QuestionAsks.contact), the
    positions in `texts` (each candidate's document, start and text) of the lines of that
    person's signature holding a way to reach them (a phone number, an extension, an e-mail
    address: the language data's contact_values); [] for any other question or when none does."""
    values = [_cues().contact_value.get(kind) for kind in QuestionAsks.of(question).contact]
    patterns = [value for value in values if value is not None]
    if not patterns:
        return []
    asked = _names(question)
    layouts = MailLayouts(documents)
    kept = []
    for number, (doc_id, start, text) in enumerate(texts):
        layout = layouts.of(doc_id)
        signer = layout.signer_of(start) if layout is not None else None
        if signer and _names(signer) & asked and any(p.search(text) for p in patterns):
            kept.append(number)
    return kept
