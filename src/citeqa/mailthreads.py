"""A text or Markdown file that is an e-mail, or a thread of e-mails pasted one after another,
read as its messages: the thread's title, and a text with one section per message.

A file is a mail when it opens (past blank lines) with a mail header block (`is_mail`): every
line of the block a header ("To: …", "De : …", "Objet :") or its folded continuation, a blank
line closing it, a From header and a Date, Sent or Subject one, and evidence of a real mail:
an address in From, To or Cc, or a Sent or Message-ID header ("From: Paris CDG / To: Berlin
BER / Date: … / Flight: …" is an itinerary note, read as it is). Header names of English,
French and German clients are language data (citeqa/data/mail_words.json). Each further
message starts at such a block standing after a blank line or a separator line ("=====",
"-----Original Message-----"), so a pasted original is its sender's message, not the
replier's. Header lines are split here, not by `email.parser`, because pasted headers are not
RFC 5322 ("De : Tom Reyes", a space before the colon, would be no header to it); their values
are decoded by `email.header` (encoded words, "=?utf-8?b?…?=") and read by `email.utils`.
The file as a whole is not given to `email`: a pasted thread is several messages with no mbox
"From " lines nor MIME structure, and its quoted replies are plain text.

`mail_text` writes the thread as the text the index holds (citation offsets point into it):
its subject as a first heading, then each message as a Markdown heading naming its sender and
date ("## Lena Park · 3 Mar 2026") right over its own lines (no blank line between them: a
one-line message is then no paragraph of its own, which blocks.py would read as a heading);
its header lines but the Subject ("From: Lena Park <l@x.org>", "Date: … at the Lyon office",
"To: …", "Flight: …") follow as written under "## Headers · Lena Park · 3 Mar 2026", so their
words are searchable but never quoted as the message's (a Subject other than the title too).
No word of the user is left out but these, so that no message is quoted for another's words:
- the Subject equal to the title, which the title holds, unless it marks a reply ("Re: …":
  kept, so that a reply saved on its own is known for one); blank and rule lines ("=====")
  closing a message, and a separator ("-----Original Message-----") right over the next
  message's headers;
- a quoted line ("> ", ">> ") whose words are the own words of a message of the same file (the
  original is cited instead), with its attribution line ("On …, Tom wrote:", "Le …, Lena a
  écrit :", "Am … schrieb Tom:"; language data) when no line of its quote is kept;
- the sign-off line that is the sender's name alone, optionally after a greeting ("Priya",
  "Best, Karim", "Cordialement, Claire"; greetings are language data), which would otherwise
  stand as a heading.
A quoted line whose original is not in the file is kept under a heading saying who quoted it
("## Quoted by Lena Park · 3 Mar 2026"); a line ending "wrote:" without an attribution's
shape ("Agreed. I think the manager wrote:") is the message's text; a signature (from a "-- "
or "--" line to the message's quotes or its end, its delimiter line included, which the
build's boilerplate.py reads to know a signature) under its own heading ("## Signature · Lena
Park"), so that a phone number in it is found but never cited as the message's words
(signatures and repeated disclaimers are the build's boilerplate to mark, not this module's to
drop). Neither the Headers nor the Signature section decides a chunk's language
(`is_aside_heading`, read by chunking.py).
The title is the first non-empty Subject of the thread without its reply and forward prefixes
(Re:, Fwd:, TR:, RE :, AW:, WG:, SV:, "Re[2]:"). Pure functions, no I/O but the language data
read once. Every step is linear in the file's lines; a header value longer than DECODED_CHARS
is kept as written rather than decoded or parsed (`email` costs more than linear time on it).
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field, replace
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from functools import cache

from citeqa.jsonfiles import data_json
from citeqa.language import prose_language
from citeqa.models import Lang

__all__ = [
    "WORD",
    "MailMessage",
    "data_pattern",
    "data_strings",
    "is_aside_heading",
    "is_mail",
    "labelled_day",
    "mail_text",
    "read_thread",
    "subject_title",
]

_HEADER_LINE = re.compile(r"(?P<name>[^\W\d_][\w-]*)[ \t]?:[ \t]*(?P<value>.*)")
"""A header field: a name (letters, digits, hyphens: "Message-ID", "Envoyé"), a colon, maybe
after one space as French writes it ("De : Tom"), then its value."""
_FOLDED = re.compile(r"[ \t]+\S.*")
"""A header's continuation line (folding whitespace)."""
_RULE = re.compile(r"\s*[=_*~-]{5,}\s*")
"""A rule line alone ("=====", "-----"): no words, so one closing a message is dropped."""
_SEPARATOR = re.compile(rf"{_RULE.pattern}|\s*-{{2,}} ?[^\W\d_][^-]*-{{2,}}\s*")
"""A line between two pasted messages (read whole, fullmatch): a rule (`_RULE`) or words
between dashes, as a mail client writes "-----Original Message-----" (in any language)."""
_SIGNATURE = re.compile(r"-- ?")
"""The signature separator (RFC 3676's "-- ", often pasted without its space)."""
_QUOTED = re.compile(r"\s*>")
_QUOTE_MARKS = re.compile(r"\s*(?:>\s?)+")
_DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+([^\W\d_]{3,}\.?)\s+(\d{4})(?!\d)")
"""A date written day, month, year ("13 janv 2025") when `email.utils` cannot read it."""
WORD = re.compile(r"[^\W\d_]+")
"""A word of letters alone (no digit, no underscore)."""
_SIGN_OFF_MARKS = re.compile(r"[\s,.!;:-]*")
"""What a sign-off line may hold besides its words."""
_ANGLE_ADDRESS = re.compile(r"\s*(?P<name>[^<]*?)\s*<[^<>@]*@[^<>]*>")
"""A From value's first entry written "Display Name <address>": the whole name before it."""
DECODED_CHARS = 8_192
"""A header value longer than this is kept as written: `email.header` and `email.utils` cost
more than linear time on long runs of encoded words or nested comments (no real header is
this long)."""
HEADERS_HEADING = "Headers · "
"""How the heading over a message's header lines opens ("## Headers · Lena Park · 3 Mar 2026");
with SIGNATURE_HEADING, words no chunk's language is read from (`is_aside_heading`)."""
DAY_KINDS = ("date", "sent")
"""Headers giving a message's day: Outlook pastes "Sent:"/"Envoyé :" where a mail has Date."""
ADDRESS_KINDS = ("from", "to", "cc", "reply-to")
"""Headers whose address shows a block is a real mail."""
MAIL_ONLY_KINDS = ("sent", "message-id")
"""Headers only a mail has: either shows a block is one."""


