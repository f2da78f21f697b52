"""time_siblings.names_year: a document's path and title name an asked year as an edition's
("statuts_2019", "Rapport 2019"), not as a date's (s30 review A, finding 3)."""

from __future__ import annotations

import pytest

from citeqa.time_siblings import names_year

ASKED = frozenset({"date", "assemblee", "generale"})


@pytest.mark.parametrize(
    "text",
    [
        "minutes/2026-04-14_board.md\nBoard minutes 14/04/2026",
        "cr/CR_15-04-2026.md\nCompte rendu 15.04.2026",
        "sorties/galway_avril_2026.md\nSortie à Galway - avril 2026",
        "newsletter_2026-04.md",
    ],
)
def test_a_year_inside_a_date_or_after_a_month_names_no_edition(text: str) -> None:
    assert not names_year(text, frozenset(), "2026", ASKED)


@pytest.mark.parametrize(
    "text",
    ["statuts_2019.md\nStatuts 2019", "Rapport 2019", "ag/assemblee_generale_2019.md"],
)
def test_a_year_alone_names_an_edition(text: str) -> None:
    assert names_year(text, frozenset(), "2019", ASKED)


def test_a_dated_document_writing_an_asked_word_names_it() -> None:
    assert names_year("ag/2019-06-15_assemblee.md", frozenset(), "2019", ASKED)


def test_a_dated_document_whose_candidate_sentence_writes_an_asked_word_names_it() -> None:
    """s30 lab trial: minutes of "25 novembre 2025" writing "Retraite scientifique de l'équipe
    le 11 décembre 2025" answer "Où aura lieu la retraite scientifique de décembre 2025 ?";
    the sentence's dates and the year are no asked word."""
    text = "reunions/CR_reunion_2025-11-25.md\nRéunion d'équipe — 25 novembre 2025"
    asked = frozenset({"retrait", "scientif", "lieu", "2025", "--12"})
    sentence = frozenset({"retrait", "scientif", "equip", "11", "--12", "2025", "gillet"})
    assert names_year(text, sentence, "2025", asked)
    assert not names_year(text, frozenset({"--12", "2025", "gillet"}), "2025", asked)
