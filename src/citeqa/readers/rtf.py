"""Rich Text Format files (.rtf): the text a word processor shows, paragraphs apart by a blank
line, headings as Markdown heading lines, tables as pipe tables, footnotes last; titled by the
document's stated title ({\\info{\\title …}}).

Read by this module's own tokenizer rather than striprtf (BSD, the small library for it):
striprtf 0.0.35 took 82 s on 580 KB of nested field groups and 435 s on a 550 KB font table
(two regular expressions that backtrack), raised ValueError on a `\\bin` without its count,
left a character past U+FFFF as two lone surrogates, and gives neither the title nor the
paragraphs' styles. Here one regular expression reads a token at a time, each character once
(benchmarks/rtf_read.py prints the figures), and a stack of groups, not recursion, holds the
state, so 100,000 nested "{" cost what 100,000 letters do.

Read as RTF says: `\\par` ends a paragraph, `\\line` breaks a line, `\\uN` is a Unicode
character (its fallback characters, `\\ucN` of them, skipped; two halves of a character past
U+FFFF joined), `\\'hh` a byte in the document's code page (`\\ansicpgN`, or a font's
`\\fcharsetN`; cp1252 by default), `\\binN` N bytes of binary data skipped. Groups whose text
is no document text are skipped: the font, colour and style tables, `\\info`, pictures,
objects, headers and footers, field instructions, and any `\\*` destination. A paragraph whose
style is named "heading N" (the style sheet) or that has an outline level is a heading; table
rows (`\\cell`, `\\row`) are written as a pipe table under its first row, as readers/docx.py
writes Word tables. A file that does not open with "{\\rtf" is skipped, an old Word .doc
renamed .rtf (an OLE file) saying so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.delimited import pipe_table
from citeqa.readers.officezip import OLE_MAGIC

NOT_RTF = "not an RTF file: it does not open with {\\rtf"
OLD_WORD = "an old Word file (.doc) named .rtf: save it again as .rtf or .docx to read it"
_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
    re.DOTALL,
)
SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr",
    "headerf", "footer", "footerl", "footerr", "footerf", "fldinst", "themedata",
    "colorschememapping", "latentstyles", "datastore", "listtable", "listoverridetable",
    "rsidtbl", "generator", "xmlnstbl", "filetbl", "revtbl", "pgptbl", "pntext", "pntxta",
    "pntxtb", "annotation", "atnid", "atnauthor", "atnref", "bkmkstart", "bkmkend", "shppict",
    "nonshppict", "shpinst", "userprops", "docvar", "template", "comment", "mmathPr", "falt",
    "fname", "panose", "leveltext", "levelnumbers",
})  # fmt: skip
"""Destinations whose text is no document text (and `title`, read apart)."""
CHARACTERS = {
    b"tab": "\t", b"emdash": "\u2014", b"endash": "\u2013", b"bullet": "\u2022",
    b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d",
    b"emspace": "\u2003", b"enspace": "\u2002", b"qmspace": "\u2005",
}  # fmt: skip
SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}
CHARSETS = {
    0: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 134: "cp936", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
    204: "cp1251", 222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850",
}  # fmt: skip
"""The code page of a font's `\\fcharsetN` (the RTF specification's table)."""
_HEADING_STYLE = re.compile(r"heading\s*([1-6])", re.IGNORECASE)


@dataclass(slots=True)
class _Group:
    """The state a group opens with and restores when it closes."""

    skip: int = 1
    """\\ucN: the fallback characters after a \\uN."""
    destination: str = ""
    """The skipped destination the group is in ("fonttbl"), "" for text."""
    font: int = -1
    style: int | None = None
    """The style the group names in the style sheet (`\\sN`), if any."""


@dataclass
class _Paragraph:
    """The paragraph being read: its text and properties."""

    text: list[str] = field(default_factory=list)
    style: int = 0
    outline: int | None = None
    in_table: bool = False


class RtfReader:
    """A .rtf file, as raw bytes."""

    kind = "rtf"
    suffixes = (".rtf",)
    decoded = False
    version = 2

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        if raw.startswith(OLE_MAGIC):
            raise UnreadableDocument(OLD_WORD)
        if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
            raise UnreadableDocument(NOT_RTF)
        reading = _Rtf()
        reading.read(raw)
        text = reading.text()
        title = " ".join(reading.title.split())[:TITLE_MAX]  # made visible by corpus.read_at
        return Extracted(text, title=title or None)


class _Rtf:
    """One RTF document read token by token (see the module docstring)."""

    def __init__(self) -> None:
        self.codec = "cp1252"
        self.fonts: dict[int, str] = {}
        self.styles: dict[int, str] = {}
        self.stack: list[_Group] = []
        self.group = _Group()
        self.paragraph = _Paragraph()
        self.blocks: list[str] = []
        self.rows: list[list[str]] = []
        self.cells: list[str] = []
        self.notes: list[str] = []
        self.note: list[str] | None = None
        self.note_depth = 0
        self.title = ""
        self.style_name: list[str] = []
        self.pending = bytearray()
        """Bytes of \\'hh escapes (or 8-bit characters) not yet decoded."""
        self.unicode_skip = 0
        self.utf8 = False
        """Whether the file's 8-bit characters are UTF-8 (a few writers' own), not code page."""

    def read(self, raw: bytes) -> None:
        position, end = 0, len(raw)
        if not raw.isascii():
            try:
                raw.decode("utf-8")
                self.utf8 = True
            except UnicodeDecodeError:
                self.utf8 = False
        while position < end:
            token = _TOKEN.match(raw, position)
            if token is None:  # a lone "\" at the end
                break
            position = token.end()
            word, argument, byte, symbol, brace, run = token.groups()
            if byte is None and self.pending:
                self._flush_bytes()
            if word is not None:
                position = self._control(word, argument, raw, position)
            elif byte is not None:
                self._byte(int(byte, 16))
            elif symbol is not None:
                self._symbol(symbol)
            elif brace is not None:
                if not self._brace(brace):
                    break
            elif run is not None:
                self._run(run)
        self._flush_bytes()
        if self.note is not None:
            self._end_note()
        self.paragraph.in_table = False  # a table's last cell never ended: its text is read
        self._end_paragraph()

    def _control(self, word: bytes, argument: bytes | None, raw: bytes, position: int) -> int:
        """Act on a control word; the position to read on from (past \\bin's data)."""
        number = int(argument) if argument else None
        if word == b"bin":
            return position + max(0, number or 0)
        self.unicode_skip = 0
        name = word.decode("ascii")
        if name in SKIPPED:
            self.group.destination = self.group.destination or name
        elif name == "title" and self.group.destination in ("", "info"):
            self.group.destination = name
        if name == "footnote" and self.note is None:
            self.note, self.note_depth = [], len(self.stack)
        if name == "ansicpg" and number is not None:
            self.codec = _codec(f"cp{number}") or self.codec
        elif name == "uc" and number is not None:
            self.group.skip = max(0, number)
        elif name == "u" and number is not None:
            self._write(chr(number % 65536))
            self.unicode_skip = self.group.skip
        elif name == "f" and number is not None:
            self.group.font = number
        elif self.group.destination:
            self._table_word(name, number)
        else:
            self._text_word(name, number)
        return position

    def _table_word(self, name: str, number: int | None) -> None:
        """A control word inside a skipped table: fonts' code pages, styles' numbers."""
        if self.group.destination == "fonttbl" and name == "fcharset" and number is not None:
            codec = _codec(CHARSETS.get(number, ""))
            if codec:
                self.fonts[self.group.font] = codec
        elif self.group.destination == "stylesheet" and name == "s" and number is not None:
            self.group.style = number

    def _text_word(self, name: str, number: int | None) -> None:
        if name in ("par", "sect", "page"):
            self._end_paragraph()
        elif name == "pard":
            self.paragraph.style, self.paragraph.outline = 0, None
            self.paragraph.in_table = False
        elif name == "s" and number is not None:
            self.paragraph.style = number
        elif name == "outlinelevel" and number is not None:
            self.paragraph.outline = number
        elif name == "intbl":
            self.paragraph.in_table = True
        elif name in ("cell", "nestcell"):
            self.cells.append(" ".join("".join(self.paragraph.text).split()))
            self.paragraph.text = []
        elif name == "row":
            if self.cells:
                self.rows.append(self.cells)
            self.cells, self.paragraph.text = [], []
        elif name == "line":
            self._write("\n")
        elif name.encode() in CHARACTERS:
            self._write(CHARACTERS[name.encode()])

    def _symbol(self, symbol: bytes) -> None:
        if symbol == b"*":
            self.group.destination = self.group.destination or "*"
        elif symbol in (b"\n", b"\r"):
            self._end_paragraph()
        elif symbol in SYMBOLS:
            self._write(SYMBOLS[symbol])

    def _brace(self, brace: bytes) -> bool:
        """Open or close a group; False when the document's outer group closes."""
        self.unicode_skip = 0
        if brace == b"{":
            self.stack.append(self.group)
            self.group = _Group(self.group.skip, self.group.destination, self.group.font)
            return True
        if self.note is not None and len(self.stack) <= self.note_depth:
            self._end_note()
        if self.group.destination == "stylesheet" and self.group.style is not None:
            self.styles[self.group.style] = "".join(self.style_name).strip(" ;")
            self.style_name = []
        if not self.stack:
            return False
        self.group = self.stack.pop()
        return bool(self.stack)

    def _run(self, run: bytes) -> None:
        """Plain characters: \\uN's fallback ones skipped, 8-bit ones in the code page."""
        if self.unicode_skip:
            skipped = min(self.unicode_skip, len(run))
            run, self.unicode_skip = run[skipped:], self.unicode_skip - skipped
        if not run:
            return
        if run.isascii():
            self._write(run.decode("ascii"))
        elif self.utf8:
            self._write(run.decode("utf-8", "replace"))
        else:
            self.pending += run
            self._flush_bytes()

    def _byte(self, value: int) -> None:
        if self.unicode_skip:
            self.unicode_skip -= 1
        else:
            self.pending.append(value)

    def _flush_bytes(self) -> None:
        if self.pending:
            codec = self.fonts.get(self.group.font, self.codec)
            self._write(bytes(self.pending).decode(codec, "replace"))
            self.pending.clear()

    def _write(self, text: str) -> None:
        destination = self.group.destination
        if not destination:
            (self.note if self.note is not None else self.paragraph.text).append(text)
        elif destination == "title":
            self.title += text if len(self.title) < 4 * TITLE_MAX else ""
        elif destination == "stylesheet" and self.group.style is not None:
            self.style_name.append(text)

    def _end_note(self) -> None:
        assert self.note is not None
        text = " ".join("".join(self.note).split())
        if text:
            self.notes.append(f"[{len(self.notes) + 1}] {text}")
        self.note = None

    def _end_paragraph(self) -> None:
        """End the paragraph; a paragraph break inside a footnote or a table's cell is a
        space."""
        if self.note is not None or self.paragraph.in_table:
            (self.note if self.note is not None else self.paragraph.text).append(" ")
            return
        paragraph, self.paragraph = (
            self.paragraph,
            _Paragraph(
                style=self.paragraph.style,
                outline=self.paragraph.outline,
                in_table=self.paragraph.in_table,
            ),
        )
        text = "".join(paragraph.text).strip()
        self._flush_table()
        if text:
            self.blocks.append(self._heading_marks(paragraph) + text)

    def _heading_marks(self, paragraph: _Paragraph) -> str:
        style = _HEADING_STYLE.fullmatch(self.styles.get(paragraph.style, "").strip())
        if style:
            return "#" * int(style[1]) + " "
        if paragraph.outline is not None and 0 <= paragraph.outline <= 5:
            return "#" * (paragraph.outline + 1) + " "
        return ""

    def _flush_table(self) -> None:
        """Write the rows read as a pipe table, as a .csv file's (delimited.pipe_table: one
        column or one row: as lines)."""
        rows, self.rows = self.rows, []
        width = max((len(row) for row in rows), default=0)
        if len(rows) > 1 and width > 1:
            self.blocks.append(pipe_table(rows).rstrip("\n"))
        elif rows:
            self.blocks.append("\n".join(" ".join(row) for row in rows))

    def text(self) -> str:
        blocks = [*self.blocks, *self.notes]
        joined = "\n\n".join(blocks)
        joined = joined.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return joined + "\n" if joined else ""


def _codec(name: str) -> str | None:
    """`name` when Python knows the codec, else None."""
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


READERS = (RtfReader(),)
