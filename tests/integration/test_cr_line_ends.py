"""A file whose lines end in CR alone (a classic Mac OS editor's) reads as lines everywhere:
each CR is read as LF, one for one (textdecoding._lf_line_ends; s48 hostile probe: such a
changelog had one heading for "^" of a multi-line pattern, so its latest release was unknown
and its list items were no items)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.textdecoding import decoded_text
from small_corpora import assistant_over

CHANGELOG = (
    "# Changelog\r\r## 2.4.0 (2024-03-01)\r\r- Added support for Python 3.12.\r"
    "- Fixed the export of invoices.\r\r## 2.3.0 (2023-11-02)\r\r- Dropped Python 3.7.\r"
)
REFUNDS = "Refund policy\r\rRefunds are issued within 14 days of the request.\r"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"CHANGELOG.md": CHANGELOG, "refunds.txt": REFUNDS}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_cr_only_file_decodes_with_lf_line_ends_at_the_same_offsets() -> None:
    text, warnings = decoded_text(CHANGELOG.encode(), "CHANGELOG.md")
    assert text == CHANGELOG.replace("\r", "\n") and not warnings
    crlf = CHANGELOG.replace("\r", "\r\n")
    assert decoded_text(crlf.encode(), "CHANGELOG.md")[0] == crlf


def test_the_latest_release_of_a_cr_only_changelog_is_its_latest_heading(folder: Assistant) -> None:
    answer = folder.ask("What is the latest release?")
    assert not answer.abstained
    assert [c.quote for c in answer.citations] == ["2.4.0 (2024-03-01)"]


def test_a_cr_only_changelog_s_items_are_quoted_one_by_one(folder: Assistant) -> None:
    answer = folder.ask("What changed in 2.4.0?")
    assert [c.quote for c in answer.citations] == [
        "Added support for Python 3.12.",
        "Fixed the export of invoices.",
    ]
