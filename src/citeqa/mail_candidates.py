"""Which sentences of a mail thread a question may be answered from, read from the layout
mailthreads.mail_text gives a thread's text: a heading per message ("## Lena Park · 3 Mar
2026") over its own lines, then "## Headers · Lena Park · 3 Mar 2026" over its header lines,
maybe "## Signature · …" and "## Quoted by …". Every message has a Headers section (its From
line is always kept there), so the Headers headings count and place the thread's messages.

Three rules, all on what the question asks (language data: citeqa/data/mail_questions.json,
English and French):
- a header line ("To: …", "Date: …", "From: …") answers only a question about a header value
  (a recipient, a date or time sent, a subject, an address): its words are searchable, but
  "Who swapped journal club with Marco on 17 October?" quoted "Date: Mon, 13 Oct 2025" (s18
  trial u12) and "What is the phone number of Lena Hartmann?" her From line (x07);
- a question asking who replied (answered, responded) is never answered from a thread's first
  message, which replies to nothing in the file: a thread of one message has no reply ("Who
  replied to the Minnesota data request?" quoted the request itself, s18 trial ue3, u11) —
  unless that message is itself a reply saved on its own (it quotes a message the file does
  not hold, has an In-Reply-To or References header: `MailLayout.first_replies`; or a "Re:"
  subject, for a question naming what its thread is about: `subject_replies`); nor
  from the quotes of a message the file does not hold (they are what was replied to);
- a question asking how to reach a person it names (a phone number, an extension, an e-mail
  address) reads that person's signatures (`with_signatures`) and quotes their lines giving
  it (`giving_contact`), over the other candidates when it asks nothing else or the best
  candidate is none of that person's messages (`forces_signature`). A signer is the person
  asked when the question writes every word of the signer's name, or a capitalised word of it
  (`_signed_by`): a signer heading an address or a day names no one.

A document is read as a thread only when it is a .txt or .md file whose text holds a Headers
heading over a header line (what mailthreads writes); any other document is never touched.
Pure functions; a thread's layout is read from its text once per question (`MailLayouts`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from citeqa.jsonfiles import data_json
from citeqa.lexical import content_words, written_terms
from citeqa.mailthreads import (
    HEADERS_HEADING,
    QUOTED_HEADING,
    SIGNATURE_HEADING,
    WORD,
    data_pattern,
    data_strings,
    replies_by_subject,
)
from citeqa.models import Chunk, Document, Hit
from citeqa.recently_used import RecentlyUsed

__all__ = [
    "MailLayout",
    "MailLayouts",
    "QuestionAsks",
    "forces_signature",
    "giving_contact",
    "layout_of",
    "with_signatures",
]

_HEADING = re.compile(r"^## (?P<name>[^\n]*)$", re.MULTILINE)
_HEADERS_MARK = f"\n## {HEADERS_HEADING}"
_REPLY_HEADER = re.compile(r"^(?:in-reply-to|references)\s*:", re.MULTILINE | re.IGNORECASE)
"""A header line naming the message a message replies to (RFC 5322 field names)."""
_SUBJECT_LINE = re.compile(r"^[^\W\d_]+ ?:[^\n]*", re.MULTILINE)
"""A line that may be a subject header ("Subject: Re: Quote", "Objet : RE : devis")."""
MAIL_KINDS = ("txt", "md")
"""The document kinds the text reader reads mails of (readers/text.py)."""
MESSAGE_KINDS = (*MAIL_KINDS, "eml", "mbox")
"""The kinds of the documents whose text mailthreads may write: a mail saved as text, and the
.eml and .mbox files (later_statements.message_date reads their messages' days)."""


ASKS_KEPT = 256
"""How many questions' `QuestionAsks` are kept (a question reads its own several times)."""


@dataclass(frozen=True)
class QuestionAsks:
    """What a question asks of mails, by the language data's cues."""

    header_value: bool
    """A value a header holds: a recipient, a date or time sent, a subject, an address."""
    reply: bool
    """Who replied, answered or responded (or what the reply said)."""
    contact: frozenset[str] = frozenset()
    """The kinds of contact asked for ("phone", "e-mail": the language data's)."""
    terms: frozenset[str] = frozenset()
    """The question's terms as BM25 reads them (lexical.written_terms): what it is about."""
    nothing_else: bool = False
    """Whether it asks nothing but how to reach someone (`_asks_nothing_else`)."""

    @staticmethod
    def of(question: str) -> QuestionAsks:
        """What `question` asks, read once for the several places a question's answer asks
        (candidates, signatures, quoting; `_asks_of`, a small bounded cache)."""
        return _asks_of(question)


@lru_cache(maxsize=ASKS_KEPT)
def _asks_of(question: str) -> QuestionAsks:
    cues = _cues()
    folded = question.casefold()
    contact = {kind for kind, cue in cues.contact.items() if cue.search(folded)}
    alone = _asks_nothing_else(question)
    if alone:
        contact |= {kind for kind, cue in cues.contact_alone.items() if cue.search(folded)}
    return QuestionAsks(
        bool(cues.header and cues.header.search(folded)),
        bool(cues.reply and cues.reply.search(folded)),
        frozenset(contact),
        written_terms(question, dates=False),
        alone,
    )


@dataclass(frozen=True)
class _Cues:
    header: re.Pattern[str] | None
    reply: re.Pattern[str] | None
    contact: dict[str, re.Pattern[str]]
    """Per kind of contact, what asks for it."""
    contact_value: dict[str, re.Pattern[str]]
    """Per kind of contact, what a line giving it holds."""
    contact_alone: dict[str, re.Pattern[str]] = field(default_factory=dict)
    """Per kind of contact, what asks for it only in a question asking nothing else
    ("extension": of a phone, or of a deadline)."""
    contact_words: frozenset[str] = frozenset()
    """The folded words a question asking how to reach someone is made of, names aside."""


def _read_data() -> object:
    return data_json("mail_questions.json")


@cache
def _cues() -> _Cues:
    """The question cues, read once; a missing or malformed part is read as no cue."""
    data = _read_data()
    data = data if isinstance(data, dict) else {}
    return _Cues(
        data_pattern(data.get("header_value_cues")),
        data_pattern(data.get("reply_cues")),
        _patterns(data.get("contact_cues")),
        _patterns(data.get("contact_values")),
        _patterns(data.get("contact_cues_alone")),
        frozenset(data_strings(data.get("contact_words"))),
    )


def _patterns(value: object) -> dict[str, re.Pattern[str]]:
    """A mapping of kinds to lists of patterns, each kind's as one pattern."""
    listed = value.items() if isinstance(value, dict) else ()
    compiled = {kind: data_pattern(patterns) for kind, patterns in listed}
    return {kind: pattern for kind, pattern in compiled.items() if pattern is not None}


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
    senders: list[str] = field(default_factory=list)
    """Each message's heading ("Lena Park · 3 Mar 2026"), in order."""
    is_quoted: list[bool] = field(default_factory=list)
    """Whether each of `headings` is a "Quoted by" heading (quotes of a message the file
    does not hold)."""
    first_replies: bool = False
    """Whether the first message is itself a reply: it quotes a message the file does not
    hold (a "Quoted by" section) or names one in an In-Reply-To or References header."""
    subject_replies: bool = False
    """Whether the first message's subject marks it a reply ("Re: …"), its only sign of one."""
    title_terms: frozenset[str] = frozenset()
    """The terms of the thread's title (its subject): what a reply in it is about."""

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

    def is_generated_heading(self, offset: int) -> bool:
        """Whether a heading mailthreads writes starts at `offset`: a message's own, its
        Headers, Signature or "Quoted by" heading."""
        at = bisect.bisect_left(self.headings, offset)
        if at == len(self.headings) or self.headings[at] != offset:
            return False
        opens = self.is_headers[at] or offset in self.signers or offset in self.message_starts
        return opens or (at < len(self.is_quoted) and self.is_quoted[at])

    def in_quotes(self, offset: int) -> bool:
        """Whether `offset` stands in a "Quoted by" section (its heading line included)."""
        at = bisect.bisect_right(self.headings, offset) - 1
        return at >= 0 and at < len(self.is_quoted) and self.is_quoted[at]


LAYOUTS_KEPT = 64
"""How many documents' layouts `layout_of` keeps: a question reads a document's layout in
several places (its candidates, a contact's signatures, its quote), each once."""
_LAYOUTS: RecentlyUsed[tuple[str, int, int], MailLayout | None] = RecentlyUsed(LAYOUTS_KEPT)


def layout_of(document: Document, kinds: tuple[str, ...] = MAIL_KINDS) -> MailLayout | None:
    """The thread layout of a document of one of `kinds` mailthreads wrote, None for any other
    document; kept by the document's kind, length and text hash (str caches its hash), so the
    layouts one question reads are each read once, whichever MailLayouts asks."""
    text = document.text
    if document.kind not in kinds:
        return None
    key = (document.kind, len(text), hash(text))
    return _LAYOUTS.get(key, lambda: _read_layout(document))


def _read_layout(document: Document) -> MailLayout | None:
    """`layout_of`, read from the document's text."""
    text = document.text
    if _HEADERS_MARK not in text:
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
    senders = [
        name[len(HEADERS_HEADING) :]
        for name, headers in zip(names, is_headers, strict=True)
        if headers
    ]
    quoted = [name.startswith(QUOTED_HEADING) for name in names]
    layout = MailLayout(starts, headings, is_headers, signers, senders, quoted)
    first_end = starts[1] if len(starts) > 1 else len(text)  # the first message's end
    replies = _first_replies(text, layout, first_end)
    by_subject = not replies and _replies_by_subject(text, layout, first_end)
    title = text[: text.find("\n")] if "\n" in text else text
    return replace(
        layout,
        first_replies=replies,
        subject_replies=by_subject,
        title_terms=written_terms(title, dates=False) if by_subject else frozenset(),
    )


def _first_replies(text: str, layout: MailLayout, end: int) -> bool:
    """Whether the first message of a thread (ending at `end`) replies to one its file does not
    hold: it has a "Quoted by" section, or an In-Reply-To or References line among its
    headers."""
    if any(
        at < end and quoted for at, quoted in zip(layout.headings, layout.is_quoted, strict=True)
    ):
        return True
    return any(layout.in_headers(found.start()) for found in _REPLY_HEADER.finditer(text, 0, end))


def _replies_by_subject(text: str, layout: MailLayout, end: int) -> bool:
    """Whether the first message's (ending at `end`) subject marks it a reply ("Subject: Re:
    …", which mailthreads keeps for that)."""
    return any(
        layout.in_headers(found.start()) and replies_by_subject(found.group())
        for found in _SUBJECT_LINE.finditer(text, 0, end)
    )


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
        first = layout.message_of(start) == 0 and not _replies_asked(layout, asks)
        return not (asks.reply and (first or layout.in_quotes(start)))

    def by_person_asked(self, doc_id: str, start: int, question: str) -> bool:
        """Whether the sentence at `start` of `doc_id` stands in a mail message sent by a
        person the question names (`_signed_by`)."""
        layout = self.of(doc_id)
        if layout is None or not layout.senders:
            return False
        return _signed_by(layout.senders[layout.message_of(start)], question)

    def is_mail_heading(self, doc_id: str, start: int) -> bool:
        """Whether the heading line at `start` of `doc_id` is one mailthreads wrote over a
        message's part ("## Lena Park · 3 Mar 2026", "## Headers · …", "## Signature · …",
        "## Quoted by …"): a sender and a day, no content of the message. A "## Budget" a
        sender wrote in a message is the message's own."""
        layout = self.of(doc_id)
        return layout is not None and layout.is_generated_heading(start)


def _replies_asked(layout: MailLayout, asks: QuestionAsks) -> bool:
    """Whether the thread's first message is a reply a "who replied" question may be answered
    from: one by its quotes or headers, or by its "Re:" subject when the question names what
    the thread is about (a word of its title): "Who replied about the sofa delivery?" is no
    question about a lone "Re: Fridge" (review of the first version, which answered it)."""
    about = bool(layout.title_terms & asks.terms)
    return layout.first_replies or (layout.subject_replies and about)


def _name_words(person: str) -> set[str]:
    """The words of a person's name as a heading writes it ("Lena Park · 3 Mar 2026"), folded,
    of two letters or more: the part before its day; the local part of an address; none for a
    day alone ("3 Mar 2026": no name has a digit)."""
    name = person.split(" · ", 1)[0]
    if any(char.isdigit() for char in name):
        return set()
    return {word for word in WORD.findall(name.split("@", 1)[0].casefold()) if len(word) > 1}


def _signed_by(person: str, question: str) -> bool:
    """Whether a question names `person` (a signer's or sender's heading): it writes every word
    of the name, or capitalises one of them ("Tom" for Tom Reyes). A signer heading an address
    ("lab-list@lab.example.org") or a day is no one "the phone number of the lab" names."""
    name = _name_words(person)
    if not name:
        return False
    words = set(WORD.findall(question.casefold()))
    return name <= words or bool(name & {word.casefold() for word in _capitalised(question)})


def _asks_nothing_else(question: str) -> bool:
    """Whether every content word of the question asks how to reach someone (the language
    data's contact_words) or is a word it capitalises (a name): "What is Tom's extension?",
    not "Until when did Tom get an extension of the thesis deadline?"."""
    names = set(content_words(" ".join(_capitalised(question))))
    known = _cues().contact_words
    return all(word in known or word in names or len(word) < 3 for word in content_words(question))


def _capitalised(question: str) -> list[str]:
    """The words a question capitalises as names: not a sentence's first word, which every
    question capitalises ("Deadline extension for Tom?", "May I …" is no signer May Chen),
    unless it is a possessive ("Tom's extension?")."""
    return [
        found.group()
        for found in WORD.finditer(question)
        if found.group()[0].isupper()
        and (not _SENTENCE_START.search(question, 0, found.start()) or _possessive(question, found))
    ]


def _possessive(question: str, found: re.Match[str]) -> bool:
    return question.startswith(("'s", "’s"), found.end())


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\u00bf\u00a1])[\s\"'\u00ab\u201c(\[-]*$")
"""What stands before a sentence's first word: the text's start, or a sentence's end, maybe
blanks and an opening quote."""


