"""A question asking of a month that the passages its answer stands in never write, while they
write another, abstains naming them (unheld_months.py)."""

from __future__ import annotations

import unicodedata

import pytest

from citeqa.unheld_months import (
    UnheldMonth,
    asked_months,
    unheld_month,
    writes_month,
    writes_month_in_figures,
    written_months,
)

MARCH = "Objet : facture de cantine du mois de mars 2025\nChloé MARTIN (CP) : 16 repas = 69,60 €."


def test_another_months_record_is_named() -> None:
    found = unheld_month("Combien coûte la cantine pour Chloé en avril ?", [MARCH], [MARCH])
    assert found == UnheldMonth("avril", ["mars"])
    found = unheld_month("Chloé's canteen bill for April", ["| 21/03/2025 | CANTINE | 143,55 |"])
    assert found == UnheldMonth("April", ["21/03/2025"])


@pytest.mark.parametrize(
    ("question", "answer", "documents"),
    [
        ("la cantine de mars", [MARCH], []),  # the asked month is written
        ("the canteen bill for March", ["| 2025-03 | 143,55 |"], []),  # "2025-03"
        ("la cantine en avril", ["Chloé : 16 repas = 69,60 €."], []),  # no month written
        ("la cantine en avril", [MARCH], [MARCH + "\nProchaine facture : avril."]),
        ("la cantine en mars ou avril", [MARCH], []),  # two months asked
        ("What may I claim?", [MARCH], []),  # "may" is no month
        ("le loyer de février", ["Loyer révisé chaque année au 1er septembre."], []),  # a rule
    ],
)
def test_an_answer_writing_the_month_or_none_stands(
    question: str, answer: list[str], documents: list[str]
) -> None:
    assert unheld_month(question, answer, documents) is None


def test_months_are_read_by_name_in_either_language_and_in_dates() -> None:
    assert asked_months("How much in April? et en juin ?") == {"--04": "April", "--06": "juin"}
    assert asked_months("soldiers march on") == {}  # an English month is capitalised
    written = written_months("le 14 mars 2025 | 30/04/2025 | 2025-05 | 06/2025")
    assert written == {"--03": "mars", "--04": "30/04/2025", "--05": "2025-05", "--06": "06/2025"}
    assert written_months("March 14, 2025") == {"--03": "March"}
    assert written_months("le 1er septembre, le 14/07, en juin") == {}  # no year: a rule's


def test_an_abbreviated_month_before_a_year_is_the_asked_month() -> None:
    """Review D: "Avr. 2025" and "Apr 2025" write April."""
    assert unheld_month("la cantine en avril", ["Facture Avr. 2025 : 69,60 €, mars 2025"]) is None
    assert unheld_month("the canteen in April", ["Invoice Apr 2025, paid March 2025"]) is None
    assert written_months("Avr. 2025") == {"--04": "Avr"}
    assert written_months("mar, avr") == {}  # no year: other words maybe


def test_a_day_whose_parts_may_both_be_its_month_counts_both() -> None:
    """ "04/12/2025" is 4 December or April 12: an April question stands."""
    assert unheld_month("the canteen bill for April", ["| 04/12/2025 | 143,55 |"]) is None
    found = unheld_month("the canteen bill for April", ["| 14/12/2025 | 143,55 |"])
    assert found == UnheldMonth("April", ["14/12/2025"])


def test_a_held_date_is_named_as_the_text_writes_it() -> None:
    found = unheld_month("the canteen bill for April", ["Paid on Mar 28, 2025."])
    assert found == UnheldMonth("April", ["Mar 28, 2025"])


STATEMENT = (
    "Relevé du compte joint, 4.5 points par achat\n"
    "| 14/05/2025 | Loyer | 850 |\n"
    "Prochain prélèvement : {april}\n"
    "| 21/03/2025 | CANTINE | 143,55 |\n"
)


@pytest.mark.parametrize(
    ("april", "writes"),
    [
        ("AVRIL 2025", True),
        ("le 3 Avr. 2025", True),
        ("30/04/2025", True),
        ("2025-04", True),
        ("04/2025", True),
        ("04/12/2025", True),  # 4 December or April 12
        ("April", True),
        ("après le 14", False),  # "apr" opens a word, ends none
        ("sous 4 jours", False),
        ("april showers", False),  # an English month is capitalised
    ],
)
def test_a_document_writes_the_asked_month_on_any_of_its_lines(april: str, writes: bool) -> None:
    """Read on the lines that may write April only (a 920 KB document read whole cost 0.47 s,
    benchmarks/unheld_month_cost.py), the document writes it as when read whole."""
    text = STATEMENT.format(april=april)
    assert writes_month(text, "--04") is writes
    assert ("--04" in written_months(text, dated=False)) is writes


def test_a_month_name_that_is_a_persons_is_no_asked_or_written_month() -> None:
    """ "Avril Dupont" read as April (s29 hostile F6)."""
    assert asked_months("What did Avril Dupont decide in March?") == {"--03": "March"}
    assert written_months("CODIR avec Avril Dupont, mars 2025") == {"--03": "mars"}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (unicodedata.normalize("NFD", "Réunion du 3 février 2025"), "--02"),
        ("Paid on ２０２５-０４-３０", "--04"),
        ("Payé le ３０/０４/２０２５", "--04"),
    ],
)
def test_a_document_decomposed_or_in_fullwidth_digits_writes_its_month(
    text: str, term: str
) -> None:
    """s29 review C: read on its lines, a decomposed "février" or a fullwidth date was written
    by no line, though the whole text writes it: "no document writes February"."""
    assert term in written_months(text, dated=False)
    assert writes_month(text, term)


def test_two_capitalised_months_are_both_asked() -> None:
    """Review D of s29: "Janvier" before "Février" was read as a first name."""
    assert asked_months("Réunion de Janvier Février") == {"--01": "Janvier", "--02": "Février"}
    assert asked_months("Qu'a dit Avril Dupont ?") == {}


def test_a_decomposed_month_name_is_read_as_a_composed_one() -> None:
    """Review D of s29: "février" written "e" + U+0301 split into two words, no month."""
    question = unicodedata.normalize("NFD", "Qu'a-t-on voté en février et en Août ?")
    assert list(asked_months(question)) == ["--02", "--08"]
    assert list(written_months(unicodedata.normalize("NFD", "Budget de février 2025"))) == ["--02"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("| 2025-12 | 780 | 65 | 845 | 2025-12-09 | chèque |", True),
        ("Payé le 09/12/2025 par virement.", True),
        ("Relevé de 12/2025", True),
        ("Payé le 14 décembre 2025.", False),  # by its name: the ranker read it
        ("Le loyer est révisé en décembre.", False),
        ("Note : 12/20 au contrôle.", False),
    ],
)
def test_a_month_written_in_figures(text: str, written: bool) -> None:
    """s57 trial: a rent ledger keys its rows "2025-12"; its December row answers "Quand le
    loyer de décembre a-t-il été payé ?" in the question's own language."""
    assert writes_month_in_figures(text, "--12") is written
