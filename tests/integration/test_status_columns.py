"""`citeqa status`'s document table at 80 columns: a document's name, which has no space to
wrap at, is not cut mid-word while the titles beside it could wrap (s30 trial: "budget/
budget_par_contrat_20" over "25")."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import build_index, index_status
from citeqa.cli.index_cmds import print_status
from small_corpora import fake_settings

TITLE = "# Budget par contrat et par ligne de dépense, état au trente novembre\n\n"


def test_a_document_name_is_not_cut_where_the_titles_could_wrap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "budget").mkdir(parents=True)
    body = "Le budget du contrat couvre les achats de l'équipe.\n"
    (corpus / "budget" / "budget_par_contrat_2025.md").write_text(TITLE + body, encoding="utf-8")
    (corpus / "notes.md").write_text("# Notes de la réunion du lundi matin\n\n" + body, "utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    monkeypatch.setenv("COLUMNS", "80")
    print_status(index_status(settings))
    out = capsys.readouterr().out
    assert "budget/budget_par_contrat_2025 " in out
    assert "Budget par contrat et par" in out  # the title wraps between words
