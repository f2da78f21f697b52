"""A paper read from a PDF: words hyphenated at a line's end joined, its running header and
footer dropped from its pages, its title read past that header, its sections found."""

from __future__ import annotations

import pytest
from tests.one_document_banks import one_document_bank, sentence_opening
from tests.pdf_files import sized_pdf

from citeqa.blocks import headings, label_headings
from citeqa.citedsection import citation_section
from citeqa.models import Chunk
from citeqa.readers.linehyphens import join_hyphenated_pages
from citeqa.readers.pdf import PdfFileReader
from citeqa.readers.pdfmargins import Page, smaller_first_lines
from citeqa.titleonly import only_title

HEADER = (8, "Journal of Plant Methods - Vol. 12 (2025) - 41-47")
PAPER = [
    [
        HEADER,
        (10, "A low-cost humidity chamber for leaf assays"),
        (10, "Tom Reyes(1), Claire Fontaine(1)"),
        (10, "Abstract"),
        (10, "We describe a humidity chamber built from a food storage box."),
        (10, "1 Design"),
        (10, "Leaves rest on water agar with benzimidazole to delay senes-"),
        (10, "cence. The lid has two vents covered with filter paper."),
        (8, "J Plant Methods 12: page 1 of 2"),
    ],
    [
        HEADER,
        (10, "2 Validation"),
        (10, "Table 1. Comparison with a commercial chamber"),
        (10, "Chamber        RH mean   Cost"),
        (10, "Ours           95.1%     48 GBP"),
        (10, "Septoria lesions developed in 11 days in both chambers."),
        (8, "J Plant Methods 12: page 2 of 2"),
    ],
]


def test_a_word_hyphenated_at_a_line_end_is_joined_and_its_line_keeps_its_place() -> None:
    text = "to delay senes-\ncence. The lid has two vents cov-\nered with paper.\n"
    assert (
        join_hyphenated_pages([text])[0]
        == "to delay senescence.\nThe lid has two vents covered\nwith paper.\n"
    )


def test_a_compound_the_document_writes_whole_keeps_its_hyphen() -> None:
    """Kept, and read as one word: the line's break moves after it (a preview read
    "pré- demande", s21 trial)."""
    written = "Lyme disease is tick-borne. It is tick-\nborne in deer too."
    assert join_hyphenated_pages([written])[0] == written.replace("tick-\nborne ", "tick-borne\n")
    halves = "A rule based on data. A rule-\nbased filter."
    assert join_hyphenated_pages([halves])[0] == "A rule based on data. A rule-based\nfilter."
    joined_elsewhere = "The controller logs. The con-\ntroller beeps."
    assert (
        join_hyphenated_pages([joined_elsewhere])[0]
        == "The controller logs. The controller\nbeeps."
    )


def test_a_compound_written_whole_on_another_page_keeps_its_hyphen() -> None:
    """The evidence is the document's, not the page's: page 1's "tick-borne" kept page 2's
    "tick-⏎borne" from reading "tickborne" only on page 1 (session 18's review)."""
    pages = ["Lyme disease is tick-borne.", "It is tick-\nborne in deer too."]
    assert join_hyphenated_pages(pages) == [pages[0], "It is tick-borne\nin deer too."]
    assert join_hyphenated_pages(["The controller logs.", "The con-\ntroller beeps."]) == [
        "The controller logs.",
        "The controller\nbeeps.",
    ]


def test_a_pdf_keeps_the_hyphen_of_a_compound_another_page_writes_whole() -> None:
    pages = [[(10, "Lyme disease is tick-borne in most regions.")], [(10, "It is tick-")]]
    pages[1].append((10, "borne in deer too."))
    text = PdfFileReader().extract(sized_pdf(pages), "lyme.pdf").text
    assert "tick-borne\nin deer" in text and "tickborne" not in text


def test_a_line_end_hyphen_before_a_capital_of_any_alphabet_is_left_alone() -> None:
    """ "Saint-⏎Étienne" read "SaintÉtienne": only A-Z counted as capitals."""
    for text in (
        "à Saint-\nÉtienne demain",
        "the Yung-\nΩmega line",
    ):
        assert join_hyphenated_pages([text])[0] == text
    after = "à Saint-\nÉtienne, la senes-\ncence"
    assert join_hyphenated_pages([after])[0] == "à Saint-\nÉtienne, la senescence"


def test_a_multi_part_compound_or_a_written_tail_keeps_its_hyphen() -> None:
    """Joined when the document wrote neither form: "state-of-the-⏎art" read
    "state-of-theart", "cross-⏎sectional" "crosssectional" (session 18's review)."""
    assert (
        join_hyphenated_pages(["the state-of-the-\nart method"])[0]
        == "the state-of-the-art\nmethod"
    )
    pretreated = "the pre-treat-\nment of samples"
    assert join_hyphenated_pages([pretreated])[0] == "the pre-treatment\nof samples"
    survey = "A cross-\nsectional survey. Sectional data were kept."
    assert join_hyphenated_pages([survey])[0] == survey.replace("-\nsectional ", "-sectional\n")


