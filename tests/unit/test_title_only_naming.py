"""titleonly.names_only_the_title: whether a question asks nothing but what a document titled
so holds, the condition for telling it that the document holds only its title."""

from __future__ import annotations

import pytest

from citeqa.lexical import tokenize
from citeqa.titleonly import names_only_the_title


@pytest.mark.parametrize(
    ("question", "title", "lang"),
    [
        ("À classer", "À classer", "fr"),
        ("Que contient « À classer » ?", "À classer", "fr"),
        ("Qu'y a-t-il dans À classer ?", "À classer", "fr"),
        ("Que dit le document À classer ?", "À classer", "fr"),
        ("What is in the notes?", "Notes", "en"),
        ("Show me the notes", "Notes", "en"),
    ],
)
def test_a_question_naming_the_title_alone_names_it(question: str, title: str, lang: str) -> None:
    assert names_only_the_title(question, frozenset(tokenize(title, lang)))


@pytest.mark.parametrize(
    "question",
    [
        "Where are the notes?",
        "Read the README notes",
        "When were the notes taken?",
        "Notes on GPUs",
    ],
)
def test_a_question_asking_more_than_the_title_does_not(question: str) -> None:
    assert not names_only_the_title(question, frozenset(tokenize("Notes", "en")))
