"""What asks how to do something and what says how (manner_answers.py, its data file)."""

from __future__ import annotations

import pytest

from citeqa.manner_answers import asks_manner, manner_position, says_manner


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How do I switch on the lights?", True),
        ("how can we renew the licence", True),
        ("How to reset the PIN?", True),
        ("Comment puis-je résilier mon contrat ?", True),
        ("Comment faire un rollback de Lumen ?", True),
        ("How does belimumab act on the immune system?", False),  # a mechanism
        ("Comment s'appelle le frère de Guillaume ?", False),  # a name
        ("Comment sont décorés les bijoux kabyles ?", False),
    ],
)
def test_a_question_asks_how_in_its_own_person(question: str, asks: bool) -> None:
    assert asks_manner(question) is asks


@pytest.mark.parametrize(
    ("sentence", "says"),
    [
        ("The lights switch on by pressing the plus button for two seconds.", True),
        ("Press the power button briefly.", True),
        ("Walk assist moves the bike while you push it: hold the minus button.", True),
        ("Appuyez sur le bouton marche pendant une seconde.", True),
        ("La résiliation se fait en envoyant une lettre recommandée.", True),
        ("Fixed: the lights could stay on after the display switched off.", False),
        ("The display switches off by itself after 10 minutes.", False),
    ],
)
def test_a_sentence_says_how_by_a_means_or_an_instruction(sentence: str, says: bool) -> None:
    assert says_manner(sentence) is says


def test_the_first_saying_how_leads_when_rated_enough() -> None:
    texts = ["The lights could stay on.", "Noise.", "Press the plus button."]
    assert manner_position(texts, [0.6, 0.3, 0.2]) == 2
    assert manner_position(texts, [0.6, 0.3, 0.1]) is None  # below a quarter of the first's
    assert manner_position(["Press it.", "Hold it."], [0.6, 0.5]) is None  # the first says how
