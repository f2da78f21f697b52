"""Excel workbooks (.xlsx, .xlsm): each sheet's rows as a .csv file's are read, under a heading
naming the sheet.

A workbook's text is, sheet by sheet in the workbook's order, a heading "## Budget 2026" (the
sheet's name: a citation names the sheet its row stands in, or the title line the sheet opens
with, which stands under it) over the sheet's rows written as
readers/delimited.py writes a .csv file's records (`pipe_table`: the first row the header row
over a `|---|` rule, a column empty in every row left out, short rows padded), so that
tables.py and keyedrows.py find a row's header and a row by its key ("Who resolved ticket
4512?") as in a .csv export. Each cell is written as the sheet shows it (cellvalues.py: "3"
not "3.0", a date as "2025-09-14", "25%"), a formula as the value the spreadsheet program
saved with it, or as its formula ("=SUM(B2:B9)", with a warning) in a file no spreadsheet
program ever saved (written by a script: it holds no value), a merged cell once (its first
cell holds the value, the others none). Hidden rows and columns are left out as hidden sheets
are, with a warning counting them, but not the rows a filter hides (readers/sheetrows.py says
why). Blank rows are left out; rows holding one cell
above the sheet's first row of two or more (a title, "Prepared by Finance") are written as
lines of their own over the table, not as its header (unless that row holds a number other
than a year, "Department | 2025 | 2026" being a header: it is then a record, under a one-cell
header; or more than three such rows stand above it: a column of values); a sheet whose first
row is no header
row (delimited.is_header_row: a sentence, a note) is written as plain text, a paragraph a
row. Empty sheets and chart sheets are left out; hidden sheets too (a person reading the
workbook does not see them), with a warning naming them.

A sheet whose name is blank is headed by its place ("## Sheet 2").

Read by openpyxl in read-only mode (streamed, a row at a time), imported on the first
workbook read only (0.2-1.2 s of wall time on this shared machine: a corpus without one
never pays it). Bounded, and a file that
is no workbook is skipped with a reason, never a traceback (readers/officezip.py, shared with
the .docx reader):
- not a zip archive: an old binary .xls renamed, or a password-protected workbook (both are
  OLE files; the encrypted one holds an "EncryptedPackage" stream), or no workbook at all;
- a damaged zip archive; a zip archive without xl/workbook.xml (a .docx renamed); a workbook
  saved as Strict Open XML (openpyxl reads none of it);
- one whose parts unpack to more than MAX_UNPACKED bytes, or its table of strings (which
  openpyxl parses whole) to more than MAX_STRINGS or than officezip.MAX_XML_RATIO times the
  file's size, check_expansion's floor at least (MAX_XML_FLOOR, or MAX_FLOOR_RATIO times a
  file under 20 KB: a zip bomb; sizes read from the archive's directory,
  which zipfile never reads past; the table of strings found by its content type, as
  openpyxl finds it, whatever its name);
- at most MAX_CELLS cells of a workbook are read (a sheet of a million rows: "read the
  first 28,571 rows of sheet 'big'"; a missing row number counts as a cell, as openpyxl
  yields an empty row for each: a 5 KB sheet holding rows 1 and 10,000,000 cost 4 s of CPU)
  and MAX_COLUMNS columns of a sheet, each with a warning;
- a cell of text pointing at no string of the table of strings (`<c t="s"><v>99999</v>`, a
  negative or non-numeric index: a damaged or hand-made file) reads as empty, with one warning
  saying how many, as Excel repairs such a file (openpyxl raised IndexError or ValueError,
  which lost the whole workbook).
OpenDocument sheets (.ods) are read by readers/odf.py, which writes their sheets with
`sheet_text` and bounds them by MAX_CELLS and MAX_COLUMNS too.

Titled by the workbook's own title (File > Properties) when it states one, else by the file's
name without its ending, as a .csv file is.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from citeqa.dates import YEAR_DIGITS
from citeqa.export_names import without_page_id
from citeqa.models import counted
from citeqa.readers import officezip
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.cellvalues import cell_text
from citeqa.readers.delimited import is_header_row, pipe_table
from citeqa.visible import shown

MAX_CELLS = 200_000
"""The cells of a workbook read at most: openpyxl reads some 55,000 cells a CPU second
(benchmarks/xlsx_read.py: 200,000 cells of a 40,000-row workbook in 3.7 s of CPU, 12 s of wall
time on this shared 2-core machine at load 10; a file without a <dimension>, as scripts write,
adds openpyxl's scan of each whole sheet for its size when it is opened), so a workbook costs a
few seconds at most, and 200,000 cells (28,000 rows of seven columns) is far past a sheet one
reads rows of. Indexing those rows costs more than reading them (28,575 sentences embedded in
418 s of wall time, 3 min of CPU, at load 10)."""
MAX_COLUMNS = 1_000
"""The columns of a sheet read at most (Excel allows 16,384): past them a row is no record one
reads, and a header row that wide is carried by no chunk (tables.HEADER_CARRIED)."""
MAX_UNPACKED = 256 * 1024 * 1024
"""The most bytes a workbook's parts may unpack to (benchmarks/xlsx_read.py's 100,000 rows of
seven cells, text written in each cell, are 48 MB of XML; a million rows of three numbers 126
MB, read in 10.9 s of CPU, 55 s of wall time at load 11, "read the first 66,667 rows": written
by a script without a <dimension>, each sheet is scanned whole when opened); past it a file is
a zip bomb or a data dump, skipped."""
MAX_STRINGS = 32 * 1024 * 1024
"""The most bytes a workbook's table of strings (xl/sharedStrings.xml) may unpack to: openpyxl
holds it whole in memory before any row is read, so MAX_CELLS does not bound it (32 MB of
one-letter strings are two million Python strings; a sheet one reads holds far fewer)."""
WORKBOOK_PART = "xl/workbook.xml"
STRINGS_PART = "xl/sharedstrings.xml"
"""Lower case: the part's name as compared."""
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
"""The content type openpyxl finds the table of strings by, whatever the part's name."""

