"""A delimited export saved as plain text (one record a line, fields set against semicolons):
each record is one sentence, so a quote is the asked record whole.

Found by the s43 quote analysis (research set, dev half): the isolate table of a lab's .txt
export read as one hard-wrapped paragraph (its lines are as long as each other), so its records
ran into sentences cut at "wheat cv." and a question about one isolate quoted the header and
two other records.
"""

from __future__ import annotations

from citeqa.chunking import chunk_document
from citeqa.language import is_record_line, record_header, split_sentences
from citeqa.models import Document
from citeqa.tallies import document_sentences

EXPORT = (
    "NCPG isolate collection (export 2025-09-01)\n"
    "isolate_id;species;country;year;host;freezer;notes\n"
    "IPO323;Zymoseptoria tritici;Netherlands;1981;wheat;F-80-A;reference strain\n"
    "ZT-DK-07;Zymoseptoria tritici;Denmark;2021;wheat cv. Sheriff;F-80-A;fast at 10 °C\n"
    "ZT-ES-12;Zymoseptoria tritici;Spain;2022;durum wheat;F-80-A;heat tolerant\n"
    "PH-1;Fusarium graminearum;USA;1996;wheat;F-80-A;LAMP positive control\n"
    "FG-UK-33;Fusarium graminearum;UK;2023;wheat cv. Skyfall;F-80-A;high DON producer\n"
    "WAR-11;Puccinia striiformis;Denmark;2011;wheat;F-80-B;Warrior race\n"
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_each_record_of_a_semicolon_export_is_one_sentence() -> None:
    found = sentences(EXPORT)
    for record in EXPORT.splitlines()[2:]:
        assert record in found  # whole: "wheat cv. Sheriff" cuts no record


def test_each_record_of_a_crlf_export_is_one_sentence_too() -> None:
    """s44: an export saved with CRLF line ends read no records: "ZT-DK-07;…;wheat cv." and
    "Sheriff;F-80-A;…" were two sentences."""
    crlf = EXPORT.replace("\n", "\r\n")
    found = sentences(crlf)
    for record in EXPORT.splitlines()[2:]:
        assert record in found


def test_wrapped_prose_with_semicolons_still_runs_on() -> None:
    prose = (
        "The isolates were grown on potato dextrose agar; the plates were kept at 18 degrees\n"
        "for ten days; spores were then washed off with sterile water and counted under the\n"
        "microscope before the inoculation of the seedlings in the glasshouse trial.\n"
    )
    assert len(sentences(prose)) == 1


def test_two_lines_of_different_fields_are_no_records() -> None:
    text = (
        "Keep the strain list up to date;see the freezer map;ask Ana first if unsure about it\n"
        "the boxes of the second freezer;they are labelled by rack and by shelf number here\n"
    )
    assert sentences(text) == [text.strip()]


def test_the_index_stores_each_record_as_one_sentence() -> None:
    document = Document(doc_id="d", title="t", path="/d.txt", text=EXPORT, sha256="0")
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    indexed = [EXPORT[start:end] for _, start, end in document_sentences(EXPORT, chunks, "text")]
    assert "WAR-11;Puccinia striiformis;Denmark;2011;wheat;F-80-B;Warrior race" in indexed
    assert "FG-UK-33;Fusarium graminearum;UK;2023;wheat cv. Skyfall;F-80-A;high DON producer" in (
        indexed
    )


def test_a_records_header_is_the_first_line_of_its_run_when_it_writes_no_digit() -> None:
    """s44: a record of a delimited export is quoted under its field names, as a table's row
    under its header row."""
    text = (
        "NCPG isolate collection (export 2025-09-01)\n"
        "isolate_id;species;country;year;host\r\n"
        "IPO323;Zymoseptoria tritici;Netherlands;1981;wheat\r\n"
        "ZT-ES-12;Zymoseptoria tritici;Spain;2022;durum wheat\n"
    )
    record = text.index("ZT-ES-12")
    header = record_header(text, record)
    assert header is not None and text[slice(*header)] == "isolate_id;species;country;year;host"
    assert record_header(text, text.index("isolate_id")) is None  # the header itself
    bare = text[text.index("IPO323") :]  # the run opens on a record: no field names
    assert record_header(bare, bare.index("ZT-ES-12")) is None
    assert is_record_line(text, record, len(text) - 1)
