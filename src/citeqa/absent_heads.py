"""A question asking the value of a thing the documents never name: "What is the default
timeout for fetching a feed?" of a project's docs that never write "timeout" (s43 trial: the
answer models quoted "8 workers by default" at .53, every other word of the question matching
it), "How many retries are made when a feed fails?".

The thing asked is the name after the question's opener (language data,
citeqa/data/asked_heads.json: "what is the", "how many", "quel est le", "combien de") up to the
first stopword or stop word ("default timeout"), and its head word is the last in English, the
first in French ("délai" of "le délai maximal"); a head naming a kind of value, a relation or a
unit ("value" of "the default value of max_entries", "montant", "seconds") names no thing. The
question must write a qualifier of a setting ("default", "maximum", "par défaut", "maximal"):
an attribute ("Quelle est la religion de Massanes ?") is often stated without its noun
("catholique"), a setting's value beside its name. When the
documents never write that head (it is among QuestionTerms.absent and no typo of a corpus
word), nothing they write states its value: the answer abstains naming it. The caller checks it
only when every passage read is in the question's language (a word absent in one language may
be written in the other) and no cognate nor translation was read for the question.
No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import stopwords
from citeqa.value_kinds import asked_kind_phrase

__all__ = ["absent_head", "asked_head", "is_qualifier", "thing_head"]

_WORD = re.compile(r"[\w'’-]+")
"""A word of a question, elisions and hyphens kept."""
PARTICIPLE_LETTERS = 6
"""A word this long or longer ending in "ed" past a name's first word is an English past
participle ending the name ("targeted"; not "speed", "seed")."""


class _Heads(NamedTuple):
    openers: tuple[tuple[re.Pattern[str], str], ...]
    """Each opener with its language's head position ("last", "first")."""
    stops: frozenset[str]
    generic: frozenset[str]
    """Heads naming a kind of value, a relation or a unit, not a thing ("value", "montant")."""
    qualifiers: frozenset[str]
    """Words of which the question writes one: a setting's ("default", "maximal")."""
    identifiers: frozenset[str]
    """Heads naming a thing's identifier ("number", "numero"): the thing is asked by name."""
    joiners: frozenset[str]
    """The words between a French identifier head and its thing ("de" of "numéro de siège")."""


@cache
def _heads() -> _Heads:
    """asked_heads.json's openers (with their language's head position) and stop words."""
    data = data_json("asked_heads.json")
    openers = tuple(
        (re.compile(pattern), data["head"][lang])
        for lang, patterns in data["openers"].items()
        for pattern in patterns
    )

    def words(field: str) -> frozenset[str]:
        return frozenset(word for words in data[field].values() for word in words)

    return _Heads(
        openers,
        words("stops"),
        words("generic"),
        words("qualifiers"),
        words("identifier_heads"),
        words("identifier_joiners"),
    )


def is_qualifier(word: str) -> bool:
    """Whether `word` qualifies a setting's or a thing's value ("maximum", "default",
    "maximale": asked_heads.json `qualifiers`), naming no thing of its own."""
    return fold(word) in _heads().qualifiers


def asked_head(question: str) -> str | None:
    """The head word (folded) of the thing `question` asks the value of ("timeout" of "What is
    the default timeout for fetching a feed?"), or the thing whose identifier it asks ("seat"
    of "What is my seat number?": `_identified`), or None when it asks none so, writes no
    qualifier ("default", "maximal") or the head is generic ("value", "seconds")."""
    opened = _opened(question)
    if opened is None:
        return None
    folded, found, position = opened
    heads = _heads()
    rest = folded[found.end() :]
    identified = _identified(rest, position, heads)
    if identified is not None and asked_kind_phrase(question) is not None:
        identified = None  # a phone number, an IBAN: value_kinds.py reads their shapes
    if identified is not None or not heads.qualifiers & set(_WORD.findall(folded)):
        return identified
    head = _head(rest, position, heads)
    return None if head in heads.generic else head


def thing_head(question: str) -> str | None:
    """The head word (folded) of the one thing whose value `question` asks, qualified or not
    ("quorum" of "Quel est le quorum de l'assemblée générale ?"), or None when it asks none so
    or the head is generic ("value", "nombre") or a qualifier ("maximum"). Only a question
    asking of one thing (`_ONE_THING`: "what is the", "quelle est la"): "Quels sont les pays
    limitrophes de la Grèce ?" asks the members of a class, answered by their names ("…
    partage des frontières terrestres avec l'Albanie…"), and "Combien de membres compte le
    groupe Rainbow ?" a count written of other words ("sept jeunes filles": PIAF paragraphs,
    test, both lost to a sentence writing the head in a first version)."""
    opened = _opened(question)
    if opened is None or not _ONE_THING.search(opened[1].group(0)):
        return None
    folded, found, position = opened
    heads = _heads()
    head = _head(folded[found.end() :], position, heads)
    return None if head in heads.generic or head in heads.qualifiers else head


def _opened(question: str) -> tuple[str, re.Match[str], str] | None:
    """The folded `question`, the match of the first opener opening it and that opener's
    language's head position ("last", "first"); None when no opener opens it."""
    folded = " ".join(fold(question).split())
    for pattern, position in _heads().openers:
        found = pattern.match(folded)
        if found is not None:
            return folded, found, position
    return None


def _head(rest: str, position: str, heads: _Heads) -> str | None:
    """The head word of the name the words `rest` after an opener begin with (`_name`): its
    last in English, its first in French (`position`); None for no name."""
    name = _name(rest, heads.stops)
    return (name[-1] if position == "last" else name[0]) if name else None


_ONE_THING = re.compile(r"\b(?:is|was|est|etait)\b|['’]s\b")
"""An opener's verb asking the value of one thing (folded): "what is the", "what's the",
"quelle est la"; not "what are", "quels sont", "how many", "combien de"."""


def _identified(rest: str, position: str, heads: _Heads) -> str | None:
    """The thing whose identifier the words `rest` after the opener name: "seat" of "seat
    number on the flight" (English: the name's word before its identifier head), "siege" of
    "numero de siege" (French: the word after the head's joiner); None when they name none."""
    if position == "last":
        name = _name(rest, heads.stops)
        if len(name) >= 2 and name[-1] in heads.identifiers and name[-2] not in heads.generic:
            return name[-2]
        return None
    words = _WORD.findall(rest)
    if len(words) < 2 or words[0] not in heads.identifiers:
        return None
    elided = next((words[1][2:] for elision in ("d'", "d’") if words[1].startswith(elision)), "")
    thing = elided or (words[2] if len(words) >= 3 and words[1] in heads.joiners else "")
    return None if not thing or thing in heads.generic or thing in stopwords() else thing


def _name(rest: str, stops: frozenset[str]) -> list[str]:
    """The words of `rest` (folded) up to the first stopword, stop word or, past the first, past
    participle ("targeted" of "the maximum steroid dose targeted by…")."""
    name: list[str] = []
    for word in _WORD.findall(rest):
        if word in stops or word in stopwords() or not word[0].isalpha():
            break
        if name and len(word) >= PARTICIPLE_LETTERS and word.endswith("ed"):
            break
        name.append(word)
    return name


def absent_head(question: str, absent: Collection[str]) -> str | None:
    """The head of the thing `question` asks, as typed, when it is one of the `absent` words
    (as typed: those the documents never write); else None."""
    head = asked_head(question)
    if head is None:
        return None
    return next((word for word in absent if fold(word) == head), None)
