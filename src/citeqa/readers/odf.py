"""OpenDocument files (.odt, .ods, .odp: LibreOffice, OpenOffice, Google Docs' export), read
from the zip's content.xml as the .docx, .xlsx and .pptx readers write theirs:
- a text document (.odt): headings (`text:h`, its outline level) as Markdown heading lines
  ("## Scope"), paragraphs apart by a blank line, lists as list lines (their number as the list
  style writes it, "1.", "a)", or "-" for a bullet; two spaces of indent a level), tables as
  pipe tables (two rows and two columns or more; a merged cell once; at most xlsx.MAX_CELLS
  cells in all the document's tables, with a warning), footnotes and endnotes
  last, "[n] text"; a table of contents, an index, tracked deletions, comments, hidden text and
  text boxes are not read (as in a .docx);
- a spreadsheet (.ods): each visible sheet a section "## Budget 2026" over its rows, written as
  readers/xlsx.py writes a workbook's (`sheet_text`: the header row over a `|---|` rule, title
  rows above it as lines), each cell as the sheet shows it (its `text:p`, which the program
  wrote as it displays the value); hidden sheets left out with a warning; at most
  xlsx.MAX_CELLS cells and xlsx.MAX_COLUMNS columns read, with a warning. A row or a cell
  repeated (`number-rows-repeated`, `number-columns-repeated`: LibreOffice writes the empty
  rest of a sheet as one row repeated a million times) is never expanded when empty, and
  expanded only up to those bounds when not (a repeat of 10^9 costs nothing), and the text of
  any ODF file is held to officezip.MAX_TEXT_RATIO times its size (`bounded_text`: repeated
  lines read once, then a cut; a warning);
- a presentation (.odp): each slide as readers/slidetext.py writes a deck (title in the
  heading, text frames in the page's order, tables, grouped shapes walked, speaker notes
  after it; at most xlsx.MAX_CELLS cells in all the deck's tables, with a warning); footer,
  date and page-number frames and empty placeholders are not read; hidden slides are read,
  their heading saying so; at most MAX_SLIDES slides, with a warning.
The body's element decides how a file is read, whatever its ending (a sheet named .odt is read
as a sheet). Titled by the document's own title (meta.xml's dc:title) when it states one, else
by its first heading of level 1 or first slide's title (a spreadsheet: by its file's name,
as an .xlsx), else as any text is.

Read with lxml (already a dependency, through python-docx) over content.xml, styles.xml (its
list styles) and meta.xml rather than with odfpy: odfpy has had no release since 2020, builds
a pure-Python DOM of the whole document (several times slower and larger than lxml's tree), and
gives no more than the elements read here. A file that is no readable OpenDocument file is
skipped with one reason, never a traceback (readers/officezip.py, shared with the Office Open
XML readers): not a zip (an old binary .doc/.xls/.ppt renamed, or anything else), a damaged
zip, a zip without content.xml, a password-protected file (its manifest's `encryption-data`),
XML that does not parse, or parts unzipping past MAX_XML_BYTES (or past officezip.MAX_XML_RATIO
times the file's size, check_expansion's floor at least: MAX_XML_FLOOR, or MAX_FLOOR_RATIO times
a file under 20 KB; a zip bomb) or MAX_UNZIPPED_BYTES in all.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from citeqa.readers import officezip
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.listcounts import count_text
from citeqa.readers.slidetext import Lines, Slide, deck_text
from citeqa.readers.xlsx import (  # its sheet warnings too
    CUT_COLUMNS,
    CUT_ROWS,
    CUT_TABLES,
    HIDDEN,
    MAX_CELLS,
    MAX_COLUMNS,
    SheetReading,
    sheet_text,
)
from citeqa.readers.xmlparser import safe_parser
from citeqa.visible import shown

MAX_XML_BYTES = 32 * 1024 * 1024
"""The most XML (content.xml, styles.xml, meta.xml) read, once unzipped: lxml parses each
whole (benchmarks/slides_odf_read.py prints the costs)."""
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
"""The most all the parts may unzip to (pictures included)."""
MAX_SLIDES = 5_000
"""The most slides of a presentation read (as readers/pptx.py)."""
MAX_REPEATED_SPACES = 100
"""The most spaces one `text:s` writes (its `text:c` is the file's to choose)."""
CONTENT = "content.xml"
MANIFEST = "META-INF/manifest.xml"
MAX_MANIFEST = 4 * 1024 * 1024

OLD_BINARY = (
    "an old binary Office file (.doc, .xls or .ppt) renamed: save it again as an OpenDocument"
    " file to read it"
)
ENCRYPTED = "password-protected OpenDocument file: save a copy without its password to read it"
NOT_A_ZIP = "not an OpenDocument file: the file holds something else"
NO_CONTENT = f"not an OpenDocument file: no {CONTENT} in it (another zip renamed?)"
DAMAGED = "not a readable OpenDocument file: the file is damaged or incomplete"
NO_BODY = "an OpenDocument file of a kind citeqa does not read (no text, sheets or slides)"
ODF_FILE = officezip.Kind(
    main_part=CONTENT,
    old_binary=OLD_BINARY,
    encrypted=ENCRYPTED,
    not_zip=NOT_A_ZIP,
    damaged=DAMAGED,
    missing_part=NO_CONTENT,
    strict=DAMAGED,  # Strict Open XML is Office's: never in an OpenDocument file
)
CUT_SLIDES = "{relative}: read the first {count:,} slides"

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@functools.cache
def _q(name: str) -> str:
    """ "text:p" as lxml names it: "{urn:...:text:1.0}p"."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


SKIPPED_TEXT = {
    _q(name)
    for name in (
        "text:table-of-content", "text:alphabetical-index", "text:illustration-index",
        "text:object-index", "text:user-index", "text:bibliography", "text:table-index",
        "text:tracked-changes", "text:hidden-paragraph", "text:hidden-text",
        "office:annotation", "office:annotation-end", "text:note", "office:forms",
        "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
    )
}  # fmt: skip
"""Elements whose text is not read: tables of contents and indexes (they repeat headings),
deleted text, hidden text, comments, notes (read last, numbered), declarations."""
P, H = _q("text:p"), _q("text:h")
SPACE, TAB, LINE_BREAK, NOTE = _q("text:s"), _q("text:tab"), _q("text:line-break"), _q("text:note")
CELL, COVERED = _q("table:table-cell"), _q("table:covered-table-cell")
COLUMNS_REPEATED = _q("table:number-columns-repeated")
ROWS_REPEATED = _q("table:number-rows-repeated")
SPACES_COUNT = _q("text:c")
"""The names of the elements and attributes read once a cell or a paragraph (`_q` is cached,
but a call each time cost a fifth of reading a 20,000-row sheet)."""

SKIPPED_FRAMES = {"page-number", "footer", "date-time", "header"}
"""A presentation's frames repeating on every slide (`presentation:class`): not read."""
_SPACES = re.compile(r"[ \t\r\n]+")


class _OdfReader:
    """An OpenDocument file of one ending; read by its body's kind, whatever its ending."""

    decoded = False
    version = 4

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.suffixes = (f".{kind}",)

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        entries = officezip.package_parts(raw, ODF_FILE)
        with _opened(raw) as archive:  # opened once for every part read
            parts = _check_package(archive, entries, len(raw))
            try:
                return _read(archive, parts, len(raw), relative)
            except UnreadableDocument:
                raise
            except Exception as error:  # lxml on malformed XML, a part unreadable: not the user's
                raise UnreadableDocument(DAMAGED) from error


def _opened(raw: bytes) -> zipfile.ZipFile:
    """The zip archive `raw` (DAMAGED when it cannot be opened)."""
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except officezip.ZIP_ERRORS:
        raise UnreadableDocument(DAMAGED) from None


def _check_package(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], size: int
) -> dict[str, int]:
    """The XML parts read and their unzipped sizes, of the file of `size` bytes whose zip
    `entries` are those of `archive`; UnreadableDocument for an encrypted file, or one too large
    once unzipped."""
    sizes = {entry.filename: entry.file_size for entry in entries}
    if MANIFEST in sizes and b"encryption-data" in _part(archive, MANIFEST, MAX_MANIFEST):
        raise UnreadableDocument(ENCRYPTED)
    officezip.check_size(sum(sizes.values()), MAX_UNZIPPED_BYTES, "in all")
    read = {name: sizes[name] for name in (CONTENT, "styles.xml", "meta.xml") if name in sizes}
    officezip.check_expansion(sum(read.values()), size, MAX_XML_BYTES, "of XML")
    return read


