"""A question asking a setting's default is answered by the row of a configuration table's
Default column naming that setting, not by a signature giving a parameter sharing one of its
words a default (default_rows.py; s46 trial: "What is the default gap limit?" quoted
"Series.fill_gaps(limit=None)" and its line over the table's gap_limit row)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CONFIGURATION = """# Configuration reference

tidepool reads its settings from `tidepool.toml` in the working directory.

| Setting | Environment variable | Default | Description |
|---|---|---|---|
| gap_limit | TIDEPOOL_GAP_LIMIT | 3h | Longest gap filled by interpolation. |
| interpolation | TIDEPOOL_INTERP | cubic | Interpolation method: linear or cubic. |
| workers | TIDEPOOL_WORKERS | 1 | Number of processes used to read files in parallel. |
"""
API = """tidepool API summary

read(path, format=None)
    Read a tide-gauge file and return a Series.

Series.fill_gaps(limit=None)
    Interpolate gaps no longer than limit; the default comes from gap_limit.

Series.to_csv(path)
    Write the series as a CSV file with a header row.
"""
REFERENCE_FR = """# Référence des réglages

| Réglage | Valeur par défaut | Rôle |
|---|---|---|
| delai_attente | 30 s | Délai avant l'abandon d'une requête. |
| nombre_essais | 3 | Nombre de nouvelles tentatives. |
"""
API_FR = """Résumé de l'API

envoyer(requete, essais=None)
    Envoie la requête ; le nombre d'essais par défaut vient de nombre_essais.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"configuration.md": CONFIGURATION, "api.txt": API}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_setting_row_answers_its_default(folder: Assistant) -> None:
    answer = folder.ask("What is the default gap limit?")
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == [
        "| gap_limit | TIDEPOOL_GAP_LIMIT | 3h | Longest gap filled by interpolation. |"
    ]


def test_a_parameter_the_question_names_whole_keeps_its_signature(folder: Assistant) -> None:
    answer = folder.ask("What is the default format of read?")
    assert not answer.abstained, answer.reason
    assert "read(path, format=None)" in answer.citations[0].quote


def test_a_french_table_column_par_defaut(tmp_path_factory: pytest.TempPathFactory) -> None:
    files = {"reglages.md": REFERENCE_FR, "api.txt": API_FR}
    assistant = assistant_over(files, tmp_path_factory.mktemp("fr"), tmp_path_factory.mktemp("j"))
    answer = assistant.ask("Quel est le nombre d'essais par défaut ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| nombre_essais | 3 |")


def test_a_tab_separated_table_s_default_column(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The table is read by tables.table_of (s47 re-read: default_rows read markdown rows by
    hand): a tab-separated reference's Default column answers too."""
    reference = (
        "tidepool settings\n\n"
        "Setting\tDefault\tDescription\n"
        "gap_limit\t3h\tLongest gap filled by interpolation.\n"
        "workers\t1\tNumber of processes used to read files in parallel.\n"
    )
    files = {"settings.txt": reference, "api.txt": API}
    assistant = assistant_over(files, tmp_path_factory.mktemp("t"), tmp_path_factory.mktemp("k"))
    answer = assistant.ask("What is the default gap limit?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("gap_limit\t3h")
