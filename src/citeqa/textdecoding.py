"""How a text file's bytes become the text its citations point into: its encoding, its NUL
bytes, and whether it is text at all (corpus.py decodes every text format's file here).

Each rule holds wherever in the file it applies (s21; before, the first 8 KB alone decided
whether a file was binary, and one non-UTF-8 byte decided the whole file's encoding):
- A file is read as UTF-8 (a byte-order mark taken off; UTF-32 or UTF-16 when it opens with
  its mark, UTF-16 when one byte of every pair is NUL in half the pairs and the other never
  is; bytes these do not decode, a stray one appended, read as U+FFFD with a warning).
  A line (ended by LF, or by CR in a file holding no LF: a classic Mac OS file) that is not
  all UTF-8 is read whole as cp1252 (latin-1 for the five bytes cp1252 leaves undefined), so a
  Latin-1 or Windows line pasted into a UTF-8 file reads as the characters its writer typed
  while the UTF-8 around it stays whole (s20: such a file was read
  whole as cp1252, every "é" of its UTF-8 lines quoted as "Ã©"). A file holding more bytes
  that are not UTF-8 than UTF-8 characters of two bytes or more reads as cp1252 throughout:
  a Windows file's "É…" and "É»" happen to be UTF-8 ("Ʌ", "ɻ"; s21 review, when each run of
  bytes that were not UTF-8 was read alone). Either way a warning says so, naming the first
  line read as cp1252 when the rest is UTF-8.
- A file that is not UTF-8 and that a careful reading proves to be East Asian text in UTF-16
  written without its mark (no NUL byte pattern: `_east_asian_utf16`, which says what it
  checks) is read so, with a warning.
- A file that is not UTF-8 and reads as a legacy encoding of a non-Latin script (Cyrillic
  cp1251, Shift-JIS, GB2312…: legacy_codecs.py, charset-normalizer's guess, kept only when
  most of its letters are not ASCII) is read in it throughout, with a warning naming it.
- A file is binary, and skipped, when any stretch of SNIFF_BYTES characters of it holds more
  than MAX_CONTROL_RATIO control characters: NUL bytes, other controls, U+FFFD, and, in a
  stretch holding a byte cp1252 leaves undefined (so no cp1252 text), the bytes 0x80-0x9F that
  are not part of UTF-8, as latin-1 reads them (C1 controls). Random bytes, compressed or
  encrypted data, hold about 21% of these; a Windows text's quotes and dashes (cp1252's
  0x80-0x9F) count for nothing, as when a file that cp1252 read whole was judged.
- A file opening with the signature of a binary format (citeqa/data/binary_signatures.json:
  a zip, PDF, OLE Office file, program, archive or image renamed) is binary: a zip of text
  stored uncompressed holds too few NUL bytes to be found otherwise (s21 review). No library
  installed here reads signatures (python-magic, filetype, puremagic: none), and a table of
  a few byte strings needs none.
- A NUL byte of a text file (a stray one: too few to make it binary) is read as U+FFFD, the
  replacement character, with a warning: no NUL reaches a chunk, a quote or the JSON, and a
  quote still equals its document's text between its offsets.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from citeqa.jsonfiles import data_json
from citeqa.legacy_codecs import ASCII_BYTES, non_latin_text
from citeqa.models import counted
from citeqa.readers import UnreadableDocument

UTF8_BOM = b"\xef\xbb\xbf"
"""A UTF-8 file may open with these bytes; they are not text (offsets count after them)."""
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
"""A file starting with one of these is UTF-16 (Windows "Unicode" text), NUL bytes and all."""
VERSION = 8
"""The version of this decoding, which every reader of a file decoded here adds to its own
(readers/: .txt, .md, .rst, .tex/.ltx, .html, .csv/.tsv, .vtt/.srt, .json/.yaml, and .eml's
text parts):
bumped here when what a file's bytes decode to changes, so that every text file is read again
with no reader bumped by hand. 1: the decoding of s21 (a non-UTF-8 line of a UTF-8 file read
alone as cp1252, a stray NUL byte read as U+FFFD, binary content found anywhere), which the
readers' own versions counted until then; each now counts one less itself, so the versions an
index records are unchanged and no file is read again for this. 2: a file with CR line ends
decoded line by line, and non-Latin legacy encodings (cp1251, Shift-JIS, GB2312, Big5…) read
by their own codec (legacy_codecs.py). 3: a UTF-16 file with a stray byte or a lone
surrogate read with U+FFFD for its bad bytes, UTF-32 with its mark read (s22 hostile probe).
4: a short cp1252 file is no longer guessed UTF-16 or an East Asian code page, a legacy guess
of a short sample taken only when it names a language (legacy_codecs.py, s22 review). 5: a
UTF-16 or UTF-32 file with more than one bad code unit, and at least 1 % of them, refused as
binary (random bytes behind a byte order mark; s22 review). 6: a Cyrillic code page chosen by
how its text reads (legacy_codecs.CYRILLIC_CODECS: cp1251 was read as mac_cyrillic), its
quotes and dashes no symbols (session 24, one bump: main's indexes are of 5). 7: East Asian
text in UTF-16 without its byte-order mark read as such (`_east_asian_utf16`; was refused as
binary or read as mojibake), judged by its first WIDE_SAMPLE_BYTES (s28 review A; session 28,
one bump: main's indexes are of 6). 8: a file whose lines end in CR alone has each CR read as
LF (`_lf_line_ends`; s48 hostile probe: a classic Mac OS changelog had one heading, since
"^" of a multi-line pattern and the readers' line splits know LF only)."""

UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
"""A file starting with one of these is UTF-32 (looked for before UTF-16's, its prefix)."""
SNIFF_BYTES = 8192
"""The length of the stretches of a file judged one by one to tell binary content."""
MAX_CONTROL_RATIO = 0.1
"""A stretch with more control characters than this share of it makes the file binary."""
LEGACY_ENCODING = "cp1252"
"""What a byte sequence that is not UTF-8 is read as (latin-1 for its undefined bytes)."""
REPLACEMENT = "\ufffd"
"""What a NUL byte of a text file is read as."""


def decoded_text(raw: bytes, relative: str) -> tuple[str, list[str]]:
    """The text of the text file `relative` whose bytes are `raw`, and warnings (an encoding
    other than UTF-8, NUL bytes); raise UnreadableDocument for binary content."""
    warnings: list[str] = []
    _refuse_signed_binary(raw)
    wide = _wide_encoding(raw)
    if wide is not None:
        text = _wide_text(raw, wide, relative, warnings)
        return _without_nul(_lf_line_ends(text), relative, warnings), warnings
    body = raw.removeprefix(UTF8_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8 = body.decode("utf-8", "ignore")  # its UTF-8 characters, read once for both tests
        text = (
            _east_asian_utf16(body, relative, warnings)
            or _non_latin(body, utf8, relative, warnings)
            or _not_all_utf8(body, utf8, error.start, relative, warnings)
        )
    else:  # nearly every file: no byte to escape, controls looked for in C
        if _may_hold_controls(body, text):
            _refuse_binary(text)
    return _without_nul(_lf_line_ends(text), relative, warnings), warnings


def _lf_line_ends(text: str) -> str:
    """`text` with each CR read as LF, one for one (offsets keep), when no LF ends its lines:
    a classic Mac OS file's lines are lines to every pattern and reader, which split at LF."""
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


def unmarked_utf8(raw: bytes) -> bytes:
    """`raw` in UTF-8 when it opens with a byte-order mark (UTF-32, UTF-16 or UTF-8's, which is
    taken off), its bad code units read as U+FFFD; else `raw` itself. For the readers that
    parse bytes (.eml, .mbox): a mail saved as UTF-16 with its mark (PowerShell 5's Out-File)
    was refused as holding no From header (s29 hostile probe F7)."""
    codec = marked_wide_codec(raw)
    if codec is not None:
        return raw.decode(codec, "replace").encode("utf-8")
    return raw.removeprefix(UTF8_BOM)


def marked_wide_codec(raw: bytes) -> str | None:
    """ "utf-32" or "utf-16" when `raw` opens with that codec's byte-order mark (UTF-32's
    first: its little-endian mark opens with UTF-16's), else None: the one reading of the
    marks that files (`_wide_encoding`), mails saved whole (`unmarked_utf8`) and mail parts
    (readers/eml.py) share."""
    for marks, codec in ((UTF32_BOMS, "utf-32"), (UTF16_BOMS, "utf-16")):
        if raw.startswith(marks):
            return codec
    return None


def _refuse_signed_binary(raw: bytes) -> None:
    """Raise UnreadableDocument when `raw` holds the signature of a binary format (an
    archive, a document, a program, an image: citeqa/data/binary_signatures.json)."""
    for offset, signature, kind in binary_signatures():
        if raw.startswith(signature, offset):
            raise UnreadableDocument(f"binary content ({kind}), not text")


@cache
def binary_signatures() -> tuple[tuple[int, bytes, str], ...]:
    """citeqa/data/binary_signatures.json's signatures: offset, bytes and kind of each."""
    data = data_json("binary_signatures.json")
    return tuple(
        (int(entry["offset"]), bytes.fromhex(entry["hex"]), str(entry["kind"]))
        for entry in data["signatures"]
    )


MAX_BAD_WIDE_RATIO = 0.01
"""The share of a UTF-16 or UTF-32 file's code units that may fail to decode (read as U+FFFD)
before the file is refused as binary."""


def _wide_text(raw: bytes, codec: str, relative: str, warnings: list[str]) -> str:
    """The text of a UTF-16 or UTF-32 file; bytes that do not decode (a stray last byte, as
    `echo >> notes.txt` appends, or a lone surrogate) read as U+FFFD with a warning, not the
    whole file lost (s22 hostile probe: skipped as binary). Raise UnreadableDocument for
    binary content: more than one bad code unit and at least MAX_BAD_WIDE_RATIO of them
    (random bytes behind a UTF-16 byte-order mark decode as CJK text but for its lone
    surrogates, some 3 % of the units: review D, s22)."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        text = raw.decode(codec, "replace")
        bad = text.count("\ufffd") - raw.decode(codec, "ignore").count("\ufffd")
        units = len(raw) // (4 if codec.startswith("utf-32") else 2)
        if bad > 1 and bad >= MAX_BAD_WIDE_RATIO * units:
            raise UnreadableDocument(
                "binary content, not text (not valid UTF-16 or UTF-32)"
            ) from None
        name = "UTF-32" if codec.startswith("utf-32") else "UTF-16"
        warnings.append(f"{relative}: not valid {name}; its bad bytes read as U+FFFD")
    _refuse_binary(text)
    return text


def _wide_encoding(raw: bytes) -> str | None:
    """The codec of a UTF-32 or UTF-16 file: "utf-32" or "utf-16" when it opens with its
    byte-order mark, else "utf-16-le" or "-be" when one byte of every pair is NUL in at least
    half the pairs and the other byte never is (text of the Latin alphabets, as Windows writes
    "Unicode" without its mark: s20 probe's u16le_nobom.vtt was skipped as binary; a stray
    last byte left out of the count); None for any other file."""
    marked = marked_wide_codec(raw)
    if marked is not None:
        return marked
    raw = raw[: len(raw) // 2 * 2]
    if b"\x00" not in raw:
        return None
    for codec, high, low in (
        ("utf-16-le", raw[1::2], raw[0::2]),
        ("utf-16-be", raw[0::2], raw[1::2]),
    ):
        if b"\x00" not in low and 2 * high.count(b"\x00") >= len(high):
            return codec
    return None


EAST_ASIAN = re.compile("[\u3000-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef]")
"""Characters of East Asian text: CJK punctuation, kana, Hangul jamo and syllables, CJK
ideographs (not extension A's rare ones, which cp1252 capitals read as UTF-16 make), full-width
forms."""
HANGUL = re.compile("[\u3130-\u318f\uac00-\ud7a3]")
"""Korean's letters: a Chinese or Japanese text writes none, a Korean one few ideographs."""
MAX_OTHER_SCRIPT = 0.1
"""The most of a reading's East Asian letters that may be of the other family (Hangul in
ideographs and kana, or these in Hangul): "ÉLÈVES;ÂGÉS;ÉTÉ" in cp1252, read as UTF-16, is
Hangul and ideographs alike."""
MIN_EAST_ASIAN = 16
"""The fewest East Asian characters a UTF-16 reading without a mark must hold to be taken."""
EAST_ASIAN_LEGACY = ("shift_jis", "euc_jp", "gbk", "big5", "euc_kr")
"""East Asian code pages whose text may read as UTF-16 ideographs (Shift-JIS's lead bytes
0x81-0x9F begin U+8100-U+9FFF): bytes one of them reads as East Asian text are left to the
legacy guess (legacy_codecs.py), not taken as UTF-16."""
MIN_READABLE = 0.98
"""The least share of such a reading that is East Asian, ASCII printable or blank."""
MAX_ASCII_UNITS = 0.75
"""The most code units of such a file both of whose bytes are printable ASCII: Latin text read
as UTF-16 is all such units (its "he" is U+6568, an ideograph), East Asian text about a third
(a kana's or ideograph's byte past 0x7E in the others; Japanese prose: some 45 %)."""
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
"""Controls (tab and line ends aside) and private-use characters: no text's."""
_READABLE = re.compile(r"[\x20-\x7e\s]")


def _east_asian_utf16(body: bytes, relative: str, warnings: list[str]) -> str | None:
    """The text of a UTF-16 file written without its byte-order mark that holds East Asian
    text (whose units hold NUL bytes too seldom for `_wide_encoding`: s27 hostile probe, such a
    file was refused as binary or read as mojibake), with a warning; None unless a careful
    reading proves it (charset-normalizer guesses UTF-16 for short cp1252 lines too, so its
    guess is not taken: legacy_codecs.py): its first WIDE_SAMPLE_BYTES decode strictly in
    exactly one byte order to text that is mostly East Asian of one family
    (`_east_asian_reading`), in none of EAST_ASIAN_LEGACY to such text, and their code units
    are not mostly pairs of printable ASCII bytes (MAX_ASCII_UNITS: Latin text read as
    UTF-16); then the whole file decodes strictly in that order to text holding no control
    or private-use character (`strict_reading`)."""
    sample = body[:WIDE_SAMPLE_BYTES]
    if len(body) % 2 or ascii_unit_share(sample) > MAX_ASCII_UNITS:
        return None
    orders = [codec for codec in ("utf-16-le", "utf-16-be") if _east_asian_reading(sample, codec)]
    if len(orders) != 1:  # neither, or both (then the order is not proven)
        return None
    if any(_east_asian_reading(sample, codec) is not None for codec in EAST_ASIAN_LEGACY):
        return None  # Shift-JIS reads as UTF-16 ideographs too: legacy_codecs.py tells
    text = strict_reading(body, orders[0])
    if text is None:
        return None
    warnings.append(f"{relative}: not valid UTF-8; decoded as {orders[0]} (no byte-order mark)")
    return text


WIDE_SAMPLE_BYTES = 65_536
"""How much of a file `_east_asian_utf16` tries each reading on before reading it whole in the
one it proves (a 5 MB cp1251 file read whole in both byte orders took 0.1 s more); the shares
of its characters are counted in this sample alone (counted over a 20 MB file, they took
966 MB at their peak: s28 review A; benchmarks/text_decoding_cost.py)."""


def ascii_unit_share(body: bytes) -> float:
    """The share of `body`'s 2-byte code units both of whose bytes are printable ASCII (a
    stray last byte left out)."""
    import numpy as np  # a dependency; imported only for a file that is not UTF-8

    units = np.frombuffer(body, dtype=np.uint8, count=len(body) // 2 * 2).reshape(-1, 2)
    if not len(units):
        return 1.0
    printable = (units >= 0x20) & (units < 0x7F)
    return float(printable.all(axis=1).mean())


def _east_asian_reading(sample: bytes, codec: str) -> str | None:
    """`sample` (a file's first bytes) decoded strictly in `codec`, a character its end cuts
    left out, when that text holds no control or private-use character (`cut_strict_reading`),
    no unassigned one in its first SNIFF_BYTES characters, MIN_EAST_ASIAN East Asian
    characters or more, half its characters at least, of one family (Korean's, or Chinese
    and Japanese's: MAX_OTHER_SCRIPT), and MIN_READABLE of it is East Asian, ASCII or blank;
    None otherwise."""
    read = cut_strict_reading(sample, codec)
    text = None if read is None else read[0]
    if not text:
        return None
    east_asian = len(EAST_ASIAN.findall(text))
    readable = east_asian + len(_READABLE.findall(text))
    if east_asian < max(MIN_EAST_ASIAN, len(text) / 2) or readable < MIN_READABLE * len(text):
        return None
    hangul = len(HANGUL.findall(text))
    if min(hangul, east_asian - hangul) > MAX_OTHER_SCRIPT * east_asian:
        return None
    return None if holds_unassigned(text) else text


def holds_unassigned(text: str) -> bool:
    """Whether the first SNIFF_BYTES characters of `text` hold one Unicode does not assign:
    random bytes read as UTF-16 or UTF-32 do, text does not (`_east_asian_reading`, and a mail
    part's reading in readers/eml.py)."""
    return any(unicodedata.category(character) == "Cn" for character in text[:SNIFF_BYTES])


def strict_reading(body: bytes, codec: str) -> str | None:
    """`body` decoded strictly in `codec`, None when it does not decode or holds a control
    (tab and line ends aside) or private-use character: no text's (also None for "utf-16" or
    "utf-32" with no byte-order mark, which their incremental decoders refuse)."""
    read = _strict_decoding(body, codec, final=True)
    return None if read is None else read[0]


def cut_strict_reading(body: bytes, codec: str) -> tuple[str, bool] | None:
    """`body` (a part of a longer text) decoded strictly in `codec`, a character its end cuts
    left out, and whether its end cut one; None as strict_reading."""
    return _strict_decoding(body, codec, final=False)


def _strict_decoding(body: bytes, codec: str, final: bool) -> tuple[str, bool] | None:
    """`body` decoded strictly in `codec` and whether bytes of a character its end cuts are
    left over (never when `final`); None as strict_reading."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        text = decoder.decode(body, final)
    except UnicodeError:  # UnicodeDecodeError, or no byte-order mark
        return None
    return None if _UNREADABLE.search(text) else (text, bool(decoder.getstate()[0]))


def _non_latin(body: bytes, utf8: str, relative: str, warnings: list[str]) -> str | None:
    """The text of a file that is not UTF-8 read in the legacy encoding of a non-Latin script
    (legacy_codecs.py: cp1251, Shift-JIS, GB2312…), with a warning naming it; None when it is
    none, or when most of its bytes past ASCII are UTF-8 (`_mostly_utf8`: a UTF-8 file with a
    stray line is read line by line; `utf8`: its UTF-8 characters). Raise UnreadableDocument
    when that text is binary content all the same."""
    found = None if _mostly_utf8(body, utf8) else non_latin_text(body)
    if found is None:
        return None
    text, codec = found
    _refuse_binary(text)
    warnings.append(f"{relative}: not valid UTF-8; decoded as {codec}")
    return text


def _mostly_utf8(body: bytes, utf8: str) -> bool:
    """Whether more of the bytes of `body` past ASCII belong to UTF-8 characters (`utf8`, its
    text without the bytes that are not) than not."""
    past_ascii = len(body.translate(None, ASCII_BYTES))
    utf8_bytes = len(utf8.encode()) - (len(body) - past_ascii)
    return 2 * utf8_bytes > past_ascii


"""The bytes `_mostly_utf8` leaves out (bytes.translate deletes them, in C)."""


def _not_all_utf8(body: bytes, utf8: str, first: int, relative: str, warnings: list[str]) -> str:
    """The text of a file whose bytes from `first` on are not all UTF-8, and a warning in
    `warnings`; raise UnreadableDocument for binary content. A file holding more bytes that are
    not UTF-8 than UTF-8 characters of two bytes or more is read as cp1252 throughout: its
    writer's editor saved it so, and its "É…" or "É»" only happen to be UTF-8 ("Ʌ", "ɻ"; s21
    review). Otherwise each line that is not all UTF-8 is read whole as cp1252, the others as
    UTF-8. Byte operations and a few Python steps per such line (s21 review: a Python call per
    run of bytes cost 77 times main's CPU on a 43 MB cp1252 file)."""
    escaped = body.decode("utf-8", "surrogateescape")
    if _may_hold_controls(body, escaped) or any(byte in body for byte in _UNDEFINED_BYTES):
        _refuse_binary(escaped)
    if _mostly_legacy(utf8):
        warnings.append(f"{relative}: not valid UTF-8; decoded as {LEGACY_ENCODING}")
        return legacy_text(body)
    text, lines = _legacy_lines(body, first)
    line = body.count(_line_end(body), 0, first) + 1
    invalid = counted(lines, "line", grouped=True)
    warnings.append(
        f"{relative}: {invalid} not valid UTF-8 (the first: line {line}); read as {LEGACY_ENCODING}"
    )
    return text


def _mostly_legacy(utf8: str) -> bool:
    """Whether every UTF-8 character of two bytes or more that a file holds (`utf8`: its text
    without the bytes that are not UTF-8) is one that cp1252
    bytes make by accident ("É»", C9 BB, reads as "ɻ"): none in Latin-1, Latin Extended-A,
    General Punctuation or past U+07FF (`_WRITTEN_UTF8`), which a UTF-8 text writes ("é", "—",
    "’"). Then the whole file is cp1252. Else each line is decided alone: a count of bytes
    over the whole file read a UTF-8 file with a pasted cp1252 passage as cp1252 throughout
    ("Refund policy â€” customers", s21 review)."""
    return _WRITTEN_UTF8.search(utf8) is None


_WRITTEN_UTF8 = re.compile("[\u00a0-\u017f\u2000-\u206f\u0800-\U0010ffff]")
"""UTF-8 characters a text writes, which cp1252 bytes rarely make by accident."""


def _legacy_lines(body: bytes, first: int) -> tuple[str, int]:
    """The text of `body`, its first byte that is not UTF-8 at `first`, each line holding such
    a byte read whole as cp1252, the others as UTF-8; and how many lines were read as cp1252."""
    view, parts, position, lines = memoryview(body), [], 0, 0
    newline = _line_end(body)
    while first < len(body):
        start = max(body.rfind(newline, position, first) + 1, position)
        end = body.find(newline, first) + 1 or len(body)
        parts += [str(view[position:start], "utf-8"), legacy_text(body[start:end])]
        position, lines = end, lines + 1
        first = _next_not_utf8(view, end)
    parts.append(str(view[position:], "utf-8"))
    return "".join(parts), lines


def _line_end(body: bytes) -> bytes:
    """The byte ending `body`'s lines: LF (a Windows CRLF ends with it too), or CR in a file
    with no LF, as a classic Mac OS editor saved it (s21 review: such a file was one line, one
    byte that is not UTF-8 read it whole as cp1252, "Café" as "CafÃ©")."""
    return b"\n" if b"\n" in body else b"\r"


UTF8_WINDOW = 8192
"""How many bytes `_next_not_utf8` decodes at a time: the error a strict decode raises copies
what it was given, so a file of many lines that are not UTF-8 would cost the square of its
size given whole."""


def _next_not_utf8(view: memoryview, start: int) -> int:
    """Where the first byte of `view` from `start` on that is not UTF-8 is (its length when
    none is), found by strict decoding, UTF8_WINDOW bytes at a time."""
    while start < len(view):
        final = start + UTF8_WINDOW >= len(view)
        try:
            _, used = codecs.utf_8_decode(view[start : start + UTF8_WINDOW], "strict", final)
        except UnicodeDecodeError as error:
            return start + error.start
        start += used
    return len(view)


def legacy_text(raw: bytes) -> str:
    """`raw` read as cp1252, latin-1 for the bytes cp1252 leaves undefined."""
    try:
        return raw.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:
        return raw.decode("latin-1").translate(_legacy_table())


def _refuse_binary(text: str) -> None:
    """Raise UnreadableDocument when a stretch of SNIFF_BYTES characters of `text` (the file
    decoded, its bytes that are not UTF-8 escaped) holds too many control characters."""
    controls, undefined = _controls(), _undefined_in_cp1252()
    if controls.search(text) is None and undefined.search(text) is None:
        return  # nearly every text file: two scans, in C
    size = min(SNIFF_BYTES, len(text))
    for start in _stretch_starts(len(text), size):
        stretch = text[start : start + size]
        count = plain = len(controls.findall(stretch))
        if undefined.search(stretch) is not None:  # no cp1252: latin-1's C1 controls
            count += len(_C1_ESCAPED.findall(stretch))
        if count > MAX_CONTROL_RATIO * size:
            raise UnreadableDocument(_refusal(stretch, plain, count - plain, size))


_C1_ESCAPED = re.compile("[\udc80-\udc9f]")
"""The bytes 0x80-0x9F that UTF-8 could not read, escaped."""
MIXED_MAX_PLAIN_RATIO = 0.01
"""A refused stretch holding at most this share of control characters of its own (beside the
bytes 0x80-0x9F no encoding tried reads) is text in mixed encodings, not binary content:
lines of Shift-JIS between cp1252 ones (its lead bytes are 0x81-0x9F) hold none, random bytes
some 11%."""
MIXED_ENCODINGS = (
    "mixed encodings (bytes 0x80-0x9F that no one encoding citeqa tries reads, between lines of"
    " text), not readable as text: save it as UTF-8 to read it"
)


def _refusal(stretch: str, plain: int, escaped: int, size: int) -> str:
    """Why a stretch with too many control characters is refused: NUL bytes, mixed encodings
    (`escaped` bytes 0x80-0x9F and hardly a control character of its own, `plain`), or
    binary."""
    if "\x00" in stretch:
        return "binary content (NUL bytes), not text"
    if escaped and plain <= MIXED_MAX_PLAIN_RATIO * size:
        return MIXED_ENCODINGS
    return "binary content (mostly control characters), not text"


_UNDEFINED_BYTES = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
"""The bytes cp1252 leaves undefined (a test checks them against the codec)."""


@cache
def _undefined_in_cp1252() -> re.Pattern[str]:
    """The bytes cp1252 leaves undefined (`_UNDEFINED_BYTES`), escaped."""
    return re.compile(f"[{''.join(chr(0xDC00 + ord(byte)) for byte in _UNDEFINED_BYTES)}]")


_C1_IN_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
"""A C1 control character (U+0080-U+009F) as UTF-8 writes it."""


def _may_hold_controls(body: bytes, text: str) -> bool:
    """Whether the UTF-8 file `body`, decoded as `text`, may hold a character `_controls`
    counts, looked for by byte operations (a 50 MB file in a tenth of a second, where the
    character class's search took 0.6 s): an ASCII control byte, U+FFFD, a C1 control."""
    if body.translate(None, _plain_bytes()) or "\ufffd" in text:
        return True
    return not text.isascii() and _C1_IN_UTF8.search(body) is not None


@cache
def _plain_bytes() -> bytes:
    """Every byte but the ASCII ones `_controls` counts."""
    controls = {ord(char) for char in _controls().findall("".join(map(chr, range(0x80))))}
    return bytes(byte for byte in range(256) if byte not in controls)


def _stretch_starts(length: int, size: int) -> list[int]:
    """Where each stretch of `size` characters of a text of `length` starts: end to end, the
    last one ending at the text's end (overlapping the one before), so each is whole."""
    starts = list(range(0, length - size + 1, size))
    if starts[-1] + size < length:
        starts.append(length - size)
    return starts


@cache
def _legacy_table() -> dict[int, str]:
    """Each latin-1 character of a byte that cp1252 reads otherwise, to cp1252's character."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode(LEGACY_ENCODING)
        except UnicodeDecodeError:
            continue
    return table


def _without_nul(text: str, relative: str, warnings: list[str]) -> str:
    """`text` with each NUL character read as REPLACEMENT, one for one (offsets keep), and a
    warning in `warnings` naming how many and the first one's line."""
    first = text.find("\x00")
    if first < 0:
        return text
    count = text.count("\x00")
    line = text.count("\n", 0, first) + 1
    warnings.append(
        f"{relative}: {counted(count, 'NUL byte', grouped=True)} (the first on line {line}) read as"
        f" {REPLACEMENT}, the replacement character"
    )
    return text.replace("\x00", REPLACEMENT)


@cache
def _controls() -> re.Pattern[str]:
    """The control characters (category Cc) that are not whitespace, and U+FFFD, as one
    character class: a regular expression counts them in C, where testing each character of
    every file in Python cost a tenth of an update's CPU time. Cc is U+0000-U+001F and
    U+007F-U+009F; no other character is in that category."""
    found = [
        chr(point)
        for point in range(0xA0)
        if unicodedata.category(chr(point)) == "Cc" and not chr(point).isspace()
    ]
    escaped = "".join(re.escape(char) for char in found)
    return re.compile(f"[{escaped}{REPLACEMENT}]")