def test_a_known_compound_or_two_words_keep_the_hyphen_unless_joined_is_a_word() -> None:
    """ "l'après-⏎midi" read "l'aprèsmidi" (s21 trial): a compound the data knows, or two
    halves that are words whose joined form is none, keeps its hyphen; "with-⏎out" and a
    syllable break ("senes-⏎cence") are joined."""
    assert (
        join_hyphenated_pages(["fermée l'après-\nmidi du vendredi."])[0]
        == "fermée l'après-midi\ndu vendredi."
    )
    assert join_hyphenated_pages(["a low-\ndose regimen"])[0] == "a low-dose\nregimen"
    assert join_hyphenated_pages(["with-\nout doubt"])[0] == "without\ndoubt"
    assert join_hyphenated_pages(["delay senes-\ncence now"])[0] == "delay senescence\nnow"
    soft = "a low\u00ad\ndose regimen"  # a compound at a soft hyphen: left as it is
    assert join_hyphenated_pages([soft])[0] == soft


@pytest.mark.parametrize(
    "head, tail",
    [
        ("short", "ness"),
        ("read", "able"),
        ("adapt", "able"),
        ("steward", "ship"),
        ("home", "ward"),
        ("over", "weight"),
        ("work", "load"),
        ("hyper", "tension"),
        ("fort", "night"),
    ],
)
def test_a_word_derived_from_two_words_is_joined(head: str, tail: str) -> None:
    """Both halves are words, but the tail is a suffix or a second half written solid, or the
    head one written solid with what follows (s22 review: "short-ness", main joined it); a
    compound written elsewhere, "low-dose" and "over-the-counter" keep their hyphen."""
    text = f"the {head}-\n{tail} of it"
    assert join_hyphenated_pages([text])[0] == f"the {head}{tail}\nof it"
    written = f"The {head}-{tail} case. " + text
    expected = f"The {head}-{tail} case. the {head}-{tail}\nof it"
    assert join_hyphenated_pages([written])[0] == expected


def test_a_compound_after_a_solid_head_and_a_syllable_break_are_unchanged() -> None:
    assert join_hyphenated_pages(["a low-\ndose regimen"])[0] == "a low-dose\nregimen"
    assert join_hyphenated_pages(["the infor-\nmation"])[0] == "the information"
    counter = "an over-\nthe-counter drug"
    assert join_hyphenated_pages([counter])[0] == "an over-the-counter\ndrug"


def test_numbers_and_capitals_after_a_line_end_hyphen_are_left_alone() -> None:
    for text in (
        "cases of COVID-\n19 rose",
        "a Monte-\nCarlo run",
        "costs -\nnone",
        "range 5-\n10 kg",
    ):
        assert join_hyphenated_pages([text])[0] == text


def test_a_paper_pdf_loses_its_repeated_header_and_footer_but_not_its_first_header() -> None:
    extracted = PdfFileReader().extract(sized_pdf(PAPER), "papers/reyes.pdf")
    text = extracted.text
    assert text.count(HEADER[1]) == 1 and text.startswith(HEADER[1])
    assert "page 1 of 2" not in text and "page 2 of 2" not in text
    assert "to delay senescence." in text
    assert extracted.page_starts is not None
    second = extracted.page_starts[1]
    assert text[second:].startswith("2 Validation\nTable 1.")
    assert extracted.title == "A low-cost humidity chamber for leaf assays"


def test_a_one_page_paper_is_titled_past_its_smaller_header() -> None:
    extracted = PdfFileReader().extract(sized_pdf(PAPER[:1]), "reyes.pdf")
    assert extracted.title == "A low-cost humidity chamber for leaf assays"
    assert extracted.text.startswith(HEADER[1])


def test_a_line_repeated_on_few_pages_is_no_margin() -> None:
    """A manual page ends some of its pages with "Example:", its example on the next page."""
    pages = [
        [(10, f"Option {n} does this and that to the file."), (10, "More text here.")]
        for n in range(6)
    ]
    pages[1].append((10, "Example:"))
    pages[3].append((10, "Example:"))
    text = PdfFileReader().extract(sized_pdf(pages), "man.pdf").text
    assert text.count("Example:") == 2


def whole(text: str, section: str | None = None) -> Chunk:
    """A chunk holding all of `text`."""
    return Chunk(chunk_id="c0", doc_id="paper", start=0, end=len(text), text=text, section=section)