def _part(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The first `limit` bytes of part `name` unzipped (DAMAGED when it cannot be)."""
    try:
        with archive.open(name) as part:
            return part.read(limit)
    except officezip.ZIP_ERRORS:
        raise UnreadableDocument(DAMAGED) from None
    except RuntimeError:  # a zip password
        raise UnreadableDocument(ENCRYPTED) from None


def _parsed(archive: zipfile.ZipFile, name: str, size: int) -> Any:
    """Part `name` parsed by lxml (entities not resolved, no network, libxml2's depth limit)."""
    from lxml import etree

    parser = safe_parser(remove_comments=True)
    try:
        return etree.fromstring(_part(archive, name, size + 1), parser)
    except etree.XMLSyntaxError:
        raise UnreadableDocument(DAMAGED) from None


def _read(
    archive: zipfile.ZipFile, parts: dict[str, int], file_size: int, relative: str
) -> Extracted:
    """The text of the file of `file_size` bytes opened as `archive`, cut as its size allows."""
    content = _parsed(archive, CONTENT, parts[CONTENT])
    styles = _styles(archive, parts)
    stated = _meta_title(archive, parts)
    document = _Document(content, styles, relative)
    body = content.find(f"{_q('office:body')}")
    kinds = {_q("office:text"): document.text, _q("office:spreadsheet"): document.sheets}
    kinds[_q("office:presentation")] = document.slides
    for child in body if body is not None else ():
        if child.tag in kinds:
            text, cut = officezip.bounded_text(kinds[child.tag](child), file_size, relative)
            title = stated or document.first_title
            warnings = document.notes + cut
            return Extracted(text, title=title[:TITLE_MAX] or None, warnings=warnings)
    raise UnreadableDocument(NO_BODY)


def _styles(archive: zipfile.ZipFile, parts: dict[str, int]) -> Any:
    """styles.xml parsed (its named list styles number lists), None for none or a damaged one
    (which costs the lists their numbers only: they read as bullets)."""
    if "styles.xml" not in parts:
        return None
    try:
        return _parsed(archive, "styles.xml", parts["styles.xml"])
    except UnreadableDocument:
        return None


def _meta_title(archive: zipfile.ZipFile, parts: dict[str, int]) -> str:
    """meta.xml's dc:title, whitespace folded ("" for none)."""
    if "meta.xml" not in parts:
        return ""
    try:
        meta = _parsed(archive, "meta.xml", parts["meta.xml"])
    except UnreadableDocument:
        return ""  # a damaged meta.xml costs the title only
    found = meta.find(f".//{_q('dc:title')}")
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


class _Document:
    """What is read of one document: its text by kind, its first title, its warnings."""

    def __init__(self, content: Any, styles: Any, relative: str) -> None:
        self.relative = relative
        self.lists = _ListStyles(content, styles)
        self.hidden_styles = _hidden_styles(content)
        self.notes: list[str] = []
        self.footnotes: list[str] = []
        self.first_title = ""
        self.cut = False
        """Whether the last table read was cut at its budget of cells."""
        self.table_cells = 0
        """The cells read in the tables of a text or a presentation: MAX_CELLS for all."""
        self.tables_cut = False

    # -- text documents

    def text(self, body: Any) -> str:
        lines = Lines()
        self._blocks(body, lines)
        blocks = lines.done() + [
            f"[{n}] {note}" for n, note in enumerate(self.footnotes, start=1) if note
        ]
        return "\n\n".join(blocks) + "\n" if blocks else ""

    def _blocks(self, container: Any, lines: Lines) -> None:
        """The paragraphs, headings, lists and tables of `container` into `lines`."""
        for child in container:
            tag = child.tag
            if tag == P:
                lines.paragraph(self._inline(child))
            elif tag == H:
                self._heading(child, lines)
            elif tag == _q("text:list"):
                self._list(child, lines, 0, None)
            elif tag == _q("table:table"):
                lines.table(self._text_table(child))
            elif tag not in SKIPPED_TEXT and isinstance(tag, str):
                self._blocks(child, lines)  # a section, a soft page break, a text box's body

    def _heading(self, h: Any, lines: Lines) -> None:
        text = " ".join(self._inline(h).split())
        if not text:
            return
        level = _int(h.get(_q("text:outline-level")), 1, 1, 6)
        if level == 1 and not self.first_title:
            self.first_title = text
        lines.paragraph("#" * level + " " + text)

    def _list(self, element: Any, lines: Lines, level: int, style: str | None) -> None:
        """A list's items as list lines at `level` (0: the outer list)."""
        style = element.get(_q("text:style-name")) or style
        continues = element.get(_q("text:continue-numbering")) == "true"
        if level == 0 and not continues and element.get(_q("text:continue-list")) is None:
            self.lists.restart(style)
        for item in element:
            if item.tag not in (_q("text:list-item"), _q("text:list-header")):
                continue
            header = item.tag == _q("text:list-header")  # an item without a marker
            marker = "" if header else self.lists.marker(style, level, item)
            texts: list[str] = []
            for child in item:
                if child.tag in (P, H):
                    texts.append(self._inline(child))
                elif child.tag == _q("text:list"):
                    lines.item(" ".join(texts), level, marker)
                    texts, marker = [], ""  # paragraphs after it carry the item on
                    self._list(child, lines, level + 1, style)
            lines.item(" ".join(texts), level, marker)

    def _inline(self, element: Any) -> str:
        """A paragraph's text as shown: spaces folded as ODF folds them, `text:s` spaces,
        tabs and line breaks written, notes, comments and drawn frames left out."""
        pieces = [_SPACES.sub(" ", element.text or "")]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == SPACE:
                pieces.append(" " * _int(child.get(SPACES_COUNT), 1, 1, MAX_REPEATED_SPACES))
            elif tag == TAB:
                pieces.append("\t")
            elif tag == LINE_BREAK:
                pieces.append("\n")
            elif tag == NOTE:
                self._footnote(child)
            elif tag not in SKIPPED_TEXT and not tag.startswith(f"{{{_NS['draw']}}}"):
                pieces.append(self._inline(child))
            pieces.append(_SPACES.sub(" ", child.tail or ""))
        return "".join(pieces).strip(" ")

    def _footnote(self, note: Any) -> None:
        body = note.find(_q("text:note-body"))
        if body is not None:
            paragraphs = (self._inline(p) for p in body.iter(P, H))
            self.footnotes.append(" ".join(" ".join(paragraphs).split()))

    # -- tables and sheets

    def _table_rows(self, table: Any, budget: int) -> Iterator[list[str]]:
        """A table's rows as lists of cell texts, repeats expanded within MAX_COLUMNS columns
        and `budget` cells (an empty row is yielded once, whatever its repeat)."""
        for row in _rows(table):
            cells = self._row_cells(row)
            if not any(cells):
                yield []
                continue
            for _ in range(_int(row.get(ROWS_REPEATED), 1, 1, budget + 1)):
                if budget < len(cells):
                    self.cut = True
                    return
                budget -= max(1, len(cells))
                yield cells

    def _text_table(self, table: Any) -> list[list[str]]:
        """A text's or a slide's table, within the MAX_CELLS cells all its tables share (a
        table of a few bytes repeats a row a million times: a budget each would let a
        document of tables repeat it without end); a warning, once, when they are cut."""
        self.cut = False
        rows = list(self._table_rows(table, MAX_CELLS - self.table_cells))
        self.table_cells += sum(max(1, len(cells)) for cells in rows if cells)
        if self.cut and not self.tables_cut:
            self.tables_cut = True
            self.notes.append(CUT_TABLES.format(relative=self.relative, cells=self.table_cells))
        return rows

    def _row_cells(self, row: Any) -> list[str]:
        """A row's cell texts, trailing empty cells off, at most MAX_COLUMNS + 1 of them (one
        past the bound tells the row was cut)."""
        cells: list[str] = []
        empty = 0
        for cell in row:
            tag = cell.tag
            if tag != CELL and tag != COVERED:
                continue
            repeated = cell.get(COLUMNS_REPEATED)
            repeat = _int(repeated, 1, 1, MAX_COLUMNS + 1) if repeated else 1
            text = self._cell_text(cell) if tag == CELL else ""
            if not text:
                empty = min(empty + repeat, MAX_COLUMNS + 1)
                continue
            cells += [""] * empty
            empty = 0
            cells += [text] * max(0, min(repeat, MAX_COLUMNS + 1 - len(cells)))
            if len(cells) > MAX_COLUMNS:
                break
        return cells

    def _cell_text(self, cell: Any) -> str:
        """A cell's text as shown (its paragraphs), else the value it stores."""
        if len(cell) == 1 and len(cell[0]) == 0 and cell[0].tag == P:  # most cells: one plain p
            text = " ".join((cell[0].text or "").split())
        else:
            text = " ".join(" ".join(self._paragraphs(cell)).split())
        if text:
            return text
        for name in ("office:string-value", "office:value", "office:date-value"):
            if cell.get(_q(name)):
                return " ".join(str(cell.get(_q(name))).split())
        return ""

    def _paragraphs(self, container: Any) -> Iterator[str]:
        """The text of the paragraphs and headings in `container` (a cell), through lists,
        sections and text boxes; a comment (`office:annotation`) or a note's body is not its
        text (a note is read once, with the footnotes, by `_inline`)."""
        for child in container:
            tag = child.tag
            if tag in (P, H):
                yield self._inline(child)
            elif tag not in SKIPPED_TEXT and isinstance(tag, str):
                yield from self._paragraphs(child)

    def sheets(self, body: Any) -> str:
        reading = SheetReading(self.relative)
        hidden = []
        tables = body.findall(_q("table:table"))
        for number, table in enumerate(tables, start=1):
            name = " ".join(str(table.get(_q("table:name")) or "").split()) or f"Sheet {number}"
            if table.get(_q("table:style-name")) in self.hidden_styles:
                hidden.append(name)
            elif reading.cells < MAX_CELLS:
                records = self._records(table, name, reading)
                if records:
                    reading.sheets.append(sheet_text(name, records, reading))
        if hidden:
            self.notes.append(
                HIDDEN.format(relative=self.relative, names=", ".join(map(shown, hidden)))
            )
        self.notes += reading.notes
        self.first_title = PurePosixPath(self.relative).stem  # as readers/xlsx.py titles one
        return "\n".join(reading.sheets)

    def _records(self, table: Any, name: str, reading: SheetReading) -> list[list[str]]:
        """The sheet's non-blank rows, within the workbook's cells and the columns read."""
        records: list[list[str]] = []
        wide, self.cut = False, False
        for cells in self._table_rows(table, MAX_CELLS - reading.cells):
            wide = wide or len(cells) > MAX_COLUMNS
            if cells:
                records.append(cells[:MAX_COLUMNS])
                reading.cells += max(1, len(cells[:MAX_COLUMNS]))
        if self.cut:
            reading.notes.append(
                CUT_ROWS.format(
                    relative=reading.relative,
                    sheet=shown(name),
                    rows=len(records),
                    cells=reading.cells,
                )
            )
        if wide:
            reading.notes.append(
                CUT_COLUMNS.format(
                    relative=reading.relative, sheet=shown(name), columns=MAX_COLUMNS
                )
            )
        return records

    # -- presentations

    def slides(self, body: Any) -> str:
        pages = body.findall(_q("draw:page"))
        if len(pages) > MAX_SLIDES:
            self.notes.append(CUT_SLIDES.format(relative=self.relative, count=MAX_SLIDES))
        slides = [self._slide(page, n) for n, page in enumerate(pages[:MAX_SLIDES], start=1)]
        self.first_title = next((slide.title for slide in slides if slide.title), "")
        return deck_text(slides)

    def _slide(self, page: Any, number: int) -> Slide:
        read = Slide(number, hidden=page.get(_q("draw:style-name")) in self.hidden_styles)
        lines = Lines()
        for shape in page:
            if shape.tag == _q("presentation:notes"):
                notes = Lines()
                for frame in shape.iter(_q("draw:frame")):
                    if frame.get(_q("presentation:class")) == "notes":
                        self._blocks(frame, notes)
                read.notes = notes.done()
            else:
                self._shape(shape, read, lines)
        read.blocks = lines.done()
        return read

    def _shape(self, shape: Any, read: Slide, lines: Lines) -> None:
        """A slide's shape into `lines` (its title into `read`): a frame's text box or table,
        a drawn shape's text, a group's shapes in order."""
        if not isinstance(shape.tag, str) or not shape.tag.startswith(f"{{{_NS['draw']}}}"):
            return
        kind = shape.get(_q("presentation:class")) or ""
        if kind in SKIPPED_FRAMES or shape.get(_q("presentation:placeholder")) == "true":
            return
        if shape.tag == _q("draw:g"):
            for member in shape:
                self._shape(member, read, lines)
        elif kind == "title" and not read.title:
            title = Lines()
            self._blocks(shape, title)
            read.title = " ".join(" ".join(title.done()).split())
        else:
            self._blocks(shape, lines)


class _ListStyles:
    """The list styles of a document (content.xml's automatic ones, styles.xml's named ones):
    each level's number format, and each list's counters as items are written."""

    def __init__(self, content: Any, styles: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, str, int] | None] = {}
        self.counters: dict[str | None, list[int]] = {}
        self.styles: dict[str, Any] = {}
        for tree in (styles, content):
            for style in tree.iter(_q("text:list-style")) if tree is not None else ():
                self.styles[str(style.get(_q("style:name")))] = style

    def restart(self, style: str | None) -> None:
        self.counters.pop(style, None)

    def marker(self, style: str | None, level: int, item: Any) -> str:
        """The next item's marker at `level`: "3.", "b)", or "-" for a bullet."""
        shape = self._level(style, level)
        if shape is None:
            return "-"
        counters = self.counters.setdefault(style, [0] * 10)
        level = min(level, 9)
        restart = item.get(_q("text:start-value"))
        counters[level] = _int(restart, 1, 0, 10**6) if restart else counters[level] + 1
        if counters[level] < shape[3]:
            counters[level] = shape[3]
        counters[level + 1 :] = [0] * (9 - level)
        return f"{shape[1]}{count_text(counters[level], shape[0])}{shape[2]}"

    def _level(self, style: str | None, level: int) -> tuple[str, str, str, int] | None:
        """A numbered level's (shape, prefix, suffix, start); None for a bullet or unknown."""
        key = (style or "", level)
        if key not in self.levels:
            self.levels[key] = _number_level(self.styles.get(style or ""), level + 1)
        return self.levels[key]


_SHAPES = {"1": "arabic", "a": "alphalc", "A": "alphauc", "i": "romanlc", "I": "romanuc"}


def _number_level(style: Any, level: int) -> tuple[str, str, str, int] | None:
    if style is None:
        return None
    for found in style.iter(_q("text:list-level-style-number")):
        if found.get(_q("text:level")) == str(level):
            shape = _SHAPES.get(str(found.get(_q("style:num-format")) or ""))
            if shape is None:
                return None
            prefix = str(found.get(_q("style:num-prefix")) or "")[:8]
            suffix = str(found.get(_q("style:num-suffix")) or "")[:8] or "."
            return (shape, prefix, suffix, _int(found.get(_q("text:start-value")), 1, 0, 10**6))
    return None


def _hidden_styles(content: Any) -> set[str]:
    """The automatic styles hiding a sheet (`table:display="false"`) or a slide
    (`presentation:visibility="hidden"`)."""
    hidden = set()
    automatic = content.find(_q("office:automatic-styles"))
    for style in automatic if automatic is not None else ():
        for properties in style:
            if properties.get(_q("table:display")) == "false" or (
                properties.get(_q("presentation:visibility")) == "hidden"
            ):
                hidden.add(str(style.get(_q("style:name"))))
    return hidden


def _rows(table: Any) -> Iterator[Any]:
    """A table's rows in order, through header rows, row groups and row wrappers."""
    for child in table:
        if child.tag == _q("table:table-row"):
            yield child
        elif child.tag in _ROW_WRAPPERS:
            yield from _rows(child)


_ROW_WRAPPERS = {
    _q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group"),
}  # fmt: skip


def _int(value: Any, default: int, low: int, high: int) -> int:
    """The whole number an attribute states, within [low, high]; `default` for none."""
    text = str(value or "").strip()
    if not text.isdigit() or len(text) > 12:
        return default
    return max(low, min(int(text), high))


READERS = (_OdfReader("odt"), _OdfReader("ods"), _OdfReader("odp"))
