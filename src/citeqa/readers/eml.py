"""E-mail files (.eml): one message as its mail client shows it, read as a .txt mail is.

A .eml file is a MIME message: headers that may be encoded ("=?utf-8?q?…?="), a body that
may be quoted-printable or base64, in any charset, maybe as HTML only, maybe with
attachments. Python's `email` package (the standard library's RFC 5322/MIME parser, with the
`default` policy that decodes headers and bodies) reads it; this module writes what a person
reads in their mail client: the From, To, Cc, Date and Subject lines, a blank line, then the
body (its text/plain part, else its HTML part's visible text: readers/html.py). That text is
then read as any mail saved as .txt is (mailthreads.py: titled by its Subject, its quoted
replies and signature told apart), so citation offsets point into it.

Attachments are not read; a warning names them. A file with no From header, or no body
part holding text, is no mail: it is skipped with a reason.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser

from citeqa.mailthreads import mail_text
from citeqa.readers.base import Extracted, UnreadableDocument
from citeqa.readers.html import html_visible_text
from citeqa.textdecoding import decoded_text

HEADER_NAMES = ("From", "To", "Cc", "Date", "Subject")
"""The header lines written over the body, in this order, as mail clients show them."""
NO_SENDER = "no From header in it: not an e-mail"
NO_BODY = "no text in its body (attachments only?)"
ATTACHMENTS_SHOWN = 5
"""How many attachments a warning names (then "and N more")."""


class EmlReader:
    """A .eml file: one e-mail, its headers decoded and its text body read as a mail."""

    kind = "eml"
    suffixes = (".eml",)
    decoded = False
    version = 1

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        return message_read(raw, relative)


def message_read(raw: bytes, relative: str) -> Extracted:
    """One MIME message (a .eml file, a message of a .mbox) as the mail a person reads, titled
    by its Subject; UnreadableDocument when it holds no From header or no text."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    headers = _header_lines(message, raw)
    if not any(line.startswith("From: ") for line in headers):
        raise UnreadableDocument(NO_SENDER)
    body = _body_text(message)
    if not body.strip():
        raise UnreadableDocument(NO_BODY)
    text = "\n".join(headers) + "\n\n" + body.strip("\n") + "\n"
    warnings = _attachment_warning(message, relative)
    mail = mail_text(text)
    if mail is not None and mail[0].strip():
        return Extracted(mail[0], title=mail[1], warnings=warnings)
    return Extracted(text, warnings=warnings)


def _header_lines(message: Message, raw: bytes) -> list[str]:
    """The message's From, To, Cc, Date and Subject lines, decoded, each on one line (`raw`:
    the file, parsed again with the `compat32` policy only for a header the default cannot
    read)."""
    lines = []
    as_written: list[Message] = []  # parsed once, at the first header needing it
    for name in HEADER_NAMES:
        value = _header(message, name, lambda: _parsed_as_written(raw, as_written))
        if value:
            lines.append(f"{name}: {value}")
    return lines


def _parsed_as_written(raw: bytes, memo: list[Message]) -> Message:
    """`raw`'s headers parsed with the `compat32` policy (no address lists), once (`memo`)."""
    if not memo:
        memo.append(BytesParser(policy=policy.compat32).parsebytes(raw, True))
    return memo[0]


def _header(message: Message, name: str, as_written: Callable[[], Message]) -> str:
    """A header's value on one line, decoded by the `default` policy (encoded words, UTF-8
    written raw: "From: José Pérez"); "" when absent. A header that policy's parser cannot
    read ("To: undisclosed-recipients:;;" raised AttributeError, s21 review) is read as
    written (`as_written`, the `compat32` policy's, which parses no address lists), its
    encoded words decoded where they can be. The standard library raises assorted errors on
    malformed headers, so any is caught here, at the parser's boundary."""
    try:
        value = message.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # a header the default policy cannot parse
        return _as_written(as_written().get(name))


def _as_written(value: object) -> str:
    """A compat32 header value on one line: its raw 8-bit bytes read as UTF-8, its encoded
    words decoded unless malformed (then kept as written)."""
    if value is None:
        return ""
    text = str(value).encode("ascii", "surrogateescape").decode("utf-8", "replace")
    with contextlib.suppress(ValueError, LookupError, UnicodeError):  # malformed: as written
        text = str(make_header(decode_header(text)))
    return " ".join(text.split())


def _body_text(message: EmailMessage) -> str:
    """The text of the message's body: its text/plain part, else (none, or blank) its HTML
    part's visible text."""
    plain = _part_text(_body_part(message, "plain"))
    if plain.strip():
        return plain.replace("\r\n", "\n").replace("\r", "\n")
    return html_visible_text(_part_text(_body_part(message, "html")))[0]


def _body_part(message: EmailMessage, subtype: str) -> Message | None:
    """The message's body part of `subtype`, or None (a MIME structure the parser cannot walk
    is none: the standard library raises assorted errors on malformed messages, so any is
    caught here, at the parser's boundary)."""
    try:
        return message.get_body(preferencelist=(subtype,))
    except Exception:  # malformed MIME: no such part
        return None


def _part_text(part: Message | None) -> str:
    """A text part's content decoded by its charset (undecodable bytes replaced), or as any
    text file is (textdecoding.decoded_text: UTF-8, a line that is not read as cp1252) when it
    names none or one Python does not know; a NUL byte read as U+FFFD either way, never kept
    in a chunk; "" for no part or a binary one."""
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes):
        return ""
    try:
        text = payload.decode(part.get_content_charset() or "", errors="replace")
    except LookupError:  # no charset named, or one Python does not know
        try:
            text = decoded_text(payload, "")[0]
        except UnreadableDocument:
            return ""
    return text.replace("\x00", "\ufffd")


def _attachment_warning(message: EmailMessage, relative: str) -> list[str]:
    """A warning naming the attachments left unread, [] when there are none (or when the
    parser cannot walk them)."""
    try:
        names = [
            part.get_filename() or part.get_content_type() for part in message.iter_attachments()
        ]
    except Exception:  # malformed MIME, as in _body_part
        return []
    if not names:
        return []
    shown = ", ".join(names[:ATTACHMENTS_SHOWN])
    more = len(names) - ATTACHMENTS_SHOWN
    tail = f" and {more} more" if more > 0 else ""
    return [f"{relative}: attachments not read: {shown}{tail}"]


READERS = (EmlReader(),)
