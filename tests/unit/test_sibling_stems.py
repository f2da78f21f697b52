"""Sibling words: the same stem but for its opening (sibling_words.py)."""

from __future__ import annotations

import pytest

from citeqa.sibling_words import compound_siblings, unwritten_siblings


@pytest.mark.parametrize(
    ("absent", "quote"),
    [
        ("postgraduate", "Graduation ceremonies for undergraduates take place in July."),
        ("biography", "The photography course is taught in the spring term."),
        ("outbound", "Inbound parcels are scanned at the gate."),
    ],
)
def test_a_sibling_of_an_absent_word_is_found(absent: str, quote: str) -> None:
    assert unwritten_siblings([absent], [quote]) == [absent]


@pytest.mark.parametrize(
    ("absent", "quote"),
    [
        ("organisation", "The organization of the exams is described below."),  # a spelling
        ("education", "The vacation starts on 20 December."),  # only "-ation" alike
        ("graduate", "Graduation ceremonies take place in July."),  # no opening of its own
        ("undergraduats", "Graduation ceremonies for undergraduates take place in July."),
        ("plagiarising", "Plagiarism is a breach of academic integrity."),
        ("macroeconomics", "Microeconomics is taught in the first year."),  # one edit apart
    ],
)
def test_no_sibling(absent: str, quote: str) -> None:
    assert unwritten_siblings([absent], [quote]) == []


@pytest.mark.parametrize(
    ("compound", "texts", "found"),
    [
        ("sèche-linge", ["Notice d'utilisation — Lave-linge LF 814"], True),
        ("full-time", ["The part-time position is 20 hours a week."], True),
        ("sèche-linge", ["Le sèche-linges est livré monté."], False),  # not the same last part
        ("lave-vaisselle", ["| Salle de bains | Lave-linge | Bon |"], True),  # same opening (s55)
        ("Saint-Denis", ["La gare de Saint-Louis"], True),  # another saint's station
        ("lave-linge", ["Deux lave-linges au sous-sol."], False),  # endings one edit apart
        ("e-mail", ["Send an x-mail"], False),  # openings one edit apart
    ],
)
def test_compound_siblings(compound: str, texts: list[str], found: bool) -> None:
    assert compound_siblings([compound], texts) == ([compound] if found else [])
