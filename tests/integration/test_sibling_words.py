"""A question asking of a thing the documents never name, whose quote speaks of its sibling,
abstains naming it (sibling_words.py; s47 trial b18: "When are graduation ceremonies for
postgraduate students?" quoted the undergraduates' ceremonies at .76)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CALENDAR = """# Academic calendar 2025-26

Autumn term runs from 22 September to 12 December 2025.

Spring term runs from 12 January to 27 March 2026.

Graduation ceremonies for undergraduates take place from 14 to 18 July 2026.
"""
REGULATIONS = """# Assessment regulations

Coursework submitted up to five working days late is capped at the pass mark.

Every module is assessed by coursework, an exam, or both.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"calendar.md": CALENDAR, "regulations.md": REGULATIONS}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_sibling_s_quote_is_refused(folder: Assistant) -> None:
    answer = folder.ask("When are graduation ceremonies for postgraduate students?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "“postgraduate”" in (answer.reason or "")


def test_the_quote_s_own_word_answers(folder: Assistant) -> None:
    answer = folder.ask("When are graduation ceremonies for undergraduates?")
    assert not answer.abstained, answer.reason
    assert "14 to 18 July 2026" in answer.citations[0].quote
