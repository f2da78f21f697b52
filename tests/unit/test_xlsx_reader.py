"""Excel workbooks (.xlsx) read sheet by sheet, each sheet's rows as a .csv file's are
(readers/xlsx.py), each cell as the sheet shows it (readers/cellvalues.py); a file that is no
readable workbook skipped with its reason (session 22: users bring spreadsheets, and .xlsx
files were skipped with "convert them")."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from citeqa.corpus import UnreadableDocument, read_document
from citeqa.models import Document
from citeqa.readers import officezip, reader_for, xlsx
from citeqa.readers.cellvalues import cell_text, number_text
from citeqa.tables import TableHeaders, row_cells
from citeqa.visible import shown
from xlsx_files import FIRST_SHEET, budget_workbook, rows_workbook, with_part, workbook_bytes


def document(tmp_path: Path, name: str, content: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(content)
    return read_document(path, tmp_path, {})


def test_every_visible_sheet_is_read_under_its_name_as_a_csv_files_rows(tmp_path: Path) -> None:
    doc = document(tmp_path, "budget.xlsx", budget_workbook())
    assert doc.kind == "xlsx" and doc.title == "budget"
    assert doc.text.splitlines() == [
        "## Budget 2026",
        "",
        "Marketing budget, Q1 2026",
        "",
        "| Item | Amount | Share | Due | Approved |",
        "| --- | --- | --- | --- | --- |",
        "| Trade fair | 1200 | 25% | 2026-03-01 | TRUE |",
        "| Ads | 0.3 | 12.5% | 2026-03-02 08:30 | FALSE |",
        "| Total | 1200.3 |  |  |  |",
        "| Approved by the board |  |  |  |  |",
        "",
        "## Contacts",
        "",
        "| name | role | phone |",
        "| --- | --- | --- |",
        "| Mira Holt | support lead | +33 1 23 45 67 89 |",
    ]
    assert doc.warnings == ["budget.xlsx: hidden sheets not read: Scratch"]


def test_a_row_is_read_under_its_sheets_header_row(tmp_path: Path) -> None:
    doc = document(tmp_path, "budget.xlsx", budget_workbook())
    offset = doc.text.index("| Mira Holt")
    table = TableHeaders(doc.text)
    header, span = table.ruled_header(offset), table.span(offset)
    assert header is not None and doc.text[slice(*header)] == "| name | role | phone |"
    assert span is not None
    assert row_cells(doc.text, span) == [
        ["name", "role", "phone"],
        ["Mira Holt", "support lead", "+33 1 23 45 67 89"],
    ]


def test_the_workbooks_own_title_titles_it(tmp_path: Path) -> None:
    book = rows_workbook([["id", "agent"], [4512, "Mira Holt"]], stated_title="Support tickets")
    assert document(tmp_path, "t.xlsx", book).title == "Support tickets"


def test_a_one_cell_header_over_unnamed_columns_stays_the_header(tmp_path: Path) -> None:
    doc = document(tmp_path, "n.xlsx", rows_workbook([["name"], ["Ana", 12], ["Tom", 14]]))
    assert doc.text.splitlines()[2:5] == ["| name |  |", "| --- | --- |", "| Ana | 12 |"]


def test_a_sheet_whose_first_row_is_no_header_is_read_as_paragraphs(tmp_path: Path) -> None:
    rows = [["Remember to send the invoices before the end of the month."], ["Then close Q1."]]
    doc = document(tmp_path, "notes.xlsx", rows_workbook(rows, "Notes"))
    assert doc.text == (
        "## Notes\n\nRemember to send the invoices before the end of the month.\n\nThen close Q1.\n"
    )
    assert doc.warnings == ["notes.xlsx: sheet 'Notes' has no header row; read as plain text"]


def test_a_wrong_dimension_cuts_no_row(tmp_path: Path) -> None:
    book = rows_workbook([["id", "agent"], [1, "Ana"], [2, "Tom"]])

    def wrong(xml: str) -> str:
        assert '<dimension ref="A1:B3"/>' in xml
        return xml.replace('<dimension ref="A1:B3"/>', '<dimension ref="A1"/>')

    doc = document(tmp_path, "t.xlsx", with_part(book, "xl/worksheets/sheet1.xml", wrong))
    assert doc.text.splitlines()[-1] == "| 2 | Tom |"


def test_a_gap_of_missing_rows_costs_no_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl yields an empty row for each missing row number: rows 1 and 1,048,576 alone
    were cut at MAX_CELLS "rows", the far one lost and the warning counting 200,000 cells."""
    monkeypatch.setattr(xlsx, "MAX_CELLS", 1_000)
    book = rows_workbook([["id", "agent"], [1, "Ana"]])

    def far(xml: str) -> str:
        row = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>far civet</t></is></c></row>'
        return xml.replace("</sheetData>", row + "</sheetData>")

    doc = document(tmp_path, "far.xlsx", with_part(book, "xl/worksheets/sheet1.xml", far))
    assert "far civet" in doc.text and doc.warnings == []


