"""Which questions name a place (places.py): a page after a page cue, a section after a place
word; a number glued to a letter, a version, a year or a quantity is none."""

from __future__ import annotations

import pytest

from citeqa.places import asked_page, asks_place_section, names_only_place


@pytest.mark.parametrize(
    ("question", "page"),
    [
        ("What is on page 53 of the annual report?", 53),
        ("p. 53", 53),
        ("Qu'y a-t-il à la page 12 ?", 12),
        ("Can p53 alterations predict tumour response?", None),
        ("What is the p95 latency of the ledger service?", None),
        ("Is p 53 mutated?", None),
        ("How many pages does the report have?", None),
        ("What was spent in 2025?", None),
        ("What is the p-value, p 0.05?", None),
    ],
)
def test_a_page_is_asked_by_a_page_cue_and_a_whole_number(question: str, page: int | None) -> None:
    assert asked_page(question) == page


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("section 6.3", True),
        ("§ 6.3", True),
        ("chapter 4", True),
        ("Que prévoit l'annexe 2 ?", True),
        ("version 6.3", False),
        ("Que prévoit l'article 7 ?", False),
        ("What was spent in 2025?", False),
    ],
)
def test_a_section_is_a_place_after_a_place_word(question: str, asked: bool) -> None:
    assert asks_place_section(question) is asked


@pytest.mark.parametrize(
    ("question", "only"),
    [
        ("section 6.3", True),
        ("Que dit la section 6.3 ?", True),
        ("What is on page 53?", True),
        ("What does section 6.3 say about reserves?", False),
        ("What is the reserves policy on page 53?", False),
    ],
)
def test_a_question_naming_only_its_place(question: str, only: bool) -> None:
    assert names_only_place(question, []) is only
