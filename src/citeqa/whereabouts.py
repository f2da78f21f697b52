"""Whether a question asks where a thing is ("Où se trouve la société ?", "Where is the museum
located?") and whether a line answers it by the thing's address: the line writes an address
(value_kinds.json's 'address' shape: a street, a postcode and town) and every word naming the
thing (s60 payslip trial: the contract's "Entre la société Verdalis SAS, 18 avenue Jean Jaurès,
31000 Toulouse, représentée par …" was refused at .34, the answer models reading the
question's single word "société" against a long sentence). The cues are language data
(data/whereabouts.json). No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from citeqa.glossary import fold, own_word_terms
from citeqa.jsonfiles import data_json
from citeqa.lexical import written_terms
from citeqa.recently_used import QUESTIONS_READ
from citeqa.value_kinds import writes_asked_value

__all__ = ["answers_whereabouts"]


@cache
def _cues() -> tuple[re.Pattern[str], ...]:
    """The data file's cues, compiled."""
    return tuple(re.compile(cue) for cue in data_json("whereabouts.json")["cues"])


@lru_cache(maxsize=QUESTIONS_READ)
def _asked_thing(question: str) -> tuple[frozenset[str], ...]:
    """The terms of each word naming the thing `question` asks the whereabouts of (its content
    words past its cue, no interrogative); none when it asks no whereabouts. Read once a
    question: answering asks it of each of the first candidates."""
    folded = fold(question)
    cue = next((found for pattern in _cues() if (found := pattern.search(folded))), None)
    if cue is None:
        return ()
    return tuple(own_word_terms(folded[cue.end() :], _not_naming().__contains__))


@cache
def _not_naming() -> frozenset[str]:
    """The data file's words of a cue's phrase that name nothing ("located")."""
    return frozenset(data_json("whereabouts.json")["not_naming"])


def answers_whereabouts(question: str, line: str) -> bool:
    """Whether `line` writes an address and every word naming the thing `question` asks the
    whereabouts of (see the module docstring)."""
    thing = _asked_thing(question)
    if not thing or not writes_asked_value(["address"], line):
        return False
    written = written_terms(line)
    return all(not forms.isdisjoint(written) for forms in thing)
