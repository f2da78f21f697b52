"""A question asking how many of a thing, whose best candidate writes no figure of it, is
answered by the table row whose key cell names all it asks, even when the rankers rate that
row far below (quantities.counted_row, COUNTED_ROW_RANKS).

s52 trial (a food bank's folder): "How many volunteers do we have?" quoted the volunteer FAQ's
"Volunteers must be at least 16 years old." while the annual report's table wrote
"| Volunteers | 640 | 575 |", ninth of the quote ranker's candidates at .07 of the best."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.quantities import content_stems, counted_row
from small_corpora import assistant_over

REPORT = """# Riverside Food Bank — Annual Report 2025

## Our year in numbers

| Measure | 2025 | 2024 |
|---|---|---|
| Meals distributed | 412,000 | 356,000 |
| Households served | 3,850 | 3,210 |
| Volunteers | 640 | 575 |
| Volunteer hours | 52,300 | 47,900 |

## Looking ahead

A new warehouse in Eastgate will open in March 2026 and double our storage space.
"""

FAQ = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Volunteer FAQ</title></head>
<body>
<h1>Volunteering with us: frequently asked questions</h1>
<h2>How old do I need to be?</h2>
<p>Volunteers must be at least 16 years old. Young people aged 14 and 15 can volunteer with a
parent or guardian.</p>
<h2>How long is a shift?</h2>
<p>Warehouse and distribution shifts last three hours. You can sign up for as many shifts as
you like.</p>
<h2>How do I sign up for shifts?</h2>
<p>All shifts are booked through the ShiftBoard app. Your volunteer coordinator will send you
an invitation after your induction.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def food_bank(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"annual-report.md": REPORT, "volunteer-faq.html": FAQ},
        tmp_path_factory.mktemp("food-bank"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("How many volunteers do we have?", "| Volunteers | 640 | 575 |"),
        ("How many households were served?", "| Households served | 3,850 | 3,210 |"),
        ("How many volunteer hours were there?", "| Volunteer hours | 52,300 | 47,900 |"),
    ],
)
def test_a_count_is_quoted_from_the_row_naming_what_is_counted(
    food_bank: Assistant, question: str, row: str
) -> None:
    answer = food_bank.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote == row, answer.citations[0].quote


def test_a_count_written_in_prose_keeps_its_sentence(food_bank: Assistant) -> None:
    answer = food_bank.ask("How many hours does a shift last?")
    assert not answer.abstained, answer.reason
    assert "three hours" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("row", "question", "counts"),
    [
        ("| Volunteers | 640 | 575 |", "How many volunteers do we have?", True),
        ("| Households served | 3,850 |", "How many households were served?", True),
        ("| Volunteers | 640 | 575 |", "How many volunteer hours were given?", False),
        ("| Volunteers | n/a |", "How many volunteers do we have?", False),  # no figure
        ("Volunteers: 640", "How many volunteers do we have?", False),  # no table row
        ("| Bénévoles | 640 |", "Combien de bénévoles ?", True),
    ],
)
def test_a_row_counts_what_is_asked_only_when_its_key_cell_names_all_of_it(
    row: str, question: str, counts: bool
) -> None:
    assert counted_row(row, content_stems(question)) is counts
