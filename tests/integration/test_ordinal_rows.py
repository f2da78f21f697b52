"""A question asking a table's row by its rank ("le deuxième appel de fonds", "the third
instalment") is answered with that row when the table writes no ranks of its own and its header
row or the line above it names what is ranked (ordinal_rows.py, promotions.ranked_row_first).
s51 trial: minutes scheduling the calls for funds of a facade renovation in a three-row table;
"Quand a lieu le deuxième appel de fonds pour le ravalement ?" quoted the first row, every row
matching the question alike. A rank beyond the table's rows abstains naming them."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

MINUTES = """# Procès-verbal de l'assemblée générale du 12 mars 2026

## Résolution 6 — Ravalement des façades

L'assemblée décide le ravalement des façades sur rue et sur cour, confié à l'entreprise Façades
du Rhône pour un montant de 84 000 euros TTC. Résolution adoptée à la majorité de l'article 25.

Les appels de fonds pour le ravalement seront échelonnés comme suit :

| Date d'appel | Part |
|---|---|
| 1er juin 2026 | 40 % |
| 1er octobre 2026 | 30 % |
| 1er février 2027 | 30 % |

## Résolution 7 — Bornes de recharge

La proposition d'équiper le parking de bornes de recharge est rejetée.
"""

PLAN = """# Payment plan for the kitchen renovation

The contractor, Brightwood Interiors, starts work on 4 May 2026 and hands over the kitchen by
26 June 2026.

The price of 18,600 euros is paid in instalments as follows:

| Due date | Amount |
|---|---|
| 20 April 2026 | 5,580 euros |
| 1 June 2026 | 7,440 euros |
| 30 June 2026 | 5,580 euros |

Late payments carry interest at three times the legal rate.
"""


@pytest.fixture(scope="module")
def schedules(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"pv-ag-2026.md": MINUTES, "payment-plan.md": PLAN},
        tmp_path_factory.mktemp("schedules"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Quand a lieu le deuxième appel de fonds pour le ravalement ?", "1er octobre 2026"),
        ("Quand a lieu le 3e appel de fonds pour le ravalement ?", "1er février 2027"),
        ("When is the second instalment of the kitchen renovation due?", "1 June 2026"),
        ("When is the third instalment of the kitchen renovation due?", "30 June 2026"),
        ("When is the first instalment of the kitchen renovation due?", "20 April 2026"),
    ],
)
def test_the_row_of_the_asked_rank_is_quoted(schedules: Assistant, question: str, row: str) -> None:
    answer = schedules.ask(question)
    assert not answer.abstained, answer.reason
    assert row in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "asked", "held"),
    [
        (
            "Quand a lieu le cinquième appel de fonds pour le ravalement ?",
            "cinquième appel",
            "1er février 2027",
        ),
        (
            "When is the fourth instalment of the kitchen renovation due?",
            "fourth instalment",
            "30 June 2026",
        ),
    ],
)
def test_a_rank_beyond_the_table_abstains_naming_its_rows(
    schedules: Assistant, question: str, asked: str, held: str
) -> None:
    """A fifth call of a three-row schedule is no row of it: the answer abstains naming the
    rank asked and the rows the table holds (ordinal_rows.unheld_rank)."""
    answer = schedules.ask(question)
    assert answer.abstained, answer.citations[0].quote
    assert asked in answer.reason and held in answer.reason, answer.reason
