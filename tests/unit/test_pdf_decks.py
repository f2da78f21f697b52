"""A slide deck exported as PDF: the footer, date and slide number each slide ends with are
dropped from its slides' text, its slides' own lines are kept; a slide is read apart from the
slide before it, and neither its title nor the agenda's line naming it is quoted alone."""

from __future__ import annotations

from tests.pdf_files import Line, sized_pdf

from citeqa.chunking import chunk_document
from citeqa.lexical import tokenize
from citeqa.models import Document, Sentence
from citeqa.readers.pdf import PdfFileReader
from citeqa.readers.pdfmargins import Page, margin_free_pages
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences
from citeqa.titleonly import only_title

FOOTER = "Acme Ops \xb7 Confidential \xb7 Q3 2025 review"
SLIDES = [
    ("Customer Success Q3", ["Quarterly review for the operations team"]),
    ("Churn", ["Birchwood Logistics left for a competitor in August"]),
    ("Renewals", ["The Contoso renewal is due on 15 October", "Fabrikam renews in January"]),
    ("Escalations", ["Four escalations, all closed within SLA"]),
]


def deck(footer_size: int = 10, slides: list[tuple[str, list[str]]] = SLIDES) -> bytes:
    """A deck whose every slide ends with the footer, a date and its number, set small or in
    the size of the slide's text."""
    return sized_pdf(deck_pages(slides, footer_size))


def deck_pages(slides: list[tuple[str, list[str]]], footer_size: int = 10) -> list[list[Line]]:
    """The slides' lines: a title, bullets, then the footer, the date and the slide's number."""
    return [
        [(28, title)]
        + [(18, bullet) for bullet in bullets]
        + [(footer_size, FOOTER), (footer_size, "30/09/2025"), (footer_size, str(number))]
        for number, (title, bullets) in enumerate(slides, start=1)
    ]


def test_a_decks_footer_date_and_slide_number_leave_every_slide() -> None:
    extracted = PdfFileReader().extract(deck(), "decks/cs-q3.pdf")
    text, starts = extracted.text, extracted.page_starts
    assert FOOTER not in text and "30/09/2025" not in text
    assert starts is not None and len(starts) == len(SLIDES)
    for start, (title, bullets) in zip(starts, SLIDES, strict=True):
        slide = text[start:].split("\n\n")[0]
        assert slide.split("\n") == [title, *bullets]
    assert not extracted.warnings


def test_a_footer_set_in_the_size_of_the_slides_text_leaves_too() -> None:
    """Slides hold few words: the footer's size may be the size most of a slide's characters
    are set in, so its slide number is not set smaller than the slide's text."""
    text = PdfFileReader().extract(deck(footer_size=18), "cs-q3.pdf").text
    assert FOOTER not in text and "30/09/2025" not in text
    assert [line for line in text.split("\n") if line.isdigit()] == []


def test_slide_titles_numbered_with_their_slides_are_kept() -> None:
    """ "Week 1" over the first slide, "Week 2" over the second: a first line running with the
    page's number in the slides' size is their title, not a header."""
    slides = [(f"Week {n}", [f"We shipped feature {n * 7} of the plan."]) for n in range(1, 5)]
    text = PdfFileReader().extract(deck(slides=slides), "weeks.pdf").text
    assert [line for line in text.split("\n") if line.startswith("Week")] == [
        "Week 1",
        "Week 2",
        "Week 3",
        "Week 4",
    ]


def test_a_line_is_dropped_only_up_to_the_first_slide_line_above_it() -> None:
    """ "Questions?" closes two of four slides above the footer: it stays (not on half the
    pages), and so does a slide line repeated on most slides above it, unlike the footer."""
    slides = [
        ("Intro", ["Owner: Priya", "Questions?"]),
        ("Plan", ["Owner: Priya", "Ship in May"]),
        ("Risks", ["Owner: Priya", "Questions?"]),
        ("Budget", ["Owner: Priya", "40 k EUR"]),
    ]
    text = PdfFileReader().extract(deck(slides=slides), "plan.pdf").text
    assert text.count("Questions?") == 2 and text.count("Owner: Priya") == 4
    assert FOOTER not in text


