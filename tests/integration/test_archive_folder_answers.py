"""An archive folder beside current files, end to end (archive_folders.py, versions.py; s34
trial cause 2: last year's fees and collection day in "archive/2024/" quoted as current, the
current files living elsewhere under other names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FEES = "Code;Acte;Tarif (€);Remarque\nG;Consultation de médecine générale;{};secteur 1\n"
FILES = {
    "Tarifs/Tarifs 2025.csv": FEES.format("30,00")
    + "CERT;Certificat de sport;30,00;non remboursé\n",
    "archive/2024/Tarifs 2024.csv": FEES.format("26,50")
    + "CERT;Certificat de sport;25,00;non remboursé\n",
    "Wiki/dechets.md": "# Déchets de soins\n\nLa collecte des déchets de soins a lieu chaque"
    " mardi entre 10 h et 11 h.\n",
    "archive/2024/procedure dechets 2024.md": "# Procédure déchets 2024\n\nLa collecte des"
    " déchets de soins a lieu le jeudi matin.\n",
    "archive/2024/CR reunion 2024-06-10.md": "# Réunion du 10 juin 2024\n\nLa salle d'attente"
    " sera repeinte en vert pendant l'été par l'entreprise Duroc.\n\nLes déchets de soins sont"
    " collectés par le prestataire Ecosoins.\n",
    "Wiki/sterilisation.md": "# Stérilisation\n\nNoter la date et le numéro de cycle sur chaque"
    " sachet.\n\nLe numéro de lot figure sur la facture du fournisseur.\n",
    "Infos pratiques/horaires et fermetures.md": "# Infos pratiques\n\nLe cabinet ouvre du"
    " lundi au vendredi de 8 h à 19 h 30.\n",
    "archive/2024/horaires 2024.md": "# Horaires d'ouverture du cabinet\n\nHoraires"
    " d'ouverture du cabinet : lundi au vendredi, 8 h – 19 h.\n",
    "clients/dupont/2024/facture.md": "# Facture Dupont\n\nMontant de la facture Dupont : 520"
    " euros.\n",
    "clients/martin/2025/facture.md": "# Facture Martin\n\nMontant de la facture Martin : 610"
    " euros.\n",
}


@pytest.fixture(scope="module")
def drive(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("drive")
    for name in FILES:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
    return assistant_over(FILES, corpus, tmp_path_factory.mktemp("i"))


def _quoted(drive: Assistant, question: str) -> list[tuple[str, str, str | None]]:
    result = drive.ask(question)
    assert not result.abstained, result.reason
    return [(Path(c.path).name, c.quote, getattr(c, "archived", None)) for c in result.citations]


def test_the_current_file_outside_the_archive_answers_first(drive: Assistant) -> None:
    quoted = _quoted(drive, "Combien coûte la consultation de médecine générale ?")
    assert quoted[0][0] == "Tarifs 2025.csv" and "30,00" in quoted[0][1]
    assert all(archived == "archive" for name, _, archived in quoted[1:])
    quoted = _quoted(drive, "Quel jour a lieu la collecte des déchets de soins ?")
    assert quoted[0][0] == "dechets.md" and "mardi" in quoted[0][1]


def test_an_archive_writing_more_of_the_question_still_comes_after(drive: Assistant) -> None:
    quoted = _quoted(drive, "Quels sont les horaires d'ouverture du cabinet ?")
    assert quoted[0][0] == "horaires et fermetures.md" and "19 h 30" in quoted[0][1]


def test_the_archived_statement_follows_labelled_with_a_warning(drive: Assistant) -> None:
    result = drive.ask("Quel jour a lieu la collecte des déchets de soins ?")
    later = [c for c in result.citations[1:] if getattr(c, "archived", None) is not None]
    assert later and later[0].otherwise and "jeudi" in later[0].quote
    assert any("rangé dans archive/ (" in note for note in result.warnings)


def test_a_question_naming_the_archives_year_is_answered_from_it(drive: Assistant) -> None:
    result = drive.ask("Quel jour avait lieu la collecte des déchets de soins en 2024 ?")
    assert not result.abstained, result.reason
    assert "jeudi" in result.citations[0].quote
    assert getattr(result.citations[0], "archived", None) is None, "asked for: no label"


def test_a_fact_only_the_archive_holds_is_answered_with_a_warning(drive: Assistant) -> None:
    result = drive.ask("De quelle couleur sera repeinte la salle d'attente ?")
    assert not result.abstained, result.reason
    assert "vert" in result.citations[0].quote
    assert any("rangé dans archive/ (" in note for note in result.warnings)


def test_a_client_folder_by_year_is_never_read_as_archived(drive: Assistant) -> None:
    result = drive.ask("Quel est le montant de la facture Dupont ?")
    assert not result.abstained, result.reason
    assert "520" in result.citations[0].quote
    assert not any("archive" in note for note in result.warnings)


@pytest.mark.parametrize("question", ["aide", "merci", "???", "Quelle est la capitale du Pérou ?"])
def test_content_free_or_off_topic_input_stays_refused(drive: Assistant, question: str) -> None:
    assert drive.ask(question).abstained
