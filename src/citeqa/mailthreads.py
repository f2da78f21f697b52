"""A text or Markdown file that is an e-mail, or a thread of e-mails pasted one after another,
read as its messages: the thread's title, and a text with one section per message.

A file is a mail when it opens (past blank lines) with an RFC 822 header block holding a `From:`
and a `Date:` or `Subject:` header, every line of the block a header or its folded continuation,
a blank line closing it (`is_mail`); a "From:" line inside a paragraph, or a block mixing
prose and headers, is no mail. Each further message starts at such a block standing after a
blank line or a separator line ("=====", "-----Original Message-----"). Header blocks are read
with the standard library (`email.parser.HeaderParser`, `email.utils`); the file as a whole is
not given to `email`, because a thread pasted into a text file is several messages with no
mbox "From " lines nor MIME structure, and its quoted replies are plain text, which `email`
does not read.

`mail_text` writes the thread as the text the index holds (citation offsets point into it):
its subject as a first heading (its words stay in the text a question is matched with, as the
header line was), then each message as a Markdown heading naming its sender and date
("## Lena Park · 3 Mar 2026") right over its own lines (no blank line between them: a one-line
message is then no paragraph of its own, which blocks.py would read as a heading).
What it leaves out, so that no message is quoted for another's words:
- a quoted line ("> ", ">> ") whose words are the own words of a message of the same file (the
  original is cited instead), with the attribution line over its quote ("On …, Tom wrote:");
- a quoted line whose original is not in the file is kept as it is, under a heading saying who
  quoted it ("## Quoted by Lena Park · 3 Mar 2026"), so it is cited as a quote, never as the
  quoting message's words;
- the signature: from a signature separator line ("-- " or "--") to the message's quotes or its
  end (a disclaimer under it goes with it), and the sign-off line that is the sender's name
  alone ("Priya", "Best, Karim"), which would otherwise stand as a heading.
The title is the first message's Subject without its reply and forward prefixes (Re:, Fwd:,
TR:, RE :, AW:, WG:, SV:, "Re[2]:"). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.parser import HeaderParser
from email.utils import getaddresses, parsedate_to_datetime

__all__ = ["MailMessage", "is_mail", "mail_text", "read_thread", "subject_title"]

_HEADER_LINE = re.compile(r"[!-9;-~]+:[ \t]*\S.*|[!-9;-~]+:[ \t]*")
"""An RFC 5322 header field: a name of printable characters but the colon, then its value."""
_FOLDED = re.compile(r"[ \t]+\S.*")
"""A header's continuation line (folding whitespace)."""
_SEPARATOR = re.compile(r"\s*(?:[=_*~-]{5,}|-{2,} ?[^\W\d_][^-]*-{2,})\s*")
"""A line between two pasted messages: a rule ("=====") or words between dashes, as a mail
client writes "-----Original Message-----" (in any language)."""
_SIGNATURE = re.compile(r"-- ?")
"""The signature separator (RFC 3676's "-- ", often pasted without its space)."""
_QUOTED = re.compile(r"\s*>")
_QUOTE_MARKS = re.compile(r"\s*(?:>\s?)+")
_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|tr|aw|wg|sv|vs|réf|ref)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE
)
_DATE_WORDS = re.compile(r"(\d{1,2})\s+([^\W\d_]{3,}\.?)\s+(\d{4})")
"""A date written day, month, year ("13 janv 2025") when `email.utils` cannot read it."""
_SIGN_OFF_WORDS = 4
"""A sign-off line holds at most this many words ("Best regards, Karim Benali")."""
HEADERS_NEEDED = ("from",)
"""Every message's header block holds these."""
HEADERS_ONE_OF = ("date", "subject")
"""…and at least one of these."""


