"""Owns finding the reply to a question a mail asks: when the sentence a quote would be made
of is a mail's question echoing the user's own ("Could you tell us what documents you need
from us?" for "What documents do the buyers need to send?"), the answer is in the message that
replies to it, not in the question (s37 trial a025, a027: the asker's question was quoted, the
reply "Please send us: a copy of both your passports…" was not even a candidate).

A mail's sentence echoes the question (`echoes_question`) when it is a question (it ends in
"?", or opens as a request does: "Could you tell us…", "Merci de nous indiquer…"; language data,
citeqa/data/mail_replies.json), stands in a message's own lines (no header line), writes
ECHO_SHARE of the weight of the question's own terms or more, and the question does not ask
what was asked ("What did David ask…?", "Qu'a demandé le client ?": asking_cues, data).

The reply (`reply_to`) is, of the messages dated after the asking one (its Date header's
moment, else its day) and sent by someone else, the earliest among: the other messages of its
own thread file, and those of the other mails of its folder on the same thread — whose title
(its subject less its "Re:" and "TR:" prefixes: mailthreads.subject_title) is the asking
mail's, or whose sender is one the asking message was sent to and whose title shares a content
word with its title ("RE: Report de la signature / POA" answered by "RE: POA / procuration").
A question quoted in a reply ("## Quoted by …", a message the file does not hold) is replied to
by the message quoting it. A reply's own lines (`Reply`) are its message's but its Headers,
Signature and quoted sections. Documents of other folders, and messages of undated or
same-moment mails of the folder, are never read as replies: a folder of a few hundred mails is
read by name first (`FOLDER_MAILS` at most).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath

from citeqa.jsonfiles import data_json
from citeqa.later_statements import message_date
from citeqa.lexical import content_words
from citeqa.mail_candidates import MailLayout, layout_of
from citeqa.mailthreads import WORD, data_pattern
from citeqa.models import Chunk, Document, Hit
from citeqa.questions import QuestionTerms, is_question
from citeqa.sentences import SentenceBank

__all__ = [
    "ECHO_SHARE",
    "FOLDER_MAILS",
    "Reply",
    "echoes_question",
    "replies_to",
    "reply_hits",
    "reply_to",
]

ECHO_SHARE = 0.5
"""The least share of the weight of the question's own terms a mail's question writes to echo
it (QuestionTerms.own_coverage): "Could you tell us what documents you need from us…?" writes
.57 of "What documents do the buyers need to send to the notary?"."""
FOLDER_MAILS = 200
"""The most documents of the asking mail's folder read for a reply: a folder holding more is
read no further (a question never reads a whole mailbox)."""
_DATE_LINE = re.compile(r"^(?:date|sent|envoyé|datum|gesendet)\s?:\s*(?P<value>.+)$", re.I | re.M)
"""A Date header line of a message's Headers section, as mailthreads keeps it."""
_ADDRESSED_LINE = re.compile(r"^(?:to|cc|à|a|an|destinataire)\s?:\s*(?P<value>.+)$", re.I | re.M)
"""A To or Cc header line of a message's Headers section."""


@dataclass(frozen=True)
class Reply:
    """A reply's own lines: its document and the span of its message's own text."""

    doc_id: str
    start: int
    end: int

    def holds(self, doc_id: str, start: int) -> bool:
        """Whether the sentence starting at `start` of `doc_id` is one of the reply's lines."""
        return doc_id == self.doc_id and self.start <= start < self.end


@dataclass(frozen=True)
class _Message:
    """One message of a thread: its document, sender's name words, day, moment and span."""

    doc_id: str
    sender: frozenset[str]
    day: str | None
    moment: float | None
    start: int
    end: int

    def after(self, other: _Message) -> bool:
        """Whether it was sent after `other`: by their Date headers' moments when both read,
        else by their days (a day later); never when either is undated."""
        if self.moment is not None and other.moment is not None:
            return self.moment > other.moment
        return self.day is not None and other.day is not None and self.day > other.day

    def key(self) -> tuple[str, float]:
        return (self.day or "", self.moment or 0.0)


