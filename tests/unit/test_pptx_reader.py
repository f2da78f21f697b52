"""PowerPoint decks (.pptx) read slide by slide (readers/pptx.py, readers/slidetext.py): a
heading naming each slide, bullets as list lines, tables as pipe tables, speaker notes under
their own heading, grouped shapes, the title, and one clear reason for each file that is no
readable deck. The decks are written here with python-pptx."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from citeqa.blocks import headings
from citeqa.corpus import UnreadableDocument, read_document
from citeqa.language import pipe_pieces
from citeqa.readers import officezip, reader_for
from citeqa.readers import pptx as pptx_reader

NOTE = "Rappeler que le bureau de Lyon a ouvert en juin."


def saved(deck: object) -> bytes:
    stream = io.BytesIO()
    deck.save(stream)  # type: ignore[attr-defined]
    return stream.getvalue()


def read(tmp_path: Path, raw: bytes, name: str = "deck.pptx"):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_bytes(raw)
    return read_document(tmp_path / name, tmp_path, {})


def review() -> bytes:
    """A French budget review: a title slide, bullets with a sub-level and notes, a table, a
    text box and a group on a slide without a title, an empty slide, a numbered list."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Revue budgétaire 2026"
    slide.placeholders[1].text = "Équipe finances, mars"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Chiffre d’affaires"
    frame = slide.placeholders[1].text_frame
    frame.text = "Le chiffre d’affaires a progressé de 12 % au troisième trimestre."
    deeper = frame.add_paragraph()
    deeper.text, deeper.level = "surtout grâce à Lyon", 1
    slide.notes_slide.notes_text_frame.text = NOTE
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Sites"
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for row, cells in enumerate([["Site", "Budget"], ["Lyon", "12 000 €"], ["Nantes", "8 000 €"]]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = "Les réunions ont lieu le mardi."
    group = slide.shapes.add_group_shape()
    grouped = group.shapes.add_textbox(Inches(1), Inches(3), Inches(4), Inches(1))
    grouped.text_frame.text = "Texte groupé sous la réunion."
    deck.slides.add_slide(deck.slide_layouts[1])  # placeholders left empty: no prompt read
    return saved(deck)


def test_each_slide_is_a_section_headed_by_its_number_and_title(tmp_path: Path) -> None:
    document = read(tmp_path, review())
    assert document.title == "Revue budgétaire 2026"
    assert headings(document.text) == [
        "Slide 1 · Revue budgétaire 2026",
        "Équipe finances, mars",  # a short line alone over a heading: blocks.py's heading
        "Slide 2 · Chiffre d’affaires",
        "Speaker notes",
        "Slide 3 · Sites",
        "Slide 4",
    ]
    assert "Click to" not in document.text and "Slide 5" not in document.text


def test_bullets_notes_tables_and_groups_are_read_in_order(tmp_path: Path) -> None:
    text = read(tmp_path, review()).text
    assert (
        "## Slide 2 · Chiffre d’affaires\n\n"
        "- Le chiffre d’affaires a progressé de 12 % au troisième trimestre.\n"
        "  - surtout grâce à Lyon\n\n"
        f"### Speaker notes\n\n{NOTE}\n\n## Slide 3"
    ) in text
    table = text.split("## Slide 3 · Sites\n\n")[1].split("\n\n")[0].splitlines()
    assert table[:2] == ["| Site | Budget |", "| --- | --- |"]
    assert [cell.strip() for cell in pipe_pieces(table[2])[1:-1]] == ["Lyon", "12 000 €"]
    assert text.endswith(
        "## Slide 4\n\nLes réunions ont lieu le mardi.\n\nTexte groupé sous la réunion.\n"
    )
    assert "Équipe finances, mars" in text  # a subtitle is no bullet
    assert "- Équipe" not in text


def test_a_numbered_list_a_hidden_slide_and_the_stated_title(tmp_path: Path) -> None:
    deck = Presentation()
    deck.core_properties.title = "  Plan\nd’action "
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Étapes"
    frame = slide.placeholders[1].text_frame
    frame.text = "Ouvrir la vanne"
    frame.add_paragraph().text = "Vérifier la pression"
    for paragraph in frame.paragraphs:
        properties = paragraph._p.get_or_add_pPr()
        properties.append(properties.makeelement(f"{pptx_reader.A_NAMESPACE}buAutoNum"))
        properties[-1].set("type", "alphaLcParenR")
    hidden = deck.slides.add_slide(deck.slide_layouts[5])
    hidden.shapes.title.text = "Chiffres de secours"
    hidden.element.set("show", "0")
    document = read(tmp_path, saved(deck))
    assert document.title == "Plan d’action"
    assert "a) Ouvrir la vanne\nb) Vérifier la pression" in document.text
    assert "## Slide 2 (hidden) · Chiffres de secours" in document.text


def test_the_generic_template_title_gives_way_to_the_first_slide(tmp_path: Path) -> None:
    deck = Presentation()
    deck.core_properties.title = "PowerPoint Presentation"
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "Rapport annuel"
    assert read(tmp_path, saved(deck)).title == "Rapport annuel"


def test_an_empty_deck_has_no_text(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument):
        read(tmp_path, saved(Presentation()))


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", None),
        (b"not a zip at all", pptx_reader.NOT_A_ZIP),
        (officezip.OLE_MAGIC + bytes(600), pptx_reader.OLD_PPT),
        (
            officezip.OLE_MAGIC + "EncryptedPackage".encode("utf-16-le") + bytes(600),
            pptx_reader.ENCRYPTED,
        ),
    ],
)
def test_files_that_are_no_deck_are_skipped_with_one_reason(
    tmp_path: Path, raw: bytes, reason: str | None
) -> None:
    with pytest.raises(UnreadableDocument) as raised:
        read(tmp_path, raw)
    if reason:
        assert raised.value.reason == reason


