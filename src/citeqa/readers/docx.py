"""Word files (.docx): the body as Word shows it, written as Markdown-like text that the rest
of citeqa already reads, and the document's title.

python-docx (MIT, a well-kept reader of the Office Open XML package: the zip, its parts and
relationships, styles, numbering and core properties) opens the file; it is imported only when
a .docx is read (0.04-0.16 s cumulative under `python -X importtime -c "import docx"`, 0.12 s of
wall time, on this shared 2-core machine at load 8). This module writes,
in document order:
- a paragraph of a heading style ("Heading 1" to "Heading 6", "Title" as level 1, or any style
  or paragraph with a Word outline level) as a Markdown heading line ("## Scope"), which
  blocks.py reads as a heading. After a Title paragraph the headings sit one level under it
  ("Heading 1" as "##"): the title is the document's, its Heading 1 sections are parts of it,
  so a section path and a citation read "Expenses policy › Mileage", not two level-1 headings;
- a list paragraph (Word numbering, set on it or by its style) as a list line, its number
  or letter as Word renders it ("1.", "a)", "2.1.", "Étape 3 :") or "-" for a bullet, indented
  two spaces a level, which blocks.py reads as a list item;
- a table of two rows or more and two columns or more as a Markdown pipe table, its first row
  the header over a `|---|` rule, as readers/html.py and readers/delimited.py write theirs
  (tables.py reads a row with its header); a cell's paragraphs joined by spaces, the cells a
  merged cell spans after its first left empty, a cell merged with the one above repeating
  its text (rows and cells inside content controls and custom XML read too: the table is
  laid out in one pass of its XML, not by python-docx's cell walk, quadratic on long merges).
  A first row (up to three) of one cell merged across the table is its caption, written as
  a paragraph above it. A table of two columns holding a label a row and its value ("Party |
  Acme Ltd", no header row: readers/keyvalues.py) has its first row written as the header and
  as its first record too, so that every row, the first one included, is read as a record.
  A table of one row or one column (a box laid out with a table), or
  one whose rows cannot be laid out, reads as its paragraphs;
- any other paragraph as it is, paragraphs apart by a blank line;
- the footnotes last, each a paragraph "[n] text" numbered as Word numbers them; a body
  paragraph's reference to one keeps its mark "[n]" where Word shows it (a reader follows it).
Text inserted with tracked changes is read, deleted text is not; a paragraph's soft line
breaks stay line breaks (a heading's become spaces). Headers, footers, comments, text boxes
and a table of contents (its field or TOC styles) are not read: they repeat or point at the
body; hidden text (Font > Hidden) is not read either. Citation offsets point into the text
written here.

Titled by the core properties' title (docProps/core.xml) when set, else by the first Title or
Heading 1 paragraph, else as any text is (titles.py).

A file that is not a Word document is skipped with one reason (readers/officezip.py, shared
with the .xlsx reader): not a zip (an old Word .doc, or a password-protected file, both OLE
files; anything else), a zip with no Word document in it, a damaged one, one saved as Strict
Open XML (python-docx reads none), or one whose parts unzip to more than citeqa reads
(`MAX_XML_BYTES`, `MAX_UNZIPPED_BYTES`: python-docx loads every part and parses the XML ones
whole), or whose XML unzips to more than officezip.MAX_XML_RATIO times the file's size
(officezip.check_expansion's floor at least: MAX_XML_FLOOR, or MAX_FLOOR_RATIO times a file
under 20 KB; a zip bomb).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any, NamedTuple

from citeqa.language import pipe_row
from citeqa.readers import officerels, officezip
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.keyvalues import TableMarks, is_key_value
from citeqa.readers.listcounts import count_text

MAX_XML_BYTES = 32 * 1024 * 1024
"""The most XML, once unzipped, a .docx may hold: python-docx parses each XML part whole with
lxml, and reading takes about 11 times the XML's size at its peak (benchmarks/docx_read.py:
1 MB of XML 53 MB and 0.9 s, 8 MB 125 MB and 6 s, 32 MB 374 MB and 21 s, 60 MB 663 MB and
41 s). 32 MB of XML is some 13 million characters of text, thousands of pages: only a zip
bomb or a machine-written dump passes it."""
MAX_CHARACTERS = 2_000_000
"""The characters of a document's text read at most, its first blocks (a warning says so):
some 700 pages, past the longest report or thesis one writes in Word (a 600 KB file of 10^5
short paragraphs made 4.27 million characters, 100,000 sentences to embed; s23 hostile probe).
readers/mbox.py bounds a mailbox alike."""
CUT = "{relative}: only its first {characters:,} characters read"
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
"""The most a .docx's parts may unzip to in all (images included: python-docx holds each in
memory). zipfile inflates no entry past the size its directory states, so these sums bound
what reading the file costs, whatever its compression ratio."""
ENCRYPTED = "password-protected Word file: save a copy without its password to read it"
OLD_WORD = "an old Word file (.doc) named .docx: save it again as .docx in Word to read it"
NOT_A_ZIP = "not a Word file: the file holds something else"
NOT_WORD = "not a Word document: no word/document.xml in it (another zip named .docx?)"
DAMAGED = "not a readable Word file: the file is damaged or incomplete"
STRICT = (
    "a Strict Open XML Word file, which citeqa cannot read: save it as a normal Word document"
    " (.docx) to read it"
)
WORD_FILE = officezip.Kind(
    main_part="word/document.xml",
    old_binary=OLD_WORD,
    encrypted=ENCRYPTED,
    not_zip=NOT_A_ZIP,
    damaged=DAMAGED,
    missing_part=NOT_WORD,
    strict=STRICT,
)
HEADING_STYLE = re.compile(r"heading ([1-9])", re.IGNORECASE)
TOC_STYLE = re.compile(r"toc (heading|[1-9])", re.IGNORECASE)
LEVEL_INDENT = "  "
"""The indent of a list item per level below the first."""
WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPH_TAG = f"{{{WORD_NAMESPACE}}}p"
TABLE_TAG = f"{{{WORD_NAMESPACE}}}tbl"
RUN_PIECES = (
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent)]"
    "[not(w:rPr/w:vanish[not(@w:val) or not(@w:val='0' or @w:val='false' or @w:val='off')])]"
    "/*[self::w:t or self::w:tab or self::w:ptab or self::w:cr or self::w:noBreakHyphen"
    " or self::w:br[not(@w:type) or @w:type='textWrapping'] or self::w:footnoteReference]"
)
"""The text pieces of a paragraph's runs as Word shows them: inserted text in, deleted or
moved-away text, hidden text (a run's `w:vanish`: Home > Font > Hidden) and text boxes (drawn
apart from the text) out; a page or column break is no text; a footnote's reference mark is
written "[n]" as its footnote is (`paragraph_text`'s `marks`)."""
_FOOTNOTE_REFERENCE = f"{{{WORD_NAMESPACE}}}footnoteReference"
_ID = f"{{{WORD_NAMESPACE}}}id"
_RUN_TEXT = {
    f"{{{WORD_NAMESPACE}}}{name}": text
    for name, text in (
        ("tab", "\t"),
        ("ptab", "\t"),
        ("cr", "\n"),
        ("br", "\n"),
        ("noBreakHyphen", "-"),
    )
}


MARKDOWN_LEVELS = 6
"""The heading levels Markdown writes ("#" to "######")."""


class DocxReader:
    """A .docx file: its body's headings, paragraphs, lists and tables in order."""

    kind = "docx"
    suffixes = (".docx",)
    decoded = False
    version = 7
    """3: a key/value table's first row is a record too; 4: headings after a Title paragraph
    sit one level under it, and a footnote's reference mark "[n]" is kept in the body; 5:
    relationships to no part dropped (officerels.py); the text bounded (MAX_CHARACTERS); a
    table whose first row names its value column is no key/value table (keyvalues.py); 6: the
    Title's shift not in a document using a sixth heading level (Heading 5 and 6 merged); 7: a
    derived title is no longer cut at an abbreviation's period (language.split_sentences, s40)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        _check_package(raw)
        document = _opened(raw)
        try:
            footnotes = _footnotes(document)
            body = _Body(document, {key: mark for key, (mark, _) in footnotes.items()})
            notes = (f"{mark} {text}" for mark, text in footnotes.values())
            blocks = _bounded(chain(body.blocks(), notes))
            stated = _stated_title(document)
        except Exception as error:  # python-docx or lxml on a malformed part: not the user's
            raise UnreadableDocument(DAMAGED) from error
        title = " ".join(stated.split()) or body.first_heading
        cut = [CUT.format(relative=relative, characters=MAX_CHARACTERS)] if blocks.cut else []
        return Extracted(
            "\n\n".join(blocks.read) + "\n" if blocks.read else "",
            title=title[:TITLE_MAX] or None,
            warnings=cut,
        )


class _Blocks(NamedTuple):
    read: list[str]
    cut: bool
    """Whether blocks past MAX_CHARACTERS were left out."""


def _bounded(blocks: Iterable[str]) -> _Blocks:
    """The first blocks of a document up to MAX_CHARACTERS characters in all (the rest, and
    the footnotes after them, are not laid out at all)."""
    read: list[str] = []
    size = 0
    for block in blocks:
        size += len(block) + 2
        if size > MAX_CHARACTERS:
            return _Blocks(read, True)
        read.append(block)
    return _Blocks(read, False)


def _stated_title(document: Any) -> str:
    """The title of the document's core properties (docProps/core.xml), "" for none
    (python-docx's `core_properties` makes up "Word Document" for a file without them)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return ""
    return str(part.core_properties.title or "").strip()


def _check_package(raw: bytes) -> None:
    """Refuse, with the reason, a file that is no .docx one could read (officezip: an
    encrypted .docx or an old .doc, no zip, a damaged zip, a Strict one), or one too large
    once unzipped."""
    officezip.office_parts(raw, WORD_FILE, MAX_XML_BYTES, MAX_UNZIPPED_BYTES)


def _opened(raw: bytes) -> Any:
    """The python-docx Document of `raw`; DAMAGED when python-docx cannot open it (it raises
    assorted errors on malformed packages and XML: none is the user's). Relationships that
    point at no part (a hyperlink without its external mode, a picture linked to a bookmark)
    are dropped first (officerels.py), as Word opens such files."""
    import docx

    try:
        return docx.Document(io.BytesIO(officerels.mended(raw)))
    except Exception as error:
        raise UnreadableDocument(DAMAGED) from error


class _StyleTraits(NamedTuple):
    """What a paragraph style says of its paragraphs, read up its base styles."""

    level: int | None
    """Its heading level: Title 1, Heading N N, else its Word outline level (None: no heading)."""
    numbering: tuple[str, int] | None
    """Its list: (num id, level)."""
    contents: bool
    """A table of contents' style ("TOC 1", "TOC Heading"): its paragraphs are not read."""
    title: bool = False
    """The Title style (or one based on it): the document's title, over its headings."""


class _Body:
    """The body of a document as text blocks, and its first Title or Heading 1."""

    def __init__(self, document: Any, marks: dict[str, str]) -> None:
        self.document = document
        self.marks = marks
        """Each footnote's reference mark ("[1]") by its id."""
        self.styles: dict[str, _StyleTraits] = {}
        self.numbering = _Numbering(document)
        self.first_heading = ""
        self.under_title = 0
        """1 once a Title paragraph is read: the headings after it sit one level lower, but
        in a document whose headings use all MARKDOWN_LEVELS (then Title and Heading 1 are
        both "#", rather than Heading 5 and 6 both "######")."""
        self.deepest: int | None = None

    def blocks(self) -> Iterator[str]:
        """Each paragraph, list and table of the body as text, in document order (a list's
        items make one block; an item of another list at its first level starts another)."""
        items: list[str] = []
        listed_in = None
        for element in _block_elements(self.document.element.body):
            line, listed = self._written(element)
            if items and (listed is None or (listed != listed_in and line[:1] != " ")):
                yield "\n".join(items)
                items = []
            if listed is not None:
                items.append(line)
                listed_in = listed_in if line[:1] == " " else listed  # its first level's
            elif line:
                yield line
        if items:
            yield "\n".join(items)

    def _written(self, element: Any) -> tuple[str, str | None]:
        """An element's text and, for a list item, the id of its list."""
        if element.tag == TABLE_TAG:
            return _table_text(element), None
        return self._paragraph(element)

    def _paragraph(self, p: Any) -> tuple[str, str | None]:
        text = paragraph_text(p, self.marks).strip()
        style = self._traits(p.style)  # p.style: the style id (None: the default style)
        if not text or style.contents:
            return "", None
        level = _outline_level(p) or style.level
        if level and not style.title:
            level += self.under_title
        elif style.title:
            self.under_title = 0 if self._deepest_level() >= MARKDOWN_LEVELS else 1
        numbering = _numbering_of(p, style.numbering)
        marker = self.numbering.marker(*numbering) if numbering else None
        if level:
            heading = " ".join((f"{marker} {text}" if marker else text).split())
            if level == 1 and not self.first_heading:
                self.first_heading = heading
            return "#" * min(level, MARKDOWN_LEVELS) + " " + heading, None
        if marker is None or numbering is None:
            return text, None
        indent = LEVEL_INDENT * numbering[1]
        return (f"{indent}{marker} {text}" if marker else indent + text), numbering[0]

    def _deepest_level(self) -> int:
        """The deepest heading level of the body's paragraphs (0: none), read once."""
        if self.deepest is None:
            levels = (
                _outline_level(element) or self._traits(element.style).level or 0
                for element in _block_elements(self.document.element.body)
                if element.tag != TABLE_TAG
            )
            self.deepest = max(levels, default=0)
        return self.deepest

    def _traits(self, style_id: str | None) -> _StyleTraits:
        """What the paragraph style `style_id` says (read once a style)."""
        key = style_id or ""
        if key not in self.styles:
            self.styles[key] = _style_traits(self._style(style_id) if style_id else None)
        return self.styles[key]

    def _style(self, style_id: str) -> Any:
        from docx.enum.style import WD_STYLE_TYPE

        return self.document.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)


def _style_traits(style: Any) -> _StyleTraits:
    """The traits of a paragraph style, read up its base styles."""
    level: int | None = None
    numbering: tuple[str, int] | None = None
    contents = style is not None and TOC_STYLE.fullmatch(style.name or "") is not None
    title = False
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        name = style.name or ""
        matched = HEADING_STYLE.fullmatch(name)
        if level is None:
            title = name.lower() == "title"
            level = 1 if title else int(matched[1]) if matched else None
            level = level or _outline_level(style.element)
        numbering = numbering or _numbering_of(style.element, None)
        style = style.base_style
    return _StyleTraits(level, numbering, contents, title)


def _outline_level(element: Any) -> int | None:
    """The heading level of a paragraph's or style's Word outline level (0: level 1; 9 is
    body text), None when it sets none."""
    values = _xpath(element, "./w:pPr/w:outlineLvl/@w:val")
    level = int(values[0]) + 1 if values and str(values[0]).isdigit() else None
    return level if level is not None and level <= 9 else None


def _numbering_of(element: Any, styled: tuple[str, int] | None) -> tuple[str, int] | None:
    """The (num id, level) of a paragraph's or style's numbering over the one its style
    gives (`styled`): its own list, or its style's at its own level; None for none (num id 0
    takes a style's numbering off)."""
    ids = _xpath(element, "./w:pPr/w:numPr/w:numId/@w:val")
    levels = _xpath(element, "./w:pPr/w:numPr/w:ilvl/@w:val")
    num_id = str(ids[0]) if ids else styled[0] if styled else None
    if num_id is None or num_id == "0":
        return None
    level = int(levels[0]) if levels and str(levels[0]).isdigit() else None
    return num_id, min(level if level is not None else styled[1] if styled and not ids else 0, 8)


class _Numbering:
    """Word's list numbers as it renders them: each list's counters, its levels' formats."""

    def __init__(self, document: Any) -> None:
        self.definitions = _numbering_element(document)
        self.counters: dict[str, list[int | None]] = {}
        """Each list's last number at each level (None: no item at that level yet)."""
        self.levels: dict[tuple[str, int], tuple[str, str, int] | None] = {}

    def marker(self, num_id: str, level: int) -> str | None:
        """The marker of the next item of list `num_id` at `level` ("3.", "-", "" for a
        level with no number), None for no list (num id 0, or one not defined)."""
        if num_id == "0" or self.definitions is None:
            return None
        shape = self._level(num_id, level)
        if shape is None:
            return None
        counters = self.counters.setdefault(num_id, [None] * 9)
        last = counters[level]
        counters[level] = shape[2] if last is None else last + 1
        counters[level + 1 :] = [None] * (8 - level)
        if shape[0] == "bullet":
            return "-"
        return re.sub(r"%([1-9])", lambda found: self._number(num_id, int(found[1]) - 1), shape[1])

    def _number(self, num_id: str, level: int) -> str:
        shape = self._level(num_id, level)
        count = self.counters[num_id][level]
        count = count if count is not None else shape[2] if shape else 1
        return _formatted(count, shape[0] if shape else "decimal")

    def _level(self, num_id: str, level: int) -> tuple[str, str, int] | None:
        """A list level's number format, text ("%1.") and start, as its definition says."""
        if (num_id, level) not in self.levels:
            self.levels[(num_id, level)] = _level_shape(self.definitions, num_id, level)
        return self.levels[(num_id, level)]


def _numbering_element(document: Any) -> Any:
    """The document's numbering definitions (word/numbering.xml), None when it has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return None


def _level_shape(definitions: Any, num_id: str, level: int) -> tuple[str, str, int] | None:
    """A list level's (number format, text, start): the level of the list's abstract
    definition, or the one its list overrides it with (`w:lvlOverride`: a `w:lvl`, a
    `w:startOverride`, as Word writes a list restarted at 1); None for a list not defined."""
    instance = _xpath(definitions, "./w:num[@w:numId=$id]", id=num_id)
    abstract = _xpath(instance[0], "./w:abstractNumId/@w:val") if instance else []
    if not abstract:
        return None
    override = _xpath(instance[0], "./w:lvlOverride[@w:ilvl=$level]", level=str(level))
    path = "./w:abstractNum[@w:abstractNumId=$id]/w:lvl[@w:ilvl=$level]"
    found = (_xpath(override[0], "./w:lvl") if override else []) or _xpath(
        definitions, path, id=str(abstract[0]), level=str(level)
    )
    restart = _xpath(override[0], "./w:startOverride/@w:val") if override else []
    start = restart or (_xpath(found[0], "./w:start/@w:val") if found else [])
    first = int(start[0]) if start and str(start[0]).isdigit() else 1
    if not found:
        return ("decimal", f"%{level + 1}.", first)
    shape = _xpath(found[0], "./w:numFmt/@w:val")
    text = _xpath(found[0], "./w:lvlText/@w:val")
    return (str(shape[0]) if shape else "decimal", str(text[0]) if text else "", first)


WORD_SHAPES = {
    "lowerLetter": "alphalc", "upperLetter": "alphauc",
    "lowerRoman": "romanlc", "upperRoman": "romanuc",
}  # fmt: skip
"""Word's number formats written in letters or roman numerals, as listcounts.count_text names
them (which writes past 780, 26 x 30 letters, in digits, as it does below 1)."""


def _formatted(count: int, shape: str) -> str:
    """`count` in a Word number format (decimal for one not written here)."""
    return "" if shape == "none" else count_text(count, WORD_SHAPES.get(shape, "decimal"))


TABLE_OF_CONTENTS = "./w:sdtPr/w:docPartObj/w:docPartGallery[@w:val='Table of Contents']"
"""A content control holding Word's table of contents (References > Table of Contents); the
other building blocks in the body (a cover page, a bibliography) are read."""


def _block_elements(container: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body in order, content controls and custom XML opened
    but for a table of contents."""
    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
        elif tag == "sdt" and not _xpath(child, TABLE_OF_CONTENTS):
            yield from _block_elements_of(_xpath(child, "./w:sdtContent"))
        elif tag in ("customXml", "ins", "moveTo"):
            yield from _block_elements(child)


def _block_elements_of(contents: list[Any]) -> Iterator[Any]:
    for content in contents:
        yield from _block_elements(content)


def paragraph_text(p: Any, marks: dict[str, str] | None = None) -> str:
    """A paragraph's text as Word shows it (`RUNS`): tabs as tabs, line breaks as "\\n", a
    non-breaking hyphen as "-" (as python-docx's Run.text writes them; read here with one
    compiled XPath a paragraph, where Run.text compiles one a run: 1.6 of 3.6 s reading 1 MB
    of XML, benchmarks/docx_read.py), a footnote's reference as its mark in `marks` (its id's:
    "[1]"; none without)."""
    return "".join(
        (marks or {}).get(piece.get(_ID), "")
        if piece.tag == _FOOTNOTE_REFERENCE
        else _RUN_TEXT.get(piece.tag, piece.text or "")
        for piece in _xpath(p, RUN_PIECES)
    )


def _table_text(tbl: Any) -> str:
    """A table of two rows and two columns or more as a Markdown pipe table (a header row,
    a rule, a row a line) below its caption rows (`_caption_rows`) written as paragraphs; any
    other table, or one whose rows cannot be laid out, as its paragraphs."""
    try:
        rows = [row for row in _grid_rows(tbl) if any(row.cells)]
    except Exception:  # lxml on a malformed row (any error): the table read as paragraphs
        rows = []
    captions = _caption_rows(rows)
    table = [row.cells for row in rows[captions:]]
    width = max((len(cells) for cells in table), default=0)
    if len(table) < 2 or width < 2:
        texts = (paragraph_text(p).strip() for p in tbl.iter(PARAGRAPH_TAG))
        return "\n\n".join(text for text in texts if text)
    above = [row.cells[0] for row in rows[:captions]]
    records = table if width == 2 and is_key_value(table, _marks(rows[captions:])) else table[1:]
    lines = [_row(table[0], width), "|" + " --- |" * width]
    lines += [_row(cells, width) for cells in records]
    return "\n\n".join([*above, "\n".join(lines)])


def _marks(rows: list[_GridRow]) -> TableMarks:
    """What a two-column table's formatting says (keyvalues.TableMarks): its first row
    repeated as a header, its first column bold in every row where the second is not."""
    labels_bold = all(row.bold[:1] == (True,) for row in rows)
    values_bold = all(row.bold[1:2] == (True,) for row in rows)
    return TableMarks(rows[0].header, labels_bold and not values_bold)


class _GridRow(NamedTuple):
    """A table row's cell texts laid on the table's grid, and whether it is one cell
    merged across two columns or more (a caption: "Budget 2026" over the header)."""

    cells: list[str]
    merged_across: bool
    header: bool = False
    """Marked as a header row (`w:tblHeader`: repeated at the top of each page)."""
    bold: tuple[bool, ...] = ()
    """Whether each of its first two cells' text is bold throughout (`_all_bold`)."""


MAX_TABLE_COLUMNS = 1_000
"""The grid columns of a table read at most (Word allows 63): a cell's span past them is
a damaged or hostile file's."""
_OPENED = ("sdt", "sdtContent", "customXml")
"""The wrappers a row or a cell may stand in (a content control, custom XML): opened."""


def _grid_rows(tbl: Any) -> Iterator[_GridRow]:
    """Each row's cell texts, read in one pass of the table (rows and cells inside content
    controls and custom XML included): a cell spanning columns (`w:gridSpan`) written once,
    its other columns left empty; a cell continuing a vertical merge (`w:vMerge`) repeats
    the text of the cell that starts it (the row's key)."""
    merged_from: dict[int, str] = {}
    for tr in _wrapped_children(tbl, "tr"):
        yield _grid_row(tr, merged_from)


def _grid_row(tr: Any, merged_from: dict[int, str]) -> _GridRow:
    """A row's cell texts on the table's grid (`w:gridBefore` columns left empty first);
    `merged_from`: each grid column's text of the last cell a vertical merge may continue,
    updated."""
    cells = [""] * min(_int_value(tr, "./w:trPr/w:gridBefore/@w:val", 0), MAX_TABLE_COLUMNS)
    spans: list[int] = []
    bold: list[bool] = []
    for tc in _wrapped_children(tr, "tc"):
        if len(cells) >= MAX_TABLE_COLUMNS:
            break
        span = max(1, min(_int_value(tc, "./w:tcPr/w:gridSpan/@w:val", 1), MAX_TABLE_COLUMNS))
        cells += [_merged_text(tc, len(cells), merged_from)] + [""] * (span - 1)
        spans.append(span)
        if len(bold) < 2:
            bold.append(_all_bold(tc))
    header = bool(_xpath(tr, HEADER_ROW))
    merged = len(spans) == 1 and spans[0] > 1
    return _GridRow(cells[:MAX_TABLE_COLUMNS], merged, header, tuple(bold))


HEADER_ROW = "./w:trPr/w:tblHeader[not(@w:val='0' or @w:val='false')]"
"""A row marked as the table's header (Table Properties > Repeat as header row)."""
BOLD_RUNS = "count(.//w:r[w:t][w:rPr/w:b[not(@w:val='0' or @w:val='false')]])"
TEXT_RUNS = "count(.//w:r[w:t])"


def _all_bold(tc: Any) -> bool:
    """Whether a cell has text and every run of it is set bold (on the run itself)."""
    runs = _xpath(tc, TEXT_RUNS)
    return bool(runs) and _xpath(tc, BOLD_RUNS) == runs


def _merged_text(tc: Any, column: int, merged_from: dict[int, str]) -> str:
    """A cell's paragraphs joined by spaces, or the text of the cell above it whose vertical
    merge it continues (`w:vMerge` but "restart")."""
    merge = _xpath(tc, "./w:tcPr/w:vMerge")
    if merge and _xpath(merge[0], "string(@w:val)") != "restart":
        return merged_from.get(column, "")
    words = (paragraph_text(p) for p in tc.iter(PARAGRAPH_TAG))
    merged_from[column] = text = " ".join(" ".join(words).split())
    return text


def _wrapped_children(element: Any, name: str) -> Iterator[Any]:
    """`element`'s children named `name` in Word's namespace, those inside content controls
    and custom XML included, in order."""
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == name:
            yield child
        elif tag in _OPENED:
            yield from _wrapped_children(child, name)


def _int_value(element: Any, path: str, default: int) -> int:
    """The whole number an attribute of `path` states, `default` for none or no number."""
    values = _xpath(element, path)
    text = str(values[0]).strip() if values else ""
    return int(text) if text.isdigit() and len(text) < 8 else default


def _caption_rows(rows: list[_GridRow]) -> int:
    """How many of a table's first rows (at most MAX_CAPTION_ROWS) are one cell merged
    across the table: captions written as paragraphs above it, not its header row."""
    count = 0
    while count < min(MAX_CAPTION_ROWS, len(rows)) and rows[count].merged_across:
        count += 1
    return count


MAX_CAPTION_ROWS = 3
"""The most one-cell rows above a table read as its captions (a title, a subtitle)."""


def _row(cells: list[str], width: int) -> str:
    return pipe_row(cells + [""] * (width - len(cells)))


def _footnotes(document: Any) -> dict[str, tuple[str, str]]:
    """The document's footnotes with text by id: (mark, text), the mark "[n]" numbered in
    order as Word numbers them."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml

    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    except KeyError:
        return {}
    notes = _xpath(parse_xml(part.blob), "./w:footnote[not(@w:type)]")
    found: dict[str, tuple[str, str]] = {}
    for number, note in enumerate(notes, start=1):
        text = " ".join(paragraph_text(p).strip() for p in _xpath(note, ".//w:p")).strip()
        if text:
            found[str(note.get(_ID))] = (f"[{number}]", text)
    return found


@functools.cache
def _compiled(path: str) -> Any:
    from lxml import etree

    return etree.XPath(path, namespaces={"w": WORD_NAMESPACE})


def _xpath(element: Any, path: str, **variables: str) -> Any:
    """`path` (its "w:" prefix Word's namespace, its `$name` the `variables`: values read
    from the file are never written into a path) evaluated at `element`, any lxml element
    (python-docx's own and those of the parts it leaves unparsed alike)."""
    return _compiled(path)(element, **variables)


READERS = (DocxReader(),)
