"""A PDF is titled by the title its metadata states when that is a real title
(readers/pdftitle.py): two town-hall PDFs opening with the same line, "COMMUNE DE
SAINT-AUBIN-LES-VIGNES", were titled alike though each states its own /Title (s21 trial)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.xmp import XmpInformation

from citeqa.readers.pdf import PdfFileReader
from citeqa.readers.pdftitle import is_real_title
from pdf_files import minimal_pdf

OPENING = "COMMUNE DE SAINT-AUBIN-LES-VIGNES"


def with_metadata(pdf: bytes, title: str | None = None, xmp_title: str | None = None) -> bytes:
    """`pdf` with a document-information /Title and an XMP dc:title, each when given."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if title is not None:
        writer.add_metadata({"/Title": title})
    if xmp_title is not None:
        xmp = XmpInformation.create()
        xmp.dc_title = {"x-default": xmp_title}
        writer.xmp_metadata = xmp
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def title_of(pdf: bytes, name: str = "deliberations-2025-03-27.pdf") -> str | None:
    return PdfFileReader().extract(pdf, name).title


def test_two_pdfs_opening_alike_are_titled_by_their_metadata() -> None:
    pages = [f"{OPENING}\nSéance du 27 mars 2025", "Délibération n° 2025-16"]
    march = with_metadata(minimal_pdf(pages), "Délibérations du conseil du 27 mars 2025")
    june = with_metadata(minimal_pdf(pages), "Délibérations du conseil du 19 juin 2025")
    assert title_of(march) == "Délibérations du conseil du 27 mars 2025"
    assert title_of(june) == "Délibérations du conseil du 19 juin 2025"


def test_the_xmp_title_stands_when_the_information_has_none() -> None:
    pdf = with_metadata(minimal_pdf(["Some text"]), xmp_title="Annual  report\n2025")
    assert title_of(pdf) == "Annual report 2025"


def test_a_placeholder_title_gives_way_to_the_xmp_title() -> None:
    """ "else XMP" when /Title is no real title too, not only when it is absent (s22 review)."""
    pdf = with_metadata(minimal_pdf(["Some text"]), "Untitled", xmp_title="Annual report 2025")
    assert title_of(pdf) == "Annual report 2025"


def test_a_stated_titles_control_characters_show_as_any_titles_do() -> None:
    """An escape sequence, a bell and a NUL in /Title reached sources and status (s22 review):
    shown by their stand-ins as every title's are (titles.visible_title), those at its ends
    dropped, before a placeholder is told ("Untitled" and a NUL is none)."""
    pdf = with_metadata(minimal_pdf(["Some text"]), "Rapport\x1b[31m annuel\x07 2024\x00")
    assert title_of(pdf) == "Rapport␛[31m annuel␇ 2024"
    assert title_of(with_metadata(minimal_pdf(["Some text"]), "Untitled\x00")) is None


@pytest.mark.parametrize(
    "title",
    [
        "Untitled",
        "Document1",
        "Sans titre (2)",
        "Présentation PowerPoint",
        "Microsoft Word - rapport final.docx",
        "C:\\temp\\draft.doc",
        "report.tex",
        "deliberations_2025-03-27",  # the file's own stem
        "DELIBERATIONS-2025-03-27",
        "  ",
        "1",
    ],
)
def test_a_tool_written_title_is_none_and_the_text_titles_the_file(title: str) -> None:
    assert not is_real_title(title, "deliberations-2025-03-27.pdf")
    pdf = with_metadata(minimal_pdf(["Compte rendu de la séance"]), title)
    assert title_of(pdf) in (None, "Compte rendu de la séance")


@pytest.mark.parametrize(
    "title", ["Délibérations du conseil du 27 mars 2025", "Document retention policy", "Title IX"]
)
def test_a_real_title_is_kept(title: str) -> None:
    assert is_real_title(title, "deliberations-2025-03-27.pdf")
    assert is_real_title("Guide des démarches", "guide-des-demarches.pdf")  # words: the author's


def test_a_pdf_without_metadata_keeps_its_first_line_title() -> None:
    assert title_of(minimal_pdf([f"{OPENING}\nSéance"])) is None  # derived from its text


def test_a_damaged_metadata_dictionary_is_no_title() -> None:
    pdf = minimal_pdf(["Some text"]).replace(
        b"trailer\n<< /Size", b"trailer\n<< /Info 99 0 R /Size"
    )
    assert title_of(pdf) is None
