"""`citeqa status`'s document table at 80 columns: a document's name, which has no space to
wrap at, is not cut mid-word while the titles beside it could wrap (s30 trial: "budget/
budget_par_contrat_20" over "25"); and the table stays within the terminal, at 80 columns and
narrower (s31 review: the name's minimum width made it 82 cells wide at 80, 66 at 50)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from citeqa.api import build_index, index_status
from citeqa.cli.index_cmds import print_status
from small_corpora import fake_settings

TITLE = "# Budget par contrat et par ligne de dépense, état au trente novembre\n\n"
BOX = "┏┃┡│└"
"""The first characters of a table's lines: its title above is a line the terminal wraps."""
BODY = "Le budget du contrat couvre les achats de l'équipe.\n"


def _status_at(
    width: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    names: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    """`citeqa status` of a corpus of a budget with a long title and `names` (short notes), in a
    terminal `width` columns wide."""
    corpus = tmp_path / "corpus"
    (corpus / "budget").mkdir(parents=True)
    (corpus / "budget" / "budget_par_contrat_2025.md").write_text(TITLE + BODY, encoding="utf-8")
    for name in names:
        (corpus / name).write_text("# Notes de la réunion du lundi matin\n\n" + BODY, "utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    monkeypatch.setenv("COLUMNS", str(width))
    print_status(index_status(settings))
    return capsys.readouterr().out


def test_a_document_name_is_not_cut_where_the_titles_could_wrap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _status_at(80, tmp_path, capsys, ["notes.md"], monkeypatch)
    assert "budget/budget_par_contrat_2025 " in out
    assert "Budget par contrat et par" in out  # the title wraps between words


@pytest.mark.parametrize("width", [80, 60, 50])
@pytest.mark.parametrize("name", ["notes.md", "研究ノート研究ノート研究ノート研究ノー.md"])
def test_the_document_table_stays_within_the_terminal(
    width: int,
    name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = _status_at(width, tmp_path, capsys, [name], monkeypatch)
    lines = out.splitlines()
    table = lines[: next(at for at, line in enumerate(lines) if line.startswith("└")) + 1]
    table = [line for line in table if line[:1] in BOX]  # the title is soft-wrapped text
    assert max(cell_len(line) for line in table) <= width, "\n".join(table)
    assert "│ budget/budget_par_c" in out  # the name keeps the room the titles give
