"""Closed questions and yes-or-no replies (yes_no_replies.py)."""

from __future__ import annotations

import pytest

from citeqa.yes_no_replies import is_closed, replies_yes_or_no


@pytest.mark.parametrize(
    ("question", "closed"),
    [
        ("le magasin est-il ouvert les jours feries ?", True),
        ("do you ship to norway?", True),
        ("combien coute-t-elle ?", False),
        ("where do you ship?", False),
    ],
)
def test_closed_questions(question: str, closed: bool) -> None:
    assert is_closed(question) is closed


@pytest.mark.parametrize(
    ("quote", "replies"),
    [
        ("Oui, nous livrons dans toute la France.", True),
        ("No. Convert the files first.", True),
        ("Nous livrons dans toute la France.", False),
        ("Non-members pay twice the fee.", False),
        ("Do not use the purifier in a bathroom.", True),
        ("N'utilisez pas le purificateur dans une salle de bains.", True),
        ("Ne placez jamais l'appareil près d'un radiateur.", True),
        ("Nettoyez le filtre tous les mois.", False),
        ("Nevertheless, the purifier works in any room.", False),
    ],
)
def test_reply_openers(quote: str, replies: bool) -> None:
    assert replies_yes_or_no(quote) is replies
