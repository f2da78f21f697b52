"""Last year's table kept under another name in another folder, end to end (table_periods.py,
superseded.earlier_periods, versions.py; s33 trial a59: the licence transcript's mark was
quoted for "ma note" where this year's export says otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "Licence/releve_notes_licence_2022-2023.csv": "Code;Intitulé;Coefficient;Note /20\n"
    "LIC-07;Analyse numérique;5;13\nLIC-09;Probabilités;4;11\nLIC-11;Anglais;2;16,5\n",
    "Scolarite/notes_semestre_export_2025-02-10.csv": "Code;Intitulé;Coefficient;Note /20;"
    "Résultat\nMAS-101;Analyse numérique;6;14,5;ADM\nMAS-102;Probabilités;5;9,5;AJ\n",
    "Licence/Anglais/cours_anglais.md": "# Cours d'anglais\n\nLe cours d'anglais demande de"
    " lire un article de presse chaque semaine.\n",
    "Reunions/2023/compte_rendu_ag_2023.md": "# Assemblée générale de l'amicale\n\nLe 12 mars 2023,"
    " 40 membres présents ont voté le voyage à Lisbonne.\n",
    "Amicale/compte_rendu_2024.md": "# Assemblée générale de l'amicale\n\nLe 9 mars 2024, 52"
    " membres présents ont voté le voyage à Séville.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("etudes"), tmp_path_factory.mktemp("i"))


def _first_quote(folder: Assistant, question: str) -> tuple[str, str, list[str]]:
    result = folder.ask(question)
    assert not result.abstained, result.reason
    first = result.citations[0]
    assert all(c.otherwise for c in result.citations[1:] if c.doc_id != first.doc_id)
    return Path(first.path).name, first.quote, result.warnings


def test_this_years_table_answers_and_last_years_is_only_labelled(folder: Assistant) -> None:
    name, quote, warnings = _first_quote(folder, "Quelle est ma note en analyse numérique ?")
    assert name == "notes_semestre_export_2025-02-10.csv" and "14,5" in quote
    assert any(
        "releve_notes_licence_2022-2023.csv, d’une période antérieure" in w for w in warnings
    )


def test_a_question_naming_last_year_reads_last_years_table(folder: Assistant) -> None:
    name, quote, _ = _first_quote(
        folder, "Quelle était ma note en analyse numérique en 2022-2023 ?"
    )
    assert name == "releve_notes_licence_2022-2023.csv" and "13" in quote


def test_each_years_minutes_answer_their_own_year(folder: Assistant) -> None:
    """Minutes of two years share their title: no table, so no series (s29 trial: the probe
    that paired them labelled last year's general meeting as an earlier period's)."""
    name, quote, warnings = _first_quote(
        folder, "Combien de membres ont voté le voyage à Lisbonne ?"
    )
    assert name == "compte_rendu_ag_2023.md" and "40 membres" in quote
    assert not any("antérieure" in w or "earlier period" in w for w in warnings), warnings


def test_what_only_last_years_table_holds_is_answered_from_it_labelled(folder: Assistant) -> None:
    """A course taken last year only: this year's table never writes it, so last year's is read
    with the current documents (period_terms.py), not after them (s34 probe: "ma note en
    Statistique bayésienne" quoted the course notes), and its answer says whose it is."""
    name, quote, warnings = _first_quote(folder, "Quelle était ma note en anglais ?")
    assert name == "releve_notes_licence_2022-2023.csv" and "16,5" in quote
    assert any("d’une période antérieure à Scolarite/notes_semestre" in w for w in warnings)
