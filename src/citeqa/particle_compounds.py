"""Owns the compounds a question writes with a particle ("check-in", "sign-up", "drop-off",
"rez-de-chaussée"): the rankers cannot tell them from their siblings, so a near candidate
writing the compound itself answers before a first candidate writing only its head word.

The lexical channels and the rankers read a word's stems, and a particle is a stopword: "check-in"
and "check-out" are both "check" to them. s52 trial (a traveller's folder): "What time is
check-in at the hotel?" quoted the itinerary's "Check out by 11:00, leave bags at the hotel"
(.31) over the booking's "Check-in is from 15:00." (.05). A candidate among the first
COMPOUND_RANKS, rated at least COMPOUND_SHARE of the first, writing every such compound of the
question, is put first when the first writes their head words but none of the compounds
(promotions.compound_first). A compound is named by compounds.py's key (folded, hyphens and
spaces removed: "checkin") and written with a hyphen, a space or nothing between its parts
("Check-in", "check in", "checkin"). No I/O.
"""

from __future__ import annotations

import re

from citeqa.compounds import compound_key
from citeqa.glossary import fold
from citeqa.hyphens import WORD_HYPHENS
from citeqa.lexical import query_tokens, stopwords

__all__ = ["COMPOUND_RANKS", "COMPOUND_SHARE", "ParticleCompound", "particle_compounds"]

COMPOUND_RANKS = 6
"""The first candidates among which one writing the question's compound is sought."""

COMPOUND_SHARE = 0.1
"""The least rating, as a share of the first's, of the candidate writing the compound: the
rankers rate its sibling as high as it, or higher (.05 under .31 in the trial), since they read
the same stems in both; the compound written makes the candidate sure enough to be taken from
that far below."""

_HYPHENATED = re.compile(rf"[^\W\d_]+(?:[{WORD_HYPHENS}][^\W\d_]+)+")
"""A word of letters joined by word hyphens."""


class ParticleCompound:
    """A question's compound holding a particle: its key (compounds.compound_key) and the stems
    of its other parts (its head words, as the rankers read them)."""

    def __init__(self, word: str, parts: list[str]) -> None:
        """`word` as the question writes it, `parts` its folded parts."""
        self.key = compound_key(word)
        self.heads = frozenset(stem for part in parts for stem in query_tokens(part))
        joined = rf"[{WORD_HYPHENS}\s]?".join(map(re.escape, parts))
        self._written = re.compile(rf"(?<![^\W_]){joined}(?![^\W_])")

    def written_in(self, text: str) -> bool:
        """Whether `text` writes the compound, with a hyphen, a space or nothing between its
        parts ("Check-in", "check in", "checkin"; folded)."""
        return self._written.search(fold(text)) is not None


def particle_compounds(question: str) -> list[ParticleCompound]:
    """The hyphenated words of `question` one part of which is a stopword (a particle: "in",
    "up", "de") and another is not; [] for most questions."""
    common = stopwords()
    found = []
    for match in _HYPHENATED.finditer(question):
        parts = re.split(rf"[{WORD_HYPHENS}]", fold(match.group()))
        if any(part in common for part in parts) and not all(part in common for part in parts):
            found.append(ParticleCompound(match.group(), parts))
    return found
