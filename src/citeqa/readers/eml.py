"""E-mail files (.eml): one message as its mail client shows it, read as a .txt mail is.

A .eml file is a MIME message: headers that may be encoded ("=?utf-8?q?…?="), a body that
may be quoted-printable or base64, in any charset, maybe as HTML only, maybe with
attachments. Python's `email` package (the standard library's RFC 5322/MIME parser, with the
`default` policy that decodes headers and bodies) reads it; this module writes what a person
reads in their mail client: the From, To, Cc, Date and Subject lines, a blank line, then the
body (its text/plain part, else its HTML part's visible text: readers/html.py). That text is
then read as any mail saved as .txt is (mailthreads.py: titled by its Subject, its quoted
replies and signature told apart), so citation offsets point into it.

Text attachments (.txt, .md, .csv: ATTACHMENT_SUFFIXES, or a text/plain part with no name) are
read after the body, each under a heading "## Attachment: name", as their own readers read such a
file (s26 trial: "grille-entretien.txt" held the only copy of the review form), at most
ATTACHMENTS_READ of ATTACHMENT_BYTES each; the others are not read, and a warning names them.
A mail with no text in its body but a text attachment is read as its headers and attachments.
A mail whose body is only a forwarded mail
(a message/rfc822 part: "Forward as attachment") is read as the forwarded mail's headers and
body. A file with no From header, or no body
part or text attachment holding text, is no mail: it is skipped with a reason.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
import unicodedata
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesFeedParser
from email.policy import EmailPolicy, Policy
from itertools import chain, islice
from typing import Any, NamedTuple, Self

from citeqa.mailthreads import mail_text, subject_title, unforged_line
from citeqa.readers.base import Extracted, UnreadableDocument
from citeqa.readers.html import html_visible_text
from citeqa.textdecoding import (
    EAST_ASIAN,
    HANGUL,
    MAX_ASCII_UNITS,
    SNIFF_BYTES,
    WIDE_SAMPLE_BYTES,
    ascii_unit_share,
    cut_strict_reading,
    decoded_text,
    holds_unassigned,
    legacy_text,
    marked_wide_codec,
    unmarked_utf8,
)
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.titles import plain_title

HEADER_NAMES = ("From", "To", "Cc", "Date", "Subject")
"""The header lines written over the body, in this order, as mail clients show them."""
NO_SENDER = "no From header in it: not an e-mail"
NO_BODY = "no text in its body (attachments only?)"
ATTACHMENTS_SHOWN = 5
"""How many attachments a warning names (then "and N more")."""
FORWARDS_READ = 3
"""How many forwards-as-attachment deep a mail with no text of its own is read."""
ATTACHMENTS_COUNTED = 1000
"""How many attachments are counted at most (then "and over N more"): each costs its headers'
parsing."""


class EmlReader:
    """A .eml file: one e-mail, its headers decoded and its text body read as a mail."""

    kind = "eml"
    suffixes = (".eml",)
    decoded = False
    version = 17 + DECODING_VERSION
    """2: control characters in a header read as blanks (the sender was lost at an ESC), a
    body naming no charset with a NUL byte read, not dropped. 3: an HTML body that is mostly a
    page tree reads without it (html.py). 4: text attachments (.txt, .md, .csv) read after the
    body (`_attachments`). 5: a mail whose only text is an attachment is read, not refused;
    malformed MIME partway keeps the attachments read before it. 6: a part's declared charset
    is read as mail clients read it, not when mailers mislabel the part (`_declared_text`). 7: a
    mail nested deeper than MIME_DEPTH is read to that depth with a warning, not refused. 8:
    the parts past MIME_PARTS are not parsed, a warning says so. 9: a charset naming a codec
    no mailer means ("rot13", "hex", "unicode_escape") or "utf-7" over 8-bit bytes is a
    mislabel (`_mail_charset`): such a body was skipped as an internal error, and such an
    attachment ended the attachments read. 10: a mail with no text in the MIME_PARTS parsed
    is refused for that, not as nested too deep (`_CUT_REFUSALS`); a part in an ISO-2022
    charset or "hz" over 8-bit bytes, or in "charmap" over UTF-8, is a mislabel; a header's
    encoded words in a charset no mailer means read as UTF-8 (`_mail_words`). 11: any
    non-UTF charset over UTF-8 bytes is a mislabel (was: ISO-8859 and cp125x only). 12: a
    UTF-16 part holding no NUL byte is read in its charset when it reads as text
    (`_wide_text`: a Cyrillic word lost the mail, a cut Japanese line was mojibake).
    13: a file opening with a byte-order mark (UTF-16, UTF-32, UTF-8) read in UTF-8 first (was
    refused); a Date whose year the standard library reads as another ("0000": 2000) as
    written. 14: a Date writing a two-digit year ("1 Jul 25") read with its century (2025), as
    13 wrote it before. 15: UTF-8 under "utf-16" is a mislabel (a Cyrillic line read as
    Hangul); "utf-16" with no byte-order mark is read in the order it reads as text, not the
    machine's (`_wide_text`). 16: a body or attachment line "## Headers · …" (or Signature ·,
    Quoted by) and a heading from a sender named so written unforged (mailthreads.unforged):
    the lines under it read as header lines, so a body could forge its mail's layout. 17: a
    message's section label writes its day in the language of its own lines ("3 mars 2026" in
    a French mail: mailthreads.labelled_day)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        return message_read(unmarked_utf8(raw), relative)


