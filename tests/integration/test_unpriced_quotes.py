"""A question asking a price or an amount whose quote writes no figure nor a price in words is
refused (quantities.unpriced; s46 trial c18: "How much does the SEM microscope cost per hour?"
quoted a booking row of dates and times)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

BOOKING = """| Instrument | Room | Date | Slot | Booked by | Project |
|---|---|---|---|---|---|
| SEM microscope | C201 | 2024-10-09 | 10:00-12:00 | A. Rossi | NANOFOAM |
| Climate chamber | B110 | 2024-10-08 | 08:00-18:00 | H. Marchand | COLDSTORE |
"""
RULES = """# Equipment rules

Book instruments at least 48 hours in advance on the shared booking sheet.

Each booking names the project it is charged to.
"""
PRICES = """# Instrument prices

The SEM microscope costs 40 euros per hour, charged to the booking project.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"booking.md": BOOKING, "equipment-rules.md": RULES}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_price_asked_of_a_quote_writing_none_is_refused(folder: Assistant) -> None:
    answer = folder.ask("How much does the SEM microscope cost per hour?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason == "The passages that would answer write no price or amount."


def test_a_price_written_is_quoted(tmp_path_factory: pytest.TempPathFactory) -> None:
    files = {"booking.md": BOOKING, "equipment-rules.md": RULES, "prices.md": PRICES}
    docs, index = tmp_path_factory.mktemp("p"), tmp_path_factory.mktemp("j")
    answer = assistant_over(files, docs, index).ask(
        "How much does the SEM microscope cost per hour?"
    )
    assert not answer.abstained, answer.reason
    assert "40 euros per hour" in answer.citations[0].quote


def test_a_duration_is_no_price(tmp_path_factory: pytest.TempPathFactory) -> None:
    """s47 trial: "How much does a replacement filter cost?" quoted "Replace the HEPA filter
    every 6 to 8 months": a duration is a quantity, not a price."""
    maintenance = (
        "# Maintenance\n\nReplace the HEPA filter every 6 to 8 months, depending on air "
        "quality.\nUse only genuine Aerion F2 replacement filters.\n\nClean the pre-filter "
        "every two weeks with a vacuum cleaner.\n"
    )
    setup = "# Setup\n\nPlace the purifier at least 30 cm from any wall.\n"
    files = {"maintenance.md": maintenance, "setup.md": setup}
    docs, index = tmp_path_factory.mktemp("f"), tmp_path_factory.mktemp("k")
    answer = assistant_over(files, docs, index).ask("How much does a replacement filter cost?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason == "The passages that would answer write no price or amount."
