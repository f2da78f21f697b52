"""Excel workbooks written for the tests with openpyxl, and the saved values a spreadsheet
program would add to them (openpyxl writes a formula without the value it computes)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable

from openpyxl import Workbook

FIRST_SHEET = "xl/worksheets/sheet1.xml"


def workbook_bytes(book: Workbook) -> bytes:
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def with_part(xlsx: bytes, part: str, edit: Callable[[str], str]) -> bytes:
    """The workbook with one part's XML text passed through `edit`."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = edit(data.decode()).encode()
            target.writestr(info, data)
    return out.getvalue()


def with_saved_values(xlsx: bytes, values: dict[str, str], part: str = FIRST_SHEET) -> bytes:
    """The workbook with each cell of `values` (its reference, "B6") holding that saved value,
    as a spreadsheet program writes a formula's result beside it (or a float as stored)."""

    def edit(xml: str) -> str:
        for reference, value in values.items():
            cell = re.compile(rf'(<c r="{reference}"[^>]*>(?:<f>[^<]*</f>)?)(?:<v>[^<]*</v>|<v/>)')
            xml, found = cell.subn(rf"\g<1><v>{value}</v>", xml)
            assert found == 1, reference
        return xml

    return with_part(xlsx, part, edit)


def budget_workbook() -> bytes:
    """Two sheets: a budget under a title line (a formula, a date, a float, a percent, a
    boolean, merged cells) and a list of contacts; an empty sheet and a hidden one."""
    book = Workbook()
    budget = book.active
    budget.title = "Budget 2026"
    budget.append(["Marketing budget, Q1 2026"])
    budget.append([])
    budget.append(["Item", "Amount", "Share", "Due", "Approved"])
    budget.append(["Trade fair", 1200.0, 0.25, dt.date(2026, 3, 1), True])
    budget.append(["Ads", 0.3, 0.125, dt.datetime(2026, 3, 2, 8, 30), False])
    budget.append(["Total", "=SUM(B4:B5)"])
    budget["C4"].number_format = "0%"
    budget["C5"].number_format = "0.0%"
    budget.merge_cells("A8:C8")
    budget["A8"] = "Approved by the board"
    book.create_sheet("Empty")
    contacts = book.create_sheet("Contacts")
    contacts.append(["name", "role", "phone"])
    contacts.append(["Mira Holt", "support lead", "+33 1 23 45 67 89"])
    hidden = book.create_sheet("Scratch")
    hidden.append(["temp", "value"])
    hidden.sheet_state = "hidden"
    saved = workbook_bytes(book)
    return with_saved_values(saved, {"B5": "0.30000000000000004", "B6": "1200.3000000000002"})


def rows_workbook(
    rows: Iterable[list[object]], title: str = "Sheet", stated_title: str | None = None
) -> bytes:
    """A workbook of one sheet named `title` holding `rows`, titled `stated_title` in its
    properties (File > Properties) when given."""
    book = Workbook()
    book.properties.title = stated_title
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return workbook_bytes(book)
