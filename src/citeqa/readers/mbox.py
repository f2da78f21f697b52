"""Mailboxes (.mbox): every message of the file read as a .eml file is (readers/eml.py), one
document per mailbox, each message under a heading naming it ("## Ben Carter · 3 Oct 2025 ·
Budget 2026": the sender and day mailthreads.py writes, then its Subject), so a quote cites the
message it comes from and the heading's writer (its part before " · ", speakers.py) is the
sender. Version 2: the sender opens the heading (version 1 put the Subject first, so "What did
Sara say…" matched a message whose Subject named Sara); a message opens at an envelope-shaped
"From " line, or a timed one over a header line (version 1 split at any timed "From " line
after a blank line, and missed one with no blank line over it). Version 3: a message that
is no mail to mailthreads (no Subject, no Date) headed by its sender as well; a header's
control characters read as blanks and a body's NUL bytes dropped (eml.py), so neither loses
the sender nor the message. Version 4: a "From " line opens a message only over a header
block naming a sender, so a body line "From 9:00 to 12:00" over "Room: B12" and text, or an
unquoted envelope-shaped one, keeps the text under it in its message (version 3 split there,
and skipped the piece with no From header: its text lost, a warning counting a message).
Version 5 (reader 18): an envelope-shaped line over a header line opens a message whatever
its headers (a sent or draft export writing only To: or Sender:, or an obsolete line
"Thread-Topic : Hall", was merged into the message before it); one with no From header is
headed by its Sender, its envelope's sender or "to" its recipient. Version 6 (reader 19): the
headers of a message with CRLF line ends are looked up above its first blank line only (a body
line "From: …" was taken for its From header). Version 7 (reader 20): only a CRLF message's
header lines, above its first blank line, have an obsolete field's blanks taken off (a body line
"Attention : la salle change." was written "Attention: la salle change."). Version 8 (reader
21): an empty header (a blank "Sender:") no longer hides a later one of its name. Version 9
(reader 22): a header's value folded onto the lines under it read whole ("Sender:" over " Ann
<a@x.org>" read empty). Version 10 (reader 23): a Content-Length (mboxcl2, whose bodies are
left unquoted) that ends at the next message's opening line or at the file's end delimits its
message; one ending elsewhere is not read. Version 11 (reader 24): a Content-Length of more
digits than the file's size is no length (one of 5,000 digits lost the whole mailbox).

An mbox file is messages one after another, each opening with a "From " line (the envelope
sender and a date: "From ben@x.org Wed Oct 01 15:00:00 2025"); a body line that begins with
"From " is written ">From " (mboxrd quotes ">From " again as ">>From "), and one ">" is taken
off here. A message opens at a "From " line of an envelope's shape ("From x Wed Oct 01 15:00:00
2025", even with no blank line over it) over a header line, or at one at the file's start or
after a blank line holding a clock time, with a header block naming a sender under it (a From
header among header lines up to a blank line), so a body line "From the desk of…" or "From me
at 10:30 we start." left unquoted (mboxo or mboxcl2) stays in its message, with the text under
it. The standard
library's `mailbox` module is not used: it reads a mailbox from a path (it opens, locks and
seeks the file) while a reader receives the file's bytes, it splits at every line opening with
"From ", and it leaves ">From " quoted.

Bounded: at most MAX_MESSAGES messages and MAX_CHARACTERS characters of text are read, a
warning saying so (a mailbox of years of mail is a data dump; split it, or export the folder to
read). A message with no text (or the file's first piece naming no sender) is skipped, a
warning counting them; a file holding no mail at all is skipped with that reason. Attachments
are not read: a warning names those of the first ATTACHMENT_WARNINGS messages holding any.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from email.utils import parseaddr
from pathlib import PurePosixPath

from citeqa.mailthreads import GENERATED_HEADINGS, unforged
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.eml import ATTACHMENTS_NOT_READ, TOO_DEEP, message_read
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.textdecoding import unmarked_utf8
from citeqa.visible import shown

MAX_MESSAGES = 2_000
"""Messages read from one mailbox, the first ones: the `email` package's header parsing takes
some 2.5 ms a message on this busy 2-core machine, so 2,000 messages take 5 s (and the rest of a
larger mailbox is never scanned: benchmarks/mailbox_read.py)."""
MAX_CHARACTERS = 4_000_000
"""Characters of text read from one mailbox: past them, the next messages are left out."""
ATTACHMENT_WARNINGS = 5
"""How many messages' unread attachments are named in warnings (then a count)."""
MESSAGE_WARNINGS = 5
"""How many kinds of its messages' other warnings are said, each once with its count of
messages (then how many more kinds)."""

