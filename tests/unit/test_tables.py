"""Tables in plain text: a row's header row, a markdown table's frame (header and rule)."""

from __future__ import annotations

import pytest

from citeqa.language import is_table_separator
from citeqa.tables import find_table_header, is_table_frame

MARKDOWN = (
    "## Tomato trial 2025\n\n"
    "We grew four varieties.\n\n"
    "| Variety | Yield per plant (kg) |\n"
    "|------|:----:|\n"
    "| Roma | 5.6 |\n"
    "| Sungold | 3.2 |\n\n"
    "After the table.\n"
)


def header_of(text: str, word: str) -> str | None:
    span = find_table_header(text, text.index(word))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize("line", ["|---|---|", "| --- | :---: |", "---|---", "  |:--|--:|  "])
def test_markdown_rules_are_separators(line: str) -> None:
    assert is_table_separator(line)


@pytest.mark.parametrize("line", ["| Roma | 5.6 |", "-----", "a|b|c", "| - 3 | 4 |", ""])
def test_rows_rules_and_prose_are_not_separators(line: str) -> None:
    assert not is_table_separator(line)


def test_every_row_of_a_markdown_table_has_the_header_row_above_its_rule() -> None:
    for word in ("Roma", "Sungold", "|------", "Variety"):
        assert header_of(MARKDOWN, word) == "| Variety | Yield per plant (kg) |"
    assert header_of(MARKDOWN, "We grew") is None
    assert header_of(MARKDOWN, "After the table") is None


def test_tab_tables_with_crlf_and_lone_rows() -> None:
    text = "a\tb\r\nc\td\r\ne\tf\r\n"
    assert header_of(text, "e") == "a\tb"
    assert header_of("x\ty\nplain words\n", "x") is None  # one row alone is no table


def test_a_table_opening_with_its_rule_has_no_header() -> None:
    text = "|---|---|\n| Roma | 5.6 |\n"
    assert header_of(text, "Roma") is None


def test_the_frame_is_the_rule_and_the_header_row_only() -> None:
    framed = {
        w
        for w in ("Variety", "|------", "Roma", "Sungold", "We grew")
        if is_table_frame(MARKDOWN, MARKDOWN.index(w))
    }
    assert framed == {"Variety", "|------"}
    tabs = "a\tb\nc\td\n"
    assert not is_table_frame(tabs, 0)  # a tab table has no rule: its first row may be data
