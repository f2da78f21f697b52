"""A question naming a thing by a qualifier answered by a quote of its sibling qualified the
opposite way: "Quel est le prix de la sonde de température sans fil ?" answered by the row
"| AC-01 | Sonde de température filaire | 24.9 |" (s25 trial, at confidence .68).

Every other word of the question matched the row, so the answer models read it as the answer;
the one word telling the two probes apart weighs as one term among the question's. What is
checked here, once the answer is chosen: the question writes one side of a group of qualifiers
that exclude each other (language data, citeqa/data/opposed_qualifiers.json: "sans fil" /
"filaire", "wireless" / "wired", "monthly" / "annual" / "weekly"), no other, and is no closed
question ("Is the probe wireless?" is answered by "The probe is wired."); the answer's quotes
and the sections they are cited under write another side and never the asked one. The answer
abstains naming both: a person reads at once why the wired probe's price is no answer.

No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.domain import any_of, language_data
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

__all__ = ["OpposedQualifier", "opposed_qualifier"]


class OpposedQualifier(NamedTuple):
    asked: str
    """The qualifier as the question writes it (folded: "sans fil")."""
    held: str
    """The opposite qualifier as the quotes write it (folded: "filaire")."""


class _Side(NamedTuple):
    forms: tuple[str, ...]
    pattern: re.Pattern[str]
    """Any of `forms` as whole words of a folded text (a hyphen joins words: "non-rechargeable"
    holds no "rechargeable")."""


@cache
def _groups() -> tuple[tuple[_Side, ...], ...]:
    """The groups of opposed_qualifiers.json, each side's forms with their pattern."""
    groups = data_json("opposed_qualifiers.json")["groups"]
    return tuple(tuple(_side(forms) for forms in group) for group in groups)


def _side(forms: Sequence[str]) -> _Side:
    """A side of a pair: its folded forms, longest first, and their whole-word pattern."""
    ordered = tuple(sorted((fold(form) for form in forms), key=len, reverse=True))
    alternatives = "|".join(re.escape(form) for form in ordered)
    return _Side(ordered, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"))


@cache
def _closed() -> re.Pattern[str]:
    """A closed (yes/no) question, read on its folded text (language data)."""
    return any_of(language_data().yes_no_questions)


_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b")
"""A French verb before its subject pronoun ("est-elle", "coûte-t-il")."""


def _is_closed(folded: str) -> bool:
    """Whether a folded question is closed: its form opens it ("Is…", "Est-ce…"), or, with no
    question word, a verb stands before its subject pronoun ("La sonde est-elle sans fil ?";
    "Combien coûte-t-elle ?" is open)."""
    if _closed().search(folded):
        return True
    asking = set(language_data().interrogatives)
    return bool(_INVERTED.search(folded)) and not asking & set(re.findall(r"\w+", folded))


def opposed_qualifier(question: str, quoted: Sequence[str]) -> OpposedQualifier | None:
    """The qualifier `question` asks of a thing that none of `quoted` (the answer's quotes and
    the sections they are cited under) writes while they write its opposite, with that
    opposite; None when there is none or the question is closed (yes/no)."""
    asked_text = fold(question)
    if _is_closed(asked_text):
        return None
    texts = [fold(text) for text in quoted]
    for group in _groups():
        asked = [(side, found) for side in group if (found := side.pattern.search(asked_text))]
        if len(asked) != 1:  # none, or two sides asked ("wired or wireless?")
            continue
        side, found = asked[0]
        if any(side.pattern.search(text) for text in texts):
            continue
        held = _written(texts, [other for other in group if other is not side])
        if held is not None:
            return OpposedQualifier(found.group(), held)
    return None


def _written(texts: list[str], sides: list[_Side]) -> str | None:
    """The first form of `sides` that the folded `texts` write (in reading order), as written;
    None for none."""
    for text in texts:
        found = [match for side in sides if (match := side.pattern.search(text))]
        if found:
            return min(found, key=lambda match: match.start()).group()
    return None
