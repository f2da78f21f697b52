"""A PDF's lines set larger or bolder than its text stand apart as headings, when they read as
headings (readers/pdfheadings.py): a council's numbered decisions are read one by one."""

from __future__ import annotations

from tests.pdf_files import BOLD, Line, sized_pdf

from citeqa.blocks import headings
from citeqa.language import split_sentences
from citeqa.readers.pdf import PdfFileReader
from citeqa.readers.pdfheadings import is_bold_font

VOTE_12 = "Vote : 18 pour, 0 contre, 2 abstentions."
HEADING_16 = "Délibération n° 2025-16 - Subventions aux associations"
MINUTES: list[Line] = [
    (12, BOLD + "COMMUNE DE SAINT-AUBIN"),
    (10, "Le conseil municipal, légalement convoqué, s'est réuni à la mairie sous la"),
    (10, "présidence de Mme Garnier, maire. Présents : 19."),
    (12, BOLD + "Délibération n° 2025-12 - Approbation du compte administratif 2024"),
    (10, "Le conseil municipal approuve le compte administratif 2024, qui fait apparaître un"),
    (10, "excédent de fonctionnement de 312 480,55 euros. " + VOTE_12),
    (10, BOLD + HEADING_16),
    (10, "Le conseil municipal attribue les subventions suivantes : Comité des fêtes 6 500"),
    (10, "euros ; Football club 4 200 euros. Vote : 20 pour, 0 contre, 0 abstention."),
]


def read(pages: list[list[Line]]) -> str:
    return PdfFileReader().extract(sized_pdf(pages), "minutes.pdf").text


def test_a_bold_or_larger_decision_line_heads_its_text() -> None:
    """s21 trial: "Délibération n° 2025-16 – …" in bold ran into the vote above it, so the
    vote of 2025-12 was quoted for 2025-16."""
    text = read([MINUTES])
    assert f"{VOTE_12}\n\n{HEADING_16}\n\nLe conseil" in text
    assert "\n\nDélibération n° 2025-12 - Approbation du compte administratif 2024\n\nLe" in text
    assert HEADING_16 in headings(text)
    assert any(text[start:end] == VOTE_12 for start, end in split_sentences(text))
    assert text.startswith("COMMUNE DE SAINT-AUBIN\nLe conseil")  # a page's first line


def test_a_plain_text_pdf_reads_as_before() -> None:
    plain: list[Line] = [(10, line.lstrip(BOLD)) for _, line in MINUTES]
    assert "\n\n" not in read([plain])


def test_only_lines_reading_as_headings_stand_apart() -> None:
    """A bold sentence, a bold table of contents' line and a page's last line stay in their
    paragraph; two bold lines over text stand apart together (a heading wrapped over two
    lines is never cut between them)."""
    lines: list[Line] = [
        (10, "An opening line of the page, in the size of its text, long enough."),
        (10, BOLD + "Payment is due within thirty days of the invoice."),
        (10, "The rest of the paragraph follows here in the size of its text."),
        (10, BOLD + "2 Methods . . . . . . . . . 4"),
        (10, "Another line of text in the size of the page's text, long enough."),
        (10, BOLD + "Part one"),
        (10, BOLD + "Overview of the part"),
        (10, "A line of the text under the overview, long enough to be read so."),
        (10, BOLD + "Closing label"),
    ]
    text = read([lines])
    assert text.count("\n\n") == 2  # around "Part one" and "Overview of the part" only
    assert "\n\nPart one\nOverview of the part\n\n" in text


def test_a_bold_line_inside_a_sentence_stays_in_it() -> None:
    """s21 review: a bold phrase filling a line of a paragraph was set apart, and the sentence
    it stands in was cut ("to the account below…" quoted alone). A line after it opening in
    lower case, or one before it breaking off mid-sentence (English or French), keeps it in
    its sentence; after a sentence's end, a list item or a line of code, or over a line opening
    with an identifier (a PDF manual's "asn1Coding encodes…"), it heads the text below."""
    opening = (10, "An opening line of the page in the size of its text, long enough here.")
    closing = (10, "The last line of the page in the body size, long enough to count.")
    cases: list[tuple[str, str, str]] = [
        (
            "The client agrees that all",
            "Payments must be made by bank transfer",
            "to the account below within thirty days of the invoice date.",
        ),
        (
            "Le locataire s'engage à",
            "Payer le loyer par virement bancaire",
            "Avant le cinq de chaque mois, sans frais pour le bailleur.",
        ),
        (
            "Le loyer est payé par virement,",
            "Sans frais pour le bailleur",
            "Avant le cinq de chaque mois, sur le compte indiqué ci-dessous.",
        ),
        (
            "Le bureau est fermé le lundi.",
            "Les paiements sont dus",
            "« sous trente jours » après la facture, selon le contrat signé.",
        ),
    ]
    for before, bold, after in cases:
        text = read([[opening, (10, before), (10, BOLD + bold), (10, after), closing]])
        assert "\n\n" not in text, text
    headed: list[tuple[str, str, str]] = [
        ("The office is closed on Mondays.", "Opening hours", "The office opens at nine."),
        ("- Bring your identity card", "Opening hours", "The office opens at nine."),
        ("application/msword:x-office-document", "2.8. The treemagic files", "The data."),
        ("See the home page.", "3.2 Invoking asn1Coding", "asn1Coding encodes a file."),
    ]
    for before, bold, after in headed:
        lines = [opening, (10, before), (10, BOLD + bold), (10, after), closing]
        assert f"\n\n{bold}\n\n" in read([lines]), (before, bold)  # code, no sentence


def test_a_heading_wrapped_over_two_lines_stands_apart_whole() -> None:
    wrapped: list[Line] = [
        *MINUTES[:6],
        (12, BOLD + "Délibération n° 2025-23 - Recrutement de deux agents saisonniers"),
        (12, BOLD + "Piscine municipale"),
        *MINUTES[7:],
    ]
    text = read([wrapped])
    heading = "Délibération n° 2025-23 - Recrutement de deux agents saisonniers\nPiscine municipale"
    assert f"{VOTE_12}\n\n{heading}\n\nLe conseil" in text


def test_a_bold_line_written_on_two_pages_stands_apart_on_neither() -> None:
    """A bold line written on several pages (a running header the margins did not drop, or a
    label each page repeats) heads no page's text."""
    page: list[Line] = [
        (10, "The first line of this page, in the size of its text, long enough."),
        (10, BOLD + "Conseil municipal"),
        (10, "A line of text under the repeated bold line, long enough to be prose."),
    ]
    assert read([page, page]).count("\n\n") == 1  # the pages' join only


def test_a_bold_font_is_read_from_its_name_or_weight() -> None:
    assert is_bold_font({"/BaseFont": "/ABCDEF+TimesNewRomanPS-BoldMT"})
    assert is_bold_font({"/BaseFont": "/CMBX10"})
    assert is_bold_font({"/BaseFont": "/F1", "/FontDescriptor": {"/FontWeight": 700}})
    assert not is_bold_font({"/BaseFont": "/Helvetica", "/FontDescriptor": {"/FontWeight": 400}})
    assert not is_bold_font(None)
    assert not is_bold_font({"/FontDescriptor": "broken"})


class _DamagedReference:
    def get_object(self) -> object:
        raise ValueError("a reference to no object")


def test_a_damaged_font_is_read_as_not_bold() -> None:
    """The font is read while pypdf extracts the page's text: an error there would skip a
    readable PDF as damaged."""
    assert not is_bold_font({"/BaseFont": "/F1", "/FontDescriptor": _DamagedReference()})