@dataclass(frozen=True)
class MailWords:
    """The language data of mails (citeqa/data/mail_words.json)."""

    header_kinds: dict[str, str]
    """Each header name, folded, → what it is ("objet" → "subject")."""
    attribution: re.Pattern[str] | None
    sign_off_greetings: tuple[tuple[str, ...], ...]
    """Greetings as their folded words, longest first."""
    subject_prefixes: re.Pattern[str]
    """A subject's run of reply and forward prefixes ("Re: Fwd: ", "RE : ", "Re[2]: ")."""
    reply_prefix: re.Pattern[str]
    """A subject's first prefix when it marks a reply ("Re:", "AW:"), not a forward ("Fwd:")."""


def _read_mail_words() -> object:
    return data_json("mail_words.json")


@cache
def mail_words() -> MailWords:
    """The language data, read once; a missing or malformed part (not a mapping or a list of
    strings, a pattern that does not compile) is read as empty."""
    data = _read_mail_words()
    data = data if isinstance(data, dict) else {}
    names = data.get("header_names")
    listed = names.items() if isinstance(names, dict) else ()
    kinds = {name.casefold(): kind for kind, names in listed for name in data_strings(names)}
    attribution = data_pattern(data.get("attributions"), re.I)
    greetings = {
        tuple(WORD.findall(g.casefold())) for g in data_strings(data.get("sign_off_greetings"))
    }
    ordered = tuple(sorted((g for g in greetings if g), key=len, reverse=True))
    replies = data_strings(data.get("reply_prefixes"))
    others = data_strings(data.get("other_subject_prefixes"))
    return MailWords(
        kinds,
        attribution,
        ordered,
        re.compile(rf"^\s*(?:{_prefix(replies + others)}\s*:\s*)+", re.IGNORECASE),
        re.compile(rf"^\s*{_prefix(replies)}\s*:", re.IGNORECASE),
    )


def _prefix(words: list[str]) -> str:
    """A pattern of one subject prefix among `words` (escaped), maybe numbered ("Re[2]"); one
    matching nothing when there is none."""
    alternatives = "|".join(re.escape(word) for word in words) or "(?!)"
    return rf"(?:{alternatives})\s*(?:\[\d+\])?"