def test_numbers_not_running_with_the_pages_keep_their_lines() -> None:
    """A last line whose number does not follow the page's ("Table 2" on pages 1 and 3, "Table
    5" on page 2) is no page number, even on most pages."""
    pages = [
        Page("Results\nSome text on the results.\nTable 2"),
        Page("Methods\nSome text on the methods.\nTable 5"),
        Page("Discussion\nSome text on the discussion.\nTable 2"),
    ]
    assert margin_free_pages(pages)[1].endswith("Table 5")
    numbered = [Page(f"Part {n}\nText of part {n}.\n- {n + 10} -") for n in range(1, 4)]
    assert [page.split("\n")[-1] for page in margin_free_pages(numbered)] == [
        "Text of part 1.",
        "Text of part 2.",
        "Text of part 3.",
    ]


def test_a_slide_holding_only_its_footer_is_empty_but_not_unreadable() -> None:
    slides = [("Customer Success Q3", ["Quarterly review"]), ("", []), ("Churn", ["Two lost"])]
    pages = [[line for line in page if line[1]] for page in deck_pages(slides)]  # blank: footer
    extracted = PdfFileReader().extract(sized_pdf(pages), "cs.pdf")
    assert FOOTER not in extracted.text
    assert extracted.page_starts is not None and extracted.page_starts[2] > 0
    assert not extracted.warnings


AGENDA = [("Customer Success Q3", ["Quarterly review"]), ("Agenda", ["Churn", "Renewals"])]


def deck_bank() -> SentenceBank:
    """The bank of one deck read from PDF: an agenda slide, then SLIDES but the first."""
    extracted = PdfFileReader().extract(deck(slides=AGENDA + SLIDES[1:]), "cs.pdf")
    text = extracted.text
    document = Document(
        doc_id="d",
        title="Customer Success Q3",
        path="/cs.pdf",
        text=text,
        sha256="0",
        kind="pdf",
        page_starts=extracted.page_starts,
        titled_pages=extracted.titled_pages,
    )
    chunks = chunk_document(document)
    assert len(chunks) == 1  # one passage over every slide: what it is read with is the page's
    rows = document_sentences(text, [(0, chunks[0].start, chunks[0].end)], "pdf")
    sentences = [Sentence(doc_id="d", chunk_index=0, start=s, end=e) for _, s, e in rows]
    tokens = [frozenset(tokenize(text[s.start : s.end], "en")) for s in sentences]
    return SentenceBank({"d": document}, chunks, sentences, None, tokens)


def sentence_at(bank: SentenceBank, words: str, page: int) -> int:
    """The number of the sentence opening with `words` on `page` (from 1)."""
    document = bank.documents["d"]
    return next(
        number
        for number, sentence in enumerate(bank.sentences)
        if bank.text(number).startswith(words) and document.page_at(sentence.start) == page
    )


def test_a_slides_first_lines_are_not_read_with_the_slide_before() -> None:
    """Without its footer, the "Renewals" slide's title followed the Churn slide's bullet:
    read with it, a question about customers who left matched the Renewals slide."""
    bank = deck_bank()
    renewals, churn = sentence_at(bank, "Renewals", 4), sentence_at(bank, "Birchwood", 3)
    assert bank.context_in(renewals, bank.chunks[0])[0] == ()
    assert "birchwood" not in bank.context_tokens(renewals, bank.chunks[0])
    assert bank.context_in(churn, bank.chunks[0])[0] == (sentence_at(bank, "Churn", 3),)


def test_a_slides_title_and_the_agendas_line_naming_it_are_no_quote() -> None:
    bank = deck_bank()
    assert only_title(bank, sentence_at(bank, "Renewals", 4))  # the slide's title
    assert only_title(bank, sentence_at(bank, "Renewals", 2))  # the agenda's line
    assert not only_title(bank, sentence_at(bank, "The Contoso renewal", 4))
    assert not only_title(bank, sentence_at(bank, "Quarterly review", 1))
    assert bank.page_heads("d") == {"Agenda", "Churn", "Renewals", "Escalations"}


