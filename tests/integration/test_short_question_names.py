"""A short question naming a place the corpus never writes ("Livrez-vous en Belgique ?") is
refused naming it: its opening word, capitalised in any sentence, no longer makes it read as a
title (absent_names._mid_sentence_names; s46 trial b17 was answered "Oui, nous livrons dans
toute la France métropolitaine.")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from shop_faqs import shop_faq_files
from small_corpora import assistant_over

DELIVERY_REPLY = (
    "Oui, nous livrons dans toute la France métropolitaine. Au-delà de 30 km de l'atelier, la\n"
    "livraison est facturée 1,20 € par kilomètre."
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = shop_faq_files(DELIVERY_REPLY)
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Livrez-vous en Belgique ?", "Les documents ne mentionnent jamais “Belgique”."),
        ("Livrez-vous à Genève ?", "Les documents ne mentionnent jamais “Genève”."),
    ],
)
def test_an_unwritten_place_in_a_short_question_is_refused(
    folder: Assistant, question: str, reason: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason == reason


def test_a_written_place_is_answered(folder: Assistant) -> None:
    answer = folder.ask("Livrez-vous en France ?")
    assert not answer.abstained, answer.reason
    assert "France métropolitaine" in answer.citations[0].quote