OLD_BINARY = "an old binary Excel file (.xls) renamed: save it as .xlsx or export it as .csv"
ENCRYPTED = "password-protected (encrypted): save it without a password to read it"
NOT_ZIP = "not an Excel workbook (not a zip archive)"
DAMAGED = "not a readable Excel workbook: the file is damaged or incomplete"
SHEET_DAMAGED = "a sheet cannot be read: the file is damaged or incomplete"
NO_WORKBOOK = f"a zip archive without a workbook ({WORKBOOK_PART}): not an Excel workbook"
STRICT = (
    "a Strict Open XML workbook, which citeqa cannot read: save it as a normal Excel workbook"
    " (.xlsx) to read it"
)
WORKBOOK_FILE = officezip.Kind(
    main_part=WORKBOOK_PART,
    old_binary=OLD_BINARY,
    encrypted=ENCRYPTED,
    not_zip=NOT_ZIP,
    damaged=DAMAGED,
    missing_part=NO_WORKBOOK,
    strict=STRICT,
)
HIDDEN = "{relative}: hidden sheets not read: {names}"
CUT_ROWS = (
    "{relative}: read the first {rows:,} rows of sheet '{sheet}' ({cells:,} cells read in all)"
)
CUT_COLUMNS = "{relative}: read the first {columns:,} columns of sheet '{sheet}'"
CUT_TABLES = "{relative}: read the first {cells:,} cells of its tables; the rest of them left out"
"""The warning of a deck's or document's tables cut at MAX_CELLS cells (the .pptx and .odf
readers')."""
NOT_A_TABLE = "{relative}: sheet '{sheet}' has no header row; read as plain text"
HIDDEN_CELLS = "{relative}: sheet '{sheet}': hidden, not read: {hidden}"
UNSAVED_FORMULAS = (
    "{relative}: sheet '{sheet}': {formulas} without a saved value (no spreadsheet program"
    " saved the file), read as the formula; open and save it in one to read the values"
)
PLAIN_ROWS = (
    "{relative}: sheet '{sheet}': hidden rows and columns read and formulas without a saved"
    " value read as empty: openpyxl {version} is not the version citeqa reads them with (3.1)"
)
"""Sheet names in warnings are as `visible.shown` shows any name (they were written with
`!r`: Python's escapes, "'Wide\\u202eevil'", shown to users)."""
NO_SUCH_STRING = (
    "{relative}: {cells:,} cells pointing at no string of the workbook read as empty"
    " (a damaged file, repaired as Excel repairs it)"
)
_STRING_CELL_VALUE = re.compile(
    rb"(<(?:\w+:)?c\b[^>]*?\bt=[\"']s[\"'][^>]*>\s*)<((?:\w+:)?v)>([^<]*)</\2>"
)
"""A shared-string cell's <v> element (its index in the table of strings), in a sheet's XML."""
_CELL_REFERENCE = re.compile(rb"(<(?:\w+:)?c\b[^>]*?)\s+r=[\"']([^\"']*)[\"']")
"""A cell's reference (`r="B2"`), in a sheet's XML."""
_VALID_REFERENCE = re.compile(rb"[A-Za-z]{1,3}\d{1,9}")
BAD_REFERENCES = (
    "{relative}: {cells} naming no place a sheet has (a damaged file), read in row order"
)