QUARTERS = [
    [(28.0, f"Quarter {n} results"), (12.0, bullet), (12.0, f"Q{n} revenue {revenue} million EUR")]
    for n, bullet, revenue in [
        (1, "Two new customers signed", "1.2"),
        (2, "The Lyon office opened", "1.5"),
        (3, "Churn fell to four percent", "1.9"),
        (4, "Hiring was paused in November", "2.3"),
    ]
]


def test_a_slides_line_holding_its_own_number_is_kept() -> None:
    """ "Q3 revenue 1.9 million EUR" ends the slide numbered 3 (page 4 past a title page): a
    line of the slide's text that runs with the page's number is no page number, and the
    slide's title is no footer though a 3-line slide's first line is among its last."""
    pages = [[(28.0, "Annual review 2025")], *QUARTERS]
    text = PdfFileReader().extract(sized_pdf(pages), "quarters.pdf").text
    for slide in QUARTERS:
        for _size, line in slide:
            assert line in text


def test_a_week_slides_numbered_sentence_and_repeated_bullets_are_kept() -> None:
    """ "Week 3 ends with a quiz on chapter 3" closes the third of six-line slides under two
    bullets every slide repeats: neither it nor they are margin lines."""
    weeks = [
        [
            (28.0, f"Week {n}"),
            (12.0, f"Reading: chapter {n} of the course book"),
            (12.0, f"Lab {n} covers topic {n + 4}"),
            (12.0, "Bring your laptop"),
            (12.0, "Office hours on Friday"),
            (12.0, f"Week {n} ends with a quiz on chapter {n}"),
        ]
        for n in range(1, 5)
    ]
    text = PdfFileReader().extract(sized_pdf(weeks), "weeks.pdf").text
    assert text.count("Bring your laptop") == 4 and text.count("Office hours on Friday") == 4
    for n in range(1, 5):
        assert f"Week {n} ends with a quiz on chapter {n}" in text


def test_a_footer_numbering_its_slides_in_few_words_still_leaves() -> None:
    """ "Page 3 of 5" in the slides' own size is a page number: few words."""
    slides = [
        [(28.0, f"Topic {name}"), (12.0, f"The {name} plan is agreed"), (12.0, f"Page {n} of 4")]
        for n, name in enumerate(["budget", "hiring", "office", "travel"], start=1)
    ]
    text = PdfFileReader().extract(sized_pdf(slides), "pages.pdf").text
    assert "Page" not in text and text.count("Topic") == 4


def test_a_one_page_notice_loses_its_page_count() -> None:
    """The s21 user trial: a town hall's one-page price list ended its last quote with "Page
    1/1" (no other page repeats it, so no margin rule saw it); "Page 2 of 3" on a page 1 is text."""
    notice = [
        (18.0, "Location de la salle des fêtes"),
        (12.0, "Week-end : 350 EUR pour les habitants, 700 EUR pour les extérieurs."),
        (12.0, "Caution de 1 000 EUR versée à la réservation."),
        (12.0, "Page 1/1"),
    ]
    text = PdfFileReader().extract(sized_pdf([notice]), "tarifs.pdf").text
    assert "Page 1/1" not in text and text.rstrip().endswith("versée à la réservation.")
    wrong = [*notice[:3], (12.0, "Page 2 of 3")]
    assert "Page 2 of 3" in PdfFileReader().extract(sized_pdf([wrong]), "p.pdf").text


def test_short_lines_numbered_in_words_do_not_take_most_of_a_slide() -> None:
    """ "Team 1" and "Sprint 11" close the first of slides whose last lines run with their
    numbers: as a page number in words they would leave the slide its title alone."""
    slides = [
        [(28.0, f"Plan {name}"), (12.0, f"Team {n}"), (12.0, f"Sprint {n + 10}")]
        for n, name in enumerate(["north", "south", "east", "west"], start=1)
    ]
    text = PdfFileReader().extract(sized_pdf(slides), "sprints.pdf").text
    assert text.count("Team") == 4 and text.count("Sprint") == 4


