"""A document of no language shows one mark in a folder's count and in its status cell: the
core's status_summary.NO_LANGUAGE, which the CLI takes (review C, s23: it was written twice)."""

from __future__ import annotations

from citeqa.cli.index_cmds import _languages
from citeqa.models import DocumentStatus
from citeqa.status_summary import NO_LANGUAGE, folder_count


def test_a_folder_count_and_a_status_cell_show_the_same_mark() -> None:
    sheet = DocumentStatus(doc_id="data/sheet", title="Sheet", path="/c/data/sheet.csv", chunks=1)
    note = DocumentStatus(doc_id="data/note", title="N", path="/c/n.md", chunks=1, lang=["en"])
    count = folder_count("data", [sheet, note])
    assert count.languages == {NO_LANGUAGE: 1, "en": 1}
    assert _languages(sheet.lang) == NO_LANGUAGE
