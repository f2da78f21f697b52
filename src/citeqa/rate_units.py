"""A count asked, answered by a rate: "Combien de jours de congés payés me reste-t-il ?" quoted
a health insurance's "| Chambre particulière | 45 euros par jour |" (s47 trial a20, at .19).

The question asks how many of a unit (data rate_units.json: a count cue, "combien de", "how
many", "nombre de", then one of the unit's forms, English and French); a quote writing that
unit only after a rate word ("par jour", "per night", "/jour", "a week") and no duration
(asked_values' duration shape: "jusqu'à 30 jours", "five working days") says how much per unit,
not how many: `rate_only` names the unit as the question writes it, and answering refuses the
quote. A closed question ("Is it paid per day?") is left alone. No I/O but the data file, read
once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.asked_values import writes_kind
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.yes_no_replies import is_closed

__all__ = ["count_cue_pattern", "rate_only"]


class _Units(NamedTuple):
    asked: re.Pattern[str]
    """A count cue then a unit's form, on a folded question."""
    groups: dict[str, frozenset[str]]
    """Each unit's form, folded, with every form of its unit."""
    rate: re.Pattern[str]
    """A rate word then a unit's form, on a folded text; the form is the group 'unit'."""


@cache
def count_cue_pattern() -> str:
    """The count cues of rate_units.json ("how many", "combien de") as one regex alternation
    for a folded text, an apostrophe matching either form and a space after it ("combien d'")."""
    cues = data_json("rate_units.json")["count_cues"]
    return "|".join(re.escape(cue).replace("'", "['’] ?") for cue in cues)


@cache
def _units() -> _Units:
    """rate_units.json read into patterns."""
    data = data_json("rate_units.json")
    groups = {form: frozenset(group) for group in data["units"] for form in group}
    forms = "|".join(sorted((re.escape(form) for form in groups), key=len, reverse=True))
    cues = count_cue_pattern()
    markers = "|".join(re.escape(marker) for marker in data["rate_markers"])
    return _Units(
        re.compile(rf"(?<!\w)(?:{cues})\s*(?P<unit>{forms})(?!\w)"),
        groups,
        re.compile(rf"(?:(?<!\w)(?:{markers})\s+|/\s*)(?P<unit>{forms})(?!\w)"),
    )


def rate_only(question: str, quotes: Sequence[str]) -> str | None:
    """The unit `question` asks a count of, as it writes it, when `quotes` write it only as a
    rate's unit and write no duration (the module's rules); else None."""
    folded = fold(question)
    units = _units()
    asked = units.asked.search(folded)
    if asked is None or is_closed(folded):
        return None
    forms = units.groups[asked.group("unit")]
    texts = [fold(quote) for quote in quotes]
    if any(writes_kind("duration", quote) for quote in quotes):
        return None
    rated = [any(found.group("unit") in forms for found in units.rate.finditer(t)) for t in texts]
    if not any(rated) or any(_bare(text, forms) for text in texts):
        return None
    unit = asked.group("unit")
    return next((word for word in re.findall(r"\w+", question) if fold(word) == unit), unit)


def _bare(text: str, forms: frozenset[str]) -> bool:
    """Whether folded `text` writes a form of the unit other than after a rate word."""
    words = re.findall(r"\w+", _units().rate.sub(" ", text))
    return any(word in forms for word in words)