def message_read(raw: bytes, relative: str) -> Extracted:
    """One MIME message (a .eml file, a message of a .mbox) as the mail a person reads, titled
    by its Subject; UnreadableDocument when it holds no From header or no text."""
    message, cut = _parsed(raw)
    warnings = _long_headers_warning(message, relative)
    headers = _header_lines(message)
    if not any(line.startswith("From: ") for line in headers):
        raise UnreadableDocument(NO_SENDER)
    body = _body_text(message).strip("\n")
    attached = _attachments(message)
    if not body.strip() and not attached.text:
        raise UnreadableDocument(_CUT_REFUSALS.get(cut, NO_BODY))
    text = "\n".join(headers) + ("\n\n" + body + "\n" if body.strip() else "\n")
    warnings += _attachment_warning(attached.unread, relative)
    warnings += [f"{relative}: {cut}"] if cut else []
    mail = mail_text(text)
    attachments = _unforged(attached.text)
    if mail is not None and mail[0].strip():
        return Extracted(mail[0] + attachments, title=mail[1], warnings=warnings)
    title = subject_title(plain_title(_header(message, "Subject"))) or None
    return Extracted(_unforged(text) + attachments, title=title, warnings=warnings)


def _unforged(text: str) -> str:
    """`text` of the mail's own (its body, its attachments) with any line that would read as
    a heading of the mail layout mailthreads writes (`unforged_line`) neutralised: no body can
    make the lines under it read as header lines (s30 hostile probe F2)."""
    return "\n".join(map(unforged_line, text.split("\n")))


TOO_DEEP = "its MIME parts are nested too deep to read"
HEADER_CHARS = 4000
"""The characters of a header value parsed (and shown), the rest cut with a warning: the
standard library's header parser takes time growing faster than a value's length (a To of
20,000 addresses, 0.25 MB, took 30 s; s22 hostile probe); 4,000 is some 300 addresses."""


class _BoundedPolicy(EmailPolicy):
    """The `default` policy, parsing no more than HEADER_CHARS of any header's value (those
    shown, and each part's Content-Type and Content-Disposition that the parser reads), and
    each value once (`_fetched`): the standard library parses a part's Content-Type again at
    each of its several looks (5,000 attachments took 13.8 s, s22 hostile probe)."""

    def header_fetch_parse(self, name: str, value: str) -> str:
        if hasattr(value, "name"):  # already parsed (a header set by code, not read)
            return value
        value = _CONTROLS.sub(" ", _ESCAPES.sub("", value[:HEADER_CHARS]))
        return _fetched(name, _mail_words(value))


