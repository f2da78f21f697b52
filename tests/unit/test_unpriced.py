"""Which quotes write no price or amount for a question asking one (quantities.unpriced)."""

from __future__ import annotations

import pytest

from citeqa.quantities import unpriced

ROW = "| SEM microscope | C201 | 2024-10-09 | 10:00-12:00 | A. Rossi | NANOFOAM |"


@pytest.mark.parametrize(
    ("question", "quote", "refused"),
    [
        ("How much does the SEM microscope cost per hour?", ROW, True),
        ("Combien coûte la livraison ?", "La livraison est assurée par nos soins.", True),
        ("Combien coûte la livraison ?", "SEM\tC201\t2024-10-09", True),  # a tab row
        ("Combien coûte la livraison ?", "Au-delà de 30 km, 1,20 € par kilomètre.", False),
        ("Combien coûte la table ?", "| Table de ferme | noyer | 1890 |", False),
        ("Pourquoi le grand prix de Suisse a-t-il compté ?", "Le podium du Grand Prix.", False),
        ("Quel chef est payé plus que Satoru Iwata ?", "Il rejoint Nintendo.", False),
        ("How much is the fee for members?", "Members use the SEM free of charge.", False),
        ("Is the cost covered by the grant?", "The grant covers the booking.", False),  # yes/no
        ("Who booked the SEM?", ROW, False),  # no amount asked
    ],
)
def test_unpriced(question: str, quote: str, refused: bool) -> None:
    assert unpriced(question, [quote]) is refused