class XlsxReader:
    """An Excel workbook: every visible sheet's rows, as a .csv file's under the sheet's name."""

    kind = "xlsx"
    suffixes = (".xlsx", ".xlsm")
    decoded = False
    version = 5
    """3: hidden rows and columns left out, unsaved formulas read (sheetrows.py); 4: string
    cells pointing at no string read as empty (`_StringTable`), sheet names shown plain; 5: a
    gap of missing row numbers counts no cells (sheetrows.SheetRows)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        raw = content.encode() if isinstance(content, str) else content
        _check_archive(raw)
        reading = SheetReading(relative)
        with warnings.catch_warnings():  # openpyxl warns of parts it leaves aside (styles...)
            warnings.simplefilter("ignore")
            title = _read_workbook(raw, reading)
        name = title or PurePosixPath(without_page_id(PurePosixPath(relative).name)).stem
        return Extracted("\n".join(reading.sheets), title=name[:TITLE_MAX], warnings=reading.notes)


@dataclass
class SheetReading:
    """What has been read of a workbook: each sheet's text, the warnings, the cells read."""

    relative: str
    sheets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cells: int = 0
    missing_strings: int = 0
    """Cells of text pointing at no string of the table (`_StringTable`), read as empty."""

    def note(self, warning: str, **fields: object) -> None:
        """Add `warning` (a template of this module's) about this workbook, filled in."""
        self.notes.append(warning.format(relative=self.relative, **fields))


def _check_archive(raw: bytes) -> None:
    """UnreadableDocument unless `raw` is a zip archive holding a workbook (officezip) that
    unpacks to at most MAX_UNPACKED bytes, its table of strings to at most MAX_STRINGS."""
    parts = officezip.package_parts(raw, WORKBOOK_FILE)
    officezip.check_size(sum(part.file_size for part in parts), MAX_UNPACKED, "in all")
    named = officezip.parts_of_type(raw, STRINGS_TYPE) | {STRINGS_PART}
    strings = (part.file_size for part in parts if part.filename.lower() in named)
    officezip.check_expansion(sum(strings), len(raw), MAX_STRINGS, "of strings")


def _read_workbook(raw: bytes, reading: SheetReading) -> str | None:
    """Read the workbook's sheets into `reading`; its stated title, or None. A sheet holding
    a string cell whose index is no number (openpyxl's int() raises ValueError) is read again
    with those cells emptied (`_without_unnumbered_strings`), one holding a cell reference that
    names no cell ("ZZZZZZ99") without those references (`_without_bad_references`): the
    sheets' XML is scanned only then, never on a sound file."""
    try:
        return _read_book(raw, reading)
    except _BadReference:
        mended, dropped = _without_bad_references(raw)
        if not dropped:  # openpyxl refused a reference this module takes for sound
            raise UnreadableDocument(SHEET_DAMAGED) from None
        again = SheetReading(reading.relative)
        title = _read_workbook(mended, again)
        reading.sheets, reading.notes, reading.cells = again.sheets, again.notes, again.cells
        reading.note(BAD_REFERENCES, cells=counted(dropped, "cell", grouped=True))
        return title
    except _UnnumberedString:
        mended, emptied = _without_unnumbered_strings(raw)
        again = SheetReading(reading.relative, missing_strings=emptied)
        title = _read_book(mended, again, emptied=True)
        reading.sheets, reading.notes, reading.cells = again.sheets, again.notes, again.cells
        reading.missing_strings = again.missing_strings
        return title
    finally:
        if reading.missing_strings:
            reading.note(NO_SUCH_STRING, cells=reading.missing_strings)


class _UnnumberedString(Exception):
    """A sheet's string cell whose index is no number: read again, emptied."""


class _BadReference(Exception):
    """A sheet's cell whose reference names no cell ("ZZZZZZ99"): read again without it."""


