"""The checks made of a zipped office file (.docx, .xlsx, .pptx, OpenDocument, EPUB) before it
is parsed: is it a zip archive at all, does it hold the part that makes it a Word document or a
workbook, is it saved as Strict Open XML, and do its parts unzip to a size one reads, in bytes
and in times the file's size (`check_expansion`: a zip bomb), and the text such a file yields
(`bounded_text`: a few bytes repeating a cell a million times).

Shared by the readers of those files so that all refuse the same files for the same reasons,
with the same sentences (an encrypted file, an old binary one renamed, a damaged zip, a zip
bomb). zipfile reads the archive's central directory only; it inflates no entry past the
size that directory states, so the sums checked here bound what opening the file costs.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass

from citeqa.readers.base import UnreadableDocument

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: an old binary Office file (.doc, .xls), or an
encrypted (password-protected) .docx or .xlsx."""
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted Office file is stored in, named in UTF-16."""
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,  # a directory entry asking for zip version 10.6, or an unknown method
    ValueError,
    OSError,
    EOFError,
    zlib.error,  # a deflated part's data garbled
    lzma.LZMAError,  # an LZMA part's (zip method 14) properties garbled
)
"""What zipfile raises on a damaged archive (found by corrupting files at random)."""
STRICT_NAMESPACE = b"purl.oclc.org/ooxml/"
"""The namespaces of Strict Open XML ("Strict Open XML Document" in Word's Save As): neither
python-docx nor openpyxl reads them."""
CONTENT_TYPES = "[Content_Types].xml"
"""The part naming each part's content type: a library finds a part by its type, not its name."""
MAX_CONTENT_TYPES = 4 * 1024 * 1024
"""The most bytes of CONTENT_TYPES read (one short line a part: a few KB in a real file)."""
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b([^>]*)>")
_ATTRIBUTE = re.compile(rb"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
STRICT_PROBE_BYTES = 4096
"""The bytes of the main part read to tell a Strict file: its root element's namespaces."""
TOO_LARGE = "too large to read: {size:,} MB {what} once unzipped (citeqa reads up to {limit:,} MB)"
MAX_XML_RATIO = 50
MAX_XML_FLOOR = 4 * 1024 * 1024
"""The markup a file's parser reads whole (XML, XHTML) may be at most MAX_XML_RATIO times the
file's size, or MAX_XML_FLOOR (MAX_FLOOR_RATIO times a small file's size at most): past both a
small file is a zip bomb. LibreOffice's XML
compresses 2 to 8 times in the test files of session 22, 31 times in a 20,000-row sheet of
tickets (0.54 MB, 16.5 MB of XML, read in 0.6 s of CPU); a .docx or .pptx 5 to 15 times, an
e-book's XHTML 3 to 5 (its pictures add to the file, not to the markup). Parsing costs about
0.04 s of CPU a MB of XML with lxml, 0.4 to 2.5 s a MB of XHTML with readers/html.py
(benchmarks/slides_odf_read.py and ebook_read.py print them), so 50 times bounds a file's
reading by its size."""
MAX_FLOOR_RATIO = 200
"""A small file's MAX_XML_FLOOR is scaled to its size: at most MAX_FLOOR_RATIO times it (a 10 KB
e-book of 3.9 MB of `<p>the <b>a</b> word.</p>` gave 2 MB of text, 5.6 s of reading and 208 s of
indexing under the floor alone; a blank .docx's or .pptx's XML is 4 to 8 times its size)."""
TOO_EXPANDED = (
    "too large to read: {size:,} MB {what} once unzipped, {ratio:,} times the file's size"
    " (citeqa reads up to {limit:,} times it, or {floor} MB: more is a zip bomb)"
)
MAX_TEXT_RATIO = 100
MIN_TEXT_CAP = 256 * 1024
"""The text a zipped file yields is cut at MAX_TEXT_RATIO times the file's size (MIN_TEXT_CAP
characters at least), with a warning: a 746-byte spreadsheet repeating one cell a million times
a million gave 1.6 MB of text, 199,000 cells, and 150,000 sentences that switched the corpus's
sentence vectors off. Real files yield less than their XML, which is at most MAX_XML_RATIO
times their size."""
REPEATS_READ_ONCE = (
    "{relative}: its text is too long for its size; {lines:,} lines repeating the line"
    " before them were left out"
)
CUT_TEXT = (
    "{relative}: its text is {ratio:,} times the file's size (repeated cells?); the first"
    " {kept:,} characters read, the rest left out"
)


@dataclass(frozen=True)
class Kind:
    """What one kind of Office file is called in the reasons a file of it is refused with."""

    main_part: str
    """The part every file of the kind holds ("word/document.xml")."""
    old_binary: str
    """The reason for an old binary file (.doc, .xls) renamed."""
    encrypted: str
    """The reason for a password-protected file."""
    not_zip: str
    """The reason for a file holding something else."""
    damaged: str
    """The reason for a damaged zip archive (its directory or its main part unreadable)."""
    missing_part: str
    """The reason for a zip archive without `main_part` (another kind renamed)."""
    strict: str
    """The reason for a file saved as Strict Open XML."""


def package_parts(raw: bytes, kind: Kind) -> list[zipfile.ZipInfo]:
    """The parts of the zip archive `raw` (read from its directory, nothing unzipped but the
    first bytes of its main part); UnreadableDocument with `kind`'s reason for an OLE file,
    a file that is no zip, a damaged zip, one without the main part, one whose main part has
    a zip password, a Strict one."""
    if raw.startswith(OLE_MAGIC):
        raise UnreadableDocument(kind.encrypted if ENCRYPTED_STREAM in raw else kind.old_binary)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            if kind.main_part not in {part.filename for part in parts}:
                raise UnreadableDocument(kind.missing_part)
            with archive.open(kind.main_part) as main:
                opening = main.read(STRICT_PROBE_BYTES)
    except ZIP_ERRORS:  # NotImplementedError first: it is a RuntimeError
        raise UnreadableDocument(kind.damaged if raw.startswith(b"PK") else kind.not_zip) from None
    except RuntimeError:  # zipfile: "File ... is encrypted, password required" (a zip password)
        raise UnreadableDocument(kind.encrypted) from None
    if STRICT_NAMESPACE in opening:
        raise UnreadableDocument(kind.strict)
    return parts


def office_parts(raw: bytes, kind: Kind, max_xml: int, max_unzipped: int) -> list[zipfile.ZipInfo]:
    """`package_parts` of an Office Open XML file (.docx, .pptx), refused when its XML parts
    (.xml, .rels) unzip past `max_xml` bytes or too many times its size (`check_expansion`), or
    all its parts past `max_unzipped` bytes (`check_size`): the library parses every XML part
    and loads every other one."""
    entries = package_parts(raw, kind)
    xml = sum(entry.file_size for entry in entries if entry.filename.endswith((".xml", ".rels")))
    check_expansion(xml, len(raw), max_xml, "of XML")
    check_size(sum(entry.file_size for entry in entries), max_unzipped, "in all")
    return entries


def check_size(size: int, limit: int, what: str) -> None:
    """UnreadableDocument saying how large, in MB rounded up, when `size` bytes pass `limit`
    (`what`: "in all", "of XML", "of strings")."""
    if size > limit:
        megabytes = (size + (1 << 20) - 1) >> 20
        raise UnreadableDocument(TOO_LARGE.format(size=megabytes, what=what, limit=limit >> 20))


def check_expansion(size: int, file_size: int, limit: int, what: str) -> None:
    """UnreadableDocument when `size` bytes of markup pass `limit` (check_size), or pass both
    MAX_XML_RATIO times `file_size` and the floor: MAX_XML_FLOOR, or MAX_FLOOR_RATIO times
    `file_size` when less (a file under 20 KB) (`what`: "of XML", "of XHTML")."""
    check_size(size, limit, what)
    floor = min(MAX_XML_FLOOR, MAX_FLOOR_RATIO * file_size)
    if size > max(floor, MAX_XML_RATIO * file_size):
        megabytes = (size + (1 << 20) - 1) >> 20
        ratio = size // max(1, file_size)
        raise UnreadableDocument(
            TOO_EXPANDED.format(
                size=megabytes, what=what, ratio=ratio, limit=MAX_XML_RATIO,
                floor=f"{floor / (1 << 20):.1f}".removesuffix(".0"),
            )
        )  # fmt: skip


def bounded_text(text: str, file_size: int, relative: str) -> tuple[str, list[str]]:
    """`text` within MAX_TEXT_RATIO times `file_size` (MIN_TEXT_CAP at least), and the
    warnings saying how: past it, a run of identical lines is read once (a row or a paragraph
    repeated 40,000 times, then the real rows: `without_repeats`), then what is still past it
    cut at its last line break before it; `text` whole and no warning when it is within."""
    cap = max(MIN_TEXT_CAP, MAX_TEXT_RATIO * file_size)
    if len(text) <= cap:
        return text, []
    whole = len(text)
    text, repeats = without_repeats(text)
    said = [REPEATS_READ_ONCE.format(relative=relative, lines=repeats)] if repeats else []
    if len(text) <= cap:
        return text, said
    cut = text.rfind("\n", 0, cap)
    kept = text[: cut + 1] if cut > 0 else text[:cap].rstrip() + "\n"
    ratio = whole // max(1, file_size)
    return kept, [*said, CUT_TEXT.format(relative=relative, ratio=ratio, kept=len(kept))]


def without_repeats(text: str) -> tuple[str, int]:
    """`text` with each run of identical non-blank lines kept as its first line, and how many
    lines that left out."""
    kept: list[str] = []
    left_out = 0
    for line in text.splitlines(keepends=True):
        if kept and line.strip() and line == kept[-1]:
            left_out += 1
        else:
            kept.append(line)
    return "".join(kept), left_out


def parts_of_type(raw: bytes, content_type: str) -> set[str]:
    """The names, lower case and without their leading "/", of the parts `raw`'s content types
    give `content_type` (as openpyxl finds the table of strings: by its type, whatever its
    name). Read after `package_parts` accepted `raw`; a content types part past
    MAX_CONTENT_TYPES is read up to it."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive, archive.open(CONTENT_TYPES) as types:
            text = types.read(MAX_CONTENT_TYPES)
    except (KeyError, *ZIP_ERRORS):  # none, or damaged: the library finds no part by its type
        return set()
    wanted = content_type.lower().encode()
    names = set()
    for override in _OVERRIDE.finditer(text):
        attributes = {
            name.lower(): double or single
            for name, double, single in _ATTRIBUTE.findall(override[1])
        }
        if attributes.get(b"contenttype", b"").strip().lower() == wanted:
            names.add(
                attributes.get(b"partname", b"").decode("utf-8", "replace").lstrip("/").lower()
            )
    return names
