"""A question asking of a year's quarter in words ("premier trimestre 2025", "first quarter of
2025") is answered by the row writing that quarter as a code ("T1 2025"), not by a near row
writing none (quarters.py, time_siblings.of_asked_quarter; s31 trial: the note on the second
quarter's credit was quoted for the first quarter's VAT)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over
from xlsx_files import rows_workbook

SHEET = [
    ["Récapitulatif TVA 2025 — déclarations trimestrielles", None, None, None, None],
    [None, None, None, None, None],
    ["Trimestre", "TVA collectée", "TVA déductible", "TVA à payer", "Date de déclaration"],
    ["T1 2025", "2 469,00", "1 318,40", "1 150,60", "22/04/2025"],
    ["T2 2025", "1 943,00", "2 107,85", "crédit 164,85", "18/07/2025"],
    ["T3 2025", "2 050,00", "1 236,70", "813,30", "21/10/2025"],
    ["T4 2025", None, None, None, "à déclarer avant le 24/01/2026"],
    [None, None, None, None, None],
    [
        "Le crédit de TVA du T2 (164,85 €) a été imputé sur la déclaration du T3.",
        None,
        None,
        None,
        None,
    ],
]
FILES = {
    "notes.md": "# Notes\n\nPenser à relancer le comptable pour la liasse fiscale.\n"
    "Le cabinet envoie les déclarations de TVA par courriel.\n",
    "achats.md": "# Achats\n\nRabot électrique payé 312,00 € TTC le 3 février.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("docs")
    (corpus / "tva_2025.xlsx").write_bytes(rows_workbook(SHEET, title="TVA 2025"))
    return assistant_over(FILES, corpus, tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Quelle TVA a été payée au premier trimestre 2025 ?", "| T1 2025 |"),
        ("Quelle TVA a été payée au troisième trimestre 2025 ?", "| T3 2025 |"),
        ("Quelle TVA à payer au 1er trimestre ?", "| T1 2025 |"),
        ("Quelle TVA à payer de janvier à mars 2025 ?", "| T1 2025 |"),
    ],
)
def test_a_quarter_in_words_is_answered_by_its_row(
    folder: Assistant, question: str, quoted: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(quoted), answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("What was the deductible VAT in Q2 2025?", "| T2 2025 |"),
        ("What was the deductible VAT in 2025 Q3?", "| T3 2025 |"),
    ],
)
def test_a_quarter_code_of_the_other_language_is_answered_by_its_row(
    folder: Assistant, question: str, quoted: str
) -> None:
    """ "Q2 2025" asked of a French sheet writing "T2 2025" (admin dev: refused "No row of the
    tables names “Q2”; the closest are T2, T1")."""
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(quoted), answer.citations[0].quote


def test_a_quarter_code_of_a_year_no_row_holds_stays_refused(folder: Assistant) -> None:
    answer = folder.ask("What was the deductible VAT in Q2 2024?")
    assert answer.abstained


LOYERS = {
    "loyers.md": "# Loyers\n\n| Logement | Loyer mensuel |\n|---|---|\n| T2 | 650 € |\n"
    "| T3 | 820 € |\n\nBail signé en 2025.\n",
    "notes.md": "# Notes\n\nRevenus locatifs 2025 : 17 640 €.\n",
}


def test_a_quarter_code_no_row_writes_beside_a_year_stays_refused(tmp_path: Path) -> None:
    """ "T2" of a flat type ("| T2 | 650 € |") is no second quarter: "Q2 2025" counts as the
    "T2" a corpus writes beside the year only (s33 review: quoted the flat's rent)."""
    folder = assistant_over(LOYERS, tmp_path / "corpus", tmp_path / "index")
    answer = folder.ask("Quel loyer au Q2 2025 ?")
    assert answer.abstained, answer.citations[0].quote
