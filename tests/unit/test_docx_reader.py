"""Word files (.docx) read as Word shows them (readers/docx.py): headings as Markdown headings,
lists as list lines, tables as pipe tables in their place, the title, and one clear reason for
each file that is no readable Word document. The files are written here with python-docx."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from citeqa.blocks import headings
from citeqa.corpus import UnreadableDocument, read_corpus, read_document
from citeqa.readers import docx as docx_reader
from citeqa.readers import officerels, officezip, reader_for
from citeqa.tables import row_cells

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def saved(document: docx.document.Document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def read(tmp_path: Path, raw: bytes, name: str = "report.docx"):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_bytes(raw)
    return read_document(tmp_path / name, tmp_path, {})


def procedure() -> docx.document.Document:
    """A French procedure: a Title, headings, a numbered and a bulleted list, a table."""
    document = docx.Document()
    document.add_paragraph("Procédure de mise en service", style="Title")
    document.add_heading("Préparation", level=1)
    document.add_paragraph("Le technicien vérifie l’alimentation électrique avant l’essai.")
    for step in ("Ouvrir la vanne d’arrivée.", "Vérifier la pression : 2,5 bars."):
        document.add_paragraph(step, style="List Number")
    document.add_heading("Matériel", level=2)
    for item in ("clé à molette", "manomètre"):
        document.add_paragraph(item, style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate(
        [
            ["Site", "Budget", "Responsable"],
            ["Lyon", "12 000 €", "Anne | Bé"],
            ["Nantes", "8 000 €", "Paul"],
        ]
    ):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("La mise en service dure une demi-journée.")
    return document


def test_docx_files_are_read_by_the_word_reader() -> None:
    reader = reader_for(".DOCX")
    assert reader is not None and reader.kind == "docx" and not reader.decoded


def test_headings_lists_and_a_table_are_written_in_document_order(tmp_path: Path) -> None:
    document = read(tmp_path, saved(procedure()), "procedure.docx")
    assert document.kind == "docx"
    assert document.text == (
        "# Procédure de mise en service\n\n"
        "## Préparation\n\n"  # under the Title: Heading 1 is a part of the document
        "Le technicien vérifie l’alimentation électrique avant l’essai.\n\n"
        "1. Ouvrir la vanne d’arrivée.\n"
        "2. Vérifier la pression : 2,5 bars.\n\n"
        "### Matériel\n\n"
        "- clé à molette\n"
        "- manomètre\n\n"
        "| Site | Budget | Responsable |\n"
        "| --- | --- | --- |\n"
        "| Lyon | 12 000 € | Anne \\| Bé |\n"
        "| Nantes | 8 000 € | Paul |\n\n"
        "La mise en service dure une demi-journée.\n"
    )
    assert headings(document.text)[:3] == [
        "Procédure de mise en service",
        "Préparation",
        "Matériel",
    ]


def test_a_table_row_is_read_with_its_header(tmp_path: Path) -> None:
    text = read(tmp_path, saved(procedure())).text
    table = (text.index("| Site"), text.index("\n\nLa mise"))
    assert row_cells(text, table) == [
        ["Site", "Budget", "Responsable"],
        ["Lyon", "12 000 €", "Anne | Bé"],
        ["Nantes", "8 000 €", "Paul"],
    ]


def test_the_title_is_the_core_properties_title_when_set(tmp_path: Path) -> None:
    untitled = read(tmp_path, saved(procedure()), "a.docx")
    assert untitled.title == "Procédure de mise en service"
    document = procedure()
    document.core_properties.title = "  Mise en service\nde la chaudière "
    assert read(tmp_path, saved(document), "b.docx").title == "Mise en service de la chaudière"


def test_a_file_without_core_properties_is_titled_by_its_first_heading(tmp_path: Path) -> None:
    """python-docx makes up the title "Word Document" when a file has no docProps/core.xml."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved(procedure()))) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            if entry.filename != "docProps/core.xml":
                target.writestr(entry, data)
    assert read(tmp_path, out.getvalue()).title == "Procédure de mise en service"


def test_without_a_title_style_the_first_heading_1_titles_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Draft, do not circulate.")
    document.add_heading("Quarterly Report", level=1)
    document.add_heading("Quarterly Details", level=1)
    read_back = read(tmp_path, saved(document))
    assert read_back.title == "Quarterly Report"
    assert "\n# Quarterly Details\n" in read_back.text  # no Title over it: level 1 stays "#"


