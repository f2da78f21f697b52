"""A price list kept for two years (a file's sheets, last year's copy in a year folder) answers
a question writing no year with the latest year's row, one writing a year with that year's
(yearly_rows.py; s31 trial: "prix pose parquet m2" quoted 2024's 32,00 € over 2025's 35,00 €)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

HEADER = "| Prestation | Unité | Prix HT |\n|---|---|---|\n"


def _prices(year: int, parquet: str, window: str) -> str:
    return (
        f"## Tarifs {year}\n\n{HEADER}| Pose de parquet | m² | {parquet} |\n"
        f"| Pose de fenêtre | unité | {window} |\n| Lambris | m² | 38,00 € |\n\n"
    )


FILES = {
    "2024/tarifs_2024.md": "# Tarifs 2024\n\n" + _prices(2024, "32,00 €", "180,00 €"),
    "compta/grille_tarifaire.md": "# Grille tarifaire\n\n"
    + _prices(2024, "32,00 €", "180,00 €")
    + _prices(2025, "35,00 €", "195,00 €"),
    "notes.md": "# Notes\n\nAcheter des vis inox. Rappeler le client pour le parquet.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("prix pose parquet m2", "35,00 €"),
        ("Combien coûte la pose d'une fenêtre ?", "195,00 €"),
        ("Quel était le prix de la pose de parquet en 2024 ?", "32,00 €"),
    ],
)
def test_the_latest_years_row_answers_unless_a_year_is_asked(
    folder: Assistant, question: str, quoted: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote, [c.quote for c in answer.citations]


def test_an_invisible_character_in_the_latest_rows_key_keeps_it_first(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """s33 hostile probe (M6): "| Pose de parquet\u200b | m² | 35,00 € |" under "Tarifs 2025"
    was moved first, then the quote's shortest near-best row (answering.choose) was last
    year's, shorter by the zero-width space alone: lengths count the characters shown."""
    prices = _prices(2025, "35,00 €", "195,00 €").replace("parquet |", "parquet\u200b |")
    files = {"tarifs.md": "# Tarifs\n\n" + prices + _prices(2024, "32,00 €", "180,00 €")}
    folder = assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))
    answer = folder.ask("Quel est le prix de la pose de parquet ?")
    assert not answer.abstained, answer.reason
    assert "35,00 €" in answer.citations[0].quote, [c.quote for c in answer.citations]