def test_a_title_slides_footer_in_its_own_text_size_leaves_too() -> None:
    """The title slide's few words set its footer in their size; the other slides set it
    smaller than their bullets: it is the same footer, many words though it holds."""
    footer = "Acme Engineering \xb7 Internal \xb7 Page {} of 4"
    title = [(28.0, "Roadmap"), (12.0, "Engineering all-hands"), (12.0, footer.format(1))]
    slides = [
        [
            (28.0, name),
            (18.0, f"The {name} work starts in spring"),
            (18.0, f"Two teams share the {name} work"),
            (12.0, footer.format(n)),
        ]
        for n, name in enumerate(["Search", "Billing", "Mobile"], start=2)
    ]
    text = PdfFileReader().extract(sized_pdf([title, *slides]), "roadmap.pdf").text
    assert "Acme" not in text and "Engineering all-hands" in text


def pdf_bank(pages: list[list[Line]]) -> SentenceBank:
    """The bank of one PDF read from `pages`, a passage per page."""
    extracted = PdfFileReader().extract(sized_pdf(pages), "guide.pdf")
    document = Document(
        doc_id="d",
        title="Guide",
        path="/guide.pdf",
        text=extracted.text,
        sha256="0",
        kind="pdf",
        page_starts=extracted.page_starts,
        titled_pages=extracted.titled_pages,
    )
    chunks = chunk_document(document)
    spans = [(number, chunk.start, chunk.end) for number, chunk in enumerate(chunks)]
    rows = document_sentences(extracted.text, spans, "pdf")
    sentences = [Sentence(doc_id="d", chunk_index=c, start=s, end=e) for c, s, e in rows]
    tokens = [frozenset(tokenize(extracted.text[s.start : s.end], "en")) for s in sentences]
    return SentenceBank({"d": document}, chunks, sentences, None, tokens)


def test_a_page_head_set_in_the_pages_text_size_is_quotable() -> None:
    """A settings guide whose pages open with answers in its text's size (no full stop): those
    lines are no slide titles, which are set larger than their slide's text."""
    pages: list[list[Line]] = [
        [(12.0, "Settings guide"), (12.0, "This guide lists where each setting of the app is.")],
        [(12.0, "Dark mode is under Display and Brightness"), (12.0, "It follows the system.")],
        [(12.0, "Alerts are muted in Sound settings"), (12.0, "A badge still shows.")],
    ]
    bank = pdf_bank(pages)
    assert bank.page_heads("d") == frozenset()
    assert not only_title(bank, sentence_at(bank, "Dark mode is under", 2))
    assert not only_title(bank, sentence_at(bank, "Alerts are muted", 3))


def test_a_page_opening_on_a_word_of_a_larger_heading_below_is_not_titled() -> None:
    from citeqa.readers.pdfmargins import opens_larger

    body = [("Introduction\n", 10.0), ("The trial enrolled adults across sites.\n", 10.0)]
    heading_below = [*body, ("Introduction to the trial\n", 18.0)]
    text = "Introduction\nThe trial enrolled adults across sites.\nIntroduction to the trial"
    assert not opens_larger(Page(text, tuple(heading_below)), text)


def test_a_title_wrapped_over_two_lines_opens_larger() -> None:
    from citeqa.readers.pdfmargins import opens_larger

    pieces = [
        ("Quarterly results", 20.0),
        (" ", 10.0),
        ("of the support team\n", 20.0),
        ("Tickets closed rose by a third over the quarter.\n", 10.0),
        ("Median first reply fell to two hours.\n", 10.0),
    ]
    text = (
        "Quarterly results\nof the support team\nTickets closed rose by a third over the quarter."
    )
    assert opens_larger(Page(text, tuple(pieces)), text)


def test_a_title_over_larger_subtitle_lines_still_opens_larger() -> None:
    """The s21 review: a 24-point title over three 16-point lines and 10-point text was one
    run of larger text, longer than the title's lines, so the slide was not titled."""
    from citeqa.readers.pdfmargins import opens_larger

    pieces = [
        ("Quarterly review", 24.0),
        ("\n", 10.0),
        ("Revenue up 12 %\n", 16.0),
        ("Churn down to 3 %\n", 16.0),
        ("Two new regions\n", 16.0),
        ("The board approved the plan for the next quarter in full.\n", 10.0),
        ("Hiring resumes in March across the three support teams.\n", 10.0),
    ]
    text = "Quarterly review\nRevenue up 12 %\nChurn down to 3 %\nTwo new regions\nThe board …"
    assert opens_larger(Page(text, tuple(pieces)), text)
