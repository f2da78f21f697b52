"""Greetings, farewells, thanks, bare acknowledgements and bare calls for help: whether a question
says nothing else ("hello", "Thank you!", "merci beaucoup", "ok", "d'accord", "ok, merci
beaucoup", "aide", "help me"), and in which
language (the language data's `courtesy` phrases).
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


@cache
def _phrase_languages() -> dict[str, tuple[str, ...]]:
    """Each courtesy phrase of the language data, with the languages whose list holds it (a
    phrase in both, "ok", is shared: it tells no language): read when a first question is."""
    held: dict[str, list[str]] = {}
    for lang, phrases in language_data().courtesy.items():
        for phrase in phrases:
            held.setdefault(phrase, []).append(lang)
    return {phrase: tuple(langs) for phrase, langs in held.items()}


@cache
def _longest_phrase() -> int:
    """How many words the longest courtesy phrase has (0 for none), counted once, as
    `_phrase_languages` is read."""
    return max((phrase.count(" ") + 1 for phrase in _phrase_languages()), default=0)


def courtesy_phrases(words: tuple[str, ...]) -> list[str] | None:
    """`words` (folded) cut into courtesy phrases of either language, longest phrase first at
    each word ("ok d accord": "ok", "d accord"), or None when some word is in none. Read from
    the last word back, so a question of any length takes no recursion ("ok " * 700)."""
    phrases = _phrase_languages()
    longest = _longest_phrase()
    count = len(words)
    cut_at: list[int | None] = [None] * count + [count]  # where the phrase at each word ends
    for start in range(count - 1, -1, -1):
        cut_at[start] = next(
            (
                end
                for end in range(min(count, start + longest), start, -1)
                if cut_at[end] is not None and " ".join(words[start:end]) in phrases
            ),
            None,
        )
    said: list[str] = []
    start = 0
    while start < count:
        end = cut_at[start]
        if end is None:
            return None
        said.append(" ".join(words[start:end]))
        start = end
    return said


def only_courtesy(question: str) -> Lang | None:
    """The language whose greetings, thanks and acknowledgements are all the words of
    `question` ("hello", "Thank you!", "merci beaucoup", "ok, merci beaucoup"), None when it
    has any other word ("hello world program", "Merci de préciser la dose"), a number or
    identifier ("hello 42", "thank_you") or none. The phrases may come from either language's
    list, in any order, punctuation between; the language is that of the first phrase only one
    language holds ("ok d'accord": French), else the first language holding the first phrase
    ("ok": English). Every word of the question counts, digits and underscores too: its
    letters alone would read "hi 2" as "hi"."""
    tokens = _WORDS.findall(question)
    if not tokens or not all(LETTERS.fullmatch(token) for token in tokens):
        return None
    said = courtesy_phrases(tuple(fold(token) for token in tokens))
    if not said:
        return None
    languages = _phrase_languages()
    telling = [languages[phrase] for phrase in said if len(languages[phrase]) == 1]
    return cast(Lang, (telling or [languages[said[0]]])[0][0])
