"""whereabouts.answers_whereabouts: a line answering where a thing is by its address."""

from __future__ import annotations

import pytest

from citeqa.whereabouts import answers_whereabouts

CONTRACT = (
    "Entre la société Verdalis SAS, 18 avenue Jean Jaurès, 31000 Toulouse, représentée par"
    " Mme Claire Dumas, et M. Antoine Lefèvre, il a été convenu ce qui suit."
)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Où se trouve la société ?", CONTRACT),
        ("Où est située la société ?", CONTRACT),
        ("Where is the museum located?", "The museum is at 12 Kings Road, Bath."),
        ("Where is the office?", "Our office: 4 Mill Lane, Cambridge CB2 1RX."),
    ],
)
def test_an_address_beside_the_thing_answers(question: str, line: str) -> None:
    assert answers_whereabouts(question, line)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Où se trouve la piscine ?", CONTRACT),
        ("Where is the drain pump filter?", "The filter is behind the small flap."),
        ("Qui représente la société ?", CONTRACT),
        ("Where is the museum located?", "The museum opens at 10:00 on Sundays."),
    ],
)
def test_no_address_of_the_thing_answers_nothing(question: str, line: str) -> None:
    assert not answers_whereabouts(question, line)