def data_strings(value: object) -> list[str]:
    """The strings of a list of the language data; none when `value` is no list (mail_words.json
    here, mail_questions.json in mail_candidates.py)."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def data_pattern(value: object, flags: int = 0) -> re.Pattern[str] | None:
    """A list of the language data's patterns as one pattern, those that do not compile left
    out; None when none does."""
    compiled = []
    for pattern in data_strings(value):
        try:
            re.compile(pattern)
        except re.error:
            continue
        compiled.append(f"(?:{pattern})")
    return re.compile("|".join(compiled), flags) if compiled else None


@dataclass
class MailMessage:
    """One message of a thread: its sender, day and subject, its other header lines ("To: …")
    and its body's lines."""

    sender: str
    date: str
    subject: str
    headers: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """Its section: "Lena Park · 3 Mar 2026" (either part alone when the other is missing)."""
        return " · ".join(part for part in (self.sender, self.date) if part) or "Message"


@dataclass(frozen=True)
class _HeaderBlock:
    start: int
    end: int
    """The index of the blank line closing it."""
    fields: list[tuple[str, str]]
    """Its headers: name as written, value with its folded lines joined."""


SIGNATURE_HEADING = "Signature · "
"""How the heading over a message's signature opens ("## Signature · Lena Park"): what
boilerplate.py reads to know a mail read by this module."""
QUOTED_HEADING = "Quoted by "
"""How the heading over a message's quotes whose original the thread does not hold opens
("## Quoted by Lena Park · 3 Mar 2026")."""
GENERATED_HEADINGS = (HEADERS_HEADING, SIGNATURE_HEADING, QUOTED_HEADING)
"""How the headings this module writes over a message's asides open: citeqa's words, not the
mail's, which acronyms.py does not take as the corpus's ("Quoted by Sam Self" spells out no
"QSS"; the lexical index still holds them)."""


def unforged(name: str) -> str:
    """A heading name of the mail's own (its sender's name, a Subject) as written, but for one
    opening like a heading this module writes over a message's asides ("Headers · Bob", from a
    sender whose name is "Headers" or "Headers · Bob"): its first word put in quotation marks
    ("“Headers” · Bob"), so that mail_candidates never reads the mail's own text as its layout
    (s30 hostile probe: a sender named "Headers" made a whole message header lines)."""
    for opening in GENERATED_HEADINGS:
        if name.startswith(opening):
            word = opening.split(" ", 1)[0]
            return f"“{word}”{name[len(word) :]}"
    return name


def unforged_line(line: str) -> str:
    """A line of a mail's body as written, but for a heading line whose name opens like one
    this module writes ("## Headers · Paul": `unforged`), which would make the lines under it
    read as header lines, a signature or quotes."""
    return f"## {unforged(line[3:])}" if line.startswith("## ") else line


OPENING_CHARS = 65_536
"""A mail's first header block ends within this many characters: a file is judged by its
opening only, so any other file costs a look at its first lines, not a split of all of them."""


def is_mail(text: str) -> bool:
    """Whether `text` opens, past blank lines, with a mail's header block."""
    lines = text[:OPENING_CHARS].splitlines()
    start = next((at for at, line in enumerate(lines) if line.strip()), len(lines))
    return _header_block(lines, start) is not None


def read_thread(text: str) -> list[MailMessage]:
    """The messages of a mail file, in order; none when it is no mail (`is_mail`)."""
    if not is_mail(text):
        return []
    lines = text.splitlines()
    blocks = _message_blocks(lines)
    messages = []
    for number, block in enumerate(blocks):
        end = blocks[number + 1].start if number + 1 < len(blocks) else len(lines)
        message = _message(block.fields)
        message.lines = lines[
            block.end + 1 : _body_end(lines, block.end + 1, end, end < len(lines))
        ]
        messages.append(message)
    return messages


def replies_by_subject(line: str) -> bool:
    """Whether a header line is a subject marking its message a reply ("Subject: Re: Quote",
    "Objet : RE : devis"), in any language the header names of mail_words.json give."""
    name, colon, value = line.partition(":")
    subject = bool(colon) and _kind(name.strip()) == "subject"
    return subject and bool(mail_words().reply_prefix.match(value))