def test_a_broken_zip_another_zip_and_a_cut_deck_are_skipped(tmp_path: Path) -> None:
    raw = review()
    with pytest.raises(UnreadableDocument, match="damaged"):
        pptx_reader.PptxReader().extract(raw[: len(raw) // 2], "cut.pptx")
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(UnreadableDocument) as raised:
        pptx_reader.PptxReader().extract(stream.getvalue(), "renamed.pptx")
    assert raised.value.reason == pptx_reader.NOT_PPTX


def test_a_shape_python_pptx_cannot_read_is_left_out_with_a_warning() -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Budget"
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(4), Inches(2)).table
    table.cell(0, 0).text = "Item"
    slide.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(1)).text = "Kept text"
    deck.slides.add_slide(deck.slide_layouts[5]).shapes.title.text = "Second"
    odd = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved(deck))) as source,
        zipfile.ZipFile(odd, "w") as target,
    ):
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "ppt/slides/slide1.xml":  # a value python-pptx refuses
                data = data.replace(b"<a:tc>", b'<a:tc vMerge="bogus">', 1)
            target.writestr(entry, data)
    extracted = pptx_reader.PptxReader().extract(odd.getvalue(), "odd.pptx")
    assert extracted.text == "## Slide 1 · Budget\n\nKept text\n\n## Slide 2 · Second\n"
    assert extracted.warnings == ["odd.pptx: shapes that could not be read left out on slide 1"]


def test_a_small_deck_unzipping_to_many_times_its_size_is_refused_as_a_zip_bomb(
    tmp_path: Path,
) -> None:
    """Under MAX_XML_BYTES, but hundreds of times the file: python-pptx would parse it for
    seconds (review A: an 83 KB deck, 5.8 s)."""
    stream = io.BytesIO()
    paragraph = b"<a:p><a:r><a:t>The badge costs ten euros to replace.</a:t></a:r></a:p>"
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(pptx_reader.PRESENTATION_PART, "<p/>")
        archive.writestr("ppt/slides/slide1.xml", paragraph * 100_000)
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, stream.getvalue())
    assert refused.value.reason.startswith("too large to read: 7 MB of XML once unzipped, ")
    assert "times the file's size" in refused.value.reason


def test_a_zip_bomb_and_a_deck_of_too_many_slides_are_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(pptx_reader.PRESENTATION_PART, "<p/>")
        archive.writestr("ppt/slides/slide1.xml", b" " * (pptx_reader.MAX_XML_BYTES + 1))
    monkeypatch.setattr(pptx_reader, "_opened", lambda *_: pytest.fail("parsed"))
    with pytest.raises(UnreadableDocument, match="too large to read: 33 MB of XML"):
        pptx_reader.PptxReader().extract(stream.getvalue(), "bomb.pptx")
    monkeypatch.setattr(pptx_reader, "MAX_SLIDES", 3)
    deck = Presentation()
    for _ in range(4):
        deck.slides.add_slide(deck.slide_layouts[6])
    with pytest.raises(UnreadableDocument) as raised:
        pptx_reader.PptxReader().extract(saved(deck), "long.pptx")
    assert raised.value.reason == "4 slides: more than citeqa reads in one deck (3)"


def test_the_reader_is_registered_for_pptx() -> None:
    reader = reader_for(".PPTX")
    assert reader is not None and reader.kind == "pptx" and not reader.decoded


def test_bytes_corrupted_at_random_are_skipped_with_a_reason_never_raised() -> None:
    reader, good = pptx_reader.PptxReader(), review()
    chance = random.Random(23)
    outcomes = set()
    for _ in range(60):
        raw = bytearray(good)
        for _ in range(chance.randint(1, 12)):
            raw[chance.randrange(len(raw))] = chance.randrange(256)
        try:
            reader.extract(bytes(raw), "deck.pptx")
            outcomes.add("read")
        except UnreadableDocument as refused:
            outcomes.add(refused.reason.split(":")[0])
    said = {"read", "not a readable PowerPoint file", "not a PowerPoint deck", "too large to read"}
    assert "not a readable PowerPoint file" in outcomes and outcomes <= said


