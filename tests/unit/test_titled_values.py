"""A title or heading writing the identifier a question asks stays a quote's candidate
(titled_values.py, answering.quotable): an invoice's bold "INVOICE No. …" line read as its heading
answers "What is the invoice number?" (s29 trial: it led the ranking, was dropped as a heading,
and an inventory row was quoted); a title naming no identifier, or one the question did not ask,
stays out."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import quotable
from citeqa.candidates import Candidates
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.titled_values import asks_identifier, writes_identifier
from citeqa.titleonly import only_title

INVOICE = (
    "Hall Rentals Ltd\n\n"
    "INVOICE No. HX-2024-0091\n\n"
    "Sports hall hire, April: 30 hours at 12.00 per hour.\n"
    "Cones | 40 | good | storage room\n"
)


def _bank() -> SentenceBank:
    return one_document_bank(INVOICE, "pdf", "Hall Rentals Ltd")


def _quoted(question: str) -> list[int]:
    bank = _bank()
    order = [
        sentence_opening(bank, "INVOICE No."),
        sentence_opening(bank, "Cones"),
        sentence_opening(bank, "Sports hall"),
    ]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.48, 0.2, 0.1]), np.zeros((3, 2)))
    return [s.index for s in quotable(candidates, bank, question).sentences]


def test_the_invoice_line_is_read_as_a_title() -> None:
    bank = _bank()
    assert only_title(bank, sentence_opening(bank, "INVOICE No."))


@pytest.mark.parametrize(
    "question",
    [
        "What is the invoice number for the sports hall?",
        "Quel est le numéro de la facture de la salle ?",
        "Which reference does the hall invoice carry?",
    ],
)
def test_a_title_writing_the_asked_identifier_is_quotable(question: str) -> None:
    bank = _bank()
    assert _quoted(question)[0] == sentence_opening(bank, "INVOICE No.")


@pytest.mark.parametrize(
    "question",
    [
        "How much does the sports hall cost per hour?",
        "What is the number of hours invoiced?",  # a count, no identifier
        "What is the total of invoice HX-2024-0091?",  # names it: asks something else
    ],
)
def test_a_title_stays_out_for_a_question_asking_no_identifier(question: str) -> None:
    bank = _bank()
    assert sentence_opening(bank, "INVOICE No.") not in _quoted(question)


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("FACTURE N° RES-2025-0412", True),
        ("Invoice #4521", True),
        ("Order 51877 confirmation", True),
        ("Error E52", True),
        ("Annual report 2025", False),
        ("Minutes of the meeting of 14 June 2025", False),
        ("No parking", False),
    ],
)
def test_an_identifier_is_a_record_s_a_code_or_a_marked_number(text: str, writes: bool) -> None:
    assert writes_identifier(text) is writes


def test_a_question_asks_an_identifier_by_its_noun_not_a_count() -> None:
    assert asks_identifier("Quel est le numéro de la facture ?")
    assert asks_identifier("What is the order number?")
    assert not asks_identifier("What is the number of members?")
    assert not asks_identifier("Quel est le nombre de membres ?")


@pytest.mark.parametrize(
    "question",
    [
        "How many reference letters are required?",
        "What is the reference temperature?",
        "What reference manager do the authors use?",
        "What is the numbers game?",
    ],
)
def test_an_identifier_noun_qualifying_another_asks_no_identifier(question: str) -> None:
    """s30 review A: these read as asking an identifier, and titles ("ISO 9001 audit", "RFC
    7231", "Room B12") came back as quotes."""
    assert not asks_identifier(question)


@pytest.mark.parametrize(
    "question",
    [
        "What is the reference number of the order?",
        "Quelle est la référence du devis ?",
        "Quel est mon numéro fiscal ?",
        "What is the order reference?",
        "What is the invoice number for the gym?",
    ],
)
def test_an_identifier_noun_asked_as_the_object_asks_one(question: str) -> None:
    assert asks_identifier(question)
