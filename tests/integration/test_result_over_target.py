"""A question asking what was achieved is answered by the report's result, not by the
application's target for it, and a final report's figure is quoted before an interim report's
(s35 trial a23, a15, a12: "How many learners were reached?" quoted the application's
"Reach 650 learners (350 in year 1)" while the report's "Learners reached: 298 (year 1 target:
350)" was read; the interim "Bénévoles formés : 28 (cible : 45)" over the final row)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "grants/Orchard Fund application.md": "# Orchard Fund application: Green Streets\n\n"
    "## Objectives\n\n"
    "- Plant 400 street trees over two years (250 in year 1), half of them fruit trees.\n"
    "- Hold 12 pruning workshops for residents.\n\n"
    "## Budget\n\nThe project costs 48,000 pounds over two years.\n",
    "reports/Green Streets year 1 report.md": "# Green Streets: year 1 report\n\n"
    "Submitted on 14 March 2026 by the project officer.\n\n"
    "## Indicators\n\n"
    "Street trees planted: 231 (year 1 target: 250)\n\n"
    "Pruning workshops held: 7 (target: 12)\n\n"
    "## Comments\n\nTwo streets could not be planted before the frost.\n",
    "minutes/board 2026-04-02.md": "# Board meeting, 2 April 2026\n\n"
    "The board thanked the volunteers who watered the young trees all summer.\n",
}


@pytest.fixture(scope="module")
def streets(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("streets"), tmp_path_factory.mktemp("streets-index")
    return assistant_over(FILES, docs, index)


def test_a_result_question_quotes_the_report_not_the_target(streets: Assistant) -> None:
    answer = streets.ask("How many street trees were planted in year 1?")
    assert not answer.abstained
    assert "231" in answer.citations[0].quote


def test_the_plan_a_result_restates_is_not_said_otherwise(streets: Assistant) -> None:
    """The application's "(250 in year 1)" is the target the report restates beside its
    result: it states nothing otherwise (review of s36-result)."""
    answer = streets.ask("How many street trees were planted in year 1?")
    assert "231" in answer.citations[0].quote
    assert not any(citation.otherwise for citation in answer.citations)


def test_a_target_question_keeps_the_application(streets: Assistant) -> None:
    answer = streets.ask("What was the year 1 target of street trees to plant?")
    assert not answer.abstained
    assert "250" in answer.citations[0].quote


REPORTS = {
    "demandes/Demande Fonds Lecture.md": "# Demande au Fonds Lecture : Ateliers du soir\n\n"
    "## Indicateurs\n\n| Indicateur | Cible |\n|---|---|\n| Ateliers ouverts | 30 |\n"
    "| Animateurs formés | 20 |\n| Participants gagnant un niveau | 60 % |\n",
    "rapports/Rapport intermédiaire Ateliers du soir.md": "# Rapport intermédiaire : Ateliers"
    " du soir\n\nRemis au Fonds Lecture en mars.\n\n"
    "Ateliers ouverts : 14 (cible : 30)\n\nAnimateurs formés : 9 (cible : 20)\n\n"
    "Le recrutement d'animateurs reste difficile le samedi.\n",
    "rapports/Rapport final Ateliers du soir.md": "# Rapport final : Ateliers du soir\n\n"
    "Remis au Fonds Lecture en décembre.\n\n## Résultats\n\n"
    "| Indicateur | Cible | Réalisé |\n|---|---|---|\n| Ateliers ouverts | 30 | 31 |\n"
    "| Animateurs formés | 20 | 17 |\n| Participants gagnant un niveau | 60 % | 55 % |\n",
}


@pytest.fixture(scope="module")
def workshops(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("ateliers"), tmp_path_factory.mktemp("ateliers-index")
    return assistant_over(REPORTS, docs, index)


def test_the_final_report_row_is_quoted_before_the_interim_line(workshops: Assistant) -> None:
    answer = workshops.ask("Combien d'ateliers ouverts par rapport à la cible ?")
    assert not answer.abstained
    assert answer.citations[0].doc_id == "rapports/Rapport final Ateliers du soir"
    assert "| 30 | 31 |" in answer.citations[0].quote


def test_the_report_row_is_quoted_before_the_application_row(workshops: Assistant) -> None:
    answer = workshops.ask("Quel pourcentage de participants a gagné un niveau ?")
    assert not answer.abstained
    assert "55 %" in answer.citations[0].quote


PLAIN_TABLE = {
    "rapports/Bilan des ateliers.txt": "BILAN DES ATELIERS DU SOIR\n\nRésultats de l'année\n"
    "Indicateur | Cible | Réalisé\nAteliers ouverts | 30 | 31\nAnimateurs formés | 20 | 17\n"
    "Participants gagnant un niveau (CECRL) | 60 % | 55 %\n"
    "Parmi les participants, 70 % sont des femmes et 20 % ont moins de 25 ans.\n\n"
    "Le recrutement d'animateurs reste difficile le samedi.\n",
    "notes/Rentrée.txt": "La rentrée des ateliers aura lieu le 8 septembre dans la salle"
    " polyvalente.\n",
}


@pytest.fixture(scope="module")
def plain_table(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("bilan"), tmp_path_factory.mktemp("bilan-index")
    return assistant_over(PLAIN_TABLE, docs, index)


def test_a_row_of_a_table_without_rule_is_quoted_alone_under_its_header(
    plain_table: Assistant,
) -> None:
    """A short row of pipes (no `|---|` rule: a PDF's or a text file's table) takes in neither
    the rows above it nor the prose below it (s35 trial a15: the rows above were quoted first,
    and then read as the answer's record)."""
    answer = plain_table.ask("Quel pourcentage de participants a gagné un niveau ?")
    assert not answer.abstained
    (citation,) = answer.citations
    assert citation.quote == "Participants gagnant un niveau (CECRL) | 60 % | 55 %"
    assert "Indicateur | Cible | Réalisé" in answer.answer


WRAPPED_CELL = {
    "rapports/Bilan alphabétisation.txt": "BILAN DE L'ANNÉE\n\nRésultats\n"
    "Indicateur | Cible | Réalisé\nApprenants gagnant au\n"
    "moins un niveau (CECRL) | 60 % | 57 %\nHeures de cours dispensées | 1 200 | 1 150\n"
    "Bénévoles formés | 45 | 39\n\nLe recrutement reste difficile en zone rurale.\n",
    "contacts/Bureau.txt": "BUREAU DE L'ASSOCIATION\n\n"
    "Marie Dupont | 06 12 34 56 78 | trésorière\nJean Martin | 06 98 76 54 32 | secrétaire\n"
    "Ali Benali | 07 11 22 33 44 | président\n",
}


@pytest.fixture(scope="module")
def wrapped(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("wrapped"), tmp_path_factory.mktemp("wrapped-index")
    return assistant_over(WRAPPED_CELL, docs, index)


def test_a_data_row_below_a_wrapped_cell_is_no_header(wrapped: Assistant) -> None:
    """A PDF's table whose first cell wraps on two lines: the row ending the wrapped cell
    writes values, so it is no header shown apart over the asked row (review of s36-result);
    the row is quoted as before the header rows were read, with the short rows above it."""
    answer = wrapped.ask("Combien de bénévoles formés ?")
    assert not answer.abstained
    assert "Bénévoles formés | 45 | 39" in answer.citations[0].quote
    assert "“moins un niveau (CECRL) | 60 % | 57 %”" not in answer.answer


def test_a_headerless_contacts_list_shows_no_other_person_as_header(wrapped: Assistant) -> None:
    answer = wrapped.ask("Quel est le numéro d'Ali Benali ?")
    assert not answer.abstained
    assert "07 11 22 33 44" in answer.answer
    assert "“Marie Dupont | 06 12 34 56 78 | trésorière”" not in answer.answer
