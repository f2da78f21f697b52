"""Which keys a table of the evidence holds (unheld_keys._Table, _holds): a key written inside
a cell with others ("713/715", "128+15"), a number inside a range anywhere in a cell ("64 – 78
(reserved)", "64..78"), and a key column whose cells stand for many numbers ("128+n", "4xx",
"≥ 128"), which holds every number, so that a lookup never abstains on it."""

from __future__ import annotations

import pytest

from citeqa import unheld_keys
from citeqa.unheld_keys import _Asked, _holds, _Table


def keyed_by(*keys: str) -> _Table:
    """A table looked up by `keys`, header row first."""
    return _Table.of([["Code", "Meaning"], *([key, "a meaning"] for key in keys)])


def holds(table: _Table, *keys: str) -> bool:
    """Whether `table` holds one of the keys a question names (`keys`)."""
    return _holds(table, _Asked.of(keys))


@pytest.mark.parametrize(
    ("keys", "asked"),
    [
        (("711", "713/715", "717"), "715"),  # two trips sharing a row
        (("711", "713/715", "717"), "713"),
        (("0", "1", "2", "126", "128+15"), "15"),
        (("--min-size/--max-size", "--jobs", "--dry-run"), "--max-size"),
    ],
)
def test_a_key_written_in_a_cell_with_another_is_held(keys: tuple[str, ...], asked: str) -> None:
    assert holds(keyed_by(*keys), asked)


@pytest.mark.parametrize(
    "cell",
    ["64–78", "64 – 78 (reserved)", "64..78", "64 .. 78", "64 to 78", "64 à 78", "1-3, 64-78"],
)
def test_a_number_inside_a_range_anywhere_in_a_cell_is_held(cell: str) -> None:
    assert holds(keyed_by(cell), "70")
    assert not holds(keyed_by(cell), "80")


@pytest.mark.parametrize("cell", ["E64-78", "1.64-78", "2024-03-12", "12:42", "42.00"])
def test_a_code_a_version_a_date_or_a_time_is_no_range(cell: str) -> None:
    assert not holds(keyed_by(cell), "70") and not holds(keyed_by(cell), "5")


@pytest.mark.parametrize(
    "open_cell",
    ["128+n", "n+128", "4xx", "5XX", "≥ 128", "> 255", "100+", "100 and above", "10 ou plus"],
)
def test_a_key_column_standing_for_many_numbers_holds_any_number(open_cell: str) -> None:
    table = keyed_by("0", "1", "2", "126", open_cell)
    assert table.open
    assert holds(table, "143")
    # an option is still looked for by its name
    assert not holds(table, "--max-size")


@pytest.mark.parametrize("cell", ["128+15", "--jobs N", "12", "1 + 1 = 2"])
def test_a_cell_naming_one_key_is_not_open_ended(cell: str) -> None:
    table = keyed_by("0", "1", "2", cell)
    assert not table.open
    assert not holds(table, "143")


def test_bash_exit_codes_hold_143_by_128_plus_n() -> None:
    table = keyed_by("0", "1", "2", "126", "128+n")
    assert table.kind == "number"
    assert holds(table, "143")


def test_an_option_table_with_a_numeric_argument_is_no_open_table() -> None:
    table = _Table.of([["Option", "Default"], ["--jobs N", "4"], ["--max-depth N", "8+"]])
    assert table.kind == "option" and not table.open
    assert not holds(table, "--max-size") and not holds(table, "4")


def test_a_numbered_list_is_no_table_looked_up_by_numbers() -> None:
    """`| # | Step |` numbered 1, 2, 3 over prose steps lists steps: its numbers are no keys, so
    the rule never names its 3 and 2 as the closest exit codes (its key column is its first
    unnumbered one, tables.first_unnumbered_column, whose cells are no keys)."""
    steps = _Table.of([["#", "Step"], ["1", "Install it"], ["2", "Run it"], ["3", "Start it"]])
    assert steps.kind is None and steps.keys == ()


def test_only_the_rows_that_may_name_a_key_are_read_cell_by_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long table is read for the keys asked, not cell by cell whole (s26 hostile probe: the
    names of each of 430,000 cells read for every answer quoting one row, 2 s): only the rows
    whose letters and digits hold a key asked have their cells' names read, and the answer is
    the same as reading them all."""
    read: list[str] = []
    real_names = unheld_keys._cell_names

    def counted(cell: str) -> set[str]:
        read.append(cell)
        return real_names(cell)

    monkeypatch.setattr(unheld_keys, "_cell_names", counted)
    rows = [["Code", "Meaning", "Note"]]
    rows += [[f"E{n}", f"error {n}", "x"] for n in range(1000)] + [["BK-115", "booking", "—"]]
    table = _Table.of(rows)
    assert holds(table, "bk115") and holds(table, "E-999") and not holds(table, "E-1000")
    assert holds(table, "--bk-115") and not holds(table, "ZZ-1")
    assert len(read) <= 3 * 6  # the rows writing 115, 999 or 1000: cells of a few rows


def test_an_amount_in_a_range_written_with_spaced_thousands_is_held() -> None:
    """s32 trial: "QF de 601 à 1 000 €" was read as the range 1 to 601."""
    table = _Table.of([["Tranche", "Quotient"], ["A", "≤ 600 €"], ["B", "de 601 à 1 000 €"]])
    assert holds(table, "750")