def subject_title(subject: str) -> str:
    """A subject without its reply and forward prefixes: "Re: Fwd: Quote" → "Quote"."""
    return " ".join(mail_words().subject_prefixes.sub("", subject).split())


def mail_text(text: str) -> tuple[str, str | None] | None:
    """The text a mail file is indexed as, and its title (its first non-empty subject; None
    when it has none); None when `text` is no mail."""
    messages = read_thread(text)
    if not messages:
        return None
    own = _own_words(messages)
    title = next((subject_title(m.subject) for m in messages if subject_title(m.subject)), None)
    parts = [f"# {title}"] if title else []
    thread_lang = prose_language("\n".join(line for m in messages for line in m.lines))
    parts += [_message_part(message, own, title, thread_lang) for message in messages]
    return "\n\n".join(part for part in parts if part) + "\n", title


def is_aside_heading(heading: str) -> bool:
    """Whether a heading is a mail's Headers or Signature section's: an English disclaimer
    under a French mail says nothing of the mail's language (chunking.py reads it)."""
    return heading.startswith((HEADERS_HEADING, SIGNATURE_HEADING))


# ---- header blocks ---------------------------------------------------------------------------


def _header_block(lines: list[str], start: int) -> _HeaderBlock | None:
    """The mail header block opening at `start`, or None when none opens there (a line that is
    no header, a blank line missing after it, no From, no Date/Sent/Subject, no mail evidence)."""
    fields: list[tuple[str, str]] = []
    at = start
    while at < len(lines) and lines[at].strip():
        line = lines[at]
        header = _HEADER_LINE.fullmatch(line)
        if header:
            fields.append((header["name"], header["value"]))
        elif fields and _FOLDED.fullmatch(line):
            fields[-1] = (fields[-1][0], f"{fields[-1][1]} {line.strip()}")
        else:
            return None
        at += 1
    return _HeaderBlock(start, at, fields) if at < len(lines) and _is_mail_block(fields) else None


def _kind(name: str) -> str:
    """What a header is, by its name in any language of the data ("Objet" → "subject")."""
    folded = name.casefold()
    return mail_words().header_kinds.get(folded, folded)


def _is_mail_block(fields: list[tuple[str, str]]) -> bool:
    """A From, a Date/Sent/Subject, and an address in From/To/Cc or a header only mails have."""
    kinds = {_kind(name) for name, _ in fields}
    if "from" not in kinds or not kinds & {*DAY_KINDS, "subject"}:
        return False
    addressed = any(_kind(name) in ADDRESS_KINDS and "@" in value for name, value in fields)
    return addressed or bool(kinds & set(MAIL_ONLY_KINDS))


def _message_blocks(lines: list[str]) -> list[_HeaderBlock]:
    """Each message's header block: the first non-blank line's, then every block after a blank
    or separator line."""
    first = next((at for at, line in enumerate(lines) if line.strip()), len(lines))
    opening = _header_block(lines, first)
    if opening is None:
        return []
    blocks = [opening]
    at = opening.end + 1
    while at < len(lines):
        after_break = not lines[at - 1].strip() or _SEPARATOR.fullmatch(lines[at - 1])
        block = _header_block(lines, at) if after_break and lines[at].strip() else None
        if block is not None:
            blocks.append(block)
            at = block.end + 1
        else:
            at += 1
    return blocks


def _decoded(value: str) -> str:
    """A header value with its encoded words decoded ("=?utf-8?b?…?=") and whitespace folded;
    as written when they are malformed, name an unknown charset or the value is longer than
    DECODED_CHARS."""
    if len(value) <= DECODED_CHARS:
        with suppress(HeaderParseError, LookupError, UnicodeError, ValueError):
            value = str(make_header(decode_header(value)))
    return " ".join(value.split())


def _message(fields: list[tuple[str, str]]) -> MailMessage:
    """A message's sender, day and subject from its headers (the first of each kind; Date
    before Sent for the day); every header but the subject kept as a text line, named as
    written (the From and Date lines too: the heading holds only a name and a day)."""
    decoded = [(name, _kind(name), _decoded(value)) for name, value in fields]
    used: dict[str, int] = {}
    for kind in ("from", "subject", *DAY_KINDS):
        at = next((at for at, (_, seen, _) in enumerate(decoded) if seen == kind), None)
        if at is not None and not (kind in DAY_KINDS and set(DAY_KINDS) & used.keys()):
            used[kind] = at
    value = {kind: decoded[at][2] for kind, at in used.items()}
    day = next((value[kind] for kind in DAY_KINDS if kind in value), "")
    message = MailMessage(_sender(value.get("from", "")), _day(day), value.get("subject", ""))
    message.headers = [
        f"{name}: {text}" if text else f"{name}:"
        for at, (name, _, text) in enumerate(decoded)
        if at != used.get("subject")
    ]
    return message