_FROM_START = re.compile(rb"^From ", re.MULTILINE)
"""Where a line opens with "From " (a message's opening line, if its shape says so)."""
_ENVELOPE = re.compile(rb"From \S+ +\w{3} \w{3} +\d+ \d+:\d\d")
"""An envelope line's shape: "From ben@x.org Wed Oct 01 15:00:00 2025" (sender, day, time)."""
_CLOCK = re.compile(rb"\d:\d\d")
_HEADER_LINE = re.compile(rb"[!-9;-~]+:")
"""A header line ("From: Ann", "Subject: Budget"): a field name and a colon."""
_SPACED_FIELD = re.compile(rb"(?m)^([!-9;-~]+)[ \t]+:")
"""An obsolete header line's field name with blanks before its colon ("Thread-Topic : Hall")."""
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_BLANK_LINE = re.compile(rb"\n\r?\n")
"""A header block's end: a line break, then a blank line."""
_NEXT_OPENING = re.compile(rb"(?:\r?\n)?From ")
"""A message's opening "From " line where a Content-Length ends, a blank line maybe before."""


class MboxReader:
    """A .mbox file: its messages, each read as a .eml file, one document."""

    kind = "mbox"
    suffixes = (".mbox",)
    decoded = False
    version = 25 + DECODING_VERSION
    """3: a message with neither Subject nor Date headed by its sender too; headers' control
    characters read as blanks (eml 2). 4: messages whose MIME parts nest too deep to read are
    counted apart, by that reason (they were counted as having no From header or no text). 5:
    a message's text attachments read after it (eml 4). 6: a message nested deeper than eml's
    MIME_DEPTH read to that depth with a warning (eml 7). 7: its parts past eml's MIME_PARTS
    not parsed (eml 8). 8: a charset no mailer means read as a mislabel (eml 9). 9: a message
    with no text in eml's MIME_PARTS parsed counted as having no text, not as nested too deep,
    more charset mislabels read, headers' encoded words in a codec no mailer means (eml 10).
    10: a warning its messages repeat (nested too deep, long headers cut) said once with their
    count, the first MESSAGE_WARNINGS kinds named (2,000 messages nested too deep gave 2,000
    lines). 11: any non-UTF charset over UTF-8 bytes a mislabel (eml 11). 12: a UTF-16 part
    holding no NUL byte read in its charset when it reads as text (eml 12). 13: a file opening
    with a byte-order mark read in UTF-8 first, a Date's year as written (eml 13). 14: a Date's
    two-digit year read with its century (eml 14). 15: UTF-8 under "utf-16" a mislabel, "utf-16"
    with no byte-order mark read in its own order (eml 15). 16: a "From " line opens a message
    only over a header block naming a sender (a body line "From 9:00 to 12:00" lost the text
    under it). 17: a body line or a heading that would read as the layout's ("## Headers ·
    Paul", a sender named "Headers") written unforged (eml 16; mailthreads.unforged). 18: an
    envelope-shaped "From " line over a header line opens a message (one with no From header,
    or a header line "Thread-Topic : Hall", was merged into the one before); one with no From
    header headed by its Sender, its envelope's sender or "to" its recipient. 19: a message's
    From, Sender and To headers looked up in its header lines only (a CRLF message's body line
    "From: …" was taken for its From header, the message then skipped with no sender). 20: a
    CRLF message's body lines written as in the file (a line "Attention : la salle change." lost
    the blank before its colon, taken for an obsolete header line). 21: a message's empty
    "Sender:" (or From, To) passes to a later one of its name (the mailbox was refused, "no
    e-mail in it"). 22: a header's folded lines joined to its value (a Sender written wholly on
    the line under "Sender:" read empty, the message skipped). 23: a message's Content-Length
    ending at the next message's opening line (or the file's end) is read: a body's unquoted
    envelope line and From header open no message (mboxcl2; s31 hostile probe F5). 24: a
    Content-Length of more digits than the file's size is no length (one of 5,000 digits lost
    the whole mailbox: int() refuses more than 4,300; s32 hostile probe F2). 25: a message's
    section label writes its day in the language of its own lines (eml 17)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = unmarked_utf8(content.encode() if isinstance(content, str) else content)
        parts: list[str] = []
        warnings: list[str] = []
        with_attachments = size = 0
        too_deep = skipped = 0
        repeated: Counter[str] = Counter()
        for count, message in enumerate(_messages(raw)):
            if count == MAX_MESSAGES or size > MAX_CHARACTERS:
                warnings.append(f"{relative}: only its first {count:,} messages read")
                break
            try:
                read = message_read(message, relative)
            except UnreadableDocument as refused:
                too_deep += refused.reason == TOO_DEEP
                skipped += refused.reason != TOO_DEEP
                continue
            attached = [w for w in read.warnings if w.startswith(relative + ATTACHMENTS_NOT_READ)]
            with_attachments += bool(attached)
            repeated.update(w for w in read.warnings if w not in attached)  # long headers cut
            if with_attachments <= ATTACHMENT_WARNINGS:
                warnings += attached
            parts.append(_headed(read))
            size += len(parts[-1])
        if not parts:
            raise UnreadableDocument("no e-mail in it (no message with a From header and text)")
        warnings += _repeated(relative, repeated)
        warnings += _counts(relative, (skipped, too_deep), with_attachments)
        title = " ".join(shown(PurePosixPath(relative).name).split())[:TITLE_MAX]
        return Extracted(
            f"# {title}\n\n" + "\n\n".join(parts) + "\n", title=title, warnings=warnings
        )


def _messages(raw: bytes) -> Iterator[bytes]:
    """Each message of the mailbox, its "From " line off and its ">From " lines unquoted, found
    as they are read (a large mailbox is not scanned past the messages read); a file not
    opening with a "From " line is first one message (a mail saved as .mbox). A message with no
    From header is given one (`_with_sender`)."""
    body, envelope, counted_end = 0, b"", 0
    for found in _FROM_START.finditer(raw):
        if found.start() < counted_end:
            continue  # a line of a body its Content-Length holds
        end = _line_end(raw, found.start())
        if _opens_message(raw, found.start(), end):
            if found.start() > body:
                yield from _unquoted(_with_sender(raw[body : found.start()], envelope))
            body, envelope = end, raw[found.start() : end]
            counted_end = _counted_end(raw, end)
    yield from _unquoted(_with_sender(raw[body:], envelope))


def _counted_end(raw: bytes, start: int) -> int:
    """Where the message whose header block opens at `start` ends by its Content-Length
    (mboxcl2 leaves a body's "From " lines unquoted: s31 hostile probe, a body quoting an
    envelope line and "From: Claire Dubois (CEO)" opened a message from her), when that end is
    the file's or a message's opening line, a blank line maybe before it; `start` (no length
    read) otherwise: a mailbox edited since its lengths were written is read by the "From "
    lines."""
    length = _header_value(raw, start, b"content-length", among_other_lines=False)
    blank = _BLANK_LINE.search(raw, start - 1) if length is not None else None
    if length is None or blank is None or not _fits(length, len(raw)):
        return start
    end = blank.end() + int(length.lstrip(b"0") or b"0")
    if end > len(raw):
        return start
    if raw[end:].strip() == b"":
        return end
    following = _NEXT_OPENING.match(raw, end)
    if following is None:
        return start
    opening = following.end() - len(b"From ")
    return end if _opens_message(raw, opening, _line_end(raw, opening)) else start


def _fits(length: bytes, size: int) -> bool:
    """Whether `length` is digits writing no more than `size`'s number of digits: a longer one
    is no length of this file, and int() refuses more than 4,300 digits (s32 hostile F2: a
    5,000-digit Content-Length lost the whole mailbox); leading zeros write no digit, so the
    caller reads the length without them."""
    return length.isdigit() and len(length.lstrip(b"0")) <= len(str(size))


def _line_end(raw: bytes, start: int) -> int:
    """Where the line opening at `start` ends, past its line break."""
    end = raw.find(b"\n", start)
    return len(raw) if end < 0 else end + 1


def _opens_message(raw: bytes, start: int, end: int) -> bool:
    """Whether the "From " line from `start` to `end` opens a message: it has an envelope's
    shape (sender, day, time: "From - Thu Oct 02 09:00:00 2025") over a header line
    (`_opens_headers`), or it stands at the start or
    after a blank line, holds a clock time and a header block naming a sender follows it
    (_names_a_sender: a body line "From 9:00 to 12:00" opens none). A message an exporter wrote
    with no From header, or with a header line of another shape ("Thread-Topic : Hall"), is
    opened by its envelope (s30 review G: it was merged into the one before). Each test reads
    that line and the header lines under it only (a regular expression looking behind every
    "From " for a time took 39 s on one 100 KB line); a header test stops at the first line
    that is no header, so it reads no further than the next "From " line."""
    line = raw[start:end]
    if _ENVELOPE.match(line):
        return _opens_headers(raw, end)
    after_blank = start == 0 or raw.endswith(b"\n\n", 0, start) or raw.endswith(b"\n\r\n", 0, start)
    return after_blank and _CLOCK.search(line) is not None and _names_a_sender(raw, end)


def _opens_headers(raw: bytes, start: int) -> bool:
    """Whether the line at `start` is a header line ("To: Alice", "Thread-Topic : Hall"): an
    envelope-shaped line over body text ("From paul Wed Oct 01 15:00:00 2025" over "The budget
    is 90 euros.", unquoted by its exporter) opens no message, its text kept in its own."""
    line = raw[start : _line_end(raw, start)]
    return _HEADER_LINE.match(line) is not None or _SPACED_FIELD.match(line) is not None


def _names_a_sender(raw: bytes, start: int) -> bool:
    """Whether a header block opens at `start`: header lines ("Name: value", or a line folded
    under one) up to a blank line or the end, one of them a From header. A body line shaped
    like a loose opening line ("From 9:00 to 12:00" over "Room: B12" and text) opens none, so
    the text under it stays in its message."""
    return _header_value(raw, start, b"from", among_other_lines=False) is not None


def _header_value(raw: bytes, start: int, name: bytes, *, among_other_lines: bool) -> bytes | None:
    """The value of the first header `name` (lower case) of the header block opening at
    `start` (lines up to a blank line or the end) that writes one, the lines folded under it
    joined to it ("Sender:" over " Ann <a@x.org>") and its blanks off; an empty "Sender:"
    passes to a later "Sender: Carl". b"" when each such header is empty, None when it has
    none. A line before the blank one that is no header line ends the search with None
    unless `among_other_lines` (a message's head, where an exporter's odd line is passed over)."""
    found: bytes | None = None
    reading = False  # whether the line before is of the header whose value is `found`
    position = start
    while position < len(raw):
        end = _line_end(raw, position)
        line = raw[position:end].rstrip(b"\r\n")
        if not line:
            break
        folded = line[:1] in (b" ", b"\t") and position > start
        if not (folded or _HEADER_LINE.match(line) or among_other_lines):
            return None
        field, _, value = line.partition(b":")
        if folded and reading:
            found = b" ".join(filter(None, (found, line.strip())))
        elif not folded:
            reading = not found and field.lower() == name
            if reading:
                found = value.strip()
        position = end
    return found


def _with_sender(message: bytes, envelope: bytes) -> bytes:
    """`message` with a From header when its header lines write none (sent or draft exports
    write only Sender: or To:): its Sender, else the sender its envelope line names ("-" names
    none), else its
    recipient as "to <name>"; unchanged when none is written (eml counts it skipped). An
    obsolete header line with blanks before its colon ("Thread-Topic : Hall") is written
    without them: the e-mail parser ends the header block at it, its From header unread."""
    head, rest = _head_and_rest(message)
    head = _SPACED_FIELD.sub(rb"\1:", head)
    message = head + rest
    if _header_value(head, 0, b"from", among_other_lines=True) is not None:
        return message
    if sender := _header_value(head, 0, b"sender", among_other_lines=True):
        return b"From: " + sender + b"\n" + message
    named = envelope.split()[1:2]
    if named and named[0] != b"-":
        return b"From: " + named[0] + b"\n" + message
    if recipient := _header_value(head, 0, b"to", among_other_lines=True):
        name, address = parseaddr(recipient.decode("utf-8", "replace"))
        shown_name = (name or address).replace('"', "").replace("\\", "")
        return f'From: "to {shown_name}" <{address}>\n'.encode() + message
    return message


def _head_and_rest(message: bytes) -> tuple[bytes, bytes]:
    """`message` split at its first blank line, whether its lines end "\n" or "\r\n" (the
    rule `_header_value` reads by): its header lines, then the rest from that line break on.
    A CRLF message split at "\n\n" only had no head: its body was rewritten as headers."""
    blank = _BLANK_LINE.search(message)
    return (message[: blank.start()], message[blank.start() :]) if blank else (message, b"")


def _unquoted(message: bytes) -> Iterator[bytes]:
    """The message with one ">" taken off its ">From " lines; nothing for a blank one."""
    if message.strip():
        yield _QUOTED_FROM.sub(rb"\1", message)


def _headed(read: Extracted) -> str:
    """A message's text under one heading naming its sender, day and Subject: mailthreads'
    "# Subject" line taken off and its Subject put after its first "## Sender · day" heading
    (a message mailthreads does not read as mail, one with neither Subject nor Date, under a
    heading of its sender, from its From line, and its Subject); a heading the sender's name or
    Subject would open like a Headers or Signature one is `unforged`."""
    subject = read.title or "(no subject)"
    text = read.text
    if text.startswith("# "):
        text = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""
    if text.startswith("## "):
        heading, _, rest = text[3:].partition("\n")
        named = f"{heading} · {subject}"
        if not heading.startswith(GENERATED_HEADINGS):  # its own lines' heading, not Headers'
            named = unforged(named)
        return f"## {named}\n{rest}".rstrip("\n")
    sender = _sender(text)
    heading = f"{sender} · {subject}" if sender else subject
    return f"## {unforged(' '.join(heading.split()))}\n{text}".rstrip("\n")


def _sender(text: str) -> str:
    """The sender a message's header lines name (eml writes them first, decoded and cleaned):
    the From line's name, else its address; "" for none."""
    for line in text.split("\n\n", 1)[0].splitlines():
        if line.startswith("From: "):
            name, address = parseaddr(line.removeprefix("From: "))
            return name or address
    return ""


def _repeated(relative: str, repeated: Counter[str]) -> list[str]:
    """The warnings of its messages (`repeated`: each with how many messages gave it), once
    each with that count, the first MESSAGE_WARNINGS of them; then how many more there were."""
    said = [
        warning if count == 1 else f"{warning} ({count:,} messages)"
        for warning, count in list(repeated.items())[:MESSAGE_WARNINGS]
    ]
    more = len(repeated) - MESSAGE_WARNINGS
    return said + ([f"{relative}: {more:,} more warnings of its messages"] if more > 0 else [])


def _counts(relative: str, skipped: tuple[int, int], with_attachments: int) -> list[str]:
    """Warnings counting the messages skipped (`skipped`: those with no From header or no
    text, those nested too deep) and those whose attachments were not named."""
    warnings = []
    for count, reason in zip(skipped, ("no From header or no text", TOO_DEEP), strict=True):
        if count:
            warnings.append(f"{relative}: {count:,} messages skipped ({reason})")
    if with_attachments > ATTACHMENT_WARNINGS:
        more = with_attachments - ATTACHMENT_WARNINGS
        warnings.append(f"{relative}: attachments of {more:,} more messages not read")
    return warnings


READERS = (MboxReader(),)
