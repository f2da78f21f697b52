"""Follow-ups: whether a question of a conversation leans on the previous one, and how it is
then read (`is_follow_up`, `in_context`; api.Session). The words that open, cue or point back
are language data (citeqa/data/language.json), not code."""

from __future__ import annotations

import re
from collections.abc import Callable

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.lexical import content_words, query_tokens
from citeqa.questions import (
    FRAME_WORDS,
    IDENTIFIER,
    QUESTION_WORDS,
    looks_like_name,
    question_words,
)

FOLLOW_UP_MAX_WORDS = 12
"""A longer question is never a follow-up."""
_LANGUAGE = language_data()
_OPENERS = re.compile("|".join(f"(?:{p})" for p in _LANGUAGE.follow_up_openers) or r"(?!)")
"""A question opening by leaning on the previous one ("And in the other group?", "Et à un an ?")."""
_CUES = re.compile("|".join(f"(?:{p})" for p in _LANGUAGE.follow_up_cues) or r"(?!)")
"""A question asking within the subject at hand ("Were there any deaths?", "Combien en ont
reçu ?")."""
ANAPHORS = frozenset(_LANGUAGE.anaphors)
"""Folded words that point back at something named before ("their mean age", "that study",
"ces patients")."""
_NO_SUBJECT = QUESTION_WORDS | FRAME_WORDS | frozenset(_LANGUAGE.measure_words)
"""Words that name no subject, however rare in a corpus: a question's form, words about the
documents, measures ("mean", "taux")."""
OWN_SUBJECT_WORDS = 3
"""A question with this many content words names its own subject (unless it points back)."""


def is_follow_up(
    question: str,
    endings: tuple[str, ...] = (),
    *,
    previous: str | None = None,
    specific: Callable[[str], bool] | None = None,
) -> bool:
    """A short question that leans on the previous one ("And at week 52?", "Their mean age?").

    A question opening by leaning back ("And…", "Et…") is one. Otherwise a question that names
    its own subject is a new question: one with a name shaped as such (a drug, a trial,
    COVID-19: `looks_like_name`, `endings` being the domain's name endings); or, without a word
    pointing back (ANAPHORS) and unless it asks within the subject at hand ("Were there any
    deaths?"), one with an identifier (`retention_days`), a capitalised name ("Australia"), a
    word `specific` to the corpus (`Vocabulary.specific`: a rare one, not a measure such as
    "mean") that `previous` did not use ("What is the default port?" after one on the default
    max_connections; not "How many patients?" in a corpus about patients), or
    OWN_SUBJECT_WORDS content words. Words without content or a question word ("the") lean
    on nothing: no follow-up, unless they open or point back so.
    """
    words = question_words(question)
    if not words or len(words) > FOLLOW_UP_MAX_WORDS:
        return False
    folded = fold(question.strip())
    if _OPENERS.search(folded):
        return True
    if any(looks_like_name(word, endings) for word in words[1:]):
        return False
    if _points_back(words) or _CUES.search(folded):
        return True
    if _names_subject(words, previous, specific):
        return False
    return _short_question(words)


def _short_question(words: list[str]) -> bool:
    """Fewer than OWN_SUBJECT_WORDS content words, and a question: a content word or a
    question word ("What should I do?"), not a function word alone ("the")."""
    count = len([word for word in words if content_words(word)])
    asks = QUESTION_WORDS.intersection(map(fold, words))
    return count < OWN_SUBJECT_WORDS and bool(count or asks)


def _points_back(words: list[str]) -> bool:
    """Whether a word, or a part of a hyphenated or elided one ("avaient-ils"), is an anaphor."""
    return any(fold(part) in ANAPHORS for word in words for part in re.split(r"[-'’]", word))


def _names_subject(
    words: list[str], previous: str | None, specific: Callable[[str], bool] | None
) -> bool:
    """Whether the question's words name a subject of their own (`is_follow_up`)."""
    if any(IDENTIFIER.search(word) for word in words) or any(map(_capitalised, words[1:])):
        return True
    if specific is None:
        return False
    before = frozenset(query_tokens(previous or ""))
    return any(
        specific(word) and not before.intersection(query_tokens(word))
        for word in words
        if content_words(word) and fold(word) not in _NO_SUBJECT
    )


def _capitalised(word: str) -> bool:
    """A capitalised word ("Australia", "l'Australie"), not one letter ("I")."""
    return any(
        len(part) > 1 and part[0].isupper() and part[1:].islower()
        for part in re.split(r"[-'’]", word)
    )


def in_context(previous: str, question: str) -> str:
    """The question as retrieval should read it: the previous subject, then the question."""
    return f"{previous} {question}"