def test_only_so_many_cells_and_columns_are_read_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_CELLS", 30)
    monkeypatch.setattr(xlsx, "MAX_COLUMNS", 4)
    rows = [[f"c{n}" for n in range(5)]] + [[row, *range(4)] for row in range(20)]
    doc = document(tmp_path, "wide.xlsx", rows_workbook(rows, "big"))
    assert doc.text.splitlines()[2:5] == [
        "| c0 | c1 | c2 | c3 |",
        "| --- | --- | --- | --- |",
        "| 0 | 0 | 1 | 2 |",
    ]
    assert len(doc.text.splitlines()) == 2 + 1 + 1 + 5  # heading, blank, header, rule, 5 rows
    assert doc.warnings == [
        "wide.xlsx: read the first 6 rows of sheet 'big' (30 cells read in all)",
        "wide.xlsx: read the first 4 columns of sheet 'big'",
    ]


def _ole(*streams: str) -> bytes:
    """An OLE compound file's first bytes and its directory's stream names (UTF-16)."""
    return officezip.OLE_MAGIC + b"\0" * 100 + b"".join(s.encode("utf-16-le") for s in streams)


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


NOT_WORKBOOKS = {
    "a csv renamed": (b"id,agent\n1,Ana\n", xlsx.NOT_ZIP),
    "an xls renamed": (_ole("Workbook", "SummaryInformation"), xlsx.OLD_BINARY),
    "an encrypted workbook": (_ole("EncryptionInfo", "EncryptedPackage"), xlsx.ENCRYPTED),
    "a docx renamed": (_zip({"word/document.xml": "<w/>"}), xlsx.NO_WORKBOOK),
    "a broken workbook part": (
        _zip({"xl/workbook.xml": "<workbook>"}),
        xlsx.DAMAGED,
    ),
}


@pytest.mark.parametrize("kind", NOT_WORKBOOKS)
def test_a_file_that_is_no_workbook_is_skipped_with_its_reason(tmp_path: Path, kind: str) -> None:
    content, reason = NOT_WORKBOOKS[kind]
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "bad.xlsx", content)
    assert skipped.value.reason.startswith(reason)


def test_a_damaged_sheet_is_skipped_with_its_reason(tmp_path: Path) -> None:
    book = rows_workbook([["id", "agent"], [1, "Ana"]])
    broken = with_part(book, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "t.xlsx", broken)
    assert skipped.value.reason == xlsx.SHEET_DAMAGED


def test_a_bad_cell_reference_is_read_where_it_stands_with_a_warning(tmp_path: Path) -> None:
    """openpyxl refused the whole workbook ("ValueError: 'ZZZZZZ' is not a valid column
    name. Column names are from A to ZZZ") for one cell's reference."""
    book = rows_workbook([["id", "agent"], [1, "Ana"], [2, "Tom"]])
    bad = with_part(book, FIRST_SHEET, lambda xml: xml.replace('r="B2"', 'r="ZZZZZZ99999"'))
    doc = document(tmp_path, "t.xlsx", bad)
    assert "| 1 | Ana |" in doc.text and "| 2 | Tom |" in doc.text
    assert doc.warnings == [
        "t.xlsx: 1 cell naming no place a sheet has (a damaged file), read in row order"
    ]


def test_a_workbook_unpacking_past_the_limit_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_UNPACKED", 2_000_000)
    bomb = _zip({"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": " " * 3_000_000})
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "bomb.xlsx", bomb)
    assert (
        skipped.value.reason
        == "too large to read: 3 MB in all once unzipped (citeqa reads up to 1 MB)"
    )


