"""name_column.name_column_width: the document column of `citeqa status` keeps its names whole
where the other columns can wrap, and never takes more than they leave."""

from __future__ import annotations

from citeqa.cli.name_column import DOCUMENT_COLUMN_MIN, name_column_width

TITLES = ["title", "Budget par contrat et par ligne de dépense, état au trente novembre"]
OTHERS = [TITLES, ["chunks", "1"], ["lang", "fr"]]


def test_a_table_that_fits_is_left_to_rich() -> None:
    assert name_column_width(["document", "notes"], OTHERS, 200) is None


def test_a_name_keeps_its_width_while_the_titles_wrap() -> None:
    assert name_column_width(["document", "budget/budget_par_contrat_2025"], OTHERS, 80) == 30


def test_a_long_name_takes_at_least_the_minimum_and_no_more_than_the_others_leave() -> None:
    name = "archive/" + "x" * 70
    assert name_column_width(["document", name], OTHERS, 80) == DOCUMENT_COLUMN_MIN
    # 50 cells: 5 borders, 4 paddings of 2, "dépense," 8, "chunks" 6, "lang" 4 leave 19
    assert name_column_width(["document", name], OTHERS, 50) == 19


def test_a_name_is_measured_in_terminal_cells() -> None:
    name = "研究ノート" * 3  # 15 characters, 30 cells
    assert name_column_width(["document", name], OTHERS, 100) == 30


def test_a_terminal_too_narrow_for_the_header_is_left_to_rich() -> None:
    assert name_column_width(["document", "budget/budget_par_contrat_2025"], OTHERS, 30) is None


def test_a_title_that_is_one_long_word_folds_before_a_name() -> None:
    """A sheet's title is its file's stem: one word of 28 cells folds, not the name beside it."""
    stems = ["title", "inventaire_echantillons_2024", "Réunion d'équipe — 19 novembre 2024"]
    others = [stems, ["chunks", "10"], ["lang", "fr"]]
    name = "budget/budget_par_contrat_2025"
    assert name_column_width(["document", name], others, 80) == 30