@functools.cache
def _cues() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The asking cues and the request openers (data/mail_replies.json), read once."""
    data = data_json("mail_replies.json")
    data = data if isinstance(data, dict) else {}
    return data_pattern(data.get("asking_cues")), data_pattern(data.get("request_openers"))


def asks_what_was_asked(question: str) -> bool:
    """Whether the question asks what someone asked ("What did David ask about the fees?")."""
    asking = _cues()[0]
    return asking is not None and asking.search(question.casefold()) is not None


def is_mail_question(text: str) -> bool:
    """Whether a mail's sentence asks something: it ends in "?" or opens as a request does."""
    if is_question(text):
        return True
    opener = _cues()[1]
    return opener is not None and opener.search(text.strip().casefold()) is not None


def echoes_question(bank: SentenceBank, index: int, terms: QuestionTerms) -> bool:
    """Whether sentence `index` is a mail's question echoing the user's (see the module's
    docstring)."""
    sentence = bank.sentences[index]
    layout = layout_of(bank.documents[sentence.doc_id])
    if layout is None or layout.in_headers(sentence.start):
        return False
    if not is_mail_question(bank.text(index)) or asks_what_was_asked(terms.focus):
        return False
    return terms.own_coverage(bank.tokens[index]) >= ECHO_SHARE


def replies_to(bank: SentenceBank, index: int) -> list[Reply]:
    """The own lines of the messages that may reply to the mail question `index`, earliest
    first, none when no message of its thread or folder does (see the module's docstring)."""
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    layout = layout_of(document)
    if layout is None:
        return []
    number = layout.message_of(sentence.start)
    if layout.in_quotes(sentence.start):  # quoted by the message holding it: its own lines
        quoting = _message(sentence.doc_id, document, layout, number)
        if not quoting.sender or quoting.sender <= _attribution_words(
            layout, document.text, sentence.start
        ):
            return []  # a message quoting its own sender's question is no reply to it
        start, end = _own_span(layout, number, len(document.text))
        return [Reply(sentence.doc_id, start, end)]
    asking = _message(sentence.doc_id, document, layout, number)
    replies = [
        message
        for message in _thread_messages(bank.documents, sentence.doc_id, document, layout, number)
        if message.sender != asking.sender and message.after(asking)
    ]
    return [Reply(one.doc_id, one.start, one.end) for one in sorted(replies, key=_Message.key)]


def reply_to(bank: SentenceBank, index: int) -> Reply | None:
    """The earliest of `replies_to`, None when there is none."""
    replies = replies_to(bank, index)
    return replies[0] if replies else None


def _attribution_words(layout: MailLayout, text: str, offset: int) -> frozenset[str]:
    """The name words of the first line of the "Quoted by" section holding `offset`: its
    attribution, naming whose message it quotes ("Le 10 févr. 2026 à 09:00, Marc Lefèvre a
    écrit :"); the heading names the quoting message, not the quoted one."""
    at = bisect.bisect_right(layout.headings, offset) - 1
    if at < 0:
        return frozenset()
    heading = layout.headings[at]
    lines = text[heading:offset].splitlines()[1:]
    first = next((line for line in lines if line.strip()), "")
    return frozenset(word for word in WORD.findall(first.casefold()) if len(word) > 1)


def reply_hits(bank: SentenceBank, reply: Reply, score: float) -> list[Hit]:
    """The passages holding the reply's lines, each scored `score`."""
    hits = []
    for number in bank.chunks_of(reply.doc_id):
        chunk: Chunk = bank.chunks[number]
        if chunk.start < reply.end and chunk.end > reply.start:
            hits.append(Hit(chunk=chunk, chunk_index=number, score=score))
    return hits


def _thread_messages(
    documents: Mapping[str, Document],
    doc_id: str,
    document: Document,
    layout: MailLayout,
    asked: int,
) -> list[_Message]:
    """The messages that may reply to message `asked` of `document`: the thread's own, and
    those of the mails of its folder on its thread (`_same_thread`)."""
    messages = [
        _message(doc_id, document, layout, number) for number in range(len(layout.message_starts))
    ]
    recipients = _recipients(_headers_text(layout, asked, document.text))
    for other_id in _folder_mails(documents, doc_id, document):
        other = documents[other_id]
        other_layout = layout_of(other)
        if other_layout is None:
            continue
        for number in range(len(other_layout.message_starts)):
            message = _message(other_id, other, other_layout, number)
            if _same_thread(document.title, other.title, message.sender, recipients):
                messages.append(message)
    return messages


