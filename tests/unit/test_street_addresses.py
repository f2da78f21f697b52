"""A line opening with a street address is no heading (street_addresses.py, blocks.py,
readers/pdfnumbered.py): a letter's "12 rue des Lilas, 75011 Paris" after a sentence, over
prose, was read as a numbered section heading, and its passages were cited under it (s43)."""

from __future__ import annotations

import pytest

from citeqa.blocks import headings, label_headings
from citeqa.readers.pdfnumbered import numbered_heading_lines
from citeqa.street_addresses import opens_street_address

PROSE = "Les rendez-vous déjà fixés sont maintenus aux mêmes dates et heures, à cette adresse."


@pytest.mark.parametrize(
    "line",
    [
        "12 rue des Lilas",
        "12 rue des Lilas, 75011 Paris",
        "4 Place Vendôme",
        "12 bis avenue Foch",
        "8, boulevard Haussmann",
        "5 avenue d'Italie",
        "3 Grande Rue",
        "221 Baker Street",
        "221B Baker Street, London NW1 6XE",
        "10 Downing St",
        "1600 Pennsylvania Avenue, Washington",
        "3 place de la Mairie",
        "8 quai aux Fleurs",
    ],
)
def test_a_number_then_a_street_is_an_address(line: str) -> None:
    assert opens_street_address(line)


@pytest.mark.parametrize(
    "line",
    [
        "3 Results",
        "4 Data Collection",
        "2. Place of delivery",
        "3.1 Route selection",
        "1 Cours magistraux",
        "2 The Way Forward",
        "4 Case Study: Downing Street",
        "12 mois de préavis",
        "Article 5 - Fees",
        "Rue des Lilas",
        "1 Place the device on a flat surface",
        "2 Passage to the next stage",
        "4 Avenue of approach",
    ],
)
def test_a_heading_or_a_number_before_other_words_is_no_address(line: str) -> None:
    assert not opens_street_address(line)


@pytest.mark.parametrize("address", ["12 rue des Lilas, 75011 Paris", "4 Place Vendôme"])
def test_an_address_line_after_a_sentence_heads_no_prose(address: str) -> None:
    text = f"Notre nouvelle adresse est la suivante.\n{address}\n{PROSE}\n"
    assert headings(text) == []
    assert label_headings(text) == []


def test_an_address_line_alone_heads_no_paragraph() -> None:
    text = f"Madame,\n\n4 Place Vendôme\n\n{PROSE}\n"
    assert headings(text) == []


def test_a_numbered_heading_after_a_sentence_still_heads_its_prose() -> None:
    text = f"Notre nouvelle adresse est la suivante.\n3 Résultats\n{PROSE}\n"
    assert headings(text) == ["3 Résultats"]


def test_a_pdf_address_line_in_title_case_is_no_numbered_heading() -> None:
    lines = ["Cabinet Martin", "4 Place Vendôme", PROSE]
    assert numbered_heading_lines(lines, frozenset()) == frozenset()
    heading = ["Keywords: soil moisture", "4 Data Collection", PROSE]
    assert numbered_heading_lines(heading, frozenset()) == {1}


def test_a_numbered_step_opening_on_a_street_word_still_heads_its_prose() -> None:
    """An English function word after "Place" or "Passage" opens no street's name: the step
    or heading keeps its number (s43 re-read: "2 Passage to the next stage" was an address)."""
    text = f"The first stage ends here.\n2 Passage to the next stage\n{PROSE}\n"
    assert headings(text) == ["2 Passage to the next stage"]
