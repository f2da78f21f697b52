"""An airline's baggage page as a traveller asks it (s62 trial).

A qualifier of the value asked ("maximum", "default") names no row of a table
(unheld_word_keys.py, absent_heads.is_qualifier): "What is the maximum weight of a bag?" was
refused "No row of the tables names “maximum”" beside the fare table, where "… bags over 32 kg
are not accepted." answers it.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

BAGGAGE = (
    "# Aerlume — baggage allowance\n"
    "\n"
    "## Cabin baggage\n"
    "Every passenger may bring one personal item (40 x 30 x 15 cm) that fits under"
    " the seat, free of charge.\n"
    "A cabin bag of up to 10 kg (55 x 40 x 20 cm) is included in Plus and Flex"
    " fares; on Light fares it costs €18 when booked online and €45 at the gate.\n"
    "\n"
    "## Checked baggage\n"
    "\n"
    "| Fare | Checked bags included | Weight per bag |\n"
    "|---|---|---|\n"
    "| Light | 0 | — |\n"
    "| Plus | 1 | 23 kg |\n"
    "| Flex | 2 | 23 kg |\n"
    "\n"
    "An extra checked bag costs €35 online and €60 at the airport. A bag weighing 23"
    " to 32 kg is charged €50 for excess weight; bags over 32 kg are not accepted.\n"
    "\n"
    "## Sports equipment\n"
    "Skis and golf bags travel as checked baggage within your allowance. Bicycles"
    " must be packed in a box and cost €70 each way.\n"
    "\n"
    "## Infants\n"
    "Infants under 2 travelling on a parent's lap may bring a pushchair and a car"
    " seat free of charge, but have no checked baggage allowance.\n"
    "\n"
    "## Delayed or damaged bags\n"
    "Report a delayed or damaged bag at the airport's baggage desk before leaving"
    " the arrivals hall. A damaged bag must be reported within 7 days, a delayed one"
    " within 21 days of its delivery.\n"
)


@pytest.fixture(scope="module")
def airline(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"baggage.md": BAGGAGE}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_qualifier_of_the_value_names_no_row(airline: Assistant) -> None:
    quote = first_quote(airline, "What is the maximum weight of a bag?")
    assert "over 32 kg are not accepted" in quote, quote


def test_a_fee_row_of_the_same_page_still_answers(airline: Assistant) -> None:
    quote = first_quote(airline, "How much is an extra checked bag online?")
    assert "€35" in quote, quote
