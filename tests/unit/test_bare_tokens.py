"""A question of one bare token (a number, a short code, a code's piece) is refused as naming
nothing to look up; a record id, an option, an identifier or a word is searched (s23 trial,
failure 4: "Q3" was answered with a row at .92, "2026" with another at .60)."""

from __future__ import annotations

import pytest

from citeqa.abstention import before_search
from citeqa.bare_tokens import bare_token
from citeqa.questions import QuestionTerms


@pytest.mark.parametrize(
    ("question", "token"),
    [
        ("Q3", "Q3"),
        ("2026", "2026"),
        ("2026 ?", "2026"),
        ("« 2026 » ?", "2026"),
        ("GT-", "GT-"),
        ("3.2", "3.2"),
        ("h2", "h2"),
        ("q4 ?", "q4"),
        ("14/03/2026", "14/03/2026"),
        ("12", "12"),
        (":+1:", ":+1"),
    ],
)
def test_a_number_a_short_code_or_a_codes_piece_alone_is_a_bare_token(
    question: str, token: str
) -> None:
    assert bare_token(question) == token


@pytest.mark.parametrize(
    "question",
    [
        "GT-0042",
        "4512",  # a ticket's number (s21 trial): no year
        "404",
        "--max-size",
        "retention_days",
        "parking",
        "H2O",
        "Q3 2026",
        "rent in 2026?",
        "What is Q3?",
        "os.path.join",
        "v2.1.0-beta",
        # session 23's review C: an address, a version, a phone, codes naming a thing
        "192.168.1.10",
        "1.2.3",
        "+33612345678",
        "x86",
        "S3",
        "A4",
        "B12",
        "P1",
        "v2",
        "F#",
        "." * 100_000 + "x",  # read at once: a pattern backtracked over it for minutes
    ],
)
def test_an_id_an_option_an_identifier_a_word_or_several_tokens_are_searched(
    question: str,
) -> None:
    assert bare_token(question) is None


@pytest.mark.parametrize("question", ["1 234,56", "1\u202f234.5 ?", "12 345 678,9"])
def test_an_amount_spaced_in_digit_groups_is_one_bare_token(question: str) -> None:
    """s27 trial: "1 234,56" was answered with a line writing "1 23 45 678 901 234"."""
    assert bare_token(question) == question.rstrip(" ?")


@pytest.mark.parametrize("question", ["51 877", "1 234", "12 34", "1 234,56 euros"])
def test_a_spaced_record_number_or_several_numbers_are_searched(question: str) -> None:
    assert bare_token(question) is None


def _terms(focus: str, context: bool = False) -> QuestionTerms:
    own = [(frozenset({focus.lower().strip(" ?")}), 1.0)]
    previous = [(frozenset({"travel"}), 1.0)] if context else []
    return QuestionTerms(focus=focus, terms=own + previous, focus_terms=1)


@pytest.mark.parametrize(("lang", "words"), [("en", "alone is a number"), ("fr", "seul est")])
def test_a_bare_token_asked_alone_is_refused_before_the_search(lang: str, words: str) -> None:
    refusal = before_search(_terms("Q3"), lang)  # type: ignore[arg-type]
    assert refusal is not None and not refusal.words_alone
    assert words in refusal.reason.text and "“Q3”" in refusal.reason.text


def test_a_bare_token_read_with_the_previous_question_is_searched() -> None:
    """ "2026?" after "What was the travel budget in 2025?" asks the same of 2026."""
    assert before_search(_terms("2026?", context=True), "en") is None
    assert before_search(_terms("GT-0042"), "en") is None
