"""PowerPoint decks (.pptx): each slide's title, text, tables and speaker notes, written as
readers/slidetext.py writes a deck (a section a slide, "## Slide 3 · Quarterly revenue").

python-pptx (MIT, the well-kept reader of PowerPoint's Open XML package: slides, shapes,
placeholders, tables, notes, core properties; it brings lxml, Pillow and XlsxWriter) opens the
file; it is imported only when a deck is read (`import pptx`: 0.09-0.13 s cumulative under
`python -X importtime`, on this shared 2-core machine at load 1). What a slide shows:
- its title (the title placeholder) in its heading;
- its shapes in reading order, which is the order of the slide's shape tree (PowerPoint's
  Selection and Reading Order panes list them so, and screen readers read them so; a position
  sort would interleave two columns): text frames paragraph by paragraph, a bullet paragraph
  (a body placeholder's, as the layout bullets them, unless it sets `buNone`; any shape's with
  `buChar` or `buAutoNum`) a list line at its level, an auto-numbered one numbered; tables
  as pipe tables (a merged cell once; at most xlsx.MAX_CELLS cells in all the deck's tables,
  with a warning, as an ODF presentation's); grouped shapes walked in their group's order;
- the footer, date and slide-number placeholders are not read (they repeat on every slide),
  nor pictures, charts or SmartArt (no text of the slide's own part); a placeholder left empty
  on a slide has no text of its own: the layout's prompt ("Click to add title") is never read,
  as layouts and masters are not;
- its speaker notes after it ("### Speaker notes"), quotable;
- hidden slides are read, their heading saying "(hidden)" (slidetext.py says why);
- a shape python-pptx cannot read (it raises on an attribute value it refuses) is left out
  with a warning naming its slide, the rest of the deck read (a group's other members too).

Titled by the core properties' title (File > Info) when it states one other than the
template's "PowerPoint Presentation", else by the first slide's title, else as any text is.

Bounded, and a file that is no deck is skipped with one reason, never a traceback
(readers/officezip.py, shared with the .docx and .xlsx readers): an old binary .ppt renamed or
a password-protected deck (OLE files), no zip, a damaged zip, one without a presentation part,
a Strict Open XML one, one whose XML unzips to more than MAX_XML_BYTES (or than
officezip.MAX_XML_RATIO times the file's size, check_expansion's floor at least: MAX_XML_FLOOR,
or MAX_FLOOR_RATIO times a file under 20 KB; a zip bomb) or whose
parts to more than MAX_UNZIPPED_BYTES, or one of more than MAX_SLIDES slides (python-pptx
parses every part when it opens a deck, so these are checked from the zip's directory before
it does).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from citeqa.readers import officezip
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.slidetext import Lines, Slide, deck_text, numbered
from citeqa.readers.xlsx import CUT_TABLES, MAX_CELLS

MAX_XML_BYTES = 32 * 1024 * 1024
"""The most XML, once unzipped, a deck may hold: python-pptx parses every XML part whole with
lxml when it opens the deck (benchmarks/slides_odf_read.py prints the costs)."""
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
"""The most a deck's parts may unzip to in all (pictures and videos included: python-pptx
holds each part in memory)."""
MAX_SLIDES = 5_000
"""The most slides of a deck read (a long training deck has a few hundred); past them a file
is a machine-written dump, refused before python-pptx parses a part."""
PRESENTATION_PART = "ppt/presentation.xml"
_SLIDE_PART = re.compile(r"ppt/slides/slide\d+\.xml")
GENERIC_TITLE = "PowerPoint Presentation"
"""The title PowerPoint's blank template states: no title of the deck's own."""

ENCRYPTED = "password-protected PowerPoint file: save a copy without its password to read it"
OLD_PPT = "an old PowerPoint file (.ppt) named .pptx: save it again as .pptx to read it"
NOT_A_ZIP = "not a PowerPoint file: the file holds something else"
NOT_PPTX = f"not a PowerPoint deck: no {PRESENTATION_PART} in it (another zip named .pptx?)"
DAMAGED = "not a readable PowerPoint file: the file is damaged or incomplete"
STRICT = (
    "a Strict Open XML PowerPoint file, which citeqa cannot read: save it as a normal"
    " PowerPoint presentation (.pptx) to read it"
)
TOO_MANY_SLIDES = "{count:,} slides: more than citeqa reads in one deck ({limit:,})"
DECK_FILE = officezip.Kind(
    main_part=PRESENTATION_PART,
    old_binary=OLD_PPT,
    encrypted=ENCRYPTED,
    not_zip=NOT_A_ZIP,
    damaged=DAMAGED,
    missing_part=NOT_PPTX,
    strict=STRICT,
)
A_NAMESPACE = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SKIPPED_PLACEHOLDERS = {"FOOTER", "DATE", "SLIDE_NUMBER", "HEADER"}
"""Placeholders repeating on every slide: not read."""
TITLE_PLACEHOLDERS = {"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"}
BULLETED_PLACEHOLDERS = {"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT"}
"""Placeholders whose paragraphs the layout bullets (unless a paragraph sets `buNone`)."""


class PptxReader:
    """A PowerPoint deck: each slide's title, text and notes, a section a slide."""

    kind = "pptx"
    suffixes = (".pptx",)
    decoded = False
    version = 3

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        _check_package(raw)
        deck = _opened(raw)
        reading = _Reading()
        try:
            slides = [_slide(slide, n, reading) for n, slide in enumerate(deck.slides, 1)]
            stated = " ".join(str(deck.core_properties.title or "").split())
        except Exception as error:  # python-pptx or lxml on a malformed part: not the user's
            raise UnreadableDocument(DAMAGED) from error
        first = next((slide.title for slide in slides if slide.title), "")
        title = stated if stated and stated != GENERIC_TITLE else first
        warnings = [_skipped_warning(relative, reading.skipped)] if reading.skipped else []
        if reading.tables_cut:
            warnings.append(CUT_TABLES.format(relative=relative, cells=reading.cells))
        return Extracted(deck_text(slides), title=title[:TITLE_MAX] or None, warnings=warnings)


