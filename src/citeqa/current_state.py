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
    quoted, later = _word_terms(quoted_text), _word_terms(_without_cues(later_text))
    return not any(
        alternatives & _cue_terms() or _replaced(alternatives, quoted, later)
        for alternatives in missing
    )


def _without_cues(text: str) -> str:
    """`text` without its words that open a change cue ("désormais", "now"): such a word where
    the quoted sentence writes the question's term states the change, it names no other thing
    ("L'entrée adulte coûte 4,50 €" → "l'entrée adulte est désormais de 5 €": s43 probe)."""
    cues = _change_cues()
    return " ".join(word for word in text.split() if cues.match(fold(word)) is None)


def _word_terms(text: str) -> list[frozenset[str]]:
    """The terms of each of `text`'s words (split at spaces), in order; marks and dashes,
    writing no term, left out."""
    words = (undated_terms(piece) for piece in text.split())
    return [terms for terms in words if terms]


_EDGE = "\x00edge"
"""A sentence's edge, as a neighbouring word's one term (no word's term holds a NUL)."""


def _replaced(
    alternatives: frozenset[str], quoted: list[frozenset[str]], later: list[frozenset[str]]
) -> bool:
    """Whether the later words write another content word (no number) where the quoted ones
    write the term: the same words on either side of it (a sentence's edge counting as one),
    or the same content word on one side. Linear in the words (`_Places`): comparing each
    quoted place with each later one took 32 s on two sentences of 1,000 words (s32 hostile
    F8)."""
    places = _Places(alternatives, later)
    for at, terms in enumerate(quoted):
        if not terms & alternatives:
            continue
        before = quoted[at - 1] if at else _EDGES
        after = quoted[at + 1] if at + 1 < len(quoted) else _EDGES
        if places.replaced(before, after):
            return True
    return False


_EDGES = frozenset([_EDGE])


class _Places:
    """The later words' places a quoted term could be replaced at (another content word, no
    number: a number in its place is the asked attribute's value, "min à 4 °C"), read once:
    the pairs of their neighbours' terms, and their neighbours' content terms on each side."""

    def __init__(self, alternatives: frozenset[str], later: list[frozenset[str]]) -> None:
        self.pairs: set[tuple[str, str]] = set()
        self.content_before: set[str] = set()
        self.content_after: set[str] = set()
        for place, theirs in enumerate(later):
            if theirs & alternatives or not about_terms(theirs):
                continue
            before = later[place - 1] if place else _EDGES
            after = later[place + 1] if place + 1 < len(later) else _EDGES
            self.pairs.update((one, other) for one in before for other in after)
            self.content_before.update(about_terms(before))
            self.content_after.update(about_terms(after))

    def replaced(self, before: frozenset[str], after: frozenset[str]) -> bool:
        """Whether a place has the words `before` and `after` (each its terms, `_EDGES` a
        sentence's edge) on either side, or the same content word on one side."""
        return (
            not self.content_before.isdisjoint(about_terms(before))
            or not self.content_after.isdisjoint(about_terms(after))
            or any((one, other) in self.pairs for one in before for other in after)
        )