def _read_book(raw: bytes, reading: SheetReading, *, emptied: bool = False) -> str | None:
    """The workbook read with openpyxl (`_read_workbook`; `emptied`: its unnumbered string
    cells were emptied, so none can be left to retry on). openpyxl raises assorted errors on a
    damaged workbook (KeyError, XML errors, ValueError...), so any is caught here, at the
    library's boundary, and the file skipped with one plain reason (openpyxl's messages name
    its internals: "ValueError: 'ZZZZZZ' is not a valid column name", "ParseError: undefined
    entity")."""
    import openpyxl  # here: 0.2-1.2 s, paid only when a workbook is read

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # a damaged workbook
        raise UnreadableDocument(DAMAGED) from None
    try:
        _read_sheets(book, reading)
        return (book.properties.title or "").strip() or None
    except ValueError as error:
        if _unnumbered_string(error) and not emptied:
            raise _UnnumberedString from None
        if "is not a valid column name" in str(error) and not emptied:  # openpyxl's words
            raise _BadReference from None
        raise UnreadableDocument(SHEET_DAMAGED) from None
    except Exception:  # a damaged sheet part
        raise UnreadableDocument(SHEET_DAMAGED) from None
    finally:
        book.close()


def _unnumbered_string(error: ValueError) -> bool:
    """Whether openpyxl's ValueError is its int() of a string cell's index (no number)."""
    return str(error).startswith("invalid literal for int()")


def _without_unnumbered_strings(raw: bytes) -> tuple[bytes, int]:
    """The workbook with every string cell whose index is no number left without a value (an
    empty cell), and how many there were; each sheet part rewritten, the others copied."""
    emptied = 0

    def emptied_value(match: re.Match[bytes]) -> bytes:
        nonlocal emptied
        if match[3].strip().lstrip(b"-").isdigit():
            return match[0]
        emptied += 1
        return match[1]

    return _rewritten_sheets(raw, _STRING_CELL_VALUE, emptied_value), emptied


def _without_bad_references(raw: bytes) -> tuple[bytes, int]:
    """The workbook with every cell reference that names no cell left out of its sheets (the
    cell is then placed after the one before it in its row, as openpyxl places a cell without
    one), and how many there were; each sheet part rewritten, the others copied."""
    dropped = 0

    def checked(match: re.Match[bytes]) -> bytes:
        nonlocal dropped
        if _VALID_REFERENCE.fullmatch(match[2]):
            return match[0]
        dropped += 1
        return match[1]

    return _rewritten_sheets(raw, _CELL_REFERENCE, checked), dropped


def _rewritten_sheets(
    raw: bytes, pattern: re.Pattern[bytes], replace: Callable[[re.Match[bytes]], bytes]
) -> bytes:
    """The workbook `raw` with `pattern`'s matches in each sheet part replaced by `replace`'s
    bytes, the other parts copied."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.lower().startswith("xl/worksheets/"):
                data = pattern.sub(replace, data)
            copy.writestr(info.filename, data)
    return out.getvalue()


class _StringTable(Sequence[Any]):
    """A workbook's table of strings as a sheet reads it: an index past it, or negative
    (Python would read it from the end), gives an empty cell and is counted, where openpyxl
    raised IndexError for the whole workbook."""

    def __init__(self, strings: Sequence[Any], reading: SheetReading) -> None:
        self._strings, self._reading = strings, reading

    def __len__(self) -> int:
        return len(self._strings)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int) and not 0 <= index < len(self._strings):
            self._reading.missing_strings += 1
            return None
        return self._strings[index]


def _read_sheets(book: Any, reading: SheetReading) -> None:
    """Each visible worksheet's text into `reading`, until MAX_CELLS cells are read."""
    hidden = [sheet.title for sheet in book.worksheets if sheet.sheet_state != "visible"]
    if hidden:
        reading.note(HIDDEN, names=", ".join(map(shown, hidden)))
    for number, sheet in enumerate(book.worksheets, start=1):
        if sheet.sheet_state != "visible" or reading.cells >= MAX_CELLS:
            continue
        records = _records(sheet, reading)
        if records:
            name = " ".join(cell_text(sheet.title).split()) or f"Sheet {number}"
            reading.sheets.append(sheet_text(name, records, reading))


def _records(sheet: Any, reading: SheetReading) -> list[list[str]]:
    """The sheet's non-blank rows, each the list of its cells as shown (trailing blanks off),
    its hidden rows and columns left out unless a filter hides the rows (sheetrows.py), a
    formula without a saved value as its formula, at most MAX_COLUMNS columns, until the
    workbook's MAX_CELLS cells are read (a warning then says how many rows were, another when
    columns were left out, when hidden rows or columns were, and when formulas had no value)."""
    # openpyxl's sheet parser looks its string cells up in this attribute (3.0 to 3.1)
    if isinstance(getattr(sheet, "_shared_strings", None), list):
        sheet._shared_strings = _StringTable(sheet._shared_strings, reading)
    rows = _sheet_rows(sheet, reading)
    records: list[tuple[list[str], bool]] = []
    count, widest = 0, 0
    for row, hidden in rows:
        if reading.cells >= MAX_CELLS:
            reading.note(CUT_ROWS, sheet=shown(sheet.title), rows=count, cells=reading.cells)
            break
        count, widest = count + 1, max(widest, len(row))
        reading.cells += len(row) or 1  # a row of no cells (PlainRows: a missing row number)
        cells = [cell_text(cell.value, cell.number_format) for cell in row[:MAX_COLUMNS]]
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            records.append((cells, hidden))
    if widest > MAX_COLUMNS:
        reading.note(CUT_COLUMNS, sheet=shown(sheet.title), columns=MAX_COLUMNS)
    return _shown(records, rows, sheet.title, reading)


