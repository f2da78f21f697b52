"""A folder's dated series and replaced editions, end to end (superseded.py's earlier periods
and replacing cues, versions.py, unheld_periods.py, answering's re-choice among documents
naming the asked year; session 29's user trial: last season's members list answered "a-t-il
réglé sa cotisation ?", and "d'après les statuts de 2019" abstained beside statuts_2019)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

MEMBERS = "Nom,Prénom,Catégorie,Licence payée\nLefort,Inès,{},{}\nBarre,Hugo,{},oui\n"
FILES = {
    "Saison 2023-2024/membres_2023-2024.csv": MEMBERS.format("U9", "oui", "U11"),
    "membres_2024-2025.csv": MEMBERS.format("U11", "non", "U13"),
    "bilan_2022-2023.md": "# Bilan 2022-2023\n\n| Poste | Montant |\n| --- | --- |\n"
    "| Frais de déplacement | 1800 |\n| Buvette | 900 |\n",
    "bilan_2023-2024.md": "# Bilan 2023-2024\n\n| Poste | Montant |\n| --- | --- |\n"
    "| Frais de déplacement | 2100 |\n| Buvette | 950 |\n",
    "previsions_2024-2025.md": "# Prévisions 2024-2025\n\n| Sens | Poste | Montant |\n"
    "| --- | --- | --- |\n| Dépense | Frais de déplacement | 2500 |\n"
    "| Recette | Buvette | 1000 |\n",
    "Charte/charte_2018.md": "# Charte du club de voile\n\nAdoptée le 4 mai 2018.\n\n"
    "Le comité directeur compte 5 membres élus pour trois ans.\n",
    "Charte/charte_2023.md": "# Charte du club de voile\n\nAdoptée le 9 mars 2023. Cette charte"
    " remplace celle du 4 mai 2018.\n\nLe comité directeur compte 7 membres élus pour deux ans.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("club")
    for name in FILES:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
    return assistant_over(FILES, corpus, tmp_path_factory.mktemp("i"))


def _first_quote(folder: Assistant, question: str) -> tuple[str, str]:
    result = folder.ask(question)
    assert not result.abstained, result.reason
    first = result.citations[0]
    assert all(c.otherwise for c in result.citations[1:] if c.doc_id != first.doc_id)
    return Path(first.path).name, first.quote


def test_a_question_naming_no_period_reads_the_latest_season_first(folder: Assistant) -> None:
    name, quote = _first_quote(folder, "Inès Lefort a-t-elle payé sa licence ?")
    assert name == "membres_2024-2025.csv" and "non" in quote


def test_a_season_span_asked_is_read_in_the_documents_naming_it(folder: Assistant) -> None:
    name, quote = _first_quote(
        folder, "Combien le club a-t-il dépensé en frais de déplacement en 2023-2024 ?"
    )
    assert name == "bilan_2023-2024.md" and "2100" in quote


def test_an_edition_named_by_its_year_answers_and_the_replacing_one_leads(
    folder: Assistant,
) -> None:
    name, quote = _first_quote(
        folder, "Combien de membres compte le comité selon la charte de 2018 ?"
    )
    assert name == "charte_2018.md" and "5 membres" in quote
    name, quote = _first_quote(folder, "Combien de membres compte le comité directeur ?")
    assert name == "charte_2023.md" and "7 membres" in quote


CALL = {
    "convocation_ag.md": "# Convocation à l'assemblée générale\n\nLyon, le 12 mai 2025\n\n"
    "Vous êtes convoqués à l'assemblée générale le samedi 7 juin 2025 à 10 h, salle des fêtes."
    "\n\nOrdre du jour : montant des cotisations 2025-2026, élection du bureau.\n",
    "Courriers/sortie_galway.md": "# Sortie à Galway - avril 2026\n\nBonjour,\n\nMerci pour votre"
    " message du mois de juin.\n\n- Dates : du vendredi 17 au mardi 21 avril 2026."
    "\n- Hébergement : en familles d'accueil.\n",
}


@pytest.fixture(scope="module")
def call(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("call")
    (corpus / "Courriers").mkdir()
    return assistant_over(CALL, corpus, tmp_path_factory.mktemp("i"))


def test_a_year_only_a_span_end_or_a_dated_document_writes_abstains(call: Assistant) -> None:
    """s29 trial, n21: "la date de l'assemblée générale 2026" quoted the 2025 convocation
    (its "cotisations 2025-2026"), then, that refused, a trip's dates under "- avril 2026"."""
    result = call.ask("Quelle est la date de l'assemblée générale 2026 ?")
    assert result.abstained, result.citations
    assert "“2026”" in (result.reason or "") and "2025" in (result.reason or "")
    name, quote = _first_quote(call, "Quelle est la date de l'assemblée générale 2025 ?")
    assert name == "convocation_ag.md" and "7 juin 2025" in quote
