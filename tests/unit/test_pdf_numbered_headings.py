"""A PDF's numbered heading lines ("3. Results", "2.1 Study area") head sections, in the text's
own style or drawn bolder (readers/pdfnumbered.py, pdfheadings.py); a numbered list's items, a
table's rows, a reference list and a manual's numbered steps do not."""

from __future__ import annotations

import textwrap

from tests.pdf_files import BOLD, Line, sized_pdf

from citeqa.blocks import headings
from citeqa.chunking import section_of
from citeqa.models import Chunk
from citeqa.readers.pdf import PdfFileReader
from citeqa.readers.pdfnumbered import with_numbered_headings_apart


def prose(text: str) -> list[Line]:
    return [(10, line) for line in textwrap.wrap(text, 85)]


def paper(mark: str = "") -> list[Line]:
    """A paper's page whose numbered headings follow lines ending no sentence (the keywords
    line, a table's last row), set in the text's style (`mark` "") or in bold (BOLD)."""
    return [
        (16, "Soil moisture and wheat yield in dry years"),
        (10, "Abstract"),
        *prose("We studied how soil moisture in spring shapes wheat yield on forty farms."),
        (10, "Keywords: soil moisture; wheat; drought"),
        (10, mark + "1. Introduction"),
        *prose("Wheat yield depends on water available during grain filling in dry years."),
        (10, mark + "2. Methods"),
        (10, mark + "2.1 Study area"),
        *prose("The farms lie on a loess plateau at 600 to 900 metres of altitude."),
        (10, "Table 1. Plots per site"),
        (10, "Site A 12 4"),
        (10, "Site B 11 3"),
        (10, mark + "3. Results"),
        *prose("Soil moisture at 60 centimetres in April explained most of the variation."),
        (10, mark + "4 Discussion"),
        *prose("Measuring moisture at depth gives farmers a two month warning of a poor harvest."),
    ]


def read(page: list[Line]) -> str:
    return PdfFileReader().extract(sized_pdf([page]), "paper.pdf").text


PAPER_HEADINGS = ["1. Introduction", "2. Methods", "2.1 Study area", "3. Results", "4 Discussion"]


def test_numbered_headings_after_lines_ending_no_sentence_head_sections() -> None:
    """Under the keywords line and a table's last row, "1. Introduction" and "3. Results" were
    read as lines of the text above them: no section named Results."""
    text = read(paper())
    assert headings(text) == PAPER_HEADINGS
    assert "Site B 11 3\n\n3. Results\nSoil moisture" in text


def test_bold_numbered_headings_head_sections() -> None:
    """A bold "3. Results" stood alone, read as a list's first item, and "2. Methods" over "2.1
    Study area" as no heading at all."""
    assert headings(read(paper(BOLD))) == PAPER_HEADINGS


def test_a_quote_under_a_numbered_heading_stands_in_its_section() -> None:
    text = read(paper())
    offset = text.index("Soil moisture at 60")
    chunk = Chunk(chunk_id="c", doc_id="paper.pdf", start=0, end=len(text), text=text)
    assert section_of(text, chunk, offset) == "3. Results"
    assert section_of(text, chunk, text.index("The farms lie")) == "2.1 Study area"


def test_lists_tables_references_and_steps_head_nothing() -> None:
    """Numbered lines that are no headings: a list's items ("1. Apples" over "2. Pears"), a
    reference list ("1. Smith J, …"), a table's numbered rows, a manual's steps in sentence
    case (under lines ending no sentence), and a numbered line breaking a sentence off."""
    page: list[Line] = [
        (10, "Soil moisture and wheat yield in dry years"),
        *prose("We bought the following fruit at the market on Saturday morning for the stall:"),
        (10, "1. Apples"),
        (10, "2. Pears"),
        *prose("Both were sold out before noon, which had not happened in any earlier season."),
        (10, "Tools: a screwdriver and gloves"),
        (10, "1. Open the lid"),
        (10, "Turn the dial until the light shows green, then wait for two full minutes"),
        (10, "2. Close the lid"),
        (10, "Press the start button and write down the value shown on the small screen"),
        (10, "Table 2. Yield by plot"),
        (10, "1 Site A 12 4"),
        (10, "2 Site B 11 3"),
        *prose("The plots of site A gave more grain in every season of the study period."),
        (10, "The samples were then divided into"),
        (10, "2 Groups Receiving Water"),
        *prose("Each group was watered on its own schedule over the whole of the season."),
        (10, "References"),
        (10, "1. Smith J, Brown K. Rainfall and yield. Field Crops Res. 2010;12:1-9."),
        (10, "2. Lee H. Soil water at depth and its measurement. Agron J. 2015;4:33-40."),
    ]
    text = read(page)
    assert "\n\n" not in text
    assert headings(text) == []


def test_a_plain_paper_whose_headings_follow_sentences_reads_as_before() -> None:
    """Headings after a sentence's end were read already: no blank line is added."""
    page: list[Line] = [
        (10, "Soil moisture and wheat yield in dry years"),
        *prose("We studied how soil moisture in spring shapes wheat yield on forty farms."),
        (10, "3. Results"),
        *prose("Soil moisture at 60 centimetres in April explained most of the variation."),
    ]
    text = read(page)
    assert "\n\n" not in text
    assert headings(text) == ["3. Results"]


def test_odd_pages_are_left_as_they_are() -> None:
    """Empty pages, a bare number, a heading closing its page, a long numbered line: unchanged."""
    pages = [
        "",
        "\n\n",
        "1.",
        "Keywords: soil\n3. Results",
        "Keywords: soil\n3. " + "Results " * 2000 + "\n" + "A long line of prose " * 5,
        "Keywords: soil\n12 Site A 4\nA line of prose long enough to be read as prose.",
    ]
    assert with_numbered_headings_apart(pages) == pages
