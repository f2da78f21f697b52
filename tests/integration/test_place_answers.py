"""A question naming a place ("page 2", "section 2.1") is answered from that place (places.py):
the page's or section's opening body sentence when it names nothing else, its page in the
citation; a page no document has is an abstention that says so; a question that merely holds a
number is read as before."""

from __future__ import annotations

import pytest
from tests.pdf_files import sized_pdf

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings

BODY = 11
HEAD = 16
RESERVES = "The trustees hold free reserves equal to four months of operating costs."
AUDIT = "The external auditor reviewed the accounts of the trust in March."
PAGES = [
    [
        (HEAD, "1. Introduction"),
        (BODY, "The trust supplies clean water to rural villages in three districts."),
        (BODY, "Volunteers maintain the hand pumps of every village each month."),
    ],
    [
        (BODY, "Field teams held community meetings about chlorination and storage."),
        (HEAD, "2.1 Reserves policy"),
        (BODY, RESERVES),
        (BODY, "Free reserves stood at GBP 6.1 million at the end of the year."),
    ],
    [
        (HEAD, "2.2 Audit"),
        (BODY, AUDIT),
        (BODY, "The board approved the audited accounts at its May meeting."),
    ],
    [(BODY, " ")],
]
MINUTES = "The board of the trust met on 12 March and approved the budget for the year."
MARKDOWN = (
    "# Handbook\n\n## 3.3 Leave\n\nStaff take twenty-five days of paid leave every year.\n\n"
    "## 3.4 Travel\n\nTrain travel is booked through the office and paid by the company.\n"
    "Taxis are paid only after ten in the evening, on a receipt.\n"
)

WEBAPP = (
    "# Web app troubleshooting\n\n## Errors\n\nA page 404 error means the route is missing from "
    "the router table; add the route in routes.py and restart the server.\n\n## Latency\n\n"
    "The p95 latency of the search endpoint is 180 ms under normal load.\n"
)
CONTRACT = (
    "# Service contract\n\n## Article 6 Payment\n\n6.3 Invoices are paid within thirty days of "
    "receipt by bank transfer.\n\n6.4 Late payment bears interest at three percent per year.\n"
)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("places")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "annual-report.pdf").write_bytes(sized_pdf(PAGES))
    (corpus / "handbook.md").write_text(MARKDOWN, encoding="utf-8")
    (corpus / "minutes.pdf").write_bytes(sized_pdf([[(BODY, MINUTES)]]))
    (corpus / "webapp.md").write_text(WEBAPP, encoding="utf-8")
    (corpus / "contract.md").write_text(CONTRACT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", channels=("fake",))
    build_index(settings)
    return settings


@pytest.fixture(scope="module")
def assistant(settings: Settings) -> Assistant:
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(
    ("question", "quote", "page"),
    [
        ("What is on page 2 of the annual report?", RESERVES, 2),
        ("page 3", AUDIT, 3),
        ("Qu'y a-t-il à la page 3 ?", AUDIT, 3),
        ("section 2.1", RESERVES, 2),
        ("§ 2.2", AUDIT, 3),
        ("chapter 2", RESERVES, 2),
    ],
)
def test_a_place_is_answered_by_its_opening_body_sentence(
    assistant: Assistant, question: str, quote: str, page: int
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    first = answer.citations[0]
    assert first.quote.split() == quote.split()
    assert first.page == page


def test_a_markdown_section_asked_by_its_number_quotes_its_opening(assistant: Assistant) -> None:
    answer = assistant.ask("section 3.4")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("Train travel is booked")


def test_a_numbered_clause_under_an_article_is_its_section(assistant: Assistant) -> None:
    answer = assistant.ask("What does section 6.3 say?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("6.3 Invoices are paid")


def test_a_section_no_document_numbers_abstains_saying_so(assistant: Assistant) -> None:
    answer = assistant.ask("What is in chapter 14?")
    assert answer.abstained
    assert "is numbered “14”" in (answer.reason or "")


def test_a_place_question_with_other_words_quotes_from_the_place(assistant: Assistant) -> None:
    answer = assistant.ask("What does page 2 say about the end of the year?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].page == 2
    assert "end of the year" in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("page 900", "No document has a page 900: the longest has 4 pages."),
        ("What is on p. 5?", "No document has a page 5: the longest has 4 pages."),
        ("What is on page 2 of the minutes?", "has no page 2: it has 1."),
        ("page 2 of the handbook", "has no page 2: it is not divided into pages."),
        ("page 4", "Page 4 of"),
    ],
)
def test_a_page_that_is_not_there_abstains_saying_so(
    assistant: Assistant, question: str, said: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained
    assert said in (answer.reason or "")


def test_a_page_of_the_document_named_is_read(assistant: Assistant) -> None:
    answer = assistant.ask("What is on page 1 of the minutes?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.split() == MINUTES.split()
    assert answer.citations[0].path.endswith("minutes.pdf")


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("How many days of paid leave do staff take?", "Staff take twenty-five days"),
        ("How do I fix the page 404 error?", "A page 404 error means"),
        ("What is the p95 latency of the search endpoint?", "The p95 latency"),
        ("When are invoices paid under Article 6.3?", "6.3 Invoices are paid"),
    ],
)
def test_a_question_merely_holding_a_number_is_no_place(
    assistant: Assistant, question: str, opening: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(opening)


def test_a_page_cited_among_other_words_is_no_missing_page(assistant: Assistant) -> None:
    answer = assistant.ask("What do the trustees hold as reserves (Smith 2020, p. 53)?")
    assert "page 53" not in (answer.reason or "")


def test_a_question_on_a_page_asking_what_it_never_writes_abstains(assistant: Assistant) -> None:
    assert assistant.ask("What is the capital of Mongolia on page 2?").abstained


def test_the_users_confidence_floor_still_holds_for_a_page(settings: Settings) -> None:
    strict = settings.model_copy(update={"min_confidence": 0.999})
    answer = open_assistant(strict, build_if_missing=False).ask("page 3")
    assert answer.abstained and answer.below_floor