def _sender(value: str) -> str:
    """The sender's display name, whole ("Park, Lena <l.park@x.org>" → "Park, Lena"), else the
    address; a value with no address is the name as written ("From: Tom Reyes", as Outlook
    pastes it), and so is one `email.utils` cannot read (nested comments, a very long value).
    The name before an angle address is read here, not by `getaddresses`, which splits an
    Outlook name ("Park, Lena") at its comma into two entries."""
    if "@" not in value:
        return value
    written = _ANGLE_ADDRESS.match(value[:DECODED_CHARS])
    if written and written["name"]:
        return " ".join(written["name"].strip('"').split()) or value
    if len(value) > DECODED_CHARS:
        return value
    try:
        entries = getaddresses([value])
    except (RecursionError, HeaderParseError, IndexError, ValueError):
        return value
    name, address = next((entry for entry in entries if "@" in entry[1]), entries[0])
    return " ".join((name or address or value).split())


def _day(value: str) -> str:
    """A Date header as its day: "Mon, 3 Mar 2025 09:12:04 +0000" → "3 Mar 2025". A date that
    `email.utils` cannot read (a French client's "Lun, 13 janv 2025 …", a year out of range)
    or reads to another year than written ("1 Jan 0" read as 2000) is its day, month and year
    words when it has them, else as written."""
    try:
        moment = parsedate_to_datetime(value)
    except (ArithmeticError, LookupError, TypeError, ValueError):
        moment = None
    if moment is not None and str(moment.year) in value:
        return f"{moment.day} {moment.strftime('%b %Y')}"
    written = _DATE_WORDS.search(value)
    return " ".join(written.groups()) if written else value


_ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
"""The month abbreviations `_day` writes (strftime's "%b" in the C locale Python starts in)."""
_LABEL_DAY = re.compile(rf"(\d{{1,2}}) ({'|'.join(_ENGLISH_MONTHS)}) (\d{{4}})")
"""A day as `_day` writes it from a Date header it reads: "3 Mar 2026"."""


def labelled_day(day: str, lang: str | None) -> str:
    """A message's day as its section label writes it in the language `lang` of the mail's own
    lines: "3 Mar 2026" of a French mail is "3 mars 2026" (mail_words.json label_months), so no
    label writes an English month in a French mail, nor does an answer quoting it (s38 trial:
    "ils portent sur Mar."; its Date header line stays as written); unchanged in English, in a
    language the data names no months of, and for a day written otherwise (as the header wrote
    it)."""
    names = _label_months().get(lang or "", ())
    found = _LABEL_DAY.fullmatch(day)
    if found is None or len(names) != len(_ENGLISH_MONTHS):
        return day
    return f"{found[1]} {names[_ENGLISH_MONTHS.index(found[2])]} {found[3]}"


@cache
def _label_months() -> dict[str, tuple[str, ...]]:
    """The month names of each language's labels (mail_words.json label_months), read once."""
    data = _read_mail_words()
    months = data.get("label_months") if isinstance(data, dict) else None
    listed = months.items() if isinstance(months, dict) else ()
    return {lang: tuple(data_strings(names)) for lang, names in listed}


def _body_end(lines: list[str], start: int, end: int, before_block: bool) -> int:
    """Where a message's body ends: before the blank and rule lines ("=====") closing it, and,
    when the next message's headers follow at once, the separator over them ("-----Original
    Message-----"); a closing line with words between dashes ("-- Tom --") is the message's."""
    if before_block and end > start and _SEPARATOR.fullmatch(lines[end - 1]):
        end -= 1
    while end > start and (not lines[end - 1].strip() or _RULE.fullmatch(lines[end - 1])):
        end -= 1
    return end


# ---- one message's part ----------------------------------------------------------------------


def _unquoted(line: str) -> str:
    return " ".join(_QUOTE_MARKS.sub("", line, count=1).split()) if _QUOTED.match(line) else ""


