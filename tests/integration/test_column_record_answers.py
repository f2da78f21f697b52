"""A question naming a record and a field of a table whose records are its columns (a slide
comparing studies) quotes the field's row through that record's cell, under the record row's
same part (record_cells.py through answering): before, the row naming the record by its
product was quoted whole, or the asked field's row with every other record's value."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

SLIDES = (
    "Thérapies cellulaires dans le lupus\n\nQuelles données sont disponibles ?\n\n"
    "Comparatif\t\t\t\n\tDupont A ¹\tMartin B ²\tDupont A ³\nCible\tCD19\tCD19\tCD20\n"
    "n\t14\t9\t22\n"
    "Produit\tAlphacel CAR-T\tBetacel CAR-T\tGammacel NK\n"
    "Efficacité\t90% rémission M6\tPas de rechute à 12 mois\tRéponse partielle\n"
    "Tolérance\t3 CRS1, 0 ICAN\t1 CRS2\t2 CRS1\nSuivi de 24 mois\t\t\t\n\n"
    "¹Dupont A et al., congrès 2025 ; ²Martin B et al. 2024 ; ³Dupont A et al. 2025\n"
)
"""A made-up slide's table as a text file holds it: a title row, the records' authors (one
twice) over their fields, a note under them."""

TRIALS = """# Trials

We compared three trials run in 2024 on patients with lupus.

|  | Trial A | Trial B | Trial C |
|---|---|---|---|
| Drug | Anifrolumab | Belimumab | Voclosporin |
| Patients | 120 | 85 | 60 |
| Response | 62% at week 52 | 48% at week 24 | 71% renal response |
| Safety | Herpes zoster | Infusion reactions | Hypertension |

All three trials go on in 2025.
"""


@pytest.fixture(scope="module")
def slides(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"slides.txt": SLIDES}, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i")
    )


@pytest.fixture(scope="module")
def trials(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"trials.md": TRIALS}, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i")
    )


@pytest.mark.parametrize(
    "question",
    [
        "What efficacy did Dupont's Alphacel CAR-T product show?",
        "Quelle efficacité pour le produit Alphacel de Dupont ?",
    ],
)
def test_the_asked_field_is_quoted_through_the_asked_records_cell(
    slides: Assistant, question: str
) -> None:
    result = slides.ask(question)
    assert not result.abstained, result.reason
    first = result.citations[0]
    assert first.quote == "Efficacité\t90% rémission M6"
    assert first.header is not None
    assert first.header.text == "\tDupont A ¹"


def test_a_record_named_by_its_header_cell_is_quoted_through_its_cell(trials: Assistant) -> None:
    result = trials.ask("What was the response in trial B?")
    assert not result.abstained, result.reason
    first = result.citations[0]
    assert first.quote == "| Response | 62% at week 52 | 48% at week 24 |"
    assert first.header is not None
    assert first.header.text == "|  | Trial A | Trial B |"
