"""The rows of one worksheet of a workbook openpyxl opened read-only, as a person sees them,
for readers/xlsx.py: the hidden rows and columns left out, and a formula whose value no
spreadsheet program saved written as its formula.

Hidden rows and columns are left out as hidden sheets are (a person hides obsolete rows, and a
citation of one would point at what the sheet does not show), with a count the reader warns of
so nothing is dropped unsaid; but not the rows a filter hides (a sheet whose autoFilter filters
a column): a filter is a view a person sets for a while, its hidden rows are the table's.

A formula cell holds the value the spreadsheet program computed when it saved the file. A file
a script wrote (openpyxl, pandas) holds none: the cell read as empty, so "Total |" was quoted
with nothing beside it. It now reads as its formula ("=SUM(B2:B9)"), as the program's formula
bar shows it: what a person citing the sheet can check, where a blank says the cell is empty.

openpyxl's read-only worksheet yields neither: its rows carry no hidden flag, and its
data_only mode drops the formula of a cell without a value. Its sheet parser
(openpyxl.worksheet._reader.WorkSheetParser, the one the read-only worksheet streams rows
with) reads both, so the rows are streamed by it here, as ReadOnlyWorksheet._cells_by_row does
(openpyxl 3.1: a private module; pyproject keeps openpyxl to 3.1.x, the minor version it was
tested with (3.1.5), and tests/unit's workbook tests read hidden rows and formulas through it).
Should another version's parser not be as this module expects (ImportError, TypeError,
AttributeError when it is set up: `parser_works`), the reader reads the sheet's rows through
openpyxl's public iter_rows instead (`PlainRows`: hidden rows and columns read, a formula
without a saved value empty), with a warning, rather than lose the workbook.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_TRUE = ("1", "true")
"""How an XML boolean attribute says true."""


@functools.cache
def _parser_class() -> Any:
    """openpyxl's sheet parser in data_only mode, but a formula without a saved value reads as
    its formula; defined when first needed (every reader module is imported to register it:
    openpyxl is imported only when a workbook is read)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class FormulaParser(WorkSheetParser):
        formulas = 0
        """Formula cells read as their formula (no value saved)."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None:
                formula = (element.findtext(FORMULA_TAG) or "").strip()
                if formula:
                    cell.update(value=f"={formula}", data_type="s")
                    self.formulas += 1
            return cell

    return FormulaParser


def parser_works(sheet: Any) -> bool:
    """Whether openpyxl's private sheet parser can be set up on `sheet` as `SheetRows` does
    (another openpyxl version may have moved or changed it)."""
    try:
        with sheet._get_source() as source:
            _parser(sheet, source)
    except (ImportError, TypeError, AttributeError):
        return False
    return True


def _parser(sheet: Any, source: Any) -> Any:
    """openpyxl's sheet parser (`_parser_class`) over the sheet's XML `source`."""
    parser = _parser_class()(
        source,
        sheet._shared_strings,
        data_only=True,
        epoch=sheet.parent.epoch,
        date_formats=sheet.parent._date_formats,
        timedelta_formats=sheet.parent._timedelta_formats,
    )
    for used in ("parse", "row_dimensions", "column_dimensions"):
        getattr(parser, used)
    return parser


@dataclass
class PlainRows:
    """A worksheet's rows through openpyxl's public iter_rows, none said hidden, and no
    hidden columns, filter or formulas told (what `SheetRows` says when openpyxl's private
    parser is not as it expects)."""

    sheet: Any
    filtered: bool = False
    read: bool = True
    formulas: int = 0
    hidden_columns: int = 0

    def __iter__(self) -> Iterator[tuple[tuple[Any, ...], bool]]:
        self.sheet.reset_dimensions()  # a writer's wrong <dimension> would cut rows short
        for row in self.sheet.iter_rows():
            yield row, False


@dataclass
class SheetRows:
    """A worksheet's rows, each a tuple of its cells and whether the row is hidden (a missing
    row number yields nothing, where openpyxl yields an empty tuple for each: rows 1 and
    1,048,576 alone gave a million, counted against xlsx.MAX_CELLS), its hidden columns left
    out; once read,
    whether a filter hides its hidden rows (`filtered`: they are then the table's; `read`: the
    rows were read to the end, the <autoFilter> after them with them), and how many hidden
    columns held a value and formulas had no saved value."""

    sheet: Any
    filtered: bool = False
    read: bool = False
    formulas: int = 0
    _hidden_at: set[int] | None = None
    _hidden_held: set[int] = field(default_factory=set)
    """The hidden columns holding a value in a row read (hiding the unused columns E:XFD is a
    tidy-up: those are no data left out)."""

    @property
    def hidden_columns(self) -> int:
        """How many hidden columns held a value in the rows read."""
        return len(self._hidden_held)

    def __iter__(self) -> Iterator[tuple[tuple[Any, ...], bool]]:
        sheet = self.sheet
        with sheet._get_source() as source:
            parser = _parser(sheet, source)
            for number, cells in parser.parse():
                hidden = parser.row_dimensions.get(str(number), {}).get("hidden") in _TRUE
                yield self._cells(cells, parser), hidden
            self.formulas, self.filtered = parser.formulas, _filtered(parser)
            self.read = True

    def _cells(self, cells: list[dict[str, Any]], parser: Any) -> tuple[Any, ...]:
        """A row's cells by column (EMPTY_CELL where none is written), hidden columns left
        out, as ReadOnlyWorksheet._get_row places them (the <col> elements, which stand before
        the rows, read at the first row)."""
        if self._hidden_at is None:
            self._hidden_at = _hidden_columns(parser.column_dimensions)
        if not cells:
            return ()
        from openpyxl.cell.read_only import EMPTY_CELL, ReadOnlyCell

        placed = [EMPTY_CELL] * max(cell["column"] for cell in cells)
        for cell in cells:
            placed[cell["column"] - 1] = ReadOnlyCell(self.sheet, **cell)
        if not self._hidden_at:
            return tuple(placed)
        self._hidden_held.update(
            cell["column"]
            for cell in cells
            if cell["column"] in self._hidden_at and cell["value"] not in (None, "")
        )
        return tuple(c for at, c in enumerate(placed, start=1) if at not in self._hidden_at)


def _hidden_columns(dimensions: dict[str, dict[str, str]]) -> set[int]:
    """The numbers of the columns a sheet's <col> elements hide (each a span min..max)."""
    hidden: set[int] = set()
    for attributes in dimensions.values():
        low, high = attributes.get("min", ""), attributes.get("max", "")
        if attributes.get("hidden") in _TRUE and low.isdigit():
            first = int(low)
            last = int(high) if high.isdigit() else first
            hidden.update(range(first, min(last, MAX_SHEET_COLUMNS) + 1))
    return hidden


MAX_SHEET_COLUMNS = 16_384
"""Excel's last column: a span past it (a damaged file's) hides no more."""


def _filtered(parser: Any) -> bool:
    """Whether the sheet's autoFilter filters a column (its hidden rows are a filter's)."""
    auto_filter = getattr(parser, "auto_filter", None)
    return auto_filter is not None and bool(auto_filter.filterColumn)
