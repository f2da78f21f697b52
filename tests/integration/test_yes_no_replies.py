"""A closed question writing words the documents never use is refused naming them when its
quote is an FAQ's yes-or-no reply to another question (yes_no_replies.py; s46 trial b20: "Le
magasin est-il ouvert les jours fériés ?" quoted "Oui, l'atelier est ouvert à la visite…")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from shop_faqs import shop_faq_files
from small_corpora import assistant_over

DELIVERY_REPLY = "Oui, nous livrons dans toute la France métropolitaine, sur rendez-vous."


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = shop_faq_files(DELIVERY_REPLY)
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
