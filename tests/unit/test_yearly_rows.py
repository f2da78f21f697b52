"""A table row repeated under labels of different years is quoted from the latest year first
for a question writing no year (yearly_rows.py; s31 trial: last year's price list answered)."""

from __future__ import annotations

from collections.abc import Iterator

from citeqa.yearly_rows import YEARLY_ROW_RANKS, latest_year_row

OLD = ("| Pose de parquet | m² | 32,00 € |", "Tarifs 2024\n2024/Tarifs_2024")
OLD_SHEET = ("| Pose de parquet | m² | 32,00 € |", "Tarifs 2024\ncompta/Grille_tarifaire")
NEW = ("| Pose de parquet | m² | 35,00 € |", "Tarifs 2025\ncompta/Grille_tarifaire")
OTHER = ("| Pose de fenêtre | unité | 195,00 € |", "Tarifs 2026\ncompta/Grille_tarifaire")


def test_the_row_of_the_latest_year_is_moved_first() -> None:
    assert latest_year_row([OLD, OLD_SHEET, NEW]) == 2


def test_another_key_or_an_earlier_year_is_not_moved() -> None:
    assert latest_year_row([OLD, OTHER]) is None
    assert latest_year_row([NEW, OLD_SHEET, OLD]) is None


def test_a_row_under_no_year_or_no_row_moves_nothing() -> None:
    undated = ("| Pose de parquet | m² | 30,00 € |", "Tarifs\ncompta/Grille")
    assert latest_year_row([undated, NEW]) is None
    assert latest_year_row([("Pose de parquet : 32,00 €", "Tarifs 2024\nx"), NEW]) is None


def test_only_near_rows_are_read() -> None:
    far = [OLD, *[OTHER] * YEARLY_ROW_RANKS, NEW]
    assert latest_year_row(far) is None


def test_row_numbers_are_no_key_and_the_rows_cells_must_agree() -> None:
    """`| 1 | … |` of one year's quote is no `| 1 | … |` of another's: the key is the first
    cell numbering no row, and the rows' other words must meet (s32 review)."""
    dupont = ("| 1 | Pose de parquet chêne | 32,00 € |", "Devis 2024\ndevis_dupont")
    martin = [
        ("| 1 | Pose de fenêtre | 195,00 € |", "Devis 2025\ndevis_martin"),
        ("| 2 | Pose de parquet chêne | 30,00 € |", "Devis 2025\ndevis_martin"),
    ]
    assert latest_year_row([dupont, *martin]) == 2
    unit = ("| Pose de parquet | forfait | 900,00 € |", "Tarifs 2025\ncompta/Grille")
    assert latest_year_row([OLD, unit]) is None


def test_the_others_are_placed_only_after_a_first_row_under_one_year() -> None:
    """The candidates' labels (their sections, read from their documents) are read one by one
    as asked: a first candidate whose row has no key (cells numbering rows only) or stands
    under no year's label has the others read for nothing (final re-read: every answer read
    five sections)."""
    undated = ("| Pose de parquet | m² | 30,00 € |", "Tarifs\ncompta/Grille")
    for first in [undated, ("| 1 | 2. |", "Tarifs 2024\nx")]:
        read: list[tuple[str, str]] = []

        def placing(
            candidates: list[tuple[str, str]], read: list[tuple[str, str]] = read
        ) -> Iterator[tuple[str, str]]:
            for candidate in candidates:
                read.append(candidate)
                yield candidate

        assert latest_year_row(placing([first, NEW, OLD])) is None
        assert read == [first]
    assert latest_year_row(iter([OLD, OLD_SHEET, NEW])) == 2


def test_a_later_row_is_taken_from_the_same_document_or_the_same_series_only() -> None:
    """A "Total" row of numbers is every table's: a later year's total of another document
    (another budget, a report) is no later edition of the first's (s32 review). A later row
    stands in the same document, or in one of the same series: its section or its file's
    name the first's but for the year ("Tarifs 2024"/"Tarifs 2025",
    "tarifs_2024.csv"/"tarifs_2025.csv")."""
    budget = ("| Total | 12 300 | 4 500 |", "Budget 2023\nassociation/budget_2023.xlsx")
    report = ("| Total | 8 000 | 1 200 |", "Comptes 2024\nrapports/rapport_activite.pdf")
    assert latest_year_row([budget, report]) is None
    next_budget = ("| Total | 13 100 | 4 800 |", "Budget 2024\nassociation/budget_2024.xlsx")
    assert latest_year_row([budget, report, next_budget]) == 2
    same_file = ("| Total | 9 000 | 1 500 |", "Comptes 2025\nrapports/rapport_activite.pdf")
    assert latest_year_row([report, same_file]) == 1
    csv_2024 = ("| Traduction générale | EN > FR | mot | 0,10 |", "\n2024/tarifs_2024.csv")
    csv_2025 = ("| Traduction générale | EN > FR | mot | 0,11 |", "\ncompta/tarifs_2025.csv")
    assert latest_year_row([csv_2024, csv_2025]) == 1