def test_a_workbook_whose_strings_unpack_past_the_limit_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_STRINGS", 2 * 1024 * 1024)
    strings = "<sst>" + "<si><t>a</t></si>" * 200_000 + "</sst>"
    bomb = _zip({"xl/workbook.xml": "<workbook/>", "xl/sharedStrings.xml": strings})
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "strings.xlsx", bomb)
    assert (
        skipped.value.reason
        == "too large to read: 4 MB of strings once unzipped (citeqa reads up to 2 MB)"
    )


def test_a_workbook_of_empty_sheets_has_no_text(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no text"):
        document(tmp_path, "empty.xlsx", rows_workbook([[], [None, ""]]))


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (3.0, "General", "3"),
        (0.1 + 0.2, "General", "0.3"),
        (1e20, "General", "1e+20"),
        (12.5, "0.00", "12.50"),
        (1250.5, '"$"#,##0.00', "1,250.50"),
        (0.25, "0%", "25%"),
        (-3.14159, "0.0;[Red]-0.0", "-3.1"),
        (0.0004, "0", "0.0004"),
        (2.5, "0", "3"),
        (-2.5, "0", "-3"),
        (1234.5, "#,##0", "1,235"),
        (0.125, "0%", "13%"),
        (2.675, "0.00", "2.68"),
        (0.285, "0%", "29%"),
        ("line_x000D_break", "General", "line\rbreak"),
        ("bell_x0007_ rung", "General", "bell rung"),
        ("kept _x005F_x0041_ literal", "@", "kept _x0041_ literal"),
        (123456.0, "0.00E+00", "123456"),
        (True, "General", "TRUE"),
        (dt.datetime(2025, 9, 14), "yyyy-mm-dd", "2025-09-14"),
        (dt.datetime(2025, 9, 14, 8, 30, 15), "General", "2025-09-14 08:30:15"),
        (dt.time(8, 30), "h:mm", "08:30"),
        (dt.timedelta(hours=26, minutes=30), "[h]:mm", "26:30"),
        (None, "General", ""),
        ("  kept as written ", "@", "  kept as written "),
    ],
)
def test_a_cell_is_written_as_the_sheet_shows_it(
    value: object, number_format: str, shown: str
) -> None:
    assert cell_text(value, number_format) == shown


def test_a_number_under_a_text_format_is_written_plain() -> None:
    assert number_text(42.0, "@") == "42"


