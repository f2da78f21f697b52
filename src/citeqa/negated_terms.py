"""Owns the question words a quote writes only as denied ("sans préavis", "without notice"):
such a quote says the thing is absent in some case, not what it is.

s51 trial: "Quel préavis pour résilier le contrat d'ascenseur ?" quoted "En cas de manquement
grave du prestataire, le syndicat peut résilier le contrat sans préavis après une mise en
demeure…" (.92) over "Chaque partie peut résilier le contrat à son échéance … moyennant un
préavis de trois mois." (.82): both write the question's words, and the rankers read no
difference between a notice denied and a notice stated. A near candidate (rated at least
STATED_SHARE of the first) writing each denied word without its denial, and every question
word the first writes, is the statement asked (promotions.stated_first). Not when the
question writes a denial itself ("Peut-on résilier sans préavis ?" asks of the denial), nor
when the first writes a question word the other lacks ("… en cas de manquement grave ?" asks
the case the denial is stated for).

The denials are language data (data/negated_terms.json): a word denies each of the next
DENIAL_REACH words ("sans aucun préavis", "without any prior notice"). Words are matched by
their stems in both languages (lexical.query_tokens), as the question's terms are. No I/O
but that file's reading, once.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import query_tokens

__all__ = ["NEGATED_RANKS", "STATED_SHARE", "denied_terms", "denies", "states_terms"]

NEGATED_RANKS = 6
"""The first candidates among which a statement of the denied words is sought."""

STATED_SHARE = 0.2
"""The least rating, as a share of the first's, of a candidate stating the denied words: the
rankers read a denial as they read a statement, so the statement may rate far below it (a
tenancy's "two months' notice" at .22 under "may end the tenancy without notice" at .77), but
it must rate as a near candidate, not as any sentence naming the words."""

_WORD = re.compile(r"[^\W_]+")
DENIAL_REACH = 3
"""How many words before a word a denial of it may stand ("sans aucun préavis", "without any
prior notice")."""


@functools.cache
def _denials() -> frozenset[str]:
    """Every language's denial words, folded."""
    words = data_json("negated_terms.json")["words"]
    return frozenset(fold(word) for found in words.values() for word in found)


def denies(text: str) -> bool:
    """Whether `text` writes a denial word: a question writing one asks of the denial; a
    candidate writing none denies nothing (its words need no stemming)."""
    return any(word in _denials() for word in _WORD.findall(fold(text)))


READ_WORDS = 400
"""The most words of a candidate read: a sentence longer than a paragraph (a line of a log, a
page with no stop) is read in its first READ_WORDS, each word stemmed on its own."""


def _readings(text: str) -> list[tuple[str, frozenset[str]]]:
    """Each of the first READ_WORDS words of `text` (folded) with its stems in both
    languages."""
    words = [found.group() for found in itertools.islice(_WORD.finditer(fold(text)), READ_WORDS)]
    return [(word, frozenset(query_tokens(word))) for word in words]


def denied_terms(
    text: str, terms: Sequence[frozenset[str]]
) -> tuple[frozenset[int], frozenset[int]]:
    """Of the question's `terms` (each a set of stems), the positions of those `text` writes
    only after a denial, and of those it writes at least once without one."""
    read = _readings(text)
    denied: set[int] = set()
    stated: set[int] = set()
    for place, (_, stems) in enumerate(read):
        for number, alternatives in enumerate(terms):
            if not stems & alternatives:
                continue
            before = read[max(0, place - DENIAL_REACH) : place]
            (denied if any(word in _denials() for word, _ in before) else stated).add(number)
    return frozenset(denied - stated), frozenset(stated)


def states_terms(text: str, terms: Sequence[frozenset[str]], wanted: frozenset[int]) -> bool:
    """Whether `text` writes every term at `wanted` at least once without a denial."""
    return wanted <= denied_terms(text, terms)[1]
