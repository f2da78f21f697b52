"""Owns whether two folded words are one word written two ways, across the two languages or a
spelling ("dentist" and "Dentiste", "contract" and "contrat"), the one rule read by the checks of
a quoted row's cells (unheld_cells.py) and of a quote's identifier qualifier
(identifier_qualifiers.py): equal, or both of `FUZZY_LENGTH` letters or more and alike by
rapidfuzz's ratio (`ALIKE`). Short words are matched whole: "use" is no "se", "tel" no "tell",
"siren" no "siret" (a ratio of 80 between two five-letter words one letter apart).

rapidfuzz computes the ratio; `alike_among` scores a word against many at once (its
process.extract, in C), so a column of thousands of words costs one call, not one per word.
"""

from __future__ import annotations

from collections.abc import Collection

from rapidfuzz import fuzz, process

__all__ = ["ALIKE", "FUZZY_LENGTH", "alike", "alike_among"]

ALIKE = 80
"""How alike (rapidfuzz's ratio, 0 to 100) two folded words are at least to be read as one."""
FUZZY_LENGTH = 6
"""The fewest letters of two words compared by `ALIKE` rather than whole."""


def alike(word: str, other: str) -> bool:
    """Whether two folded words are one: equal, or both long enough (`FUZZY_LENGTH`) and
    `ALIKE`."""
    if word == other:
        return True
    if len(word) < FUZZY_LENGTH or len(other) < FUZZY_LENGTH:
        return False
    return fuzz.ratio(word, other) >= ALIKE


def alike_among(word: str, words: Collection[str]) -> list[str]:
    """The words of `words` `alike` `word` (itself among them when `words` holds it)."""
    found = [word] if word in words else []
    if len(word) < FUZZY_LENGTH:
        return found
    longer = [other for other in words if len(other) >= FUZZY_LENGTH and other != word]
    matches = process.extract(word, longer, scorer=fuzz.ratio, score_cutoff=ALIKE, limit=None)
    return found + [match for match, _, _ in matches]
