"""Owns whether a later statement may leave out a question term that the quoted sentence writes
when the question asks the current state of a thing (later_statements.asks_current).

Later minutes state a change in other words than last year's (s30 trial a01: "v2 (fixation
45 min at 4 °C) becomes the current protocol" after "v1 (fixation 20 min à température
ambiante) est adopté", asked "À quelle température … le protocole … actuel ?", writes no
"température"). Such a statement may leave out CURRENT_UNWRITTEN of the question's terms the
quoted sentence writes, only when all of these hold (s31 review of s31-current):

- it writes a change cue (data/dated_documents.json `reversal_cues` and `becoming_cues`:
  "devient", "becomes", "remplacé", "désormais"…): "The yearly fee for senior members is 200 €"
  states no change of the junior members' fee;
- the term left out is no current cue ("What is the current through the heater resistor?":
  "current" is what it asks, "The heater resistor was replaced…" does not write it);
- the term left out is no qualifier the later statement writes another word in place of (its
  words on either side around another word, "for junior members" → "for senior members", or
  its content word on one side, "des joueurs juniors est" → "des joueurs seniors devient"):
  it speaks of another thing. Stopwords are no words here, and a number in its place is no
  other word ("20 min à température ambiante" → "45 min at 4 °C" states the asked attribute's
  new value: s30 trial a01).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from citeqa.jsonfiles import data_json
from citeqa.lexical import about_terms, fold, undated_terms

CURRENT_UNWRITTEN = 1
"""How many of the question's terms a quoted sentence writes a later statement may leave out
when the question asks the current state of a thing (see the module's docstring). Any other
question needs them all."""


@functools.cache
def _change_cues() -> re.Pattern[str]:
    """The word starts (folded) of a statement changing or replacing what stood."""
    data = data_json("dated_documents.json")
    words = [*data["reversal_cues"], *data["becoming_cues"]]
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(fold(word)) for word in words)})")


@functools.cache
def _cue_terms() -> frozenset[str]:
    """The terms of the current cues' words ("current", "actuel", "vigueur"…)."""
    cues = data_json("dated_documents.json")["current_cues"]
    return undated_terms(" ".join(cues))


def may_leave_out(missing: Sequence[frozenset[str]], quoted_text: str, later_text: str) -> bool:
    """Whether a later statement `later_text` speaks of the quoted sentence's subject though
    it leaves out the question's terms `missing` (each its alternatives) that `quoted_text`
    writes: see the module's docstring."""
    if len(missing) > CURRENT_UNWRITTEN:
        return False
    if not missing:
        return True
    if _change_cues().search(fold(later_text)) is None:
        return False
    quoted, later = _word_terms(quoted_text), _word_terms(later_text)
    return not any(
        alternatives & _cue_terms() or _replaced(alternatives, quoted, later)
        for alternatives in missing
    )


def _word_terms(text: str) -> list[frozenset[str]]:
    """The terms of each of `text`'s words (split at spaces), in order; marks and dashes,
    writing no term, left out."""
    words = (undated_terms(piece) for piece in text.split())
    return [terms for terms in words if terms]


def _replaced(
    alternatives: frozenset[str], quoted: list[frozenset[str]], later: list[frozenset[str]]
) -> bool:
    """Whether the later words write another content word (no number) where the quoted ones
    write the term: the same words on either side of it (a sentence's edge counting as one),
    or the same content word on one side."""
    for at, terms in enumerate(quoted):
        if not terms & alternatives:
            continue
        before = quoted[at - 1] if at else None
        after = quoted[at + 1] if at + 1 < len(quoted) else None
        for place, theirs in enumerate(later):
            if theirs & alternatives or not about_terms(theirs):
                continue  # a number in its place is the asked attribute's value: "min à 4 °C"
            sides = (
                (before, later[place - 1] if place else None),
                (after, later[place + 1] if place + 1 < len(later) else None),
            )
            if all(_meets(*side) for side in sides) or any(_same_content(*side) for side in sides):
                return True
    return False


def _meets(ours: frozenset[str] | None, theirs: frozenset[str] | None) -> bool:
    """Whether two neighbouring words are the same word, or both a sentence's edge."""
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return bool(ours & theirs)


def _same_content(ours: frozenset[str] | None, theirs: frozenset[str] | None) -> bool:
    """Whether two neighbouring words are the same content word (no stopword or number)."""
    return ours is not None and theirs is not None and bool(about_terms(ours & theirs))
