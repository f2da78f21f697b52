"""A question asking how to do something, answered by the sentence saying how.

"How do I switch on the lights?" quoted an e-bike's release note "Fixed: the lights could stay
on after the display switched off." (.61) over its manual's "The lights switch on by pressing
the plus button for two seconds." (.28): both write the question's words, and the rankers
read no difference between a sentence mentioning the act and one saying how it is done (s54
trial). What is asked and what says how are language data (citeqa/data/manner_answers.json):
the question asks in the asker's own person ("How do I…", "Comment puis-je…"; not "How does
the drug work?", a mechanism, nor "Comment s'appelle…", a name), and a sentence says how by a
means in a gerund ("by pressing", "en appuyant") or by an instruction opening it or following
its colon ("Press…", "Appuyez…", "Veuillez envoyer…", "…while you push it: hold the minus
button"). Among the first MANNER_RANKS candidates, when the first
says no how and a later one does, rated MANNER_SHARE of the first or more, that one leads
(promotions.manner_first). No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

MANNER_RANKS = 3
"""How many of the first candidates are read for one saying how."""
MANNER_SHARE = 0.25
"""The least rating, as a share of the first's, of a candidate saying how that leads."""


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """manner_answers.json's `asks` and `says` patterns, of every language."""
    data = data_json("manner_answers.json")

    def compiled(field: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for patterns in data[field].values() for p in patterns)

    return compiled("asks"), compiled("says")


def asks_manner(question: str) -> bool:
    """Whether `question` asks how to do something in the asker's own person."""
    folded = fold(question).strip()
    return any(pattern.search(folded) for pattern in _patterns()[0])


def says_manner(sentence: str) -> bool:
    """Whether `sentence` says how: a means in a gerund or an instruction opening it."""
    folded = fold(sentence).strip()
    return any(pattern.search(folded) for pattern in _patterns()[1])


def manner_position(texts: Sequence[str], ratings: Sequence[float]) -> int | None:
    """The position among the first MANNER_RANKS `texts` (rated `ratings`, best first) of the
    first saying how, when the first does not and it is rated MANNER_SHARE of the first or
    more; else None."""
    if not texts or says_manner(texts[0]):
        return None
    for position in range(1, min(MANNER_RANKS, len(texts))):
        if ratings[position] >= MANNER_SHARE * ratings[0] and says_manner(texts[position]):
            return position
    return None