def _own_words(messages: list[MailMessage]) -> set[str]:
    """Every own (unquoted) line of the thread, whitespace folded: what a quote repeats."""
    return {
        " ".join(line.split())
        for message in messages
        for line in message.lines
        if line.strip() and not _QUOTED.match(line)
    }


@dataclass
class _Body:
    """A message's body sorted: its own lines, its signature, its quotes kept."""

    own: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)


def _message_part(
    message: MailMessage, own: set[str], title: str | None, thread_lang: Lang | None = None
) -> str:
    """A message as indexed: its heading over its own lines, then its other headers, its
    signature and any quote whose original the thread does not hold, each under a heading
    naming whose they are (so none is merged into a quote of the message's words); its day
    written in the language of its own lines, else of the thread's (`thread_lang`:
    `labelled_day`)."""
    body = _sorted_body(message.lines, own)
    lang = prose_language("\n".join(body.own)) or thread_lang
    message = replace(message, date=labelled_day(message.date, lang))
    headers = list(message.headers)
    replying = bool(mail_words().reply_prefix.match(message.subject))
    if replying or subject_title(message.subject) not in ("", title):
        headers.insert(0, f"Subject: {message.subject}")
    sections = [
        (unforged(message.heading), _without_sign_off(_trimmed(body.own), message.sender)),
        (f"{HEADERS_HEADING}{message.heading}", headers),
        (f"{SIGNATURE_HEADING}{message.sender or message.heading}", _trimmed(body.signature)),
        (f"{QUOTED_HEADING}{message.heading}", body.quoted),
    ]
    return "\n\n".join(
        f"## {name}\n" + "\n".join(map(unforged_line, lines)) for name, lines in sections if lines
    )


def _sorted_body(lines: list[str], own: set[str]) -> _Body:
    """The body's lines sorted in one pass: a quoted line is kept (with its attribution, once)
    unless the thread holds its words; a signature runs from its separator to a quote."""
    body = _Body()
    attributions = _attribution_lines(lines)
    pending: int | None = None
    in_signature = False
    for at, line in enumerate(lines):
        if _QUOTED.match(line):
            in_signature = False
            words = _unquoted(line)
            if words and words not in own:
                if pending is not None:
                    body.quoted += [""] if body.quoted else []
                    body.quoted.append(lines[pending])
                    pending = None
                body.quoted.append(line)
            continue
        if at in attributions:
            pending = at
        elif _SIGNATURE.fullmatch(line):
            in_signature = True
            body.signature.append(line)  # the delimiter stays: boilerplate.in_signature reads it
        else:
            (body.signature if in_signature else body.own).append(line)
            pending = pending if not line.strip() else None
    return body


def _is_attribution(line: str) -> bool:
    """An attribution's words ("On …, Tom wrote:", "Le …, Lena a écrit :", "Am … schrieb Tom:")
    and its closing colon."""
    pattern = mail_words().attribution
    return bool(pattern and line.rstrip().endswith(":") and pattern.search(line))


def _attribution_lines(lines: list[str]) -> set[int]:
    """The lines introducing a quote: an attribution whose next non-blank line is quoted (one
    pass from the end, so a long quote costs no rescan)."""
    found: set[int] = set()
    next_quoted = False
    for at in range(len(lines) - 1, -1, -1):
        line = lines[at]
        if not line.strip():
            continue
        if _QUOTED.match(line):
            next_quoted = True
            continue
        if next_quoted and _is_attribution(line):
            found.add(at)
        next_quoted = False
    return found


def _without_sign_off(lines: list[str], sender: str) -> list[str]:
    """The lines without a last line that is the sender's name alone, maybe after a greeting
    ("Priya", "Best, Karim", "Cordialement, Claire"); "Moved to Friday, Tom" stays."""
    if lines and _is_sign_off(lines[-1], sender):
        return _trimmed(lines[:-1])
    return lines


def _is_sign_off(line: str, sender: str) -> bool:
    names = {word.casefold() for word in WORD.findall(sender)}
    if not names or _SIGN_OFF_MARKS.fullmatch(WORD.sub("", line)) is None:
        return False
    words = tuple(word.casefold() for word in WORD.findall(line))
    greeting = next((g for g in mail_words().sign_off_greetings if words[: len(g)] == g), ())
    rest = words[len(greeting) :]
    return bool(rest) and all(word in names for word in rest)


def _trimmed(lines: list[str]) -> list[str]:
    start = next((at for at, line in enumerate(lines) if line.strip()), len(lines))
    end = len(lines)
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