class _Reading:
    """What reading a deck keeps across its slides: the slides with a shape left out, the
    table cells read (at most MAX_CELLS in all the deck's tables: a 64 KB deck holds a table
    of 10,000 rows) and whether tables were cut at that budget."""

    def __init__(self) -> None:
        self.skipped: list[int] = []
        self.slide = 0
        self.cells = 0
        self.tables_cut = False


def _check_package(raw: bytes) -> None:
    """Refuse, with the reason, a file that is no .pptx one could read (officezip), one too
    large once unzipped, or one of more than MAX_SLIDES slides."""
    entries = officezip.office_parts(raw, DECK_FILE, MAX_XML_BYTES, MAX_UNZIPPED_BYTES)
    slides = sum(1 for entry in entries if _SLIDE_PART.fullmatch(entry.filename))
    if slides > MAX_SLIDES:
        raise UnreadableDocument(TOO_MANY_SLIDES.format(count=slides, limit=MAX_SLIDES))


def _opened(raw: bytes) -> Any:
    """python-pptx's Presentation of `raw`; DAMAGED when it cannot open it (it raises
    assorted errors on malformed packages and XML: none is the user's)."""
    import pptx

    try:
        return pptx.Presentation(io.BytesIO(raw))
    except Exception as error:
        raise UnreadableDocument(DAMAGED) from error


def _slide(slide: Any, number: int, reading: _Reading) -> Slide:
    """What the slide shows, and its notes; a shape python-pptx cannot read (an attribute
    of a value it refuses: it raises when the shape is read) is left out, its slide's number
    added to `reading.skipped`, rather than the deck refused."""
    read = Slide(number, hidden=slide.element.get("show") in ("0", "false"))
    reading.slide = number
    lines = Lines()
    for shape in slide.shapes:
        _read_shape(shape, read, lines, reading)
    read.blocks = lines.done()
    read.notes = _notes(slide)
    return read


def _read_shape(shape: Any, read: Slide, lines: Lines, reading: _Reading) -> None:
    """A shape: the slide's title into `read`, any other's text into `lines`; one python-pptx
    cannot read is left out (a group's member alone, not its whole group)."""
    try:
        kind = _placeholder_kind(shape)
        if kind in TITLE_PLACEHOLDERS and not read.title:
            read.title = " ".join(_frame_text(shape).split())
        elif kind not in SKIPPED_PLACEHOLDERS:
            _shape_lines(shape, kind, lines, reading)
    except Exception:  # python-pptx or lxml on a malformed shape: that shape only
        reading.skipped.append(reading.slide)


def _skipped_warning(relative: str, slides: list[int]) -> str:
    numbers = sorted(set(slides))
    named = ", ".join(str(number) for number in numbers[:10])
    more = " and more" if len(numbers) > 10 else ""
    slides_word = "slide" if len(numbers) == 1 else "slides"
    return f"{relative}: shapes that could not be read left out on {slides_word} {named}{more}"


def _placeholder_kind(shape: Any) -> str:
    """The name of the placeholder's type ("TITLE", "BODY"), "" for a shape that is none."""
    if not shape.is_placeholder:
        return ""
    kind = shape.placeholder_format.type
    return str(getattr(kind, "name", "") or "")


