"""A question naming the kind of value it asks, when the documents hold none of it for the
thing asked, is refused saying so rather than answered by whatever sentence ranks first.

s52 trial (a food bank's folder: annual report, board minutes, a French partnership
agreement): "What is the warehouse phone number?" quoted a table row of household counts (a
kind's phrase qualified by a noun before it was not read as asked: value_kinds._checked_runs),
"Quel est le numéro de téléphone de l'entrepôt ?" was not read as asking one either (an owner
after "de l'"), and "Quel est le budget de la convention avec Caen ?" quoted the agreement's
title line (a price asked by name, with no "combien": quantities.asks_named_price). And
"What is the office phone number?" was refused by the answer models though "Office phone: 01632
960 123" answers it (answering._holds_owner_value)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.quantities import asks_named_price
from citeqa.value_kinds import (
    asked_value_kinds,
    owner_value_line,
    owner_words,
    unwritten_asked_kind,
    writes_owner_value,
)
from small_corpora import assistant_over

REPORT = """# Riverside Food Bank — Annual Report 2025

## Our year in numbers

| Measure | 2025 | 2024 |
|---|---|---|
| Meals distributed | 412,000 | 356,000 |
| Households served | 3,850 | 3,210 |

## Looking ahead

A new warehouse in Eastgate will open in March 2026 and double our storage space.
"""

MINUTES = """Minutes of the board meeting held on 18 November 2025

Budget 2026
The treasurer presented the draft budget. The board approved a budget of £712,000 for 2026.

Van
The second delivery van is beyond repair. The board approved the purchase of a new van at a
cost of up to £38,000.
"""

CONTACTS = """Contacts

Office phone: 01632 960 123, Monday to Friday.
Email the office at hello@riverside-foodbank.org.
"""

AGREEMENT = """Convention de partenariat entre la Banque alimentaire du Calvados (Caen)
et Riverside Food Bank

Objet
La présente convention organise l'échange de bénévoles et de bonnes pratiques entre les deux
associations.

Durée
La convention est conclue pour une durée de deux ans, à compter du 1er avril 2025.
"""


@pytest.fixture(scope="module")
def food_bank(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "annual-report.md": REPORT,
        "board-minutes.txt": MINUTES,
        "contacts.txt": CONTACTS,
        "convention-caen.txt": AGREEMENT,
    }
    return assistant_over(
        files, tmp_path_factory.mktemp("food-bank"), tmp_path_factory.mktemp("index")
    )


def test_a_phone_number_of_a_thing_no_line_gives_one_for_is_refused(
    food_bank: Assistant,
) -> None:
    answer = food_bank.ask("What is the warehouse phone number?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "phone number" in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question", ["What is the office phone number?", "What is the phone number of the office?"]
)
def test_a_phone_number_a_line_gives_its_owner_is_quoted(
    food_bank: Assistant, question: str
) -> None:
    """The line writing the owner's word and a phone number answers, whatever the answer
    models make of a small folder (on main they refused it at .35: the sentence ranker reads
    no phone number's shape)."""
    answer = food_bank.ask(question)
    assert not answer.abstained, answer.reason
    assert "01632 960 123" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "line", "answers"),
    [
        ("What is the office phone number?", "Office phone: 01632 960 123.", True),
        ("What is the office phone number?", "Warehouse phone: 01632 960 456.", False),
        ("What is the office phone number?", "The office opens at 9:00.", False),
        ("What is the phone number?", "Office phone: 01632 960 123.", False),  # no owner
        (
            "What is the pediatrician's phone number?",
            "Pediatrician Dr Lambert: 01 99 00 45 67",
            True,
        ),
        ("Who is the pediatrician?", "Pediatrician Dr Lambert: 01 99 00 45 67", False),  # no kind
    ],
)
def test_a_line_answers_for_the_owner_only_with_its_words_and_a_value(
    question: str, line: str, answers: bool
) -> None:
    """With no owner named, a line writing some phone number is not surely the answer: the
    answer models decide, as for any question."""
    assert writes_owner_value(question, line) is answers
    if "phone number" in question:
        assert owner_value_line(question, owner_words(question, "phone number"), line) is answers


def test_an_email_address_a_line_gives_is_quoted(food_bank: Assistant) -> None:
    answer = food_bank.ask("What is the office email address?")
    assert not answer.abstained, answer.reason
    quoted = " ".join(citation.quote for citation in answer.citations)
    assert "hello@riverside-foodbank.org" in quoted, quoted


def test_a_budget_asked_by_name_of_a_document_writing_none_is_refused(
    food_bank: Assistant,
) -> None:
    answer = food_bank.ask("Quel est le budget de la convention avec Caen ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "montant" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        ("What budget was approved for 2026?", "£712,000"),
        ("What is the cost of the new van?", "£38,000"),
    ],
)
def test_a_price_asked_by_name_is_answered_with_its_amount(
    food_bank: Assistant, question: str, amount: str
) -> None:
    answer = food_bank.ask(question)
    assert not answer.abstained, answer.reason
    assert amount in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Quel est le budget de la convention avec Caen ?", True),
        ("What is the ticket price?", True),
        ("What's the annual fee?", True),
        ("Quel est le coût total du voyage ?", True),
        ("Quels sont les frais d'inscription ?", True),
        ("Quel est le grand prix de Suisse ?", False),  # a race
        ("Quel est le prix Nobel obtenu par Marie Curie ?", False),  # an award
        ("What is the amount of protein in the diet?", False),
        ("Is the cost covered by insurance?", False),  # yes or no
        ("What is the cost-effectiveness of screening?", False),
    ],
)
def test_a_price_is_asked_by_name_only_as_what_the_question_asks(question: str, asks: bool) -> None:
    assert asks_named_price(question) is asks


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Quel est le numéro de téléphone de l'entrepôt ?", ["numero", "telephone"]),
        ("Quelle est l'adresse postale de l'association ?", ["adresse"]),
        ("Quelle est l'extension de garantie ?", []),  # a lower-case noun after "de"
    ],
)
def test_an_owner_after_an_elided_article_still_asks_the_kind(
    question: str, words: list[str]
) -> None:
    assert asked_value_kinds(question) == words


@pytest.mark.parametrize(
    ("question", "unwritten"),
    [
        ("What is the warehouse phone number?", "phone number"),
        ("What is the support email address?", "email address"),
        ("What is the IP address?", None),  # a lone kind word qualified names another thing
        ("What is the phone survey response rate?", None),
    ],
)
def test_a_kind_phrase_qualified_before_it_is_asked(question: str, unwritten: str | None) -> None:
    assert unwritten_asked_kind(question, ["| Households served | 3,850 | 3,210 |"]) == unwritten