def _sheet_rows(sheet: Any, reading: SheetReading) -> Any:
    """The sheet's rows through sheetrows.py's SheetRows, or, should this openpyxl's private
    sheet parser not be as it expects, through its public rows (PlainRows), with a warning."""
    from openpyxl import __version__

    from citeqa.readers.sheetrows import PlainRows, SheetRows, parser_works

    if parser_works(sheet):
        return SheetRows(sheet)
    reading.note(PLAIN_ROWS, sheet=shown(sheet.title), version=shown(__version__))
    return PlainRows(sheet)


def _shown(
    records: list[tuple[list[str], bool]], rows: Any, name: str, reading: SheetReading
) -> list[list[str]]:
    """The `records` a person sees: hidden ones left out unless a filter hid them (`rows`:
    the sheet's SheetRows, read) or the sheet was cut at MAX_CELLS before its <autoFilter>
    (nothing dropped on a guess), with a warning of what was hidden and of formulas read."""
    kept = rows.filtered or not rows.read  # a sheet cut short: its filter's state unknown
    hidden = 0 if kept else sum(1 for _, is_hidden in records if is_hidden)
    counts = ((hidden, "row"), (rows.hidden_columns, "column"))
    said = [counted(number, noun, grouped=True) for number, noun in counts if number]
    if said:
        reading.note(HIDDEN_CELLS, sheet=shown(name), hidden=" and ".join(said))
    if rows.formulas:
        formulas = counted(rows.formulas, "formula", grouped=True)
        reading.note(UNSAVED_FORMULAS, sheet=shown(name), formulas=formulas)
    return [cells for cells, is_hidden in records if kept or not is_hidden]


def sheet_text(name: str, records: list[list[str]], reading: SheetReading) -> str:
    """A sheet's heading over its lead lines (`_lead_rows`) and its rows as a pipe table, or
    over its rows as paragraphs when its first row is no header row (a warning says so)."""
    lead = _lead_rows(records)
    lines = [f"## {name}", ""]
    lines += [part for cells in records[:lead] for part in (_paragraph(cells), "")]
    table = records[lead:]
    if is_header_row(table[0]):
        return "\n".join(lines) + "\n" + pipe_table(table)
    reading.note(NOT_A_TABLE, sheet=shown(name))
    return "\n".join(lines + [part for cells in table for part in (_paragraph(cells), "")])


def _lead_rows(records: list[list[str]]) -> int:
    """How many of the first rows hold one cell each above the first row of two cells or more
    (a sheet's title, a "Prepared by" line): written as lines, not as the table's header.
    None when no row holds two cells (a list of one column is a table of one column), when
    more than MAX_LEAD_ROWS do (a column of values with a row of two below it), or when that
    row holds a number other than a year: it is a record, and the one-cell row above it the
    header of a table whose other columns have no name ("name" over "Ana | 12"); a header of
    years ("Department | 2025 | 2026") is a header."""
    for number, cells in enumerate(records[: MAX_LEAD_ROWS + 1]):
        filled = [cell.strip() for cell in cells if cell.strip()]
        if len(filled) > 1:
            numbers = [cell for cell in filled if _NUMBER.fullmatch(cell)]
            return number if all(_YEAR.fullmatch(cell) for cell in numbers) else 0
    return 0


MAX_LEAD_ROWS = 3
"""The most one-cell rows read as lines above a sheet's table (a title, a subtitle, a
"Prepared by" line); more are a column of values, read as the table's rows."""
_NUMBER = re.compile(r"-?[\d,]*\d(?:\.\d+)?%?")
"""A cell as cellvalues writes a number ("12", "-1,250.50", "25%"): a record's, no header's."""
_YEAR = re.compile(YEAR_DIGITS)
"""A number a header row names a column with: a year (1800-2199)."""


def _paragraph(cells: list[str]) -> str:
    """A row's non-blank cells on one line, as a paragraph of plain text."""
    return " ".join(" ".join(cell.split()) for cell in cells if cell.strip())


READERS = (XlsxReader(),)