def test_numbered_sublevels_restart_under_their_parent(tmp_path: Path) -> None:
    document = docx.Document()
    for text, level in [("Alpha", 0), ("Beta", 1), ("Gamma", 1), ("Delta", 0), ("Eps", 1)]:
        paragraph = document.add_paragraph(text, style="List Number")
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level
    text = read(tmp_path, saved(document)).text
    assert text == "1. Alpha\n  1. Beta\n  2. Gamma\n2. Delta\n  1. Eps\n"


def test_two_lists_in_a_row_are_two_blocks_and_a_sublist_stays_in_its_list(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    document.add_paragraph("Install the package.", style="List Number")
    nested = document.add_paragraph("open port 8443", style="List Number 2")  # another list
    nested._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 1  # at its level 2
    document.add_paragraph("Check the logs.", style="List Number")
    document.add_paragraph("first point", style="List Bullet")
    blocks = read(tmp_path, saved(document)).text.split("\n\n")
    assert [block.splitlines() for block in blocks] == [
        ["1. Install the package.", "  1. open port 8443", "2. Check the logs."],
        ["- first point"],
    ]


def test_a_list_restarted_by_a_level_override_starts_at_its_number(tmp_path: Path) -> None:
    """Word restarts a list with a second list instance of the same definition whose
    `w:lvlOverride` sets `w:startOverride`; a `w:lvl` in it changes the level's format."""
    document = docx.Document()
    first = document.add_paragraph("Alpha", style="List Number")
    numbering = document.part.numbering_part.element
    num_id = first.style.element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(num_id).abstractNumId.val
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="90"><w:abstractNumId w:val="{abstract}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        )
    )
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="91"><w:abstractNumId w:val="{abstract}"/>'
            '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1 -"/></w:lvl>'
            "</w:lvlOverride></w:num>"
        )
    )
    for text, num in [("Delta", "90"), ("Epsilon", "90"), ("Un", "91"), ("Deux", "91")]:
        paragraph = document.add_paragraph(text, style="List Number")
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = int(num)
    text = read(tmp_path, saved(document)).text
    assert text.splitlines() == [
        "1. Alpha",
        "",
        "4. Delta",
        "5. Epsilon",
        "",
        "Article I - Un",
        "Article II - Deux",
    ]


def test_tracked_insertions_are_read_deletions_headers_and_comments_not(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("The fee is ")
    paragraph._p.append(
        parse_xml(f'<w:ins {W} w:id="1" w:author="a"><w:r><w:t>40</w:t></w:r></w:ins>')
    )
    paragraph._p.append(
        parse_xml(f'<w:del {W} w:id="2" w:author="a"><w:r><w:delText>30</w:delText></w:r></w:del>')
    )
    paragraph.add_run(" euros.")
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL header"
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    document.add_comment(paragraph.runs, text="Check this number", author="Reviewer")
    text = read(tmp_path, saved(document)).text
    assert text == "The fee is 40 euros.\n"


def test_a_one_column_table_reads_as_its_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    box = document.add_table(rows=2, cols=1)
    box.cell(0, 0).text = "Note: the office is closed on Mondays."
    box.cell(1, 0).text = "Call 555-0100 for help."
    text = read(tmp_path, saved(document)).text
    assert text == "Note: the office is closed on Mondays.\n\nCall 555-0100 for help.\n"


def test_merged_cells_are_written_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for column, text in enumerate(["Item", "Q1", "Q2"]):
        table.cell(0, column).text = text
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "Rent", "10", "12"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text, table.cell(2, 2).text = "Total", "22"
    text = read(tmp_path, saved(document)).text
    assert text.splitlines()[-1] == "| Total |  | 22 |"


def test_footnotes_are_read_last_numbered(tmp_path: Path) -> None:
    raw = saved(procedure())
    notes = (
        f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Selon la norme NF C'
        " 15-100.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    text = read(tmp_path, with_footnotes(raw, notes)).text
    assert text.endswith(
        "La mise en service dure une demi-journée.\n\n[1] Selon la norme NF C 15-100.\n"
    )


def test_a_footnote_reference_keeps_its_mark_in_the_body(tmp_path: Path) -> None:
    """The body keeps "[1]" where Word shows the reference, so a reader can follow it to the
    footnote read last (s23 trial: the mark vanished)."""
    document = docx.Document()
    paragraph = document.add_paragraph("Mileage is paid at 45p per mile.")
    paragraph._p.append(parse_xml(f'<w:r {W}><w:footnoteReference w:id="1"/></w:r>'))
    document.add_paragraph("Claims go to the finance officer.")
    notes = (
        f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>HMRC approved rate.'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    text = read(tmp_path, with_footnotes(saved(document), notes)).text
    assert text == (
        "Mileage is paid at 45p per mile.[1]\n\n"
        "Claims go to the finance officer.\n\n"
        "[1] HMRC approved rate.\n"
    )


def with_footnotes(raw: bytes, notes: str) -> bytes:
    """`raw` with a footnotes part (python-docx writes none)."""
    out = io.BytesIO()
    relation = (
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
    )
    kind = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>'
    )
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", relation.encode())
            elif entry.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", kind.encode())
            target.writestr(entry, data)
        target.writestr("word/footnotes.xml", notes)
    return out.getvalue()


def test_an_empty_document_is_skipped_as_without_text(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no text in it"):
        read(tmp_path, saved(docx.Document()))


def zipped(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return out.getvalue()


OLE = officezip.OLE_MAGIC + bytes(504)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"Minutes of the meeting, typed as text.", docx_reader.NOT_A_ZIP),
        (b"PK\x03\x04 a zip cut short", docx_reader.DAMAGED),
        (zipped({"xl/workbook.xml": b"<workbook/>"}), docx_reader.NOT_WORD),
        (
            zipped({"word/document.xml": b"<w:document><w:body>", "[Content_Types].xml": b""}),
            docx_reader.DAMAGED,
        ),
        (OLE + "WordDocument".encode("utf-16-le"), docx_reader.OLD_WORD),
        (OLE + "EncryptedPackage".encode("utf-16-le"), docx_reader.ENCRYPTED),
    ],
    ids=["text", "broken-zip", "xlsx", "bad-xml", "old-doc", "encrypted"],
)
def test_a_file_that_is_no_readable_word_document_is_skipped_with_its_reason(
    tmp_path: Path, raw: bytes, reason: str
) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, raw)
    assert refused.value.reason == reason


