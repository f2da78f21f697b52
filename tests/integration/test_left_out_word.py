"""A question whose quote leaves out a word the corpus never uses, one that carries the question,
abstains naming it (unseen_subject.py: the session-16 trial quoted the vaccine booster's 68 EUR
for "How much did the vet charge for Pixel's neutering?", Thomas Roux's job title for "Quel est
le salaire de Thomas Roux ?"); the same questions asking what the notes hold are answered, and
so is one whose words the notes never use are answered by a quote in the other language. Real
USE vectors: the rule reads them."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

NOTES = {
    "pixel.md": "# Pixel\n\nPixel is our grey cat, adopted in June 2023.\n\n"
    "- Vet for Pixel: vaccine booster, 68 EUR, on 12 March.\n"
    "- Pixel eats two pouches of wet food a day.\n",
    "thomas-roux.md": "# Thomas Roux\n\nThomas Roux est rédacteur technique, arrivé en février"
    " 2026.\n\n- Il rédige le guide utilisateur de Lumen.\n- Son bureau est au deuxième étage.\n",
    "tarte.md": "# Tarte aux poireaux\n\n- 3 poireaux\n- 200 g de lardons\n- 3 œufs\n\n"
    "Version végétarienne : remplacer les lardons par 150 g de feta.\n",
    "garden.md": "# Garden\n\nThe tomatoes are watered every evening in July.\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(NOTES, tmp_path_factory.mktemp("notes"), tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "How much did the vet charge for Pixel's neutering?",
            "The documents do not appear to answer this question: they never mention “neutering”.",
        ),
        (
            "Quel est le salaire de Thomas Roux ?",
            "Les documents ne semblent pas répondre à cette question : ils ne mentionnent"
            " jamais “salaire”.",
        ),
    ],
)
def test_a_quote_leaving_out_an_unseen_word_of_the_question_abstains(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    assert answer.reason == reason
    assert answer.passages  # the closest passages are shown for the reader to judge


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("How much did the vet charge for Pixel's vaccine booster?", "68 EUR"),
        ("Que fait Thomas Roux ?", "rédacteur technique"),
        # "replace" and "leek" are words the notes never use: the quote is French
        ("What can replace the lardons in the leek tart?", "feta"),
    ],
)
def test_what_the_notes_hold_is_answered(assistant: Assistant, question: str, quoted: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert quoted in answer.answer