def test_the_library_is_imported_only_when_a_workbook_is_read() -> None:
    probe = (
        "import sys; from citeqa.readers import reader_for, read_types; "
        "assert reader_for('.xlsx') is not None and '.xlsx' in read_types(); "
        "assert 'openpyxl' not in sys.modules, 'imported'"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert reader_for(".XLSM") is reader_for(".xlsx")


def test_a_zip_asking_for_a_newer_zip_version_is_skipped_as_damaged(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError for a directory entry needing zip version 10.6."""
    raw = bytearray(rows_workbook([["id", "agent"], [1, "Ana"]]))
    raw[raw.index(b"PK\x01\x02") + 6] = 106  # the version needed to extract the first entry
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "t.xlsx", bytes(raw))
    assert skipped.value.reason == xlsx.DAMAGED


def test_bytes_corrupted_at_random_are_skipped_with_a_reason_never_raised() -> None:
    reader, good = xlsx.XlsxReader(), budget_workbook()
    chance = random.Random(22)
    outcomes = set()
    for _ in range(60):
        raw = bytearray(good)
        for _ in range(chance.randint(1, 12)):
            raw[chance.randrange(len(raw))] = chance.randrange(256)
        try:
            reader.extract(bytes(raw), "budget.xlsx")
            outcomes.add("read")
        except UnreadableDocument as refused:
            outcomes.add(refused.reason.split(" (")[0].split(":")[0])
    said = {
        "read",
        "not a readable Excel workbook",
        "a sheet cannot be read",
        "a zip archive without a workbook",
        "too large to read",
    }
    assert "not a readable Excel workbook" in outcomes and outcomes <= said


def test_a_strict_open_xml_workbook_is_skipped_with_how_to_read_it(tmp_path: Path) -> None:
    book = rows_workbook([["id", "agent"], [1, "Ana"]])
    strict = with_part(
        book,
        "xl/workbook.xml",
        lambda xml: xml.replace(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main",
        ),
    )
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "strict.xlsx", strict)
    assert skipped.value.reason == xlsx.STRICT


def test_a_row_numbered_far_below_the_first_is_read_its_missing_rows_costing_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """openpyxl yields an empty row for each missing row number: a 5 KB file holding rows
    1 and 10,000,000 took seconds of CPU; sheetrows.SheetRows yields the rows written only."""
    monkeypatch.setattr(xlsx, "MAX_CELLS", 1_000)
    book = rows_workbook([["Name", "Age"], [], ["Ana", 3]])
    far = with_part(book, FIRST_SHEET, lambda xml: re.sub(r'(r="[A-Z]*)3"', r'\g<1>10000000"', xml))
    read = xlsx.XlsxReader().extract(far, "far.xlsx")
    assert "| Ana | 3 |" in read.text and read.warnings == []


def test_a_title_above_a_header_row_of_years_stays_a_line_above_the_table(
    tmp_path: Path,
) -> None:
    rows = [["Budget by department"], ["Department", 2025, 2026], ["Sales", 120, 135]]
    doc = document(tmp_path, "b.xlsx", rows_workbook(rows, "Budget"))
    assert doc.text.splitlines()[2:7] == [
        "Budget by department",
        "",
        "| Department | 2025 | 2026 |",
        "| --- | --- | --- |",
        "| Sales | 120 | 135 |",
    ]


def test_a_long_column_of_one_cell_rows_is_a_table_not_lines_above_one(tmp_path: Path) -> None:
    rows = [["code"], *([f"K{n}"] for n in range(10)), ["K10", "retired"]]
    doc = document(tmp_path, "codes.xlsx", rows_workbook(rows, "Codes"))
    assert doc.text.splitlines()[2:5] == ["| code |  |", "| --- | --- |", "| K0 |  |"]


def test_a_sheet_named_with_spaces_only_is_headed_by_its_place(tmp_path: Path) -> None:
    book = rows_workbook([["id", "agent"], [1, "Ana"]], title="   ")
    assert document(tmp_path, "t.xlsx", book).text.splitlines()[0] == "## Sheet 1"


def test_a_small_workbook_whose_strings_unzip_to_many_times_its_size_is_a_zip_bomb(
    tmp_path: Path,
) -> None:
    strings = "<sst>" + "<si><t>The badge costs ten euros.</t></si>" * 200_000 + "</sst>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", strings)
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "bomb.xlsx", out.getvalue())
    assert skipped.value.reason.startswith("too large to read: 9 MB of strings once unzipped, ")
    assert "times the file's size" in skipped.value.reason


def test_a_table_of_strings_under_another_name_is_bounded_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl finds the table of strings by its content type, whatever the part's name."""
    monkeypatch.setattr(xlsx, "MAX_STRINGS", 1024 * 1024)
    book = rows_workbook([["id", "agent"], [1, "Ana"]])
    strings = "<sst>" + "<si><t>a</t></si>" * 100_000 + "</sst>"
    override = f'<Override PartName="/xl/words.xml" ContentType="{xlsx.STRINGS_TYPE}"/>'
    typed = with_part(
        book, "[Content_Types].xml", lambda xml: xml.replace("</Types>", override + "</Types>")
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(typed)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
        target.writestr("xl/words.xml", strings)
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "renamed.xlsx", out.getvalue())
    assert skipped.value.reason.startswith("too large to read: 2 MB of strings")


def test_a_zip_whose_workbook_part_has_a_zip_password_is_skipped_as_encrypted(
    tmp_path: Path,
) -> None:
    """zipfile raises RuntimeError for a part needing a password (its encrypted flag set)."""
    raw = bytearray(rows_workbook([["id", "agent"], [1, "Ana"]]))
    name = raw.index(xlsx.WORKBOOK_PART.encode(), raw.index(b"PK\x01\x02"))
    raw[raw.rindex(b"PK\x01\x02", 0, name) + 8] |= 1  # the directory entry's encrypted flag
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "t.xlsx", bytes(raw))
    assert skipped.value.reason == xlsx.ENCRYPTED


def test_a_workbook_part_of_garbled_lzma_data_is_skipped_as_damaged(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr(xlsx.WORKBOOK_PART, "<workbook/>" * 100)
    raw = bytearray(out.getvalue())
    data = raw.index(b"PK\x03\x04") + 30 + len(xlsx.WORKBOOK_PART)
    raw[data + 4 : data + 9] = b"\xff" * 5  # the LZMA properties: lzma.LZMAError
    with pytest.raises(UnreadableDocument) as skipped:
        document(tmp_path, "t.xlsx", bytes(raw))
    assert skipped.value.reason == xlsx.DAMAGED


def _price_list(*, filtered: bool = False) -> bytes:
    """A price list whose obsolete row and internal-cost column are hidden (or, `filtered`,
    whose rows a filter on its first column hides), and a total without a saved value."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Prices"
    for row in (
        ["Plan", "Price", "Internal cost"],
        ["Basic", 10, 4],
        ["Legacy", 5, 3],
        ["Pro", 25, 9],
        ["Total", "=SUM(B2:B4)"],
    ):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    if filtered:
        sheet.auto_filter.ref = "A1:C5"
        sheet.auto_filter.add_filter_column(0, ["Basic", "Pro", "Total"])
    else:
        sheet.column_dimensions["C"].hidden = True
    return workbook_bytes(book)


def test_hidden_rows_and_columns_are_not_read_and_a_formula_without_value_is_its_formula(
    tmp_path: Path,
) -> None:
    """Session 22: a user's hidden obsolete row was quoted, and a total a script wrote (no
    saved value) read as an empty cell. Hidden rows and columns are left out with a warning
    saying how many; the formula is read as the formula bar shows it, with a warning."""
    doc = document(tmp_path, "prices.xlsx", _price_list())
    assert doc.text.splitlines()[2:] == [
        "| Plan | Price |",
        "| --- | --- |",
        "| Basic | 10 |",
        "| Pro | 25 |",
        "| Total | =SUM(B2:B4) |",
    ]
    assert doc.warnings == [
        "prices.xlsx: sheet 'Prices': hidden, not read: 1 row and 1 column",
        "prices.xlsx: sheet 'Prices': 1 formula without a saved value (no spreadsheet program"
        " saved the file), read as the formula; open and save it in one to read the values",
    ]


def test_the_rows_a_filter_hides_are_read_in_their_place(tmp_path: Path) -> None:
    """A filter is a view set for a while: the rows it hides are the table's."""
    doc = document(tmp_path, "prices.xlsx", _price_list(filtered=True))
    assert "| Basic | 10 | 4 |\n| Legacy | 5 | 3 |\n| Pro | 25 | 9 |" in doc.text
    assert not any("hidden, not read" in warning for warning in doc.warnings)


def test_a_hidden_column_span_without_an_end_or_past_the_last_column_is_read_safely(
    tmp_path: Path,
) -> None:
    """A writer's <col> without its max hides its first column; one to a million columns
    hides no more than Excel's last."""
    for cols, kept in (
        ('<col hidden="1" min="3"/>', "| Plan | Price |"),
        ('<col hidden="1" min="3" max="99999999"/>', "| Plan | Price |"),
    ):
        raw = with_part(
            _price_list(),
            FIRST_SHEET,
            lambda xml, c=cols: re.sub("<cols>.*?</cols>", f"<cols>{c}</cols>", xml),
        )
        assert read_document_text(tmp_path, raw).splitlines()[2] == kept, cols


def read_document_text(tmp_path: Path, raw: bytes) -> str:
    return document(tmp_path, "prices.xlsx", raw).text


@pytest.mark.parametrize("index", ["99999", "-1", "abc"])
def test_a_cell_pointing_at_no_string_reads_empty_with_a_warning(
    tmp_path: Path, index: str
) -> None:
    """Excel repairs a text cell whose index is past the table of strings, negative or no
    number; the rest of the workbook is read, that cell empty, and a warning says so."""
    book = rows_workbook([["id", "agent"], [1, "Ana"], [2, "Bo"]], "Team")
    cell = f'<c r="B2" t="s"><v>{index}</v></c>'  # the workbook holds no table of strings
    ana = with_part(book, FIRST_SHEET, lambda xml: re.sub(r'<c r="B2".*?</c>', cell, xml))
    doc = document(tmp_path, "team.xlsx", ana)
    rows = doc.text.splitlines()
    assert rows[-2:] == ["| 1 |  |", "| 2 | Bo |"]
    assert doc.warnings == [xlsx.NO_SUCH_STRING.format(relative="team.xlsx", cells=1)]


def test_a_sheet_name_in_a_warning_is_shown_as_names_are_not_as_python_escapes(
    tmp_path: Path,
) -> None:
    name = "Bob's \u202eevil"
    rows = [["Remember to send the invoices before the end of the month."], ["Then close Q1."]]
    doc = document(tmp_path, "notes.xlsx", rows_workbook(rows, name))
    assert doc.warnings == [xlsx.NOT_A_TABLE.format(relative="notes.xlsx", sheet=shown(name))]
    assert "\\u202e" not in doc.warnings[0] and "Bob's " in doc.warnings[0]


def test_hidden_empty_columns_and_rows_are_not_counted_in_the_warning(tmp_path: Path) -> None:
    """Review B (s23): hiding the unused columns E:XFD (a common tidy-up) warned "hidden, not
    read: 16,380 columns" though none held a value. Only hidden columns holding one count."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Budget"
    for row in (["Item", "Cost", "Owner", "Note"], ["Laptop", 1200, "Ana", "old"], ["Desk", 300]):
        sheet.append(row)
    sheet.column_dimensions.group("D", "XFD", hidden=True)
    for number in range(5, 200):
        sheet.row_dimensions[number].hidden = True
    doc = document(tmp_path, "budget.xlsx", workbook_bytes(book))
    assert "| Item | Cost | Owner |\n| --- | --- | --- |\n| Laptop | 1200 | Ana |" in doc.text
    assert doc.warnings == ["budget.xlsx: sheet 'Budget': hidden, not read: 1 column"]


def test_the_rows_a_filter_hides_are_read_on_a_sheet_cut_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review B (s23): a sheet cut at MAX_CELLS was never read to its <autoFilter> (written
    after the rows), so the rows its filter hides were left out as hidden ones. A sheet not
    read to its end keeps its hidden rows (whether a filter hid them is unknown)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tickets"
    sheet.append(["Ticket", "Status"])
    for number in range(1, 40):
        sheet.append([f"T-{number}", "closed" if number % 3 == 0 else "open"])
        sheet.row_dimensions[number + 1].hidden = number % 3 == 0
    sheet.auto_filter.ref = "A1:B40"
    sheet.auto_filter.add_filter_column(1, ["open"])
    monkeypatch.setattr(xlsx, "MAX_CELLS", 40)
    doc = document(tmp_path, "tickets.xlsx", workbook_bytes(book))
    assert "| T-3 | closed |" in doc.text and doc.text.count("| T-") == 19
    assert not any("hidden, not read" in warning for warning in doc.warnings)


class _ChangedParser:
    """What another openpyxl's sheet parser might be: set up with other arguments."""

    def __init__(self, source: object) -> None:
        self.source = source


@pytest.mark.parametrize("failure", ["import", "signature"])
def test_a_changed_private_sheet_parser_reads_the_public_rows_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """Review B (s23): sheetrows.py leans on openpyxl's private WorkSheetParser; should another
    version move or change it, the workbook is read through the public rows (hidden rows
    read, no formula), with a warning, not lost."""
    from citeqa.readers import sheetrows

    def moved() -> type:
        raise ImportError("cannot import name 'WorkSheetParser'")

    changed = moved if failure == "import" else lambda: _ChangedParser
    monkeypatch.setattr(sheetrows, "_parser_class", changed)
    doc = document(tmp_path, "prices.xlsx", _price_list())
    assert "| Basic | 10 | 4 |\n| Legacy | 5 | 3 |\n| Pro | 25 | 9 |\n| Total |" in doc.text
    assert len(doc.warnings) == 1 and "openpyxl 3.1." in doc.warnings[0]
    assert doc.warnings[0].startswith("prices.xlsx: sheet 'Prices': hidden rows and columns read")