@dataclass
class MailMessage:
    """One message of a thread: its headers' sender, date and subject, and its body's lines."""

    sender: str
    date: str
    subject: str
    lines: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """Its section: "Lena Park · 3 Mar 2026" (either part alone when the other is missing)."""
        return " · ".join(part for part in (self.sender, self.date) if part) or "Message"


OPENING_CHARS = 65_536
"""A mail's first header block ends within this many characters: a file is judged by its
opening only, so any other file costs a look at its first lines, not a split of all of them."""


def is_mail(text: str) -> bool:
    """Whether `text` opens, past blank lines, with a mail's header block."""
    lines = text[:OPENING_CHARS].splitlines()
    start = next((at for at, line in enumerate(lines) if line.strip()), len(lines))
    return _header_block_end(lines, start) is not None


def read_thread(text: str) -> list[MailMessage]:
    """The messages of a mail file, in order; none when it is no mail (`is_mail`)."""
    if not is_mail(text):
        return []
    lines = text.splitlines()
    starts = _message_starts(lines)
    messages = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body_at = _header_block_end(lines, start)
        assert body_at is not None  # a start is where a header block is
        message = _parsed_headers("\n".join(lines[start:body_at]))
        message.lines = _without_separator_tail(lines[body_at + 1 : end])
        messages.append(message)
    return messages


def subject_title(subject: str) -> str:
    """A subject without its reply and forward prefixes: "Re: Fwd: Quote" → "Quote"."""
    return " ".join(_REPLY_PREFIX.sub("", subject).split())


def mail_text(text: str) -> tuple[str, str | None] | None:
    """The text a mail file is indexed as, and its title (its subject; None when it has none);
    None when `text` is no mail."""
    messages = read_thread(text)
    if not messages:
        return None
    own = _own_words(messages)
    title = next((subject_title(m.subject) for m in messages if subject_title(m.subject)), None)
    parts = [f"# {title}"] if title else []
    parts += [_message_part(message, own) for message in messages]
    return "\n\n".join(part for part in parts if part) + "\n", title


# ---- header blocks ---------------------------------------------------------------------------


def _header_block_end(lines: list[str], start: int) -> int | None:
    """The index of the blank line closing a mail header block opening at `start`, or None
    when no such block opens there (a line that is no header, no From, no Date nor Subject)."""
    names: set[str] = set()
    at = start
    while at < len(lines) and lines[at].strip():
        line = lines[at]
        if _HEADER_LINE.fullmatch(line):
            names.add(line.split(":", 1)[0].strip().lower())
        elif not (names and _FOLDED.fullmatch(line)):
            return None
        at += 1
    if at >= len(lines) or not all(name in names for name in HEADERS_NEEDED):
        return None
    return at if any(name in names for name in HEADERS_ONE_OF) else None


def _message_starts(lines: list[str]) -> list[int]:
    """Where each message's header block opens: the first non-blank line when a block opens
    there, then every block after a blank or separator line."""
    first = next((at for at, line in enumerate(lines) if line.strip()), len(lines))
    if _header_block_end(lines, first) is None:
        return []
    starts = [first]
    at = first + 1
    while at < len(lines):
        after_break = not lines[at - 1].strip() or _SEPARATOR.fullmatch(lines[at - 1])
        if after_break and lines[at].strip() and _header_block_end(lines, at) is not None:
            starts.append(at)
        at += 1
    return starts


def _parsed_headers(block: str) -> MailMessage:
    headers = HeaderParser().parsestr(block + "\n\n", headersonly=True)
    return MailMessage(
        _sender(str(headers.get("From", ""))),
        _day(str(headers.get("Date") or headers.get("Sent") or "")),  # Outlook pastes "Sent:"
        " ".join(str(headers.get("Subject", "")).split()),
    )


def _sender(value: str) -> str:
    """The sender's display name ("Lena Park <l.park@x.org>" → "Lena Park"), else the address;
    a value with no address is the name as written ("From: Tom Reyes", as Outlook pastes it)."""
    if "@" not in value:
        return " ".join(value.split())
    name, address = getaddresses([value])[0]
    return " ".join((name or address or value).split())


