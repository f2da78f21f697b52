"""A long report's footnotes and captions are sentences of their own, a sentence broken by a
page's end is read whole, and a blank page is read empty (readers/pdfnotes.py, pdfmargins.py):
s22 trial, failures 5 and 4's blank page."""

from __future__ import annotations

import pytest
from tests.pdf_files import Line, sized_pdf

from citeqa.blocks import headings
from citeqa.language import split_sentences
from citeqa.readers.pdf import PdfFileReader
from citeqa.sentences import numbers_only_places, without_list_number

HEADER: Line = (8, "Northwind Water Trust - Annual Report 2025")
NOTE = "1 A household is counted as connected when a tap is within 200 metres."
CAPTION = (
    "Figure 4.2 Median turbidity (NTU) by district, 2021-2025; Eastwold is the only district"
    " above 5 NTU"
)


def body(words: str) -> Line:
    return (10, words)


def page(number: int, lines: list[Line]) -> list[Line]:
    """A report's page: its running header, its lines, its number at the bottom."""
    return [HEADER, *lines, (8, str(number))]


def full(number: int) -> list[Line]:
    """A page's four lines of text, in the size of the text."""
    return [
        body(f"Line {n} of page {number} of the report, in the size of its text.") for n in range(4)
    ]


def read(pages: list[list[Line]]) -> tuple[str, list[int]]:
    extracted = PdfFileReader().extract(sized_pdf(pages), "report.pdf")
    return extracted.text, extracted.page_starts or []


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


FIRST = page(
    1,
    [
        body("The trust drilled 37 boreholes this year in four districts of the region."),
        body("Staff noted that progress depends on steady funding and on volunteers who"),
        (8, NOTE),
    ],
)
SECOND = page(
    2,
    [
        body("stay for more than one season. The survey covered 158 households in Siaya."),
        body("Of 18,920 samples tested, 97.4 per cent met the national standard."),
        (9, CAPTION),
        body("The team expanded the guidance on catchment protection after a site visit."),
    ],
)


def test_a_footnote_stands_apart_and_the_broken_sentence_runs_on() -> None:
    """The 8 pt note under a page breaking off mid-sentence was read into that sentence."""
    text, starts = read([FIRST, SECOND])
    found = sentences(text)
    assert NOTE in found
    broken = next(sentence for sentence in found if sentence.startswith("Staff noted"))
    assert broken.endswith("stay for more than one season.")
    assert " ".join(broken.split()).count("volunteers who stay") == 1
    assert text.index(NOTE) < starts[1] <= text.index("stay for more")  # each on its page


def test_a_caption_is_a_sentence_of_its_own() -> None:
    """A 9 pt caption without a final stop ran into the body sentence under it."""
    text, _ = read([FIRST, SECOND])
    assert CAPTION in sentences(text)


def test_a_caption_reading_as_a_heading_heads_nothing() -> None:
    """A short caption keeps to the lines under it (a blank line after it would make it the
    heading of the section's text after the table)."""
    lines = [
        body("The figures of the year are set out below in the usual table."),
        (9, "Table 2.1 Headline figures"),
    ]
    rows = [body("Indicator 2025 2024"), body("Volunteers 1,380 1,120")]
    text, _ = read([page(1, [*lines, *rows]), page(2, full(2))])
    assert "\n\nTable 2.1 Headline figures\nIndicator 2025 2024" in text
    assert "Table 2.1 Headline figures" not in headings(text)


def test_a_body_line_naming_a_table_stays_in_its_paragraph() -> None:
    """A sentence in the text's size opening with "Table 2.1" is no caption."""
    lines = [
        body("Table 2.1 summarises the headline figures of the year against"),
        body("those of 2024, district by district, as in the years before."),
        body("A last line of the page in the size of its text, long enough."),
    ]
    text, _ = read([page(1, lines), page(2, [body("Another page of text."), *lines[2:]])])
    assert "against\nthose of 2024" in text


def test_pages_ending_a_sentence_stay_apart() -> None:
    """A page ending its sentence, or the next opening a new one, keeps the blank line."""
    ended = page(1, [body("A first line of text, long enough."), body("It ends here.")])
    opened = page(2, [body("A new sentence opens the page."), body("Another one follows it.")])
    text, starts = read([ended, opened])
    assert text[starts[1] - 2 : starts[1]] == "\n\n"


def test_a_blank_page_is_read_empty() -> None:
    """A blank page holding only the running header and its number was quoted as them."""
    pages = [page(n, full(n)) for n in range(1, 6)]
    pages[2] = [HEADER, (8, "3")]
    text, starts = read(pages)
    assert text[starts[2] : starts[3]].strip() == ""
    assert "Line 0 of page 4" in text[starts[3] :]


