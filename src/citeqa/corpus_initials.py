"""The initials of the corpus's runs of words and its dotted or spaced letters, read once an
index: what tells an acronym a question writes from one the corpus spells out ("COPD" where the
text writes "chronic obstructive pulmonary disease", "BPCO" of "bronchopneumopathie chronique
obstructive", "PLU" of "plan local d'urbanisme", "SARL" of "S.A.R.L." or "S A R L"), so that no
reason says the documents never mention it (absent_names.py; s34 review).

A run is the words between two marks of punctuation, a blank line or a list or table row's
start (a hyphen or an elision's apostrophe joins: each part of "broncho-pneumopathie" gives an
initial, an elided "d'" none). A single line break is a space: hard-wrapped text and a PDF's
lines spell "chronic obstructive\\npulmonary disease" out (s35 review); a word hyphenated at a
line's end ("obstruc-\\ntive") is read both joined and as two words, since either may be meant.
Each run gives two strings of initials: one of all its words, one without the stopwords of the
language data ("of", "de", "des"…); runs are kept apart by a separator, so initials never
straddle two runs. `spells` looks an acronym up as a substring of those strings, in its order
and reversed (French writes "VIH" where English writes "HIV"): linear in the corpus once, then
a fast substring search a question. An acronym the corpus writes only glued to digits
("CNIL2024-118", "UGAP2024": one term to the index) is written too: the letters starting a word
before its digits are kept as a set (s36 hostile review M1). Pure; built from texts
(`CorpusInitials.of`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from citeqa.lexical import fold, stopwords

__all__ = ["CorpusInitials"]

_RUN_BREAK = re.compile(r"[^\w\s'’‐‑-]+|\n[^\S\n]*(?:\n|[-‐‑][^\S\n])")
"""Punctuation (anything but letters, digits, blanks, hyphens and apostrophes), a blank line,
or a line starting a list row with a dash ("- item"; other bullets, numbers' dots and table
rows' bars are punctuation): the end of a run of words."""
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑\u00ad][^\S\n]*\n[^\S\n]*(?=[^\W\d_])")
"""A hyphen ending a line between two letters: a word cut by wrapping, or a compound's."""
_WORD = re.compile(r"[^\W\d_]+")
_ELIDED = frozenset("dlcjmnst") | {"qu", "jusqu", "lorsqu", "puisqu"}
"""The elided French words ("d'", "l'", "qu'"): no initial."""
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][.‧·][ \u00a0]?){2,}(?:[^\W\d_](?![^\W\d_]))?")
"""Letters each followed by a dot ("S.A.R.L.", "T.T.C", "P. D. G.")."""
_GLUED_TO_DIGITS = re.compile(r"(?<![^\W_])([^\W\d_]+)\d")
"""The letters starting a word, right before its first digit ("cnil" of "cnil2024-118")."""
_SEPARATOR = "|"


class CorpusInitials(NamedTuple):
    """The corpus's initials strings and dotted letters (see the module's docstring)."""

    every_word: str
    """The initials of every run's words (elided letters aside), runs apart."""
    content_words: str
    """The same without the stopwords' initials."""
    dotted: frozenset[str]
    """The folded letters of the corpus's dotted forms ("sarl" of "S.A.R.L.")."""
    glued: frozenset[str]
    """The folded letters starting a word before its digits ("cnil" of "CNIL2024-118")."""

    @classmethod
    def of(cls, texts: Iterable[str]) -> CorpusInitials:
        """The initials of `texts`, read once."""
        skipped = stopwords()
        every: list[str] = []
        content: list[str] = []
        dotted: set[str] = set()
        glued: set[str] = set()
        for text in texts:
            folded = fold(text)
            dotted.update(_letters(found) for found in _DOTTED.findall(folded))
            glued.update(_GLUED_TO_DIGITS.findall(folded))
            for run in _runs(folded):
                words = [word for word in _WORD.findall(run) if word not in _ELIDED]
                if len(words) < 2:
                    continue
                every.append("".join(word[0] for word in words))
                content.append("".join(word[0] for word in words if word not in skipped))
        return cls(
            _SEPARATOR.join(every), _SEPARATOR.join(content), frozenset(dotted), frozenset(glued)
        )

    def spells(self, acronym: str) -> bool:
        """Whether the corpus writes `acronym` with dots or spaces between its letters or glued
        to digits, or the initials of consecutive words spell it, in order or reversed (case and
        accents aside)."""
        letters = _letters(fold(acronym))
        if letters in self.dotted or letters in self.glued:
            return True
        return any(
            form in self.every_word or form in self.content_words
            for form in (letters, letters[::-1])
        )


def _runs(folded: str) -> list[str]:
    """The runs of words of `folded` (see the module's docstring); the runs a word hyphenated
    at a line's end joins are read joined too."""
    runs = _RUN_BREAK.split(folded)
    joined = _LINE_END_HYPHEN.sub("", folded)
    if joined != folded:
        split = set(runs)
        runs += [run for run in _RUN_BREAK.split(joined) if run not in split]
    return runs


def _letters(text: str) -> str:
    """The letters of folded `text`."""
    return "".join(_WORD.findall(text))