def test_a_quote_under_a_papers_section_the_build_does_not_cut_at_is_cited_under_it() -> None:
    """The section a citation names is the quote's own: "Abstract" under the authors' lines,
    "2 Validation" over a table's caption, though the build cuts at neither."""
    text = PdfFileReader().extract(sized_pdf(PAPER), "reyes.pdf").text
    chunk = whole(text)
    cited = {
        phrase: citation_section(text, chunk, text.index(phrase))
        for phrase in ("We describe a humidity", "Leaves rest on", "Septoria lesions")
    }
    assert cited == {
        "We describe a humidity": "Abstract",
        "Leaves rest on": "1 Design",
        "Septoria lesions": "2 Validation",
    }
    assert "Abstract" not in headings(text)  # cut as before: the label alone reads them


def test_a_numbered_heading_over_a_narrow_column_names_its_quotes() -> None:
    text = (
        "1 Introduction\n"
        "Septoria tritici blotch is the most damaging foliar disease of wheat in\n"
        "Europe [1]. Warmer winters may change which isolates dominate [4].\n"
        "2 Methods\n"
        "Isolates came from Denmark (24), France\n"
        "(24), Ireland (24) and Spain (24). Growth\n"
        "was measured as colony diameter.\n"
    )
    assert citation_section(text, whole(text), text.index("Isolates")) == "2 Methods"
    assert citation_section(text, whole(text), text.index("Europe")) == "1 Introduction"


def test_a_paper_heading_word_inside_a_sentence_names_nothing() -> None:
    text = "The methods section follows.\nSee the\nreferences\nfor details of the assay we ran.\n"
    assert label_headings(text) == []


TITLE_BLOCK = """Phytopathology Letters · 2024 · 18(3)
Temperature limits for growth of Zymoseptoria tritici isolates
from four European countries
Sofia Marquez(1), Jonas Eriksen(2)
(1) Laboratory of Cereal Pathogen Genomics, University of Northbrook, UK
Abstract
We measured in vitro growth of 96 Z. tritici isolates between 5 and 30 °C. Optimal growth
was at 18 °C; no isolate grew at 30 °C.
"""


def test_a_papers_title_block_is_no_quote_but_its_abstract_is() -> None:
    """A title wrapped over two lines is one sentence past the title read from its first line:
    only a title all the same, never quoted alone (with the authors under it, the answer at .80
    in the s18 trial)."""
    bank = one_document_bank(
        TITLE_BLOCK, "txt", "Temperature limits for growth of Zymoseptoria tritici isolates"
    )
    block, abstract = (
        sentence_opening(bank, "Temperature limits"),
        sentence_opening(bank, "We measured"),
    )
    assert TITLE_BLOCK[slice(*_span(bank, block))].endswith("European countries")
    assert only_title(bank, block)  # type: ignore[arg-type]
    assert not only_title(bank, abstract)  # type: ignore[arg-type]
    short = one_document_bank(
        "Kiln\nKiln firing runs at 900 C on Fridays, glaze after\n", "txt", "Kiln"
    )
    assert not only_title(short, sentence_opening(short, "Kiln firing"))  # type: ignore[arg-type]


def _span(bank: object, index: int) -> tuple[int, int]:
    sentence = bank.sentences[index]  # type: ignore[attr-defined]
    return sentence.start, sentence.end


def test_the_small_opening_lines_are_counted_line_by_line_spaces_evened() -> None:
    """pdfmargins.smaller_first_lines, read with a running prefix since s19 (hostile 7): the
    lines the small pieces open with, their spaces evened, up to the first line they do not
    cover whole (a line the body size takes up half of is not counted)."""
    body = ("A humidity chamber for leaf assays\nLeaves rest on water agar.\n", 10.0)
    journal = ("Journal  of Plant\tMethods\n", 8.0)
    two = Page(
        f"Journal of Plant Methods\n\n  Vol. 12 (2025)\n{body[0]}",
        (journal, ("Vol.  12 (2025)\n", 8.0), body),
    )
    assert smaller_first_lines(two) == 2
    half = Page(
        f"Journal of Plant Methods\nVol. 12 (2025)\n{body[0]}",
        (journal, ("Vol.", 8.0), (" 12 (2025)\n", 10.0), body),
    )
    assert smaller_first_lines(half) == 1
    word_cut = Page(f"Journal of Plant Methodsology\n{body[0]}", (journal, body))
    assert smaller_first_lines(word_cut) == 0
    assert smaller_first_lines(Page(body[0], (body,))) == 0


def test_a_break_at_a_pages_opening_is_read_from_its_own_characters() -> None:
    """linehyphens._in_compound reads the two characters before the break's head (s19 hostile
    7: it sliced the whole page before every break): a head opening the page, or one
    character in, has no compound before it."""
    assert join_hyphenated_pages(["senes-\ncence. The senescence"]) == [
        "senescence.\nThe senescence"
    ]
    assert join_hyphenated_pages(["-senes-\ncence. The senescence"]) == [
        "-senescence.\nThe senescence"
    ]
    assert join_hyphenated_pages(["a-senes-\ncence. The senes"]) == ["a-senes-cence.\nThe senes"]