_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]{0,200}(?:\x07|\x1b\\)?)")
"""A terminal's escape sequences (ESC [ ... m colours, ESC ] ... BEL titles): no text of a name."""
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters in a header as written (ESC, NUL...: no line break, fold or tab), read as
blanks before the `default` policy parses it (escape sequences taken off first, `_ESCAPES`):
its address parser stopped at the first one, so "From: Ann ESC[31m <ann@x.org>" lost the
address, and the sender with it."""


_ENCODED_WORD_CHARSET = re.compile(r"=\?([^?*\s]+)(?=(?:\*[^?\s]*)?\?[bBqQ]\?)")
"""An encoded word's opening ("=?utf-8?q?", RFC 2047), its charset the group."""


def _mail_words(value: str) -> str:
    """A header value whose encoded words name a charset no mailer means (`_mail_charset`:
    "=?unicode_escape?q?caf=C3=A9?=" read "cafÃ©" in titles and senders, s28 review A) naming
    "utf-8" instead, the standard library's reading of a charset it does not know."""
    if "=?" not in value:
        return value
    return _ENCODED_WORD_CHARSET.sub(_mail_word_charset, value)


def _mail_word_charset(opening: re.Match[str]) -> str:
    """An encoded word's opening (`_ENCODED_WORD_CHARSET`), "=?utf-8" when its charset is a
    codec no mailer means."""
    try:
        info = codecs.lookup(opening[1])
    except LookupError:  # unknown: the parser's own reading
        return opening[0]
    return opening[0] if _mail_charset(info) else "=?utf-8"


@functools.lru_cache(maxsize=1024)
def _fetched(name: str, value: str) -> str:
    """A header value parsed by the `default` policy (immutable: shared by its callers)."""
    return policy.default.header_fetch_parse(name, value)


_BOUNDED = _BoundedPolicy()


MIME_DEPTH = 64
"""How many levels of MIME parts are read (a part in a multipart is one level deeper, a mail
in a message/rfc822 part too); deeper parts are not parsed, and a warning says so. Well under
what Python's recursion limit lets the standard library's parser follow (some 300 levels): a
mail nested 1,000 deep was refused whole, its own body lost (s27 hostile probe)."""
DEEPER_NOT_READ = f"MIME parts nested deeper than {MIME_DEPTH} levels not read"
MIME_PARTS = 1_100
"""How many MIME parts are parsed at most: the body's, the ATTACHMENTS_READ read and the
ATTACHMENTS_COUNTED counted, with room to spare; the parser stops at the next, so that a
mail's cost is bounded by what is read of it (17,000 tiny parts took 2.3 s, each parsed
before the attachments read stopped at 20: s27 hostile probe; benchmarks/eml_many_parts.py)."""
PARTS_NOT_READ = f"MIME parts past the first {MIME_PARTS:,} not read"
NO_TEXT_IN_PARTS_READ = f"no text in its first {MIME_PARTS:,} MIME parts (the rest not read)"
_CUT_REFUSALS = {DEEPER_NOT_READ: TOO_DEEP, PARTS_NOT_READ: NO_TEXT_IN_PARTS_READ}
"""Why a mail holding no text in the parts read is refused, by why its parse stopped early (a
mail cut at MIME_PARTS was refused as nested too deep: s28 review A)."""


class _PartsCut(Exception):
    """Raised into the parser to stop it at a part past the bounds (`_BoundedPart.attach`)."""


class _Bounds:
    """One parse's bounds: the parts it made (the first is the message) and why it stopped
    early ("" when it did not)."""

    def __init__(self) -> None:
        self.root: _BoundedPart | None = None
        self.parts = 0
        self.cut = ""

    def part(self, policy: Policy[Any]) -> _BoundedPart:
        """A new part for the parser (its `message_factory`)."""
        made = _BoundedPart(self, policy=policy)
        self.root = self.root or made
        return made


