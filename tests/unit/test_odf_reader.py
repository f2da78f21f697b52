"""OpenDocument files (.odt, .ods, .odp) read from their content.xml (readers/odf.py): headings,
lists, tables and footnotes of a text, sheets as an .xlsx's, slides as a .pptx's, repeated
rows and columns bounded, and one clear reason for each file that is no readable one. The files
are written here as LibreOffice lays them out (tests/odf_files.py)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

import odf_files as odf
from citeqa.blocks import headings
from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import odf as odf_reader
from citeqa.readers import officezip, reader_for
from citeqa.readers.xlsx import MAX_CELLS
from citeqa.visible import shown


def read(tmp_path: Path, raw: bytes, name: str):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_bytes(raw)
    return read_document(tmp_path / name, tmp_path, {})


def test_a_text_document_reads_as_headings_lists_a_table_and_footnotes(tmp_path: Path) -> None:
    document = read(tmp_path, odf.procedure(), "procedure.odt")
    assert document.title == "Mise en service"
    assert headings(document.text)[:3] == [
        "Procédure de mise en service",
        "Préparation",
        "Matériel",
    ]
    assert (
        "## Préparation\n\n"
        "Le technicien vérifie l’alimentation  électrique avant l’essai.\n\n"
        "1. Ouvrir la vanne d’arrivée.\n2. Vérifier la pression\n  a) 2,5 bars\n\n"
        "## Matériel\n\n- clé à molette\n- manomètre\n\n"
        "| Site | Budget |\n| --- | --- |\n| Lyon | 12 000 € |\n| Nantes | 8 000 € |\n\n"
        "La mise en service dure une demi-journée.\n\n"
        "[1] Selon la notice du fabricant.\n"
    ) in document.text


def test_a_text_without_a_stated_title_is_titled_by_its_first_heading(tmp_path: Path) -> None:
    raw = odf.document("text", odf.h("Compte rendu du conseil", 1) + odf.p("La séance ouvre."))
    assert read(tmp_path, raw, "cr.odt").title == "Compte rendu du conseil"


def test_a_spreadsheet_reads_each_visible_sheet_as_a_table_under_its_name(
    tmp_path: Path,
) -> None:
    sheets = odf.table(
        [["Budget 2026"], ["Department", "2025", "2026"], ["IT", "100", "120"]], name="Budget"
    ) + odf.table([["Secret", "Code"], ["a", "b"]], name="Hidden", style="ta2")
    raw = odf.document("spreadsheet", sheets, styles=odf.HIDDEN_SHEET_STYLE)
    document = read(tmp_path, raw, "budget.ods")
    assert document.title == "budget"
    assert document.text == (
        "## Budget\n\nBudget 2026\n\n"
        "| Department | 2025 | 2026 |\n| --- | --- | --- |\n| IT | 100 | 120 |\n"
    )
    extracted = odf_reader.READERS[1].extract(raw, "budget.ods")
    assert extracted.warnings == ["budget.ods: hidden sheets not read: Hidden"]


def test_repeated_rows_and_columns_are_expanded_only_within_the_bounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(officezip, "MIN_TEXT_CAP", 10**9)  # the cells' bound alone
    sheet = (
        '<table:table table:name="Big">'
        + odf.row(odf.cell("Name"), odf.cell("Score"), odf.cell("", 10**9))
        + odf.row(odf.cell("Ana"), odf.cell("12"), repeated=10**9)
        + odf.row(odf.cell("", 1024), repeated=1048000)
        + odf.row(odf.cell("wide", 10**9))
        + "</table:table>"
    )
    raw = odf.document("spreadsheet", sheet)
    extracted = odf_reader.READERS[1].extract(raw, "big.ods")
    rows = extracted.text.count("| Ana | 12 |")
    assert 0 < rows * 2 <= MAX_CELLS
    assert extracted.warnings == [
        f"big.ods: read the first {rows + 1:,} rows of sheet 'Big' ({rows * 2 + 2:,} cells"
        " read in all)"
    ]


@pytest.mark.parametrize(("kind", "name"), [("text", "tables.odt"), ("presentation", "tables.odp")])
def test_the_tables_of_a_text_or_a_deck_share_one_budget_of_cells(
    monkeypatch: pytest.MonkeyPatch, kind: str, name: str
) -> None:
    """A table of a few bytes repeats a row a million times: a budget of cells each would
    let a document of such tables write a text without end."""
    monkeypatch.setattr(odf_reader, "MAX_CELLS", 100)
    table = (
        "<table:table>"
        + odf.row(odf.cell("Ana"), odf.cell("12"), repeated=10**6)
        + "</table:table>"
    )
    body = table * 5 if kind == "text" else odf.page(odf.frame(table * 5))
    extracted = odf_reader.READERS[0].extract(odf.document(kind, body), name)
    assert extracted.text.count("| Ana | 12 |") == 50
    assert extracted.warnings == [
        f"{name}: read the first 100 cells of its tables; the rest of them left out"
    ]


def test_a_cell_comment_is_not_its_text_and_a_cell_footnote_is_read_once() -> None:
    comment = (
        "<office:annotation><dc:creator>Bob</dc:creator>"
        + odf.p("CHECK THIS WITH FINANCE")
        + "</office:annotation>"
    )
    commented = f"<table:table-cell>{comment}{odf.p('1200')}</table:table-cell>"
    sheet = '<table:table table:name="Budget">' + odf.row(odf.cell("Item"), odf.cell("Cost"))
    sheet += odf.row(odf.cell("Laptop"), commented) + "</table:table>"
    budget = odf_reader.READERS[1].extract(odf.document("spreadsheet", sheet), "b.ods")
    assert "| Laptop | 1200 |" in budget.text and "FINANCE" not in budget.text
    note = (
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body>" + odf.p("Excluding VAT.") + "</text:note-body></text:note>"
    )
    noted = f"<table:table-cell><text:p>Cost{note}</text:p></table:table-cell>"
    table = "<table:table>" + odf.row(odf.cell("Item"), noted)
    table += odf.row(odf.cell("Laptop"), odf.cell("1200")) + "</table:table>"
    text = odf_reader.READERS[0].extract(odf.document("text", table), "n.odt").text
    assert text == ("| Item | Cost |\n| --- | --- |\n| Laptop | 1200 |\n\n[1] Excluding VAT.\n")


def test_a_too_wide_row_is_cut_with_a_warning() -> None:
    sheet = '<table:table table:name="Wide">' + odf.row(odf.cell("x", 10**9)) + "</table:table>"
    sheet += odf.table([["Name", "Score"], ["Ana", "12"]], name="Next")
    extracted = odf_reader.READERS[1].extract(odf.document("spreadsheet", sheet), "w.ods")
    assert "read the first 1,000 columns of sheet 'Wide'" in " ".join(extracted.warnings)
    assert "## Next" in extracted.text and extracted.text.count("| x ") == 1_000


def test_sheet_names_in_warnings_are_shown_as_names_are_not_as_python_escapes() -> None:
    """As .xlsx warnings are (s23-hostmend): a name was written with !r, "'Wide\\u202eevil'"."""
    name = "Wide\u202eevil"
    sheet = f'<table:table table:name="{name}">' + odf.row(odf.cell("x", 2_000)) + "</table:table>"
    sheet += odf.table([["Secret", "Code"], ["a", "b"]], name=f"{name}2", style="ta2")
    raw = odf.document("spreadsheet", sheet, styles=odf.HIDDEN_SHEET_STYLE)
    extracted = odf_reader.READERS[1].extract(raw, "w.ods")
    assert extracted.warnings == [
        f"w.ods: hidden sheets not read: {shown(name)}2",
        f"w.ods: read the first 1,000 columns of sheet '{shown(name)}'",
    ]


def test_a_presentation_reads_as_slides_with_notes_groups_and_hidden_ones(
    tmp_path: Path,
) -> None:
    pages = (
        odf.page(
            odf.frame(odf.p("Chiffre d’affaires"), "title"),
            odf.frame(odf.bullets("Hausse de 12 %", ("Lyon", "ouvert en juin")), "outline"),
            odf.frame(odf.p("3"), "page-number"),
            notes=odf.p("Dire que le bureau de Lyon a ouvert en juin."),
        )
        + odf.page(
            odf.frame(odf.p("Secours"), "title"),
            odf.frame(odf.p("Anciens chiffres.")),
            style="dp2",
        )
        + odf.page("<draw:g>" + odf.frame(odf.p("Texte groupé.")) + "</draw:g>")
    )  # fmt: skip
    raw = odf.document("presentation", pages, styles=odf.HIDDEN_SLIDE_STYLE)
    document = read(tmp_path, raw, "revue.odp")
    assert document.title == "Chiffre d’affaires"
    assert document.text == (
        "## Slide 1 · Chiffre d’affaires\n\n- Hausse de 12 %\n- Lyon\n  - ouvert en juin\n\n"
        "### Speaker notes\n\nDire que le bureau de Lyon a ouvert en juin.\n\n"
        "## Slide 2 (hidden) · Secours\n\nAnciens chiffres.\n\n"
        "## Slide 3\n\nTexte groupé.\n"
    )


def test_the_body_decides_how_a_file_is_read_whatever_its_ending(tmp_path: Path) -> None:
    raw = odf.document("spreadsheet", odf.table([["Name", "Score"], ["Ana", "12"]], "S"))
    assert "| Ana | 12 |" in read(tmp_path, raw, "misnamed.odt").text


def test_empty_documents_have_no_text(tmp_path: Path) -> None:
    for kind, name in (("text", "a.odt"), ("spreadsheet", "b.ods"), ("presentation", "c.odp")):
        with pytest.raises(UnreadableDocument):
            read(tmp_path, odf.document(kind, ""), name)


def zipped(**parts: bytes | str) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name.replace("__", "/").replace("_xml", ".xml"), data)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"not a zip at all", odf_reader.NOT_A_ZIP),
        (officezip.OLE_MAGIC + bytes(600), odf_reader.OLD_BINARY),
        (odf.document("text", odf.p("Secret."), encrypted=True), odf_reader.ENCRYPTED),
        (zipped(styles_xml="<x/>"), odf_reader.NO_CONTENT),
        (zipped(content_xml="<office:document-content"), odf_reader.DAMAGED),
        (zipped(content_xml="<a/>"), odf_reader.NO_BODY),
        (odf.procedure()[:300], odf_reader.DAMAGED),
    ],
    # named, not shown: a zip's bytes hold the time it was written, which differs between
    # the suite's workers, and pytest-xdist refuses workers that collect different ids
    ids=["no zip", "old binary", "encrypted", "no content", "damaged XML", "no body", "cut"],
)
def test_files_that_are_no_readable_opendocument_file_give_one_reason(
    raw: bytes, reason: str
) -> None:
    with pytest.raises(UnreadableDocument) as raised:
        odf_reader.READERS[0].extract(raw, "bad.odt")
    assert raised.value.reason == reason


def test_a_zip_bomb_is_refused_by_its_stated_size_before_anything_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = zipped(content_xml=b"<a>" + b" " * (officezip.MAX_XML_FLOOR + 1) + b"</a>")
    monkeypatch.setattr(odf_reader, "_parsed", lambda *_: pytest.fail("parsed"))
    with pytest.raises(UnreadableDocument, match="too large to read: 5 MB of XML"):
        odf_reader.READERS[0].extract(raw, "bomb.odt")


def test_the_readers_are_registered_for_the_three_endings() -> None:
    kinds = {suffix: reader_for(suffix) for suffix in (".odt", ".ODS", ".odp")}
    assert {suffix: reader.kind for suffix, reader in kinds.items() if reader} == {
        ".odt": "odt",
        ".ODS": "ods",
        ".odp": "odp",
    }


def test_a_presentation_past_the_slides_read_is_cut_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(odf_reader, "MAX_SLIDES", 2)
    pages = "".join(odf.page(odf.frame(odf.p(f"Titre {n}"), "title")) for n in range(1, 4))
    extracted = odf_reader.READERS[2].extract(odf.document("presentation", pages), "long.odp")
    assert extracted.warnings == ["long.odp: read the first 2 slides"]
    assert "## Slide 2 · Titre 2" in extracted.text and "Titre 3" not in extracted.text


def test_xml_damaged_at_random_is_skipped_with_a_reason_never_raised() -> None:
    """Bytes of content.xml changed at random (a deflated part's flipped bytes fail its CRC
    first: its XML is damaged here, in a zip that is sound)."""
    content = zipfile.ZipFile(io.BytesIO(odf.procedure())).read("content.xml")
    chance = random.Random(23)
    outcomes = set()
    for _ in range(60):
        raw = bytearray(content)
        for _ in range(chance.randint(1, 12)):
            at = chance.randrange(len(raw))
            raw[at : at + chance.randint(1, 20)] = chance.choice([b"<", b'"', b"", b"&", b"99999"])
        try:
            odf_reader.READERS[0].extract(zipped(content_xml=bytes(raw)), "damaged.odt")
            outcomes.add("read")
        except UnreadableDocument as refused:
            outcomes.add(refused.reason)
    assert odf_reader.DAMAGED in outcomes and outcomes <= {
        "read",
        odf_reader.DAMAGED,
        odf_reader.NO_BODY,
    }


def test_a_list_continuing_its_numbering_after_a_paragraph_and_a_list_header() -> None:
    carried_on = odf.bullets("Fermer la vanne.", style="L2").replace(
        "<text:list ", '<text:list text:continue-numbering="true" ', 1
    )
    header = (
        '<text:list text:style-name="L2"><text:list-header>'
        + odf.p("Sans numéro.")
        + "</text:list-header></text:list>"
    )
    body = (
        odf.bullets("Ouvrir la vanne.", "Purger.", style="L2")
        + odf.p("Attendre dix minutes.")
        + carried_on
        + header
    )
    raw = odf.document("text", body, styles=odf.NUMBERED_STYLE)
    assert odf_reader.READERS[0].extract(raw, "étapes.odt").text == (
        "1. Ouvrir la vanne.\n2. Purger.\n\nAttendre dix minutes.\n\n"
        "3. Fermer la vanne.\n  Sans numéro.\n"
    )


def test_a_damaged_styles_or_meta_part_does_not_cost_the_text() -> None:
    good = odf.procedure()
    parts = {
        info.filename: zipfile.ZipFile(io.BytesIO(good)).read(info.filename)
        for info in zipfile.ZipFile(io.BytesIO(good)).infolist()
    }
    parts["meta.xml"], parts["styles.xml"] = b"<office:document-meta", b"<x"
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    extracted = odf_reader.READERS[0].extract(stream.getvalue(), "procedure.odt")
    assert extracted.title == "Procédure de mise en service"  # its first heading
    assert "La mise en service dure une demi-journée." in extracted.text


def test_a_small_sheet_repeating_a_cell_yields_text_in_proportion_to_its_size() -> None:
    """746 bytes repeating a cell 10^9 × 10^6 times gave 1.6 MB of text, 150,000 sentences:
    past MAX_TEXT_RATIO times the file (MIN_TEXT_CAP at least) its repeated rows are read once
    (the cut at a line past that is tested below)."""
    sheet = (
        '<table:table table:name="Rep">'
        + odf.row(odf.cell("dingo", 10**9), repeated=10**6)
        + "</table:table>"
    )
    raw = odf.document("spreadsheet", sheet)
    extracted = odf_reader.READERS[1].extract(raw, "rep.ods")
    assert 0 < len(extracted.text) <= officezip.MIN_TEXT_CAP
    assert extracted.text.endswith(" |\n") and extracted.text.count("| dingo |") > 10
    assert extracted.warnings[-1].startswith("rep.ods: its text is too long for its size; ")


def test_a_sheet_repeating_a_row_keeps_the_rows_after_the_repeats() -> None:
    """A row repeated 40,000 times in a few bytes, then the real row: the repeats are read once
    (officezip.without_repeats) rather than the sheet's end cut off (review B)."""
    sheet = (
        '<table:table table:name="Stock">'
        + odf.row(odf.cell("Item") + odf.cell("Status"))
        + odf.row(odf.cell("Spare pump gasket") + odf.cell("in stock"), repeated=40_000)
        + odf.row(odf.cell("Chlorine tablets") + odf.cell("order by 12 June"))
        + "</table:table>"
    )
    raw = odf.document("spreadsheet", sheet)
    extracted = odf_reader.READERS[1].extract(raw, "stock.ods")
    assert "| Chlorine tablets | order by 12 June |" in extracted.text
    assert extracted.text.count("| Spare pump gasket | in stock |") == 1
    assert extracted.warnings == [
        "stock.ods: its text is too long for its size; 39,999 lines repeating the line before"
        " them were left out"
    ]


def test_repeated_lines_are_read_once_only_past_the_text_s_bound() -> None:
    text = "| a | b |\n" * 3 + "\n\n| c | d |\n"
    assert officezip.bounded_text(text, 10**6, "x.ods") == (text, [])
    assert officezip.without_repeats(text) == ("| a | b |\n\n\n| c | d |\n", 2)
    lines = "".join(f"| row {n} |\n" for n in range(40_000))
    kept, said = officezip.bounded_text(lines, 100, "x.ods")
    assert kept == lines[: len(kept)] and kept.endswith("|\n")
    assert len(kept) <= officezip.MIN_TEXT_CAP
    assert said == [
        f"x.ods: its text is {len(lines) // 100:,} times the file's size (repeated cells?);"
        f" the first {len(kept):,} characters read, the rest left out"
    ]