def _frame_text(shape: Any) -> str:
    return str(shape.text_frame.text) if shape.has_text_frame else ""


def _shape_lines(shape: Any, kind: str, lines: Lines, reading: _Reading) -> None:
    """A shape's text into `lines`: its text frame, its table, a group's shapes in order
    (each member read, or left out, on its own)."""
    from pptx.shapes.group import GroupShape

    if isinstance(shape, GroupShape):  # not `shape_type`: it raises on a shape of no geometry
        for member in shape.shapes:
            _read_member(member, lines, reading)
    elif getattr(shape, "has_table", False) and shape.has_table:
        lines.table(_table_rows(shape.table, reading))
    elif shape.has_text_frame:
        _frame_lines(shape.text_frame, kind in BULLETED_PLACEHOLDERS, lines)


def _read_member(member: Any, lines: Lines, reading: _Reading) -> None:
    """A group's member into `lines`, or left out alone when python-pptx cannot read it."""
    try:
        _shape_lines(member, _placeholder_kind(member), lines, reading)
    except Exception:  # python-pptx or lxml on a malformed member: that member only
        reading.skipped.append(reading.slide)


def _table_rows(table: Any, reading: _Reading) -> list[list[str]]:
    """A table's rows of cell texts, within the MAX_CELLS cells all the deck's tables share."""
    rows: list[list[str]] = []
    for cells in _row_cells(table):
        if reading.cells + len(cells) > MAX_CELLS:
            reading.tables_cut = True
            break
        reading.cells += max(1, len(cells))
        rows.append([_cell_text(cell) for cell in cells])
    return rows


def _row_cells(table: Any) -> Iterator[list[Any]]:
    """Each row's cells, the `a:tr` elements walked once through python-pptx's internals
    (`_tbl.tr_lst`, `_Row`): its row collection has no iterator, and indexing it rebuilds its
    list of rows each time (a table of n rows cost n², 8.5 s of CPU for 3,000 rows). Another
    python-pptx version without those internals is read through the public indexing instead
    (rows cut at MAX_CELLS bound its cost), as sheetrows.parser_works falls back on openpyxl's."""
    try:
        from pptx.table import _Row

        elements = list(table._tbl.tr_lst)
    except (ImportError, AttributeError):
        rows = table.rows
        for number in range(len(rows)):
            yield list(rows[number].cells)
        return
    collection = table.rows
    for tr in elements:
        yield list(_Row(tr, collection).cells)


def _cell_text(cell: Any) -> str:
    """A table cell's text, "" for a cell another one's merge covers (a merged cell once)."""
    return "" if cell.is_spanned else str(cell.text_frame.text)


def _frame_lines(frame: Any, bulleted: bool, lines: Lines) -> None:
    """A text frame's paragraphs: bullet paragraphs as list lines (numbered ones counted per
    level), others as paragraphs; a line break within a paragraph is a line break."""
    counters: dict[int, int] = {}
    for paragraph in frame.paragraphs:
        text = str(paragraph.text).replace("\v", "\n")
        level = int(paragraph.level or 0)
        bullet = _bullet(paragraph, bulleted)
        if not text.strip():
            continue
        if bullet is None:
            lines.paragraph(text)
            counters.clear()
            continue
        for deeper in [known for known in counters if known > level]:
            del counters[deeper]
        if bullet[0] == "number":
            counters[level] = counters.get(level, bullet[2] - 1) + 1
            lines.item(text, level, numbered(counters[level], bullet[1]))
        else:
            lines.item(text, level)


def _bullet(paragraph: Any, bulleted: bool) -> tuple[str, str, int] | None:
    """("bullet", "", 1), ("number", its scheme, its start) or None for a paragraph without a
    bullet: its own `a:buNone`, `a:buChar`, `a:buAutoNum`, else the placeholder's default."""
    properties = paragraph._p.pPr  # python-pptx exposes no bullet API: its own element
    if properties is not None:
        for child in properties.iterchildren():
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == f"{A_NAMESPACE}buNone":
                return None
            if tag in (f"{A_NAMESPACE}buChar", f"{A_NAMESPACE}buBlip"):
                return ("bullet", "", 1)
            if tag == f"{A_NAMESPACE}buAutoNum":
                start = str(child.get("startAt") or "1")
                first = int(start) if start.isdigit() and len(start) < 6 else 1
                return ("number", str(child.get("type") or "arabicPeriod"), first)
    return ("bullet", "", 1) if bulleted else None


def _notes(slide: Any) -> list[str]:
    """The slide's speaker notes as blocks (its notes placeholder's paragraphs)."""
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return []
    lines = Lines()
    _frame_lines(frame, False, lines)
    return lines.done()


READERS = (PptxReader(),)
