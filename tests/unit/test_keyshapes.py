"""The kinds of key a table is looked up by (language data `key_shapes`), a table cell's key,
and a key's skeleton (keyshapes.py)."""

from __future__ import annotations

import pytest

from citeqa.keyshapes import cell_key, key_kind, line_skeletons, skeleton


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("--max-size", "option"),
        ("--verbose", "option"),
        ("cache_ttl_s", "identifier"),
        ("log_max_size_mb", "identifier"),
        ("42", "number"),
        ("BK-115", "code"),
        ("E1042", "code"),
        ("P-09", "code"),
        ("mA", None),
        ("MPa", None),
        ("12:30", None),
        ("4.1.0", None),
        ("-in", None),
        ("retention", None),
        ("COVID-19", None),
    ],
)
def test_a_key_is_of_the_kind_its_shape_says(key: str, kind: str | None) -> None:
    assert key_kind(key) == kind


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("--min-size SIZE", "--min-size"),
        ("--dry-run", "--dry-run"),
        ("max_retries", "max_retries"),
        ("Bottom bracket replacement", "Bottom bracket replacement"),
        ("", ""),
    ],
)
def test_a_cell_keys_its_row_by_its_first_word_only_when_the_whole_is_no_key(
    cell: str, key: str
) -> None:
    assert cell_key(cell) == key


def test_a_name_written_with_other_dashes_case_or_underscores_has_one_skeleton() -> None:
    assert skeleton("--max-size") == skeleton("max_size") == skeleton("MaxSize") == "maxsize"
    assert skeleton("BK-115") == skeleton("bk115")
    assert skeleton("--min-size") != skeleton("--max-size")


def test_the_lines_of_a_text_have_each_the_skeleton_it_has_alone() -> None:
    """A table's rows are pared as one text (unheld_keys), each row as `skeleton` pares it."""
    rows = ["--max-size | Max_Size_MB", "BK-115 | Œuvre dérivée", "", "cache_ttl_s |  É 42 "]
    assert line_skeletons("\n".join(rows)) == [skeleton(row) for row in rows]
    assert line_skeletons("--Max_Size\nbk-115") == ["maxsize", "bk115"]
