""" "How much of the …" asks a share of something, not money (asked_values.json, the amount
kind's `unless`): s51 trial, an employee's folder, "How much of the health insurance does
Northwind pay?" was refused saying the passages write no price or amount (quantities.unpriced),
though the benefits page's "Northwind pays 60 % of the contribution" answers it."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_values import asked_kinds
from small_corpora import assistant_over

BENEFITS = """<!DOCTYPE html>
<html lang="en">
<head><title>Benefits summary 2026</title></head>
<body>
<h1>Benefits summary 2026</h1>
<p>This page summarises the benefits Northwind Analytics offers its employees in France.</p>
<h2>Health insurance</h2>
<p>All employees are covered by the Mutuelle Horizon group health plan from their first day.
Northwind pays 60 % of the contribution; the employee pays the remaining 40 %, deducted from the
monthly salary.</p>
<p>Spouses and children can be added to the plan for an extra contribution of 38 euros a month
per family.</p>
<h2>Meal vouchers</h2>
<p>Employees receive one meal voucher per working day, worth 11 euros, of which Northwind pays
6 euros.</p>
</body>
</html>
"""


@pytest.fixture(scope="module")
def benefits(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"benefits.html": BENEFITS},
        tmp_path_factory.mktemp("benefits"),
        tmp_path_factory.mktemp("index"),
    )


def test_how_much_of_a_thing_is_answered_with_its_share(benefits: Assistant) -> None:
    answer = benefits.ask("How much of the health insurance does Northwind pay?")
    assert not answer.abstained, answer.reason
    assert "60 %" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "asks_money"),
    [
        ("How much of the health insurance does Northwind pay?", False),
        ("Quelle part de la mutuelle est payée par Northwind ?", False),
        ("How much does a family pay for the health plan?", True),
        ("How much is a meal voucher worth in euros?", True),
    ],
)
def test_a_share_asks_no_amount(question: str, asks_money: bool) -> None:
    assert ("amount" in asked_kinds(question)) is asks_money