def test_a_merged_cell_is_read_once_and_a_one_column_table_as_paragraphs(tmp_path: Path) -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    shapes = slide.shapes
    table = shapes.add_table(3, 3, Inches(1), Inches(1), Inches(6), Inches(2)).table
    for row, cells in enumerate([["Site", "Q1", "Q2"], ["Lyon", "10", "12"], ["Total", "", ""]]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    table.cell(2, 1).text = "22 over two quarters"
    table.cell(2, 1).merge(table.cell(2, 2))
    box = shapes.add_table(2, 1, Inches(1), Inches(4), Inches(6), Inches(1)).table
    box.cell(0, 0).text, box.cell(1, 0).text = "Une seule colonne.", "Deuxième ligne."
    text = read(tmp_path, saved(deck)).text
    assert "| Total | 22 over two quarters |  |" in text
    assert text.count("22 over two quarters") == 1
    assert text.endswith("Une seule colonne.\n\nDeuxième ligne.\n")


def long_table_deck(rows: int) -> bytes:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    table = slide.shapes.add_table(rows, 2, Inches(1), Inches(1), Inches(6), Inches(4)).table
    for row in range(rows):
        table.cell(row, 0).text, table.cell(row, 1).text = f"Site {row}", f"{row} €"
    return saved(deck)


def test_a_table_is_walked_once_and_cut_at_the_cells_all_tables_share(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """python-pptx's rows[i] rebuilds its list of rows: a table of n rows read by index cost
    n² (3,000 rows, 8.5 s of CPU), so its rows are walked once; and a deck's tables share
    MAX_CELLS cells, as an ODF presentation's do."""
    from pptx.table import _RowCollection

    monkeypatch.setattr(_RowCollection, "__getitem__", lambda *_: pytest.fail("indexed"))
    monkeypatch.setattr(pptx_reader, "MAX_CELLS", 6)
    extracted = pptx_reader.PptxReader().extract(long_table_deck(5), "long.pptx")
    assert "| Site 2 | 2 € |" in extracted.text and "Site 3" not in extracted.text
    assert extracted.warnings == [
        "long.pptx: read the first 6 cells of its tables; the rest of them left out"
    ]
    monkeypatch.setattr(pptx_reader, "MAX_CELLS", 10)
    whole = pptx_reader.PptxReader().extract(long_table_deck(5), "long.pptx")
    assert "| Site 4 | 4 € |" in whole.text and whole.warnings == []


def grouped_deck() -> bytes:
    """A group of a text box, a shape of no geometry that is no text box (python-pptx's
    shape_type raises on it) and a second text box."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    for text in ("Grouped first.", "Bare shape text.", "Grouped last."):
        group.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)).text = text
    raw = saved(deck)
    odd = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(odd, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "ppt/slides/slide1.xml":
                bare = data.split(b"Bare shape text.")[0].rsplit(b"<p:sp>", 1)[1]
                data = data.replace(bare, bare.replace(b'txBox="1"', b""))
            target.writestr(entry, data)
    return odd.getvalue()


def test_a_group_member_is_read_or_left_out_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    extracted = pptx_reader.PptxReader().extract(grouped_deck(), "group.pptx")
    assert "Grouped first.\n\nBare shape text.\n\nGrouped last." in extracted.text
    assert extracted.warnings == []
    kind = pptx_reader._placeholder_kind

    def refusing(shape: object) -> str:
        if "Bare" in str(getattr(shape, "text_frame", None) and shape.text_frame.text):  # type: ignore[attr-defined]
            raise ValueError("refused")
        return kind(shape)

    monkeypatch.setattr(pptx_reader, "_placeholder_kind", refusing)
    extracted = pptx_reader.PptxReader().extract(grouped_deck(), "group.pptx")
    assert "Grouped first.\n\nGrouped last." in extracted.text and "Bare" not in extracted.text
    assert extracted.warnings == ["group.pptx: shapes that could not be read left out on slide 1"]


def test_a_table_is_read_through_the_public_rows_when_python_pptx_internals_move() -> None:
    """`_tbl.tr_lst` and `_Row` are python-pptx's internals: a table without them (another
    python-pptx version) gives the same rows through the public `table.rows[n].cells`."""
    table = Presentation(io.BytesIO(long_table_deck(3))).slides[0].shapes[0].table

    class PublicOnly:  # what python-pptx documents of a table: its rows
        rows = table.rows

    def texts(read: object) -> list[list[str]]:
        return [[cell.text for cell in cells] for cells in pptx_reader._row_cells(read)]

    assert texts(PublicOnly()) == texts(table) == [[f"Site {n}", f"{n} €"] for n in range(3)]
