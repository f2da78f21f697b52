"""A closed question writing words the documents never use is refused naming them when its
quote is an FAQ's yes-or-no reply to another question (yes_no_replies.py; s46 trial b20: "Le
magasin est-il ouvert les jours fériés ?" quoted "Oui, l'atelier est ouvert à la visite…")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FAQ = """# Questions fréquentes

## Livrez-vous à domicile ?

Oui, nous livrons dans toute la France métropolitaine, sur rendez-vous.

## Peut-on visiter l'atelier ?

Oui, l'atelier est ouvert à la visite le premier samedi de chaque mois, sur rendez-vous.
"""
FAQ_EN = """# Frequently asked questions

## Do you ship abroad?

Yes, we ship to every country of the European Union within ten working days.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"faq.md": FAQ, "faq-en.md": FAQ_EN}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("L'atelier est-il ouvert les jours fériés ?", "“fériés”"),
        ("Do you ship to Norway?", "“Norway”"),
    ],
)
def test_a_reply_to_another_question_is_refused(
    folder: Assistant, question: str, named: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert named in answer.reason


def test_a_reply_to_the_question_asked_is_quoted(folder: Assistant) -> None:
    answer = folder.ask("Peut-on visiter l'atelier le samedi ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("Oui, l'atelier est ouvert à la visite")
