"""Which of several tables keyed alike a question looks a row up in (pointed_tables.py): a table
whose name writes a word of the question is the one asked, however many words another table's
name writes. "What does rangeur exit code 30 mean?" asks rangeur's French table of codes, not
the "driftsync: exit codes" table, which has no code 30: a first version refused it, "No row of
“driftsync: exit codes” names “30”" (the gen set "tables", dev, whose files these are)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TABLES = Path(__file__).resolve().parents[2] / "evals" / "sets" / "tables" / "corpus"
NAMES = (
    "rangeur-codes-retour.md",
    "rangeur-options.md",
    "driftsync-exit-codes.md",
    "driftsync-options.md",
)


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {name: (TABLES / name).read_text(encoding="utf-8") for name in NAMES}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_table_named_by_the_question_keeps_its_row(tools: Assistant) -> None:
    answer = tools.ask("What does rangeur exit code 30 mean?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| 30 | Espace disque local insuffisant |")
