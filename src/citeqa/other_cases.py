"""Owns the sentence stating a default case ("Pour toute autre panne, …", "For all other
countries, …"): it answers a question naming a case only when no near candidate names that case.

s51 trial: "Quel est le délai d'intervention si quelqu'un est bloqué dans l'ascenseur ?" quoted
"Pour toute autre panne, le délai d'intervention est de quatre heures ouvrées." (.52) over "En
cas de personne bloquée en cabine, le technicien intervient dans un délai maximal d'une heure
après l'appel." (.42): the default case wrote more of the question's words ("délai
d'intervention"), the stated case the word naming the case asked ("bloquée"). A near candidate
(rated at least CASE_SHARE of the first, among the first CASE_RANKS) opening no default case and
writing a question word the first does not is the case asked (promotions.named_case_first); not
when the question itself asks of the other cases ("… pour les autres pays ?").

The openings are language data (data/other_cases.json, regular expressions on folded text);
a candidate's words are its stems as the build read them (SentenceBank.tokens), matched
against the question's terms as the coverage features match them. No I/O but that file's
reading, once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

__all__ = ["CASE_RANKS", "CASE_SHARE", "names_other_cases", "terms_written"]

CASE_RANKS = 6
"""The first candidates among which the case asked is sought."""

CASE_SHARE = 0.2
"""The least rating, as a share of the first's, of the candidate naming the case asked: the
rankers read the default case as a statement of every case, so the case asked may rate below
it (.42 under .52 in the trial), but it must rate as a near candidate."""


@functools.cache
def _openings() -> re.Pattern[str]:
    """Every language's default-case openings, as one pattern on folded text."""
    found = data_json("other_cases.json")["patterns"]
    every = [pattern for patterns in found.values() for pattern in patterns]
    return re.compile("|".join(f"(?:{pattern})" for pattern in every))


def names_other_cases(text: str) -> bool:
    """Whether `text` opens a default case ("pour toute autre panne", "in all other cases")."""
    return _openings().search(fold(text)) is not None


def terms_written(stems: frozenset[str], terms: Sequence[frozenset[str]]) -> frozenset[int]:
    """The positions of the question's `terms` (each a set of stems) among a sentence's `stems`
    (SentenceBank.tokens: read at build time, not stemmed again here)."""
    return frozenset(number for number, alternatives in enumerate(terms) if stems & alternatives)
