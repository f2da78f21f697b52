"""A question asking of a thing of one year answered by a quote of the same thing of another
year: "Quel a été le résultat de l'exercice 2022 ?" answered by the 2022 minutes' "L'exercice
2021 se clôt sur un excédent de 320 €." (s43 trial, at confidence .42), while the 2023 minutes
write "L'exercice 2022 se clôt sur un déficit de 150 €.".

unheld_years.py refuses an answer whose passages never write the asked year; here they do (the
minutes are dated 2022), and the quote is of a sibling: the question binds its year to a word
("exercice 2022", "the 2022 budget"), and the quote writes that word bound to another year
("exercice 2021") and never the asked one. Read here: the question writes one year
(unheld_years.asked_years) with a content word next to it, before or after (no stopword: "en
2022" binds nothing); a quote writes the same word, folded, on the same side of another year
(`YEAR`), and no quote writes the asked year (unheld_years.WRITTEN). The caller then quotes the
other quotes alone when one binds the asked year, else a near-best candidate binding it, else
abstains naming both. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.lexical import stopwords
from citeqa.unheld_years import WRITTEN, YEAR, asked_years

__all__ = ["SiblingYear", "binds_asked_year", "sibling_year"]

_BEFORE = re.compile(r"([^\W\d_][\w-]*)[ \t]+$")
"""The word right before a position (a space or a tab between)."""
_AFTER = re.compile(r"^[ \t]+([^\W\d_][\w-]*)")
"""The word right after a position."""


class SiblingYear(NamedTuple):
    asked: str
    """The year the question writes ("2022")."""
    held: str
    """The other year a quote binds the same word to ("2021")."""


def sibling_year(question: str, quotes: Sequence[str]) -> SiblingYear | None:
    """The asked year and the other one, when `question` binds its one year to a word and a
    quote of `quotes` binds that word to another year while none writes the asked one."""
    years = set(asked_years(question))
    if len(years) != 1:
        return None
    asked = years.pop()
    if any(asked in _written(quote) for quote in quotes):
        return None
    bound = _year_words(question, asked)
    for quote in quotes:
        for match in YEAR.finditer(quote):
            if match.group() != asked and bound & _bound_words(quote, match.start(), match.end()):
                return SiblingYear(asked, match.group())
    return None


def binds_asked_year(question: str, quote: str, asked: str) -> bool:
    """Whether `quote` binds the `asked` year to a word `question` binds it to ("L'exercice
    2022 se clôt…" for "l'exercice 2022"; not "réunie le 18 janvier 2022")."""
    bound = _year_words(question, asked)
    return any(
        bound & _bound_words(quote, *m.span()) for m in YEAR.finditer(quote) if m.group() == asked
    )


def _year_words(text: str, year: str) -> set[tuple[str, str]]:
    """The content words `text` binds `year` to (`_bound_words`), wherever it writes it."""
    return {
        word
        for m in YEAR.finditer(text)
        if m.group() == year
        for word in _bound_words(text, *m.span())
    }


def _written(text: str) -> set[str]:
    """The years `text` writes in any form (unheld_years.WRITTEN)."""
    return {match.group() for match in WRITTEN.finditer(text)}


def _bound_words(text: str, start: int, end: int) -> set[tuple[str, str]]:
    """The content words next to the year at `start`:`end` of `text`, folded, each with its
    side ("before", "after")."""
    words = set()
    before = _BEFORE.search(text[:start])
    after = _AFTER.match(text[end:])
    for side, found in (("before", before), ("after", after)):
        if found is not None and (word := fold(found.group(1))) not in stopwords():
            words.add((side, word))
    return words
