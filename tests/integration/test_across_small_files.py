"""A question in the other language of a folder of small files is read across when a sentence
of one is close to it (api._sentence_closeness, across.with_sentences): each short manual is
one passage, whose vector is the mean of its topics, so "Comment nettoyer le filtre ?" was .33
from the English dishwasher manual, under across.MIN_CLOSENESS, and refused ("Aucun mot de la
question n'apparaît dans les documents"), though "nettoyer" / "cleaning" and "filtre" /
"filter" are .92 and .93 apart (s50 XLANG bench). A question the folder does not answer stays
refused."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

MANUAL = (
    "Dishwasher User Manual\n\n"
    "Cleaning the filter. Remove the filter at the bottom of the tub once a week and rinse it"
    " under running water.\n\n"
    "Error codes. Error E4 means a water leak was detected: turn off the water supply and call"
    " an engineer.\n\n"
    "Warranty. The appliance is guaranteed for two years from the date of purchase.\n\n"
    "Salt. Refill the salt container when the salt indicator lights up.\n"
)
GYM = (
    "Gym Membership Terms and Conditions\n\n"
    "Membership fee. The monthly fee is 39 pounds, paid by direct debit on the first day of"
    " each month.\n\n"
    "Cancellation. You may cancel your membership by giving 30 days' written notice to the"
    " front desk.\n\n"
    "Opening hours. The gym is open from 6 am to 10 pm every day, except on Christmas Day.\n\n"
    "Guests. Each member may bring one guest per month free of charge.\n"
)


@pytest.fixture(scope="module")
def english_folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"dishwasher_manual.txt": MANUAL, "gym_terms.txt": GYM},
        tmp_path_factory.mktemp("manuals"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Comment nettoyer le filtre ?", "rinse it"),
        ("Quelle est la durée de la garantie ?", "two years"),
    ],
)
def test_a_french_question_is_answered_from_the_closest_sentence(
    english_folder: Assistant, question: str, written: str
) -> None:
    answer = english_folder.ask(question)
    assert not answer.abstained, answer.reason
    assert written in answer.citations[0].quote


@pytest.mark.parametrize(
    "question", ["Qui a écrit Les Misérables ?", "Quel est mon revenu fiscal de référence ?"]
)
def test_a_question_the_folder_does_not_answer_stays_refused(
    english_folder: Assistant, question: str
) -> None:
    assert english_folder.ask(question).abstained
