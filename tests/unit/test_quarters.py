"""A year's quarter is read in its many writings, words, codes beside a year and month ranges,
in English and French, as one quarter of a year or of any year (quarters.py; s31 trial:
"premier trimestre 2025" is the sheet's "T1 2025")."""

from __future__ import annotations

import pytest

from citeqa.models import Citation
from citeqa.quarters import (
    Quarter,
    asked_quarter,
    dates_in_quarter,
    writes_quarter,
    written_quarters,
)
from citeqa.time_siblings import of_asked_quarter


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("Quelle TVA a été payée au premier trimestre 2025 ?", Quarter(1, 2025)),
        ("| T1 2025 | 4 200,00 |", Quarter(1, 2025)),
        ("Résultats 2025 Q1", Quarter(1, 2025)),
        ("Q1/2025", Quarter(1, 2025)),
        ("What happened in the second quarter of 2025?", Quarter(2, 2025)),
        ("les ventes d'avril à juin 2024", Quarter(2, 2024)),
        ("Sales, July–September", Quarter(3, None)),
        ("jan.-mars 2026", Quarter(1, 2026)),
        ("au 3e trimestre de 2023", Quarter(3, 2023)),
        ("Quelle TVA au quatrième trimestre ?", Quarter(4, None)),
    ],
)
def test_a_quarter_is_read_in_its_writings(text: str, quarter: Quarter) -> None:
    assert written_quarters(text) == {quarter}
    assert asked_quarter(text) == quarter


@pytest.mark.parametrize(
    "text",
    [
        "Quel est le loyer du T2 ?",  # a flat type: a code is a quarter only beside a year
        "What did people answer to Q1?",
        "Le crédit de TVA du T2 a été imputé sur la déclaration du T3.",
        "réf. T12025",
        "Réf. 2025-T3 facture",  # a year glued to a code is a reference's (s32 review)
        "facture n° 2025Q4",
        "du 14 janvier au 3 mars",  # days, no range of whole months
    ],
)
def test_a_code_alone_or_a_span_of_days_is_no_quarter(text: str) -> None:
    assert written_quarters(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Appartement T2 2024 : loyer 650 € charges comprises",  # a flat's type, then a year
        "Quel est le loyer de l'appartement T3 2025 ?",
        "Logement T2 2023, rue des Lilas",
        "Bail maison T4 2024",
        "Flat T2 2024 inventory",
        "Le modèle Q3 2024 est livré en mars.",  # a model, its year
        "Audi Q7 2024, 45 000 km",  # no quarter's code
        "Notes du S1 2025",  # a semester
    ],
)
def test_a_name_a_code_qualifies_beside_a_year_is_no_quarter(text: str) -> None:
    """A letter and digit naming a kind of flat or a model, a year after it, is no quarter
    (s32 review: "Appartement T2 2024" was read as the second quarter of 2024)."""
    assert written_quarters(text) == set()
    assert asked_quarter(text) is None


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("Déclaration DGFIP TVA T3 2025", Quarter(3, 2025)),
        ("| TVA T2 2025 | 1 200,00 |", Quarter(2, 2025)),
        ("Revenue Q3 2025 rose by 4%", Quarter(3, 2025)),
        ("le loyer du T2 2024", Quarter(2, 2024)),
    ],
)
def test_a_code_after_another_word_beside_a_year_stays_a_quarter(
    text: str, quarter: Quarter
) -> None:
    assert written_quarters(text) == {quarter}


@pytest.mark.parametrize(
    "question",
    ["TVA du T1 2025 au T2 2025 ?", "Compare Q1 2024 and Q1 2025", "TVA du T1 2024 au T1 2025 ?"],
)
def test_a_question_of_two_quarters_asks_of_none(question: str) -> None:
    """Two quarters, or one quarter of two years: none is the one asked (s32 review)."""
    assert asked_quarter(question) is None


@pytest.mark.parametrize(
    ("text", "asked", "writes"),
    [
        ("| T1 2025 | 1 150,60 |", Quarter(1, 2025), True),
        ("| T1 2024 | 980,00 |", Quarter(1, 2025), False),
        ("| T2 2025 | crédit 164,85 |", Quarter(1, 2025), False),
        ("| T1 2024 | 980,00 |", Quarter(1, None), True),  # no year asked: any year's
        ("Au premier trimestre, les ventes ont doublé.", Quarter(1, 2025), True),
        ("January to March 2025: 12 new clients", Quarter(1, 2025), True),
    ],
)
def test_a_text_writes_the_asked_quarter_of_its_year_or_of_any(
    text: str, asked: Quarter, writes: bool
) -> None:
    assert writes_quarter(text, asked) is writes


def _citation(quote: str, path: str) -> Citation:
    return Citation(n=1, doc_id="d", title="d", path=path, start=0, end=len(quote), quote=quote)


def test_a_quote_of_a_document_whose_path_writes_the_quarter_stands() -> None:
    """The first quote of "rapport_T1_2025.pdf" is of the asked quarter though its sentence
    does not write it: no other sentence is chosen for writing "T1 2025"."""
    question = "Quel chiffre d'affaires au premier trimestre 2025 ?"
    other = [_citation("| T1 2025 | 12 |", "/docs/ventes.md")]
    quoted = [_citation("Le chiffre d'affaires atteint 1,2 M€.", "/docs/rapport_T1_2025.pdf")]
    assert of_asked_quarter(question, quoted, lambda writes: other) == quoted
    elsewhere = [_citation("Le chiffre d'affaires atteint 1,2 M€.", "/docs/rapport_2025.pdf")]
    assert of_asked_quarter(question, elsewhere, lambda writes: other) == other


@pytest.mark.parametrize(
    ("quote", "stands"),
    [
        ("| 12/02/2025 | Achat rabot électrique | 312,00 € |", True),
        ("Le rabot électrique a été acheté en février 2025 pour 312 €.", True),
        ("| 12/02/2024 | Achat rabot électrique | 290,00 € |", False),  # another year's
        ("| 15/05/2025 | Achat rabot électrique | 312,00 € |", False),  # another quarter's
    ],
)
def test_a_quote_dated_inside_the_asked_quarter_stands(quote: str, stands: bool) -> None:
    """A row dated 12/02/2025 is of the first quarter of 2025: no sentence writing "premier
    trimestre 2025" ("… a été calme") is chosen instead (s32 review)."""
    question = "Combien a coûté le rabot électrique acheté au premier trimestre 2025 ?"
    other = [_citation("Le premier trimestre 2025 a été calme.", "/docs/bilan.md")]
    quoted = [_citation(quote, "/docs/depenses.md")]
    assert of_asked_quarter(question, quoted, lambda writes: other) == (quoted if stands else other)


@pytest.mark.parametrize(
    "text",
    [
        "| T4 2025 |  |  | à déclarer avant le 24/01/2026 |",  # of the quarter it writes
        "| 12/01/2026 | déclaration 2025 |",  # January of another year
    ],
)
def test_a_date_of_another_year_or_beside_another_quarter_is_not_in_the_asked_one(
    text: str,
) -> None:
    assert not dates_in_quarter(text, Quarter(1, 2025))