def forces_signature(
    question: str, top: tuple[str, int], documents: Mapping[str, Document]
) -> bool:
    """Whether the signature lines giving the contact a question asks (`giving_contact`) are
    quoted over the best candidate `top` (its document and start): when the question asks
    nothing else, or `top` stands in none of the named person's messages. "What did Tom say
    about the phone lines of the greenhouse?" is answered from what Tom wrote."""
    if QuestionAsks.of(question).nothing_else:  # read once per question (cached)
        return True
    return not MailLayouts(documents).by_person_asked(*top, question)


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
            signed = signer is not None and _signed_by(signer, question)
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
    layouts = MailLayouts(documents)
    kept = []
    for number, (doc_id, start, text) in enumerate(texts):
        layout = layouts.of(doc_id)
        signer = layout.signer_of(start) if layout is not None else None
        if signer and _signed_by(signer, question):
            before = documents[doc_id].text[max(start - _CUE_BEFORE, 0) : start]
            if any(_gives(pattern, before, text) for pattern in patterns):
                kept.append(number)
    return kept


_CUE_BEFORE = 16
"""How many characters before a signature line its value's cue may stand in: a sentence ends
at "ext." and its number "4470" is the next sentence."""


def _gives(pattern: re.Pattern[str], before: str, text: str) -> bool:
    """Whether `text` holds a value `pattern` finds, its cue maybe in the text `before` it."""
    return any(found.end() > len(before) for found in pattern.finditer(before + text))
