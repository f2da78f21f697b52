"""answering._names_year: a document's path and title name an asked year as an edition's
("statuts_2019", "Rapport 2019"), not as a date's (s30 review A, finding 3)."""

from __future__ import annotations

import pytest

from citeqa.answering import _names_year

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
    assert not _names_year(text, "2026", ASKED)


@pytest.mark.parametrize(
    "text",
    ["statuts_2019.md\nStatuts 2019", "Rapport 2019", "ag/assemblee_generale_2019.md"],
)
def test_a_year_alone_names_an_edition(text: str) -> None:
    assert _names_year(text, "2019", ASKED)


def test_a_dated_document_writing_an_asked_word_names_it() -> None:
    assert _names_year("ag/2019-06-15_assemblee.md", "2019", ASKED)