class _BoundedPart(EmailMessage):
    """A part knowing its depth: the parser attaches each part it reads to its parent, and one
    past MIME_DEPTH or MIME_PARTS stops the parse (`_PartsCut`), the parts read before it
    kept."""

    def __init__(self, bounds: _Bounds | None = None, policy: Policy[Any] = _BOUNDED) -> None:
        super().__init__(policy=policy)
        self.bounds = bounds or _Bounds()
        self.depth = 0

    def attach(self, payload: Self) -> None:  # type: ignore[override]  # as typeshed's MIMEPart
        depth = self.depth + 1
        self.bounds.parts += 1
        if depth > MIME_DEPTH or self.bounds.parts > MIME_PARTS:
            self.bounds.cut = DEEPER_NOT_READ if depth > MIME_DEPTH else PARTS_NOT_READ
            if self.get_payload() is None:  # a multipart with no part yet: none, not unread
                self.set_payload([])
            raise _PartsCut
        payload.depth = depth
        super().attach(payload)


def _parsed(raw: bytes) -> tuple[EmailMessage, str]:
    """The message, parsed by the `default` policy, and why its parse stopped early ("" when
    it did not: see MIME_DEPTH and MIME_PARTS). The parser is fed parts as the standard library's
    FeedParser reads them, and stopped at a bound (`_BoundedPart`), the parts before it
    kept; UnreadableDocument (TOO_DEEP) should Python's recursion limit stop it first."""
    bounds = _Bounds()
    parser = BytesFeedParser(policy=_BOUNDED.clone(message_factory=bounds.part))
    try:
        parser.feed(raw)
        parser.close()
    except _PartsCut:
        pass
    except RecursionError as error:
        raise UnreadableDocument(TOO_DEEP) from error
    assert bounds.root is not None  # the parser makes the message first
    return bounds.root, bounds.cut


def _long_headers_warning(message: Message, relative: str) -> list[str]:
    """A warning naming the message's headers cut to HEADER_CHARS, [] when none is."""
    long = sorted({name for name, value in message.raw_items() if len(value) > HEADER_CHARS})
    if not long:
        return []
    return [f"{relative}: headers longer than {HEADER_CHARS} characters cut: {', '.join(long)}"]


def _header_lines(message: Message) -> list[str]:
    """The message's From, To, Cc, Date and Subject lines, decoded, each on one line."""
    lines = []
    for name in HEADER_NAMES:
        value = _header(message, name)
        if name == "Date":
            value = _date_as_written(message, value)
        value = plain_title(value)  # no NUL or ESC from an encoded word
        if value:
            lines.append(f"{name}: {value}")
    return lines


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_SHORT_YEAR = re.compile(r"[A-Za-z]{3}\.?[ \t]+(\d\d)(?!\d)")
"""A two-digit year after its month's name ("1 Jul 25"), as RFC 5322's obsolete syntax allows."""


def _date_as_written(message: Message, parsed: str) -> str:
    """The Date header as the policy writes it (`parsed`), or as the file wrote it when the
    policy's year is not the one written: the standard library reads years "0000" and "1" as
    2000 and 2001 (s29 hostile probe F10). A year written with its last two digits ("1 Jul 25",
    RFC 5322's obsolete year, read 2025) is the policy's: shown as written, it lost its century
    (review D of s29)."""
    year = _YEAR.search(parsed)
    written = _as_written(_raw_value(message, "Date"))
    if year is None or year.group() in written:
        return parsed
    short = _SHORT_YEAR.search(written)
    return parsed if short is not None and short.group(1) == year.group()[2:] else written


def _header(message: Message, name: str) -> str:
    """A header's value on one line, decoded by the `default` policy (encoded words, UTF-8
    written raw: "From: José Pérez"); "" when absent. A header that policy's parser cannot
    read ("To: undisclosed-recipients:;;" raised AttributeError, s21 review) is read as
    written (`_as_written`), its encoded words decoded where they can be. The standard
    library raises assorted errors on malformed headers, so any is caught here, at the
    parser's boundary."""
    try:
        value = message.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # a header the default policy cannot parse
        return _as_written(_raw_value(message, name))


def _raw_value(message: Message, name: str) -> str | None:
    """The header's first value as the file wrote it (its 8-bit bytes kept as surrogates, as
    the parser stores them), or None."""
    wanted = name.lower()
    value = next((value for key, value in message.raw_items() if key.lower() == wanted), None)
    return value[:HEADER_CHARS] if value is not None else None


