"""Greetings, farewells and thanks: whether a question says nothing else ("hello", "Thank
you!", "merci beaucoup"), and in which language (the language data's `courtesy` phrases).
Such a question has nothing to search for (abstention.py) and is answered in its language;
QuestionTerms.courtesy reads it once per question."""

from __future__ import annotations

import re
from typing import cast

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.models import Lang

_LETTERS = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"\w+")


def _courtesy_pattern(phrases: list[str]) -> re.Pattern[str]:
    longest_first = sorted(phrases, key=len, reverse=True)
    return re.compile(f"(?:(?:{'|'.join(map(re.escape, longest_first))})(?: |$))+")


_COURTESY = {
    lang: _courtesy_pattern(list(phrases)) for lang, phrases in language_data().courtesy.items()
}
"""Per language, a question's folded words (one space apart) made only of its courtesy
phrases."""


def only_courtesy(question: str) -> Lang | None:
    """The language whose greetings and thanks are all the words of `question` ("hello",
    "Thank you!", "merci beaucoup"), None when it has any other word ("hello world program",
    "Merci de préciser la dose"), a number or identifier ("hello 42", "thank_you") or none.
    Every word of the question counts, digits and underscores too: its letters alone would
    read "hi 2" as "hi"."""
    tokens = _WORDS.findall(question)
    if not all(_LETTERS.fullmatch(token) for token in tokens):
        return None
    words = " ".join(fold(token) for token in tokens)
    for lang, pattern in _COURTESY.items():
        if words and pattern.fullmatch(words):
            return cast(Lang, lang)
    return None
