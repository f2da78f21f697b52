"""Tables in plain text: a row's header row, a markdown table's frame (header and rule)."""

from __future__ import annotations

import pytest

from citeqa.language import is_table_separator
from citeqa.tables import TableHeaders, find_table_header, is_table_frame

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


MIXED = (
    "Intro line.\r\n"
    "a\tb\r\nc\td\r\ne\tf\r\n"
    "\n"
    "| H1 | H2 |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
    "between\r"
    "| lone | row |\r"
    "\r"
    "|---|---|\n| x | y |\n"
    "end"
)


def test_one_table_headers_answers_as_a_fresh_search_in_any_order() -> None:
    offsets = list(range(-1, len(MIXED) + 1))
    expected = [find_table_header(MIXED, o) for o in offsets]
    assert {MIXED[s[0] : s[1]] for s in expected if s is not None} == {"a\tb", "| H1 | H2 |"}
    for order in (offsets, offsets[::-1], offsets[1::2] + offsets[::2]):
        headers = TableHeaders(MIXED)
        found = {o: headers.header(o) for o in order}
        assert [found[o] for o in offsets] == expected


def test_a_long_table_is_read_once() -> None:
    rows = "".join(f"| {n} | {n * 2} |\n" for n in range(2000))
    text = "| N | Double |\n|---|---|\n" + rows
    headers = TableHeaders(text)
    bottom = text.rindex("| 1999")
    assert headers.header(bottom) == (0, len("| N | Double |"))
    assert len(headers._tables) == 1
    assert headers.header(text.index("| 7 |")) == (0, len("| N | Double |"))
    assert len(headers._tables) == 1  # found among the tables known, not walked again
