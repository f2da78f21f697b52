"""The class, bus or group key a reason names and the keys it names as the closest
(lettered_closest.py, unheld_keys._Table): "Bus 14 B" asked of a class table and a bus table is
written with its cue word and compared with the buses, not the classes (s43)."""

from __future__ import annotations

import pytest

from citeqa.lettered_closest import asked_as, of_its_kind
from citeqa.unheld_keys import _Table

CLASSES = [("4e A", "Classe"), ("4e C", "Classe")]
BUSES = [("Bus 12 A", "Bus"), ("Bus 14 A", "Bus")]


@pytest.mark.parametrize(
    ("key", "before", "asked"),
    [("14 B", "Bus", "Bus 14 B"), ("14 B", "bus", "bus 14 B"), ("9 D", "Year", "Year 9 D")],
)
def test_a_key_after_its_cue_word_is_written_with_it(key: str, before: str, asked: str) -> None:
    assert asked_as(key, before) == asked


@pytest.mark.parametrize(("key", "before"), [("4e D", "la"), ("42", "code"), ("4e D", "")])
def test_a_key_after_no_cue_word_is_written_alone(key: str, before: str) -> None:
    assert asked_as(key, before) == key


@pytest.mark.parametrize("before", ["Bus", "bus", "BUS"])
def test_a_cued_key_is_compared_with_the_keys_after_its_cue(before: str) -> None:
    assert of_its_kind("14 B", before, CLASSES + BUSES) == ["Bus 12 A", "Bus 14 A"]


def test_a_column_header_is_the_cue_of_its_bare_keys() -> None:
    held = [*CLASSES, ("12 A", "Bus"), ("14 A", "Bus"), ("Year 9 A", "Group")]
    assert of_its_kind("14 B", "bus", held) == ["12 A", "14 A"]


def test_an_ordinal_key_is_compared_with_the_ordinal_keys() -> None:
    assert of_its_kind("4e D", "la", BUSES + CLASSES) == ["4e A", "4e C"]


def test_a_cued_key_no_key_after_its_cue_is_compared_with_those_of_its_shape() -> None:
    held = [*CLASSES, ("Year 9 A", "Group"), ("Year 9 B", "Group")]
    assert of_its_kind("14 B", "Bus", held) == ["Year 9 A", "Year 9 B"]


def test_with_no_key_of_its_kind_every_key_held_is_compared() -> None:
    assert of_its_kind("14 B", "Bus", CLASSES) == ["4e A", "4e C"]
    assert of_its_kind("BK-115", "code", [("BK-101", "Code")]) == ["BK-101"]


def test_a_column_of_keys_after_a_cue_word_is_looked_up_by_them_as_written() -> None:
    table = _Table.of([["Bus", "Departure"], ["Bus 12 A", "07:35"], ["Bus 14 A", "08:05"]])
    assert (table.kind, table.keys, table.key_header) == (
        "lettered",
        ("Bus 12 A", "Bus 14 A"),
        "Bus",
    )
    assert _Table.of([["Code", "Meaning"], ["BK-101", "x"], ["BK-105", "y"]]).keys == (
        "BK-101",
        "BK-105",
    )