def _same_thread(
    title: str, other: str, sender: frozenset[str], recipients: Sequence[frozenset[str]]
) -> bool:
    """Whether a mail titled `other` from `sender` is on the thread of one titled `title` sent
    to `recipients`: the same title, or a recipient's reply sharing a content word of it."""
    if " ".join(title.casefold().split()) == " ".join(other.casefold().split()):
        return bool(title.strip())
    replied_by_recipient = any(sender and sender <= person for person in recipients)
    return replied_by_recipient and bool(set(content_words(title)) & set(content_words(other)))


def _folder_mails(documents: Mapping[str, Document], doc_id: str, document: Document) -> list[str]:
    """The ids of the other documents of `document`'s folder (read by id first: an index names
    a document by its path in the corpus), FOLDER_MAILS at most; none beyond that."""
    folder = PurePosixPath(doc_id).parent
    named = [
        other for other in documents if other != doc_id and PurePosixPath(other).parent == folder
    ]
    if len(named) > FOLDER_MAILS:
        return []
    parent = PurePosixPath(document.path).parent
    return [other for other in named if PurePosixPath(documents[other].path).parent == parent]


def _message(doc_id: str, document: Document, layout: MailLayout, number: int) -> _Message:
    """Message `number` of `document`'s thread."""
    text = document.text
    start, end = _own_span(layout, number, len(text))
    sender = layout.senders[number].rpartition(" · ")[0] if number < len(layout.senders) else ""
    return _Message(
        doc_id,
        _name_words(sender),
        message_date(document, start),
        _moment(_headers_text(layout, number, text)),
        start,
        end,
    )


def _own_span(layout: MailLayout, number: int, length: int) -> tuple[int, int]:
    """The span of message `number`'s own lines: from its start to its first Headers,
    Signature or "Quoted by" heading."""
    start = layout.message_starts[number]
    end = _message_end(layout, number, length)
    at = bisect.bisect_right(layout.headings, start)
    for heading in layout.headings[at:]:
        if heading >= end:
            break
        place = bisect.bisect_left(layout.headings, heading)
        quoted = place < len(layout.is_quoted) and layout.is_quoted[place]
        if layout.is_headers[place] or heading in layout.signers or quoted:
            return start, heading
    return start, end


def _message_end(layout: MailLayout, number: int, length: int) -> int:
    starts = layout.message_starts
    return starts[number + 1] if number + 1 < len(starts) else length


def _headers_text(layout: MailLayout, number: int, text: str) -> str:
    """The header lines of message `number` (under its Headers heading)."""
    start = layout.message_starts[number]
    end = _message_end(layout, number, len(text))
    for at, heading in enumerate(layout.headings):
        if start <= heading < end and layout.is_headers[at]:
            close = layout.headings[at + 1] if at + 1 < len(layout.headings) else len(text)
            return text[heading:close]
    return ""


def _moment(headers: str) -> float | None:
    """The moment a Date header gives (seconds since the epoch), None when it reads none."""
    found = _DATE_LINE.search(headers)
    if found is None:
        return None
    try:
        moment = parsedate_to_datetime(found["value"].strip())
    except (ArithmeticError, LookupError, TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


def _recipients(text: str) -> list[frozenset[str]]:
    """Each person a To or Cc line of the headers `text` (the asking message's) names, as the
    name words of their display name and of their address's local part (each apart)."""
    people: list[frozenset[str]] = []
    for found in _ADDRESSED_LINE.finditer(text):
        for person in found["value"].split(","):
            name, _, address = person.partition("<")
            people.append(_name_words(name))
            people.append(_name_words(address.partition("@")[0]))
    return [person for person in people if person]


def _name_words(name: str) -> frozenset[str]:
    """A name's words of two letters or more, case-folded; none for a day alone."""
    if any(char.isdigit() for char in name):
        return frozenset()
    return frozenset(word for word in WORD.findall(name.casefold()) if len(word) > 1)
