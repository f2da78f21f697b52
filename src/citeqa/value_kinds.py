"""Whether the quotes answering a follow-up that asks only a kind of value of the subject at
hand ("what is her email address?" after "Who is the designated safeguarding lead?") write a
value of that kind.

Such a follow-up is read with its carried subject (abstention._only_value_kinds), and the
answer layer then quoted the subject's passage whatever it wrote (session 23, review C): a
phone number for an e-mail address, a sentence with no number for a phone number. Each kind
(data value_kinds.json: "phone", "fax", "email", "address"…) names the shape a quote must
write; a word qualifying another kind's ("address" in "email address", "number" in "phone
number") asks nothing of its own. No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.jsonfiles import data_json

__all__ = ["unwritten_kind"]


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
    asked = [name for name, kind in kinds.items() if kind.words & set(words)]
    qualifying = {word for name in asked for word in kinds[name].subsumes}
    asked = [name for name in asked if not kinds[name].words <= qualifying]
    unheld = [
        name
        for name in asked
        if not any(shape.search(quote) for shape in kinds[name].shapes for quote in quotes)
    ]
    if not unheld:
        return None
    named = set().union(*(kinds[name].words for name in unheld))
    return [word for word in dict.fromkeys(words) if word in named or word in qualifying]