def test_a_short_page_of_its_own_lines_is_kept() -> None:
    """A page of few lines that are no margins (a closing slide) keeps them."""
    text, starts = read([page(1, full(1)), page(2, full(2)), [body("Thank you"), (8, "3")]])
    assert "Thank you" in text[starts[2] :]


def test_numbered_headings_and_contents_lines_number_only_places() -> None:
    assert numbers_only_places("2. Équipe")
    assert numbers_only_places("2.")
    assert numbers_only_places("6.3 Reserves policy")
    assert numbers_only_places("6.1 Income 47 6.2 Expenditure 50 6.3 Reserves policy 53")
    assert numbers_only_places("1 Introduction 3 2 Methods 7")
    assert not numbers_only_places("1.5 litres")
    assert not numbers_only_places("2024")
    assert not numbers_only_places("126 Schools with sanitation blocks 98")
    assert not numbers_only_places("2 Non-revenue water is measured over twelve months.")
    assert not numbers_only_places("Total income was GBP 18.6 million.")


def test_a_list_item_and_a_page_opening_on_a_unit_stay_apart() -> None:
    """A page ending on a list item and the next opening with "pH" were joined as one
    sentence: a list item ends its sentence, "pH", "iPhone", "e.g." carry nothing on."""
    items = [body("Before a visit, the team checks the list below."), body("- check the valves")]
    for opening in ("pH levels were measured at 14 sites.", "e.g. the pumps were tested."):
        text, starts = read([page(1, items), page(2, [body(opening), *full(2)])])
        assert text[starts[1] - 2 : starts[1]] == "\n\n"
    sentence = page(1, [body("The trust drilled boreholes and sold the"), body("second line")])
    text, starts = read([sentence, page(2, [body("iPhone app was launched."), *full(2)])])
    assert text[starts[1] - 2 : starts[1]] == "\n\n"


def test_a_slide_keeps_its_smaller_sub_bullets_in_place() -> None:
    """A slide's 14 pt sub-bullets under its 18 pt bullets were read as a footnote and moved
    before the bullet that breaks off."""
    slide = [
        (28, "Results Q3"),
        (18, "Revenue grew 12%. Costs fell in the north"),
        (18, "New markets opened in the south"),
        (14, "3 regions reported growth"),
        (14, "2 offices closed"),
    ]
    text, _ = read([slide, [(28, "Next steps"), (18, "Hire more staff"), (14, "4 hires")]])
    assert "in the south\n3 regions reported growth\n2 offices closed" in text


def test_a_chapter_page_opening_with_a_larger_heading_still_sets_its_footnote_apart() -> None:
    """A report's chapter page opens with a larger heading too, but its paragraphs wrap."""
    chapter = [
        (14, "2. The year in numbers"),
        body("The trust drilled 37 boreholes this year in four districts of the region, as"),
        body("planned. Staff noted that progress depends on steady funding and on volunteers who"),
        (8, NOTE),
        (8, "1"),
    ]
    text, _ = read([chapter, SECOND[1:]])
    broken = next(sentence for sentence in sentences(text) if sentence.startswith("Staff noted"))
    assert broken.endswith("stay for more than one season.")
    assert NOTE in sentences(text)


def test_a_footnote_is_set_after_the_last_sentence_end_not_an_abbreviation() -> None:
    """The broken sentence's start was the last ". " on the page, an "e.g." inside it."""
    lines = [
        body("The trust drilled 37 boreholes this year in four districts of the region."),
        body("Staff noted that progress depends on funding, e.g. grants, and on volunteers who"),
        (8, NOTE),
    ]
    text, _ = read([page(1, lines), SECOND])
    broken = next(sentence for sentence in sentences(text) if sentence.startswith("Staff noted"))
    assert broken.endswith("stay for more than one season.")
    assert NOTE in sentences(text)


def test_steps_and_quantities_are_no_contents_lines() -> None:
    """A numbered step ending in a value, or a lone entry, read as a contents line."""
    for step in (
        "1. Preheat the oven to 230",
        "2. Set the timeout to 30",
        "3.2 Set the pool size to 20",
        "2.5 Million people 2020",
        "1. Install the package",
    ):
        assert not numbers_only_places(step), step
    assert numbers_only_places("3.2 Results ........ 45")
    assert numbers_only_places("6.3 Reserves policy 53")  # a contents line read alone


@pytest.mark.parametrize(
    ("sentence", "valued"),
    [
        ("2. Click New rule.", "Click New rule."),
        ("  12. Enter the 6-digit code.", "Enter the 6-digit code."),
        ("2.5 mg twice a day.", "2.5 mg twice a day."),  # a decimal is a value
        ("2021. Then the plant closed.", "2021. Then the plant closed."),  # a year too
    ],
)
def test_a_list_items_number_is_no_value(sentence: str, valued: str) -> None:
    assert without_list_number(sentence) == valued
