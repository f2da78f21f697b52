"""Which texts open a default case (other_cases.names_other_cases)."""

from __future__ import annotations

import pytest

from citeqa.other_cases import names_other_cases


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Pour toute autre panne, le délai est de quatre heures.", True),
        ("Dans tous les autres cas, le syndic décide.", True),
        ("For all other countries, shipping costs 15 euros.", True),
        ("In other cases, ask the front desk.", True),
        ("D'autres pannes sont possibles.", False),
        ("L'autre ascenseur est en panne.", False),
        ("Otherwise the order ships on Monday.", False),
        ("The other lift is out of order.", False),
    ],
)
def test_a_default_case_is_opened_only_by_its_own_words(text: str, opens: bool) -> None:
    assert names_other_cases(text) is opens