def test_a_zip_asking_for_a_newer_zip_version_is_damaged(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError for a directory entry needing zip version 10.6
    (found by corrupting bytes of a .docx at random)."""
    raw = bytearray(saved(procedure()))
    raw[raw.index(b"PK\x01\x02") + 6] = 106  # the version needed to extract the first entry
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, bytes(raw))
    assert refused.value.reason == docx_reader.DAMAGED


def test_bytes_corrupted_at_random_are_skipped_with_a_reason_never_raised() -> None:
    reader, good = docx_reader.DocxReader(), saved(procedure())
    chance = random.Random(22)
    outcomes = set()
    for _ in range(60):
        raw = bytearray(good)
        for _ in range(chance.randint(1, 12)):
            raw[chance.randrange(len(raw))] = chance.randrange(256)
        try:
            reader.extract(bytes(raw), "report.docx")
            outcomes.add("read")
        except UnreadableDocument as refused:
            outcomes.add(refused.reason.split(":")[0])
    said = {"read", "not a readable Word file", "not a Word document", "too large to read"}
    assert "not a readable Word file" in outcomes and outcomes <= said


def test_a_document_unzipping_past_the_bound_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = saved(procedure())
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 4096)
    monkeypatch.setattr(docx, "Document", lambda *_: pytest.fail("parsed"))
    with pytest.raises(UnreadableDocument, match=r"too large to read: \d+ MB of XML once unzipped"):
        read(tmp_path, raw)


def test_a_bomb_entry_is_refused_by_its_stated_size(tmp_path: Path) -> None:
    bomb = zipped({"word/document.xml": b" " * (docx_reader.MAX_XML_BYTES + 1)})
    assert len(bomb) < docx_reader.MAX_XML_BYTES // 500
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, bomb)
    assert (
        refused.value.reason
        == "too large to read: 33 MB of XML once unzipped (citeqa reads up to 32 MB)"
    )


def test_a_small_file_unzipping_to_many_times_its_size_is_refused_as_a_zip_bomb(
    tmp_path: Path,
) -> None:
    paragraph = b"<w:p><w:r><w:t>The badge costs ten euros to replace.</w:t></w:r></w:p>"
    bomb = zipped({"word/document.xml": paragraph * 100_000})
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, bomb)
    assert refused.value.reason.startswith("too large to read: 7 MB of XML once unzipped, ")
    assert "times the file's size" in refused.value.reason


def test_a_build_skips_bad_word_files_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "procedure.docx").write_bytes(saved(procedure()))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 cut")
    (tmp_path / "old.docx").write_bytes(OLE + "WordDocument".encode("utf-16-le"))
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["procedure"]
    assert sorted(reading.skipped) == [
        f"broken.docx: {docx_reader.DAMAGED}",
        f"old.docx: {docx_reader.OLD_WORD}",
    ]


def with_body(raw: bytes, edit: Callable[[str], str]) -> bytes:
    """`raw` with word/document.xml's text passed through `edit`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = edit(data.decode()).encode()
            target.writestr(entry, data)
    return out.getvalue()


def grid(rows: list[list[str]]) -> docx.document.Document:
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for number, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.cell(number, column).text = text
    return document


RESTART = ' w:val="restart"'


def test_a_long_vertical_merge_is_read_as_a_table_in_one_pass(tmp_path: Path) -> None:
    """python-docx's row.cells walks each merge chain up (quadratic, then RecursionError: a
    table of 800 merged rows took 18 s, a longer one made the document "damaged")."""
    rows = "".join(
        f"<w:tr><w:tc><w:tcPr><w:vMerge{RESTART if n == 0 else ''}/></w:tcPr>"
        f"<w:p><w:r><w:t>{'Group' if n == 0 else ''}</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:p><w:r><w:t>v{n}</w:t></w:r></w:p></w:tc></w:tr>"
        for n in range(1500)
    )
    table = f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"
    document = docx.Document()
    document.add_paragraph("TABLE")
    raw = with_body(
        saved(document), lambda xml: xml.replace("<w:p><w:r><w:t>TABLE</w:t></w:r></w:p>", table)
    )
    lines = read(tmp_path, raw).text.splitlines()
    assert lines[:3] == ["| Group | v0 |", "| --- | --- |", "| Group | v1 |"]
    assert lines[-1] == "| Group | v1499 |" and len(lines) == 1501


@pytest.mark.parametrize("wrapper", ["sdt", "customXml"])
def test_rows_and_cells_inside_content_controls_are_read(tmp_path: Path, wrapper: str) -> None:
    opening, closing = {
        "sdt": ("<w:sdt><w:sdtPr/><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        "customXml": ('<w:customXml w:element="x">', "</w:customXml>"),
    }[wrapper]
    raw = saved(grid([["Name", "Age"], ["Ana", "31"], ["Tom", "40"]]))

    def wrapped(xml: str) -> str:
        last_row = xml.rindex("<w:tr")
        end = xml.index("</w:tr>", last_row) + len("</w:tr>")
        xml = xml[:last_row] + opening + xml[last_row:end] + closing + xml[end:]
        cell = xml.index("<w:tc>", xml.index("Ana") - 300)
        cell_end = xml.index("</w:tc>", cell) + len("</w:tc>")
        return xml[:cell] + opening + xml[cell:cell_end] + closing + xml[cell_end:]

    assert read(tmp_path, with_body(raw, wrapped)).text.splitlines()[-2:] == [
        "| Ana | 31 |",
        "| Tom | 40 |",
    ]


def test_a_first_row_merged_across_the_table_is_a_caption_above_it(tmp_path: Path) -> None:
    document = grid([["", "", ""], ["Name", "Age", "City"], ["Ana", "31", "Lyon"]])
    caption = document.tables[0].cell(0, 0).merge(document.tables[0].cell(0, 2))
    caption.text = "Staff in 2026"
    assert read(tmp_path, saved(document)).text.splitlines() == [
        "Staff in 2026",
        "",
        "| Name | Age | City |",
        "| --- | --- | --- |",
        "| Ana | 31 | Lyon |",
    ]


def test_a_cover_page_is_read_and_a_table_of_contents_not(tmp_path: Path) -> None:
    def control(gallery: str, text: str) -> str:
        return (
            f'<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="{gallery}"/>'
            f"</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )

    document = docx.Document()
    document.add_paragraph("BODY")
    cover = control("Cover Pages", "Annual report 2026") + control("Table of Contents", "1 Scope 3")
    raw = with_body(
        saved(document),
        lambda xml: xml.replace("<w:p><w:r><w:t>BODY", cover + "<w:p><w:r><w:t>BODY"),
    )
    assert read(tmp_path, raw).text == "Annual report 2026\n\nBODY\n"


def test_a_lettered_list_starting_past_780_is_numbered_in_digits(tmp_path: Path) -> None:
    document = docx.Document()
    item = document.add_paragraph("First", style="List Number")
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(item.style.element.pPr.numPr.numId.val).abstractNumId.val
    for level in numbering.xpath(
        f"./w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']"
    ):
        level.find(qn("w:start")).set(qn("w:val"), "100000000")
        level.find(qn("w:numFmt")).set(qn("w:val"), "lowerLetter")
    assert read(tmp_path, saved(document)).text == "100000000. First\n"


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Shown ")
    paragraph.add_run("SECRET").font.hidden = True
    paragraph.add_run("text.")
    unhidden = paragraph.add_run(" Again shown.")
    unhidden.font.hidden = False
    assert read(tmp_path, saved(document)).text == "Shown text. Again shown.\n"


def test_a_strict_open_xml_document_is_skipped_with_how_to_read_it(tmp_path: Path) -> None:
    strict = with_body(
        saved(procedure()),
        lambda xml: xml.replace(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main",
        ),
    )
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, strict)
    assert refused.value.reason == docx_reader.STRICT


def test_a_zip_whose_document_part_has_a_zip_password_is_skipped_as_encrypted(
    tmp_path: Path,
) -> None:
    raw = bytearray(saved(procedure()))
    name = raw.index(b"word/document.xml", raw.index(b"PK\x01\x02"))
    raw[raw.rindex(b"PK\x01\x02", 0, name) + 8] |= 1  # the directory entry's encrypted flag
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, bytes(raw))
    assert refused.value.reason == docx_reader.ENCRYPTED


CONTRACT = [
    ["Party", "Acme Ltd"],
    ["Reference", "CM-2025-041"],
    ["Start date", "1 March 2026"],
    ["Annual amount", "4,800 EUR"],
]


def test_a_key_value_tables_first_row_is_a_record_too(tmp_path: Path) -> None:
    """Session 22: a contract's table of labels and values (no header row) was written as a
    pipe table under "| Party | Acme Ltd |", that first row no record: a question on the
    party quoted another row. The first row is now the header and the first record too."""
    text = read(tmp_path, saved(grid(CONTRACT))).text
    assert text == (
        "| Party | Acme Ltd |\n| --- | --- |\n| Party | Acme Ltd |\n| Reference | CM-2025-041 |\n"
        "| Start date | 1 March 2026 |\n| Annual amount | 4,800 EUR |\n"
    )
    assert row_cells(text, (0, len(text)))[:3] == [
        ["Party", "Acme Ltd"],
        ["Party", "Acme Ltd"],
        ["Reference", "CM-2025-041"],
    ]


def test_labels_with_colons_or_in_bold_make_a_key_value_table_of_two_rows(
    tmp_path: Path,
) -> None:
    records = "| Client : | Durand |\n| Site : | Lyon |\n"
    colons = read(tmp_path, saved(grid([["Client :", "Durand"], ["Site :", "Lyon"]]))).text
    assert colons.endswith(f"| --- | --- |\n{records}")
    document = grid([["Client", "Durand"], ["Site", "Lyon"]])
    for row in document.tables[0].rows:
        row.cells[0].paragraphs[0].runs[0].bold = True
    bold = read(tmp_path, saved(document)).text
    assert bold.endswith("| --- | --- |\n| Client | Durand |\n| Site | Lyon |\n")


def test_a_two_column_table_under_a_header_row_stays_a_table(tmp_path: Path) -> None:
    """A header's column holds values of one kind; a row repeated as a header is one; a
    first column of numbers or sentences holds no labels."""
    for rows in (
        [["Plan", "Price"], ["Basic", "10"], ["Pro", "25"], ["Team", "40"]],
        [["Name", "Role"], ["Mira Holt", "support lead"], ["Ana Diaz", "engineer"]],
        [["Step", "Note"], ["1", "CM-2"], ["2", "1 March 2026"], ["3", "4 EUR"]],
    ):
        text = read(tmp_path, saved(grid(rows))).text
        header = f"| {rows[0][0]} | {rows[0][1]} |\n| --- | --- |\n"
        assert text.startswith(header + f"| {rows[1][0]} |"), rows
    marked = grid(CONTRACT)
    header = marked.tables[0].rows[0]._tr.get_or_add_trPr()
    header.append(parse_xml(f"<w:tblHeader {W}/>"))
    assert read(tmp_path, saved(marked)).text.startswith(
        "| Party | Acme Ltd |\n| --- | --- |\n| Reference |"
    )


def with_relationship(raw: bytes, attributes: str) -> bytes:
    """`raw` with one more relationship of the document part (`attributes`: its Type, Target
    and TargetMode as Word or an add-in wrote them)."""
    out = io.BytesIO()
    relation = f'<Relationship Id="rIdOdd" {attributes}/></Relationships>'.encode()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", relation)
            target.writestr(entry, data)
    return out.getvalue()


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@pytest.mark.parametrize(
    "attributes",
    [
        f'Type="{REL}hyperlink" Target="https://example.org/page"',
        f'Type="{REL}image" Target="#MyBookmark"',
        f'Type="{REL}image" Target="NULL"',
        f'Type="{REL}footnotes" Target="footnotes_missing.xml"',
        f'Type="{REL}footnotes" Target="../../../../etc/passwd"',
    ],
    ids=["url-without-mode", "bookmark-picture", "null", "missing-part", "outside"],
)
def test_a_relationship_to_no_part_is_dropped_and_the_text_read(
    tmp_path: Path, attributes: str
) -> None:
    """Word opens a file with a relationship pointing at no part of it (python-docx #902,
    #797, #1351); so does citeqa, reading all the text."""
    extracted = read(tmp_path, with_relationship(saved(procedure()), attributes))
    assert extracted.text == read(tmp_path, saved(procedure()), "plain.docx").text


def test_external_relationships_are_kept_and_nothing_fetched(tmp_path: Path) -> None:
    raw = with_relationship(
        saved(procedure()), f'Type="{REL}image" Target="file:///etc/passwd" TargetMode="External"'
    )
    assert officerels.mended(raw) is raw  # every internal relationship resolves: unchanged
    assert "root:" not in read(tmp_path, raw).text


def test_a_document_is_read_up_to_its_bound_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_reader, "MAX_CHARACTERS", 200)
    document = docx.Document()
    for n in range(50):
        document.add_paragraph(f"Paragraph {n} says the value is {7 * n}.")
    extracted = read(tmp_path, saved(document))
    assert extracted.text.startswith("Paragraph 0 says the value is 0.\n\n")
    assert "Paragraph 4 says" in extracted.text and "Paragraph 5 says" not in extracted.text
    assert extracted.warnings == ["report.docx: only its first 200 characters read"]


