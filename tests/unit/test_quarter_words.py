"""A year's quarter written in words ("premier trimestre", "second quarter") or as "Q1" is the
quarter a document writes "T1" (language data groups; s31 trial: "TVA payée au premier
trimestre 2025" missed the bank row "TVA T1 2025" that "au T1 2025" finds)."""

from __future__ import annotations

import pytest

from citeqa.domain import language_data
from citeqa.glossary import Glossary


@pytest.mark.parametrize(
    ("question", "quarter"),
    [
        ("Combien de TVA a été payée au premier trimestre 2025 ?", "t1"),
        ("Quelle TVA au 1er trimestre ?", "t1"),
        ("What VAT was paid in the second quarter?", "t2"),
        ("TVA du deuxième trimestre", "t2"),
        ("TVA du second trimestre", "t2"),
        ("Combien au troisième trimestre ?", "t3"),
        ("Quelle TVA pour le quatrième trimestre 2024 ?", "t4"),
        ("What was paid in the fourth quarter?", "t4"),
        ("How much VAT in Q1 2025?", "t1"),
    ],
)
def test_a_quarter_in_words_or_as_q_is_searched_as_t(question: str, quarter: str) -> None:
    added = {term for _, term in Glossary.of(language_data()).equivalents(question)}
    assert quarter in added


def test_a_quarter_as_t_is_searched_in_words_too() -> None:
    added = {term for _, term in Glossary.of(language_data()).equivalents("TVA du T3 2025")}
    assert {"troisieme trimestre", "third quarter", "q3"} <= added


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le loyer du T2 ?",
        "What did people answer to Q1?",
        "Combien de T3 dans la résidence ?",
    ],
)
def test_a_t_or_q_without_a_year_is_no_quarter(question: str) -> None:
    """s31 review: a flat type ("T2") searched "second quarter", a survey's "Q1" "premier
    trimestre"; "T1"/"Q1" is a quarter only beside a year."""
    added = {term for _, term in Glossary.of(language_data()).equivalents(question)}
    quarters = {"premier trimestre", "second quarter", "deuxieme trimestre", "third quarter"}
    assert not added & quarters


def test_a_year_before_the_quarter_is_searched_too() -> None:
    added = {term for _, term in Glossary.of(language_data()).equivalents("TVA 2025 Q2")}
    assert {"deuxieme trimestre", "t2"} <= added
