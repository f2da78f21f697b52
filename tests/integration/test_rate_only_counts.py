"""A question asking how many of a unit ("Combien de jours de congés payés me reste-t-il ?") is
refused when its quote writes that unit only as a rate's ("45 euros par jour"): it says how much
per day, not how many days (s47 trial a20, answered at .19; rate_units.py)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

MUTUELLE = (
    "# Mutuelle santé — tableau des garanties\n\n"
    "| Garantie | Remboursement |\n"
    "|---|---|\n"
    "| Chambre particulière | 45 euros par jour |\n"
    "| Forfait hospitalier | 20 euros par jour |\n"
)
HOTEL = (
    "# Hotel booking\n\n"
    "The double room costs 80 euros per night, breakfast included.\n"
    "Check-in opens at 3 pm.\n"
)
LEASE = "# Bail\n\nLe préavis du locataire est de 30 jours en zone tendue.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"mutuelle.md": MUTUELLE, "hotel.md": HOTEL, "bail.md": LEASE},
        tmp_path_factory.mktemp("rates"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("Combien de jours de chambre particulière me reste-t-il ?", "jours"),
        ("How many nights does the double room booking cover?", "nights"),
    ],
)
def test_a_count_answered_by_a_rate_is_refused(folder: Assistant, question: str, unit: str) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert f"“{unit}”" in (answer.reason or "")


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Combien coûte la chambre particulière par jour ?", "45 euros par jour"),
        ("Combien de jours dure le préavis du locataire ?", "30 jours"),
    ],
)
def test_a_rate_or_a_count_written_is_answered(
    folder: Assistant, question: str, quoted: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote
