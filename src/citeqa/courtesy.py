"""Greetings, farewells, thanks and bare acknowledgements: whether a question says nothing else
("hello", "Thank you!", "merci beaucoup", "ok", "d'accord"), and in which language (the
language data's `courtesy` phrases).
Such a question has nothing to search for (abstention.py) and is answered in its language;
QuestionTerms.courtesy reads it once per question."""

from __future__ import annotations

import re
from functools import cache
from typing import cast

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.models import Lang

LETTERS = re.compile(r"[^\W\d_]+")
"""A run of letters (no digit, no underscore): a word of a question as the reasons read it."""
_WORDS = re.compile(r"\w+")


def _courtesy_pattern(phrases: list[str]) -> re.Pattern[str]:
    longest_first = sorted(phrases, key=len, reverse=True)
    return re.compile(f"(?:(?:{'|'.join(map(re.escape, longest_first))})(?: |$))+")


@cache
def _courtesy() -> dict[str, re.Pattern[str]]:
    """Per language, a question's folded words (one space apart) made only of its courtesy
    phrases: compiled when a first question is read, not at import."""
    return {
        lang: _courtesy_pattern(list(phrases)) for lang, phrases in language_data().courtesy.items()
    }


def only_courtesy(question: str) -> Lang | None:
    """The language whose greetings and thanks are all the words of `question` ("hello",
    "Thank you!", "merci beaucoup"), None when it has any other word ("hello world program",
    "Merci de préciser la dose"), a number or identifier ("hello 42", "thank_you") or none.
    Every word of the question counts, digits and underscores too: its letters alone would
    read "hi 2" as "hi"."""
    tokens = _WORDS.findall(question)
    if not all(LETTERS.fullmatch(token) for token in tokens):
        return None
    words = " ".join(fold(token) for token in tokens)
    for lang, pattern in _courtesy().items():
        if words and pattern.fullmatch(words):
            return cast(Lang, lang)
    return None
