"""A question asking of a week ("week 14", "semaine 14", "2026-W14") is answered by the row a rota
keys by its ISO week code ("2026-W14"), not a neighbouring week's (s38 trial, a044: the
2026-W12 row was quoted)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from citeqa.iso_weeks import Week, asked_week, week_code_tokens, writes_week
from small_corpora import asked_of_files

ROTA = "week,start_date,primary,secondary\n" + "".join(
    f"2026-W{n:02d},{date.fromisocalendar(2026, n, 1).isoformat()},Person{n} Primary,"
    f"Person{n} Second\n"
    for n in range(8, 41)
)


@pytest.mark.parametrize(
    ("question", "week"),
    [
        ("Who is secondary on call in week 14?", Week(14, None)),
        ("Qui est d'astreinte en semaine 14 ?", Week(14, None)),
        ("Who is on call in week W14?", Week(14, None)),
        ("Who is on call in 2026-W14?", Week(14, 2026)),
        ("Who is on call in wk. 07?", Week(7, None)),
        ("Who is on call in week 14 or week 15?", None),  # two weeks: none asked
        ("How many weeks of notice?", None),
        ("Who is on call in week 60?", None),  # no week of a year
    ],
)
def test_the_asked_week(question: str, week: Week | None) -> None:
    assert asked_week(question) == week


@pytest.mark.parametrize(
    "question",
    [
        "Which S3 bucket holds the nightly backups?",
        "When do contractors send their W2?",
        "Who files the W9 form?",
        "Quand commence le stage de S2 ?",
        "Which courses run in 2026-S1?",
        "Is the Galaxy S24 supported?",
        "Qui est d'astreinte en S14 ?",
    ],
)
def test_a_bare_code_without_a_week_word_asks_no_week(question: str) -> None:
    # s39 review: "S3 bucket" and "W2" were read as weeks 3 and 2 and their answers changed
    assert asked_week(question) is None


def test_a_text_writes_the_week_by_its_code_or_its_words() -> None:
    week = Week(14, None)
    assert writes_week("| 2026-W14 | 2026-03-30 |", week) and writes_week("en semaine 14", week)
    assert not writes_week("| 2026-W12 | 2026-03-16 |", week)
    assert not writes_week("a 14 week course", week) and not writes_week("W140", week)
    assert not writes_week("2025-W14", Week(14, 2026)) and writes_week("2025-W14", week)
    assert not writes_week("le stage de S14", week) and not writes_week("bucket S14", week)


@pytest.mark.parametrize(
    "question",
    ["Who is secondary on call in week 14?", "Qui est d'astreinte secondaire en semaine 14 ?"],
)
def test_the_rota_row_of_the_asked_week_is_quoted(tmp_path: Path, question: str) -> None:
    answer = asked_of_files(tmp_path, {"oncall_rota_2026.csv": ROTA}, question)
    assert not answer.abstained
    assert "2026-W14" in answer.citations[0].quote, answer.citations[0].quote


def test_the_asked_weeks_number_is_searched_as_its_codes() -> None:
    """s57 trial: "Who opens on Monday of week 11?" of a rota keyed "2026-W11", which never
    writes "11" alone, was refused: "they never mention “11”"."""
    asked = asked_week("Who opens on Monday of week 11?")
    assert week_code_tokens("11", asked) == frozenset({"w11"})
    assert week_code_tokens("5", Week(5, None)) == frozenset({"w05", "w5"})
    assert week_code_tokens("12", asked) == frozenset()  # another number
    assert week_code_tokens("11", None) == frozenset()  # no week asked