def test_a_table_whose_first_row_names_its_value_column_is_no_key_value_table(
    tmp_path: Path,
) -> None:
    """Review B (s23): "Product | Price" over "Coffee | 3.00 €", "Tea | 2.50", "Water | free"
    was taken for a key/value table (its values of mixed kinds), so "What is the price?"
    quoted the header row as a record. A first row whose value cell names a column ("Price",
    "Duration", "Version"), unlike the values under it, heads the table."""
    for rows in (
        [["Product", "Price"], ["Coffee", "3.00 €"], ["Tea", "2.50"], ["Water", "free"]],
        [["Phase", "Duration"], ["Setup", "2 days"], ["Review", "1 week"], ["Launch", "TBD"]],
        [["Component", "Version"], ["Python", "3.11"], ["openpyxl", "v3.1.2"]],
        [["Poste", "Montant"], ["Loyer", "1 200 €"], ["Assurance", "TBD"]],
    ):
        text = read(tmp_path, saved(grid(rows))).text
        header = f"| {rows[0][0]} | {rows[0][1]} |\n| --- | --- |\n"
        assert text.startswith(header + f"| {rows[1][0]} |"), rows
    labelled = [["Product:", "Price"], ["Coffee:", "3.00 €"], ["Tea:", "2.50"]]
    colons = read(tmp_path, saved(grid(labelled))).text
    assert colons.endswith(
        "| --- | --- |\n| Product: | Price |\n| Coffee: | 3.00 € |\n| Tea: | 2.50 |\n"
    )
    assert read(tmp_path, saved(grid(CONTRACT))).text.startswith(
        "| Party | Acme Ltd |\n| --- | --- |\n| Party | Acme Ltd |"
    )


def test_under_a_title_heading_5_and_6_stay_apart() -> None:
    """Review C (s23): under a Title, Heading 5 and 6 both became "######" and their sections
    merged; a document using six heading levels keeps them, its Title at level 1 too."""
    document = docx.Document()
    document.add_paragraph("Handbook", style="Title")
    for level in range(1, 7):
        document.add_paragraph(f"Part {level}", style=f"Heading {level}")
        document.add_paragraph(f"Text of part {level}.")
    text = docx_reader.DocxReader().extract(saved(document), "h.docx").text
    assert "\n##### Part 5\n" in text and "\n###### Part 6\n" in text
    assert text.startswith("# Handbook\n")
