"""The compound names a corpus holds (COVID-19, IL-6, HIV-1's), found once at build time so
that checking a question's compound name is a set lookup, whatever the corpus's size.

A compound is stored under one key: folded (glossary.fold), hyphens and spaces removed,
apostrophes kept ("COVID-19", "covid 19" and "COVID19" are all "covid19"). The text's compounds
are its chains of word-character runs joined by one hyphen, one apostrophe, or one space
before a number ("covid 19", "week 52"); every run of up to MAX_PARTS consecutive parts of a
chain is a key when it joins parts with a hyphen or space, or holds both letters and digits.
So a question's "IL-6" is found in "IL-6", "IL 6", "IL6" and "anti-IL-6-based", as the
regular expression citeqa used before found it (each hyphen of the question's word optional or
a hyphen or a space in the text), with two differences: two words joined by a space in the text
("ab cd") do not make a compound (only a word and a number do, else every pair of words
would be a key), and a glued question word ("COVID19") now also finds a separated one
("COVID-19").

A date that names no day ("31/04/2026", "30 février 2026": dates.impossible_date_keys) is
stored too, under its words and numbers joined: a question quoting it is then no question about
a day that does not exist (abstention.no_such_day), whatever separates its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeqa.dates import impossible_date_keys
from citeqa.glossary import fold
from citeqa.hyphens import WORD_HYPHENS_AS_ASCII
from citeqa.identifiers import code_text

MAX_PARTS = 8
"""Longer runs of a chain are not stored (a question's compound of more parts is not found)."""
_CHAIN = re.compile(r"\w+(?:(?:[-'’]|\s(?=\d+(?!\w)))\w+)*")
"""Word-character runs joined by a hyphen, an apostrophe, or a space before a number."""
_JOINER = re.compile(r"([-'’\s])")
_SEPARATORS = re.compile(r"[-\s]+")
_APOSTROPHES = "'’"


def compound_key(word: str) -> str:
    """The key a compound name is stored and looked up under: folded, no hyphens or spaces
    (a non-breaking one, "FA‑2025‑014", is one: hyphens.WORD_HYPHENS; a word processor's
    "FA‑2025‑014" stored none of its compounds, s41 shop trial)."""
    return _SEPARATORS.sub("", fold(word).translate(WORD_HYPHENS_AS_ASCII))


def corpus_compounds(texts: Iterable[str]) -> list[str]:
    """The keys of the compound names `texts` hold, sorted; each text read as code spells its
    names (identifiers.code_text: groff's "‐‐max‐size" and roff's `\\-\\-max\\-size` hold
    "max-size")."""
    keys: set[str] = set()
    for text in texts:
        keys.update(folded_compounds(fold(code_text(text))))
    return sorted(keys)


def folded_compounds(folded: str) -> set[str]:
    """The keys of the compound names a folded text holds (`corpus_compounds`)."""
    keys: set[str] = set()
    for chain in _CHAIN.findall(folded.translate(WORD_HYPHENS_AS_ASCII)):
        if chain.isalpha():  # most of them: a plain word (a quick test, in C)
            continue
        if _JOINER.search(chain):
            keys.update(_chain_keys(_JOINER.split(chain)))
        elif _is_alphanumeric(chain):
            keys.add(chain)
    keys.update(impossible_date_keys(folded))
    return keys


def _chain_keys(pieces: list[str]) -> set[str]:
    """The keys of the runs of one chain; `pieces` alternate parts and joiners."""
    parts, joiners = pieces[0::2], pieces[1::2]
    keys = set()
    for first in range(len(parts)):
        key, separated = parts[first], False
        if _is_alphanumeric(key):
            keys.add(key)
        for last in range(first + 1, min(len(parts), first + MAX_PARTS)):
            joiner = joiners[last - 1]
            separated = separated or joiner not in _APOSTROPHES
            key += (joiner if joiner in _APOSTROPHES else "") + parts[last]
            if separated or _is_alphanumeric(key):
                keys.add(key)
    return keys


def _is_alphanumeric(key: str) -> bool:
    return any(c.isdigit() for c in key) and any(c.isalpha() for c in key)