def _as_written(value: str | None) -> str:
    """A raw header value on one line: its 8-bit bytes read as UTF-8 ("To: Équipe:;;", which
    compat32's Header had turned to U+FFFD or refused), its encoded words decoded unless
    malformed (then kept as written), those in a charset no mailer means as UTF-8
    (`_mail_words`)."""
    if value is None:
        return ""
    text = _mail_words(value.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    with contextlib.suppress(ValueError, LookupError, UnicodeError):  # malformed: as written
        text = str(make_header(decode_header(text)))
    return " ".join(text.split())


def _body_text(message: EmailMessage, forwards: int = FORWARDS_READ) -> str:
    """The text of the message's body: its text/plain part, else (none, or blank) its HTML
    part's visible text, else (a mail forwarded as an attachment, Outlook's "Forward as
    attachment": its body a message/rfc822 part) the forwarded mail's header lines and body,
    followed through up to `forwards` forwards."""
    plain = _part_text(_body_part(message, "plain"))
    if plain.strip():
        return plain.replace("\r\n", "\n").replace("\r", "\n")
    text = html_visible_text(_part_text(_body_part(message, "html")))[0]
    inner = _forwarded(message) if forwards and not text.strip() else None
    forwarded = _body_text(inner, forwards - 1) if inner is not None else ""
    if inner is None or not forwarded.strip():
        return text
    return "\n".join(_header_lines(inner)) + "\n\n" + forwarded


def _forwarded(message: EmailMessage) -> EmailMessage | None:
    """The mail a message/rfc822 part holds, the message itself or one of its first
    ATTACHMENTS_COUNTED parts, or None (malformed MIME too: as in _body_part)."""
    try:
        parts = chain((message,), islice(message.iter_parts(), ATTACHMENTS_COUNTED))
        for part in parts:
            payload = part.get_payload() if part.get_content_type() == "message/rfc822" else None
            if isinstance(payload, list) and isinstance(payload[0], EmailMessage):
                return payload[0]
    except Exception:  # malformed MIME: no forwarded mail
        return None
    return None


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
    names none, one Python does not know or one whose codec cannot replace bytes ("idna");
    a NUL byte read as U+FFFD either way, never kept
    in a chunk; "" for no part or a binary one."""
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes):
        return ""
    return _payload_text(part, payload)


def _payload_text(part: Message, payload: bytes) -> str:
    """`_part_text` of `part` whose decoded payload is `payload`: read in the charset the part
    declares (`_declared_text`), else as a text file is (`_undeclared_text`)."""
    text = _declared_text(payload, part.get_content_charset() or "")
    if text is None:
        text = _undeclared_text(payload)
    return text.replace("\x00", "\ufffd")


_WIDE_CODECS = ("utf-16", "utf-32")
_LATIN_1 = "iso8859-1"
_PYTHON_ESCAPES = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "undefined"})
"""Codecs Python names that no mailer means by a charset (`_mail_charset`)."""
_SEVEN_BIT = ("ascii", "utf-7", "iso2022", "hz")
"""Codecs (their names' openings) whose text holds no byte past ASCII (`_declared_falsely`):
the ISO-2022 family and HZ switch scripts by escapes (Shift-JIS bytes under "iso-2022-jp"
were read as U+FFFD and mojibake: s28 review A)."""


def _declared_text(payload: bytes, charset: str) -> str | None:
    """`payload` read in `charset` as mail clients read it, a byte it does not decode as
    U+FFFD; None when it names none, an unknown one, or one mailers write over text of another
    (`_declared_falsely`). "iso-8859-1" is read as cp1252 (WHATWG's reading: Outlook writes
    its quotes, dashes and "€" under that name)."""
    try:
        info = codecs.lookup(charset)
    except LookupError:  # none named, or unknown
        return None
    codec = info.name
    if not _mail_charset(info):
        return None
    if codec.startswith(_WIDE_CODECS):
        return _wide_text(payload, codec)  # None for a mislabel
    if _declared_falsely(payload, codec):
        return None
    if codec == _LATIN_1:
        return legacy_text(payload)
    try:
        return payload.decode(codec, errors="replace")
    except UnicodeError:  # a codec refusing "replace" (idna)
        return None


def _mail_charset(info: codecs.CodecInfo) -> bool:
    """Whether a codec Python knows by a charset's name is one a mailer can mean: a text
    encoding (not "rot13", "hex", "base64" or "zlib", whose decoding raises LookupError on
    bytes: s28 hostile probe, the whole mail skipped as an internal error) and not one of
    Python's own escapes ("unicode_escape" read "café" as "cafÃ©"). `_is_text_encoding` is
    the flag `bytes.decode` itself reads to refuse those codecs. Asked of a part's charset and
    of a header's encoded words (`_mail_words`)."""
    return getattr(info, "_is_text_encoding", True) and info.name not in _PYTHON_ESCAPES


def _declared_falsely(payload: bytes, codec: str) -> bool:
    """Whether `payload` cannot be text of `codec`, not a UTF-16 or UTF-32 one
    (`_wide_text`), the way mailers mislabel it: bytes past ASCII under "us-ascii", any
    charset but the UTF ones over bytes that are UTF-8 and not ASCII (`_utf8_past_ascii`: a
    multi-byte UTF-8 sequence is very unlikely in Latin-1, cp1252, KOI8-R, Mac Roman or
    Shift-JIS text: s28 re-read, only iso8859/cp125x were read so and UTF-8 under "koi8-r"
    was garbled), or "utf-8" over bytes past ASCII holding no UTF-8 sequence (a cp1252 text;
    one stray byte in UTF-8 text is read as U+FFFD, the rest kept). "utf-7", the ISO-2022
    charsets and "hz" are 7-bit like "us-ascii": a byte past ASCII under them is another
    charset's."""
    if codec.startswith(_SEVEN_BIT):
        return not payload.isascii()
    if codec.startswith("utf-8"):  # "utf-8-sig" too
        return not payload.isascii() and _UTF8_SEQUENCE.search(payload) is None
    legacy = not codec.startswith("utf")  # Latin-1, cp1252, KOI8-R, Mac Roman, Shift-JIS…
    return legacy and _utf8_past_ascii(payload)


def _utf8_past_ascii(payload: bytes) -> bool:
    """Whether `payload` is UTF-8 holding a character past ASCII."""
    return not payload.isascii() and _is_utf8(payload)


def _wide_text(payload: bytes, codec: str) -> str | None:
    """`payload`, declared UTF-16 or UTF-32 (`codec`), read in its byte order, a byte it does
    not decode as U+FFFD; None when it is not such text, the way mailers mislabel it (s27
    hostile probe: "Le caf? co?te trois euros", Latin-1 under "utf-16" indexed as CJK):
    - UTF-8 holding a character past ASCII (s29 review B: "Привет мир" in UTF-8, one line
      with no NUL byte, was read as Hangul and CJK; UTF-16 text is very seldom valid UTF-8
      with a multi-byte sequence);
    - with a NUL byte (ASCII letters in UTF-16 hold one in each pair): read in `codec`, its
      order the one its byte-order mark or its name says, else the one whose NUL bytes are
      high bytes (`_order_by_nul_bytes`);
    - with none (text of no Latin letter, space or line end: a Cyrillic word, a Chinese line):
      its reading in the order in which it reads as text (`_wide_reading`, the one decoding
      made), when one alone does, or
      one alone of those reads as letters of one script (`_of_one_script`); neither order
      proven is a mislabel. No byte-order mark does not mean the machine's order (s29 review
      B: "Привет" in UTF-16BE under "utf-16" was read as "ἄ䀄㠄㈄㔄䈄"; RFC 2781 says
      big-endian, Windows writes little-endian)."""
    if _utf8_past_ascii(payload):
        return None
    orders = _byte_orders(payload, codec)
    if b"\x00" in payload:
        order = orders[0] if len(orders) == 1 else _order_by_nul_bytes(payload, codec)
        return payload.decode(order, errors="replace")
    readings = {order: read for order in orders if (read := _wide_reading(payload, order))}
    if len(readings) > 1:
        readings = {order: read for order, read in readings.items() if _of_one_script(read[0])}
    if len(readings) != 1:
        return None
    text, cut = next(iter(readings.values()))
    return text + "\ufffd" if cut else text  # as bytes.decode(errors="replace") reads a cut end


def _byte_orders(payload: bytes, codec: str) -> tuple[str, ...]:
    """The codecs `payload` may be read in under `codec`: itself when it names its byte order
    ("utf-16-le") or the payload opens with a byte-order mark, else the "-le" and "-be" ones
    ("utf-16" and "utf-32" with no mark: `bytes.decode` would read the machine's order, their
    incremental decoders refuse such bytes)."""
    if codec not in _WIDE_CODECS or marked_wide_codec(payload) is not None:
        return (codec,)
    return (f"{codec}-le", f"{codec}-be")


def _order_by_nul_bytes(payload: bytes, codec: str) -> str:
    """ "-be" or "-le" of `codec` ("utf-16" or "utf-32", no byte-order mark) over `payload`
    holding NUL bytes: big-endian when more of its code units open with a NUL byte than end
    with one (ASCII letters' high byte), little-endian otherwise (as it was read before)."""
    width = 4 if codec == "utf-32" else 2
    size = len(payload) // width * width
    opening = payload[0:size:width].count(0)
    ending = payload[width - 1 : size : width].count(0)
    return f"{codec}-{'be' if opening > ending else 'le'}"


def _wide_reading(payload: bytes, codec: str) -> tuple[str, bool] | None:
    """`payload`, declared UTF-16 or UTF-32 in `codec` (its byte order known) and holding no NUL
    byte (text of no Latin letter, space or line end: a Cyrillic word, a Chinese line), read as that
    text, and whether its end cuts a character (left out); None unless it decodes strictly, a unit
    its end cuts aside (textdecoding.cut_strict_reading), to text holding no control, private-use or
    unassigned character, and its code units are not mostly pairs of printable ASCII bytes
    (textdecoding.MAX_ASCII_UNITS: Latin-1 text read as UTF-16), unless every character it reads is
    East Asian of one family (two Chinese characters may be such pairs). Such a part was read as a
    mislabel: "Привет" lost the whole mail, a Japanese line with a stray last byte read as mojibake
    (s28 re-read). The whole part is decoded and searched in C; unassigned characters are looked for
    in its first SNIFF_BYTES characters, ASCII pairs counted in its first WIDE_SAMPLE_BYTES, as
    textdecoding does (counted over all of a 20 MB part, they took 0.19 s of the check's 0.26 s:
    benchmarks/mail_wide_charset_cost.py)."""
    read = cut_strict_reading(payload, codec)
    text = read[0] if read is not None else ""
    if not text or holds_unassigned(text):
        return None
    sample = payload[:WIDE_SAMPLE_BYTES]
    if ascii_unit_share(sample) <= MAX_ASCII_UNITS or _east_asian_of_one_family(text):
        return read
    return None


def _of_one_script(text: str) -> bool:
    """Whether the letters of `text` (its first SNIFF_BYTES characters) are of one script, by
    the first word of their Unicode names ("CYRILLIC", "GREEK", "HEBREW"), or all East Asian
    of one family: a word read in its own byte order is; read in the other, its letters'
    units fall in blocks of several ("Привет" swapped is Greek and CJK, "你好世界" swapped
    holds a Canadian syllable)."""
    sample = text[:SNIFF_BYTES]
    if _east_asian_of_one_family(sample):
        return True
    scripts = {unicodedata.name(c, "?").split()[0] for c in sample if c.isalpha()}
    return len(scripts) == 1


def _east_asian_of_one_family(text: str) -> bool:
    """Whether every character of `text` is East Asian (textdecoding.EAST_ASIAN), all Hangul
    or none."""
    if EAST_ASIAN.sub("", text):
        return False
    hangul = len(HANGUL.findall(text))
    return hangul in (0, len(text))


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
"""A character UTF-8 writes in two bytes or more."""


def _is_utf8(payload: bytes) -> bool:
    """Whether `payload` decodes as UTF-8."""
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _undeclared_text(payload: bytes) -> str:
    """A part naming no charset read as a text file is (`decoded_text`); one refused for its
    NUL bytes (a control character in a mail body) is read without them, not lost."""
    for attempt in (payload, payload.replace(b"\x00", b"")):
        try:
            return decoded_text(attempt, "")[0]
        except UnreadableDocument:
            continue
    return ""


class _Attachments(NamedTuple):
    """A message's attachments: the text of those read, the names of the others."""

    text: str
    """Each attachment read as a section, "## Attachment: name" over its text; "" for none."""
    unread: list[str]
    """The names (else content types) of the attachments left unread, at most
    ATTACHMENTS_COUNTED + 1."""


ATTACHMENT_SUFFIXES = (".txt", ".md", ".csv")
"""The attachments read with the message, by their file name's ending, as their own readers
read such a file (a .csv as a table): text a person opens in their mail client. Others (a PDF,
a .docx, an image) are named in a warning."""
ATTACHMENT_TYPES = {"text/plain": ".txt", "text/markdown": ".md", "text/csv": ".csv"}
"""The ending an attachment of such a content type is read by when its name has none of
ATTACHMENT_SUFFIXES (an unnamed text/plain part)."""
ATTACHMENT_BYTES = 1_000_000
"""The most bytes of an attachment read; a longer one is left unread, named in the warning."""
ATTACHMENTS_READ = 20
"""The most attachments of a message read; the rest are named in the warning."""
ATTACHMENT_HEADING = "Attachment: "


def _attachments(message: EmailMessage) -> _Attachments:
    """The message's text attachments (ATTACHMENT_SUFFIXES) read, up to ATTACHMENTS_READ of at
    most ATTACHMENT_BYTES each, and the names of the others, counted apart from those read up
    to ATTACHMENTS_COUNTED + 1 (the parser's errors on malformed MIME end the walk, keeping
    the attachments read before, as in _body_part)."""
    sections: list[str] = []
    unread: list[str] = []
    try:
        for part in message.iter_attachments():
            name = part.get_filename() or part.get_content_type()
            read = _attachment_text(part, name) if len(sections) < ATTACHMENTS_READ else ""
            if read:
                sections.append(f"\n## {ATTACHMENT_HEADING}{' '.join(name.split())}\n\n{read}\n")
            else:
                unread.append(name)
            if len(unread) > ATTACHMENTS_COUNTED:
                break
    except Exception:  # malformed MIME, as in _body_part: those read so far are kept
        pass
    return _Attachments("".join(sections), unread)


def _attachment_text(part: Message, name: str) -> str:
    """The text of an attachment of ATTACHMENT_SUFFIXES (by its name, else its content type)
    as its reader reads such a file; "" for another kind, one past ATTACHMENT_BYTES, or one
    its reader refuses."""
    from citeqa.readers import reader_for  # here: the package imports this module

    suffix = next((end for end in ATTACHMENT_SUFFIXES if name.lower().endswith(end)), None)
    suffix = suffix or ATTACHMENT_TYPES.get(part.get_content_type())
    reader = reader_for(suffix) if suffix else None
    if reader is None or not reader.decoded:  # a PDF or an image: not decoded for nothing
        return ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    if len(payload) > ATTACHMENT_BYTES:
        return ""
    try:
        return reader.extract(_payload_text(part, payload), name).text.strip("\n")
    except UnreadableDocument:
        return ""


def _attachment_warning(names: list[str], relative: str) -> list[str]:
    """A warning naming the attachments left unread (`names`, at most ATTACHMENTS_COUNTED + 1),
    [] when there are none."""
    if not names:
        return []
    shown = ", ".join(names[:ATTACHMENTS_SHOWN])
    more = min(len(names), ATTACHMENTS_COUNTED) - ATTACHMENTS_SHOWN
    over = "over " if len(names) > ATTACHMENTS_COUNTED else ""
    tail = f" and {over}{more} more" if more > 0 else ""
    return [f"{relative}{ATTACHMENTS_NOT_READ}{shown}{tail}"]


ATTACHMENTS_NOT_READ = ": attachments not read: "
"""What opens, after the file's name, the warning naming a message's unread attachments (a
mailbox counts its messages holding any by it: readers/mbox.py)."""


READERS = (EmlReader(),)
