"""Owns the one-slip test of two folded words and the folded words texts write, shared by the
readings of a typo (typo_reading.py), of a misspelt function word (reason_words.py) and of a
misspelt name (extended_names.py), so each reads "one edit" the same way.

rapidfuzz computes the distance (with a cut-off, so a far word costs little); only the rule
"one letter changed, added or dropped, or two neighbouring letters swapped" lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import DamerauLevenshtein, Indel

from citeqa.glossary import fold

__all__ = ["added_dropped_or_swapped", "one_edit_apart", "written_words"]

_WORD = re.compile(r"\w+")


def one_edit_apart(typed: str, other: str) -> bool:
    """Whether two different words are one edit apart: a letter changed, added or dropped, or
    two neighbouring letters swapped ("helais" / "helias", "cancle" / "cancel")."""
    return DamerauLevenshtein.distance(typed, other, score_cutoff=1) == 1


def added_dropped_or_swapped(typed: str, other: str) -> bool:
    """Whether `other` is `typed` with one letter added or dropped, or two neighbouring letters
    swapped: the slips of the keys a typo makes (one letter changed is not one of them)."""
    if Indel.distance(typed, other, score_cutoff=1) == 1:
        return True
    return sorted(typed) == sorted(other) and one_edit_apart(typed, other)


def written_words(texts: Iterable[str]) -> frozenset[str]:
    """The folded words `texts` write, each text folded and split once."""
    return frozenset(word for text in texts for word in _WORD.findall(fold(text)))
