"""RTF files (readers/rtf.py): paragraphs apart, escapes decoded, tables of fonts, colours,
styles and the document's info skipped, the title from {\\info{\\title …}}, headings, tables
and footnotes; hostile files read in bounded time or skipped with one reason."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from citeqa.blocks import headings
from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import reader_for
from citeqa.readers.officezip import OLE_MAGIC
from citeqa.readers.rtf import NOT_RTF, OLD_WORD, RtfReader
from citeqa.tables import row_cells

HEAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}{\f1\fcharset204 Arial"
    r" Cyr;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}{\s1\f0\b heading 1;}}"
    r"{\info{\title Office move memo}{\author J. Durand}{\creatim\yr2024\mo3\dy4}}"
)


def read(tmp_path: Path, rtf: str | bytes) -> tuple[str, str]:
    path = tmp_path / "memo.rtf"
    path.write_bytes(rtf.encode("latin-1") if isinstance(rtf, str) else rtf)
    document = read_document(path, tmp_path, {})
    return document.text, document.title


def test_rtf_files_are_read_by_the_rtf_reader() -> None:
    reader = reader_for(".RTF")
    assert reader is not None and reader.kind == "rtf" and not reader.decoded


def test_paragraphs_escapes_and_the_info_title(tmp_path: Path) -> None:
    rtf = HEAD + (
        r"\pard\plain\s1\b Office move\par"
        r"\pard\plain The caf\'e9 closes on {\b 14 March}.\par"
        "\n"
        r"Ask Ren\u233?e at reception \endash  no exceptions.\line Thanks.\par}"
    )
    text, title = read(tmp_path, rtf)
    assert title == "Office move memo"
    assert text == (
        "# Office move\n\nThe café closes on 14 March.\n\n"
        "Ask Renée at reception – no exceptions.\nThanks.\n"
    )
    for skipped in ("Times", "Normal", "Durand", "red0", "2024"):
        assert skipped not in text


def test_a_heading_style_or_outline_level_is_a_heading(tmp_path: Path) -> None:
    rtf = (
        HEAD + r"\pard\s1 Scope\par\pard Body text.\par\pard\outlinelevel1 Details\par\pard x\par}"
    )
    text, _ = read(tmp_path, rtf)
    assert headings(text) == ["Scope", "Details"]
    assert "## Details" in text


def test_a_character_past_the_basic_plane_and_a_font_code_page(tmp_path: Path) -> None:
    rtf = HEAD + r"\pard Bees \u-10179?\u-9187? and {\f1 \'cf\'f0\'e8\'e2\'e5\'f2}.\par}"
    text, _ = read(tmp_path, rtf)
    assert text == "Bees \U0001f41d and Привет.\n"


def test_a_table_is_a_pipe_table_under_its_first_row(tmp_path: Path) -> None:
    row = r"\trowd\cellx1000\cellx2000\pard\intbl {0}\cell {1}\cell\row"
    rtf = (
        HEAD
        + r"\pard Before.\par"
        + row.replace("{0}", "Month").replace("{1}", "Task")
        + row.replace("{0}", "April").replace("{1}", "First inspection")
        + r"\pard After.\par}"
    )
    text, _ = read(tmp_path, rtf)
    assert text.startswith("Before.\n\n| Month | Task |\n| --- | --- |\n")
    assert text.endswith("\n\nAfter.\n")
    table = (text.index("| Month"), text.index("\n\nAfter"))
    assert row_cells(text, table) == [["Month", "Task"], ["April", "First inspection"]]


def test_a_table_is_written_as_a_csv_files_an_empty_spacer_column_left_out(
    tmp_path: Path,
) -> None:
    row = r"\trowd\cellx1000\cellx1500\cellx2500\pard\intbl {0}\cell \cell {1}\cell\row"
    rtf = (
        HEAD
        + row.replace("{0}", "Month").replace("{1}", "Task")
        + row.replace("{0}", "April").replace("{1}", "First inspection")
        + r"\pard After.\par}"
    )
    text, _ = read(tmp_path, rtf)
    assert text.startswith("| Month | Task |\n| --- | --- |\n| April | First inspection |\n")


def test_footnotes_are_read_last_numbered(tmp_path: Path) -> None:
    rtf = HEAD + (
        r"\pard A hive costs 120 euros.{\super\chftn}{\footnote\pard\plain{\super\chftn}"
        r" Survey of {\i twelve} suppliers.}\par\pard More text.\par}"
    )
    text, _ = read(tmp_path, rtf)
    assert text == "A hive costs 120 euros.\n\nMore text.\n\n[1] Survey of twelve suppliers.\n"


def test_pictures_objects_fields_and_binary_data_are_no_text(tmp_path: Path) -> None:
    rtf = (
        HEAD.encode()
        + rb'\pard See {\field{\*\fldinst{HYPERLINK "https://x.example"}}{\fldrslt the site}}.'
        + rb"{\pict\pngblip 89504e47}{\*\shppict{\pict\bin4 "
        + b"\x00{}\\"
        + rb"}}\par}"
    )
    text, _ = read(tmp_path, rtf)
    assert text == "See the site.\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [("Just text, saved as .rtf", NOT_RTF), (OLE_MAGIC + bytes(600), OLD_WORD)],
)
def test_a_file_that_is_no_rtf_is_skipped_with_one_reason(
    tmp_path: Path, content: str | bytes, reason: str
) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, content)
    assert refused.value.reason == reason


HOSTILE = {
    "100,000 nested groups": "{\\rtf1 " + "{" * 100_000 + "deep" + "}" * 100_000,
    "100,000 groups never closed": "{\\rtf1 " + "{" * 100_000 + "deep",
    "a long font table": r"{\rtf1{\fonttbl" + r"{\f1 Arial}" * 20_000 + "}deep}",
    "nested fields": r"{\rtf1 " + r"{\field{\*\fldinst{HYPERLINK x}}{\fldrslt " * 20_000 + "deep",
    "binary data without a count or past the end": r"{\rtf1 \bin deep\pict\bin99999999999 x}",
    "escapes out of range": r"{\rtf1 \u-99999999? \ansicpg99999 \'zz \ucx deep\}",
}


@pytest.mark.parametrize("rtf", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_files_are_read_without_a_traceback(rtf: str) -> None:
    assert "deep" in RtfReader().extract(rtf.encode(), "hostile.rtf").text


def test_a_utf8_file_with_raw_characters_is_decoded(tmp_path: Path) -> None:
    text, _ = read(tmp_path, "{\\rtf1\\ansi \\pard Crème brûlée.\\par}".encode())
    assert text == "Crème brûlée.\n"


def test_bytes_corrupted_at_random_are_read_or_skipped_never_raised() -> None:
    original = (HEAD + r"\pard\s1 Scope\par\pard The caf\'e9 \u233? {\footnote x}.\par}").encode()
    generator = random.Random(23)
    for _ in range(200):
        damaged = bytearray(original)
        for _ in range(generator.randint(1, 12)):
            damaged[generator.randrange(len(damaged))] = generator.randrange(256)
        try:
            RtfReader().extract(bytes(damaged), "memo.rtf")
        except UnreadableDocument as refused:
            assert refused.reason in (NOT_RTF, OLD_WORD)


def test_an_info_titles_control_characters_show_as_any_titles_do(tmp_path: Path) -> None:
    """As a markdown heading's (titles.visible_title, s26 hostile probe): an ESC inside shown
    by its stand-in, not made a space that glued "[31m" to the word; those at the ends dropped;
    a title of controls alone is none, and the text's first line titles the memo."""
    body = r"\pard\plain The café closes at six.\par}"
    shown = HEAD.replace(r"\title Office move memo", r"\title Memo \'1b[31mred\'07")
    assert read(tmp_path, shown + body)[1] == "Memo ␛[31mred"
    empty = HEAD.replace(r"\title Office move memo", r"\title \'07\'1b")
    assert read(tmp_path, empty + body)[1] == "The café closes at six."
