"""Whether the quotes answering a follow-up that asks only a kind of value of the subject at
hand ("what is her email address?" after "Who is the designated safeguarding lead?") write a
value of that kind.

Such a follow-up is read with its carried subject (abstention._only_value_kinds), and the
answer layer then quoted the subject's passage whatever it wrote (session 23, review C): a
phone number for an e-mail address, a sentence with no number for a phone number. Each kind
(data value_kinds.json: "phone", "fax", "email", "address"…) names the shape a quote must
write; a word qualifying another kind's ("address" in "email address", "number" in "phone
number") asks nothing of its own. No I/O but the data file, read once.

A question on its own asking a kind as its object ("Quel est le numéro de téléphone de Nadia
Benali ?", "What is Oliver's email address?": `asked_value_kinds`, a determiner or a genitive
right before the kind's words) is held to the same shapes (s30: the s29 trial quoted her row
of the minutes' vote count, "| Présidente | Nadia Benali | 54 |"). A kind's word after no
determiner asks nothing checked: a verb ("à quel public s'adresse", "can labels address"), a
noun's qualifier ("via phone interviews", "the printer's IP address", "What address does
bind_address use").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

__all__ = ["asked_value_kinds", "unwritten_asked_kind", "unwritten_kind"]


class _Kind(NamedTuple):
    words: frozenset[str]
    shapes: tuple[re.Pattern[str], ...]
    """A quote writing any of these holds a value of the kind."""
    subsumes: frozenset[str]


@cache
def _kinds() -> dict[str, _Kind]:
    """The kinds of value_kinds.json by name, a kind of 'any_of' taking the others' shapes."""
    raw = data_json("value_kinds.json")["kinds"]
    shapes = {name: re.compile(kind["shape"]) for name, kind in raw.items() if "shape" in kind}
    return {
        name: _Kind(
            frozenset(kind["words"]),
            tuple(shapes[other] for other in kind.get("any_of", [name])),
            frozenset(kind.get("subsumes", [])),
        )
        for name, kind in raw.items()
    }


def unwritten_kind(words: Sequence[str], quotes: Sequence[str]) -> list[str] | None:
    """The words of `words` (folded, as the question writes them) naming a kind of value that
    none of `quotes` writes, in the question's order; None when the quotes write a value of
    every kind asked, or the words name none."""
    kinds = _kinds()
    asked, qualifying = _asked_kinds(words)
    unheld = [
        name
        for name in asked
        if not any(shape.search(quote) for shape in kinds[name].shapes for quote in quotes)
    ]
    if not unheld:
        return None
    named = set().union(*(kinds[name].words for name in unheld))
    return [word for word in dict.fromkeys(words) if word in named or word in qualifying]


def _asked_kinds(words: Sequence[str]) -> tuple[list[str], set[str]]:
    """The kinds `words` name, but for a kind whose words only qualify another's ("address" in
    "email address"), and those qualifying words."""
    kinds = _kinds()
    asked = [name for name, kind in kinds.items() if kind.words & set(words)]
    qualifying = {word for name in asked for word in kinds[name].subsumes}
    return [name for name in asked if not kinds[name].words <= qualifying], qualifying


def unwritten_asked_kind(question: str, quotes: Sequence[str]) -> str | None:
    """The phrase, as `question` writes it ("numéro de téléphone"), of the first kind of value
    it asks as its object (`asked_value_kinds`) of which none of `quotes` writes a value, of
    any kind the phrase names ("phone extension": a phone number or an extension); None when
    they write one, or none is asked."""
    kinds = _kinds()
    for run in _asked_runs(question):
        asked, _ = _asked_kinds([fold(match.group()) for match in run])
        shapes = [shape for name in asked for shape in kinds[name].shapes]
        if asked and not any(shape.search(quote) for shape in shapes for quote in quotes):
            return question[run[0].start() : run[-1].end()]
    return None


_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*|['’]")
"""A question's words ("e-mail" one) and apostrophes, each a token."""


class _AskedAs(NamedTuple):
    determiners: frozenset[str]
    elided: frozenset[str]
    joiners: frozenset[str]
    words: frozenset[str]
    """Every kind's words and the words they subsume ("numero", "address")."""


@cache
def _asked_as() -> _AskedAs:
    """value_kinds.json's 'asked_as' lists, and the words of its kinds."""
    data = data_json("value_kinds.json")
    asked = data["asked_as"]
    words = {word for kind in data["kinds"].values() for word in kind["words"]}
    words |= {word for kind in data["kinds"].values() for word in kind.get("subsumes", [])}
    return _AskedAs(
        frozenset(asked["determiners"]),
        frozenset(asked["elided"]),
        frozenset(asked["joiners"]),
        frozenset(words),
    )


def asked_value_kinds(question: str) -> list[str]:
    """The folded words of `question` naming a kind of value it asks as its object: a run of
    kind words ("numero de telephone", "email address", "adresse postale" gives "adresse")
    right after a determiner ("le", "her"), an elided one ("l'") or a genitive ("Nadia's");
    [] when there is none (see the module docstring)."""
    found: list[str] = []
    for run in _asked_runs(question):
        found.extend(fold(m.group()) for m in run if fold(m.group()) in _asked_as().words)
    return list(dict.fromkeys(found))


def _asked_runs(question: str) -> list[list[re.Match[str]]]:
    """The runs of kind words (joined by `joiners`) `question` asks as its object, each as the
    matches of its words (`asked_value_kinds`)."""
    asked = _asked_as()
    tokens = list(_TOKEN.finditer(question))
    folded = [fold(token.group()).replace("’", "'") for token in tokens]
    runs: list[list[re.Match[str]]] = []
    number = 0
    while number < len(tokens):
        if folded[number] not in asked.words or not _determined(folded[:number], asked):
            number += 1
            continue
        run, last = [tokens[number]], number
        for following in range(number + 1, len(tokens)):
            if folded[following] in asked.words:
                run.append(tokens[following])
                last = following
            elif folded[following] not in asked.joiners and folded[following] != "'":
                break
        runs.append(run)
        number = last + 1
    return runs


def _determined(before: list[str], asked: _AskedAs) -> bool:
    """Whether the tokens `before` a kind's word end with a determiner ("le"), an elided one
    ("l", "'") or an English genitive ("nadia", "'", "s")."""
    if before[-1:] and before[-1] in asked.determiners:
        return True
    if before[-2:-1] and before[-1] == "'":
        return before[-2] in asked.elided
    return len(before) >= 3 and before[-2:] == ["'", "s"]