def _day(value: str) -> str:
    """A Date header as its day: "Mon, 3 Mar 2025 09:12:04 +0000" → "3 Mar 2025"; a date that
    `email.utils` cannot read (a French client's "Lun, 13 janv 2025 …") as its day, month and
    year words when it has them, else as written."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        written = _DATE_WORDS.search(value)
        return " ".join(written.groups()) if written else " ".join(value.split())
    return f"{moment.day} {moment.strftime('%b %Y')}"


def _without_separator_tail(lines: list[str]) -> list[str]:
    """A message's body lines without the separator line and blank lines that end it."""
    while lines and (not lines[-1].strip() or _SEPARATOR.fullmatch(lines[-1])):
        lines = lines[:-1]
    return lines


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


def _message_part(message: MailMessage, own: set[str]) -> str:
    """A message as indexed: its heading over its own lines, then any quote whose original the
    thread does not hold, under a heading naming who quoted it."""
    kept, quoted = _own_and_quoted(message, own)
    parts = [f"## {message.heading}\n" + "\n".join(kept)] if kept else []
    if quoted:
        parts.append(f"## Quoted by {message.heading}\n" + "\n".join(quoted))
    return "\n\n".join(parts)


def _own_and_quoted(message: MailMessage, own: set[str]) -> tuple[list[str], list[str]]:
    """The message's own lines (no signature, no sign-off, no attribution of a dropped quote)
    and its quoted lines that repeat no message of the thread, each with its attribution."""
    kept: list[str] = []
    quoted: list[str] = []
    in_signature = False
    for at, line in enumerate(message.lines):
        if _QUOTED.match(line):
            in_signature = False
            if _unquoted(line) and _unquoted(line) not in own:
                _attribute(message.lines, at, quoted)
                quoted.append(line)
        elif _SIGNATURE.fullmatch(line.rstrip("\n")):
            in_signature = True
        elif not in_signature and not _attribution(message.lines, at):
            kept.append(line)
    return _trimmed(_without_sign_off(kept, message.sender)), quoted


def _attribution(lines: list[str], at: int) -> bool:
    """Whether the line at `at` introduces a quote: it ends in a colon and the next non-blank
    line is quoted ("On Mon, 3 Mar 2025, Tom Reyes wrote:", "Le 13 janv. 2025, Lena a écrit :")."""
    if not lines[at].rstrip().endswith(":") or _QUOTED.match(lines[at]):
        return False
    following = next((line for line in lines[at + 1 :] if line.strip()), "")
    return bool(_QUOTED.match(following))


def _attribute(lines: list[str], at: int, quoted: list[str]) -> None:
    """Put the attribution line over the quoted line at `at` into `quoted`, once, when it is
    the first line kept of its quote (so a kept quote says whom it quotes)."""
    back = at - 1
    while back >= 0 and (_QUOTED.match(lines[back]) or not lines[back].strip()):
        back -= 1
    if back >= 0 and _attribution(lines, back) and lines[back] not in quoted:
        if quoted:
            quoted.append("")
        quoted.append(lines[back])


def _without_sign_off(lines: list[str], sender: str) -> list[str]:
    """The lines without a last line that is a sign-off naming the sender ("Priya",
    "Best, Karim"): a short line holding a word of the sender's name."""
    names = {word.casefold() for word in re.findall(r"[^\W\d_]+", sender)}
    body = _trimmed(lines)
    if not body:
        return body
    words = re.findall(r"[^\W\d_]+", body[-1])
    if words and len(words) <= _SIGN_OFF_WORDS and words[-1].casefold() in names:
        return body[:-1]
    return body


def _trimmed(lines: list[str]) -> list[str]:
    start = next((at for at, line in enumerate(lines) if line.strip()), len(lines))
    end = len(lines)
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
