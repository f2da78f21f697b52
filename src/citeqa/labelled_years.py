"""Quotes labelling their value with another year than the one the question asks of.

"Quel est le résultat financier 2026 ?" of minutes writing "Résultat 2023 : excédent de 3 412
euros." quoted that line (s35 trial n16): the corpus writes 2026 elsewhere (the 2026 minutes'
title), so unheld_years.py, which reads the passages the answer stands in, sees the year
written and lets it pass. A line whose label names a year ("Résultat 2023 :", "2025 budget:",
"- Cotisation 2027 : 30 euros") gives the value of that year, not of the one asked: such a quote
is no answer when it never writes the asked year.

A label is a line's or a sentence's opening of at most LABEL_WORDS words of letters and one
year, alone (not a span's end, "2023-2024 :", nor a date's, "12 mars 2023 :" whose day is a
number), then a colon. Only a question asking of one year is read (unheld_years.asked_years):
one asking of several compares them. Structure only, no word of any language. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.dates import YEAR_DIGITS
from citeqa.unheld_years import asked_years

__all__ = ["OtherYear", "labelled_otherwise", "labels_year"]

LABEL_WORDS = 4
"""The most words of letters on either side of a label's year ("Résultat net de l'exercice
2023 :"): a longer opening is a sentence that happens to hold a colon."""

_WORD = r"[^\W\d_][\w'’.-]*"
"""A word of a label: letters first ("l'exercice", "Rapport", "N.B.")."""
_LABEL = re.compile(
    rf"^[^\w\n]*(?:{_WORD}[ \t]+){{0,{LABEL_WORDS}}}({YEAR_DIGITS})"
    rf"(?:[ \t]+{_WORD}){{0,{LABEL_WORDS}}}[ \t]*:(?!\d)",
    re.MULTILINE,
)
"""A line's opening labelling its value with a year: words of letters, the year, words of
letters, a colon (not a time's "14:30")."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+")
"""Where a sentence of a line ends: a label may open the second sentence of a quote."""
_DIGITS = re.compile(r"\d+")
"""A run of digits: a quote writing the asked year anywhere ("2026", "2025-2026") keeps."""


class OtherYear(NamedTuple):
    """The year a question asks of, and the other years its quotes label their values with."""

    asked: str
    labelled: list[str]


def labelled_years(text: str) -> list[str]:
    """The years `text` labels a line's or sentence's value with ("Résultat 2023 :"), in order."""
    pieces = _SENTENCE_END.split(text)
    return list(dict.fromkeys(m.group(1) for piece in pieces for m in _LABEL.finditer(piece)))


def labels_year(text: str, year: str) -> bool:
    """Whether `text` labels a value with `year` ("Résultat 2026 : …")."""
    return year in labelled_years(text)


def labelled_otherwise(question: str, quotes: Sequence[str]) -> OtherYear | None:
    """The year `question` asks of, with those the `quotes` label their values with, when it
    asks of one year and every quote labels its value with another while never writing the
    asked one; else None."""
    asked = asked_years(question)
    if len(set(asked)) != 1 or not quotes:
        return None
    year = asked[0]
    labelled: list[str] = []
    for quote in quotes:
        others = [other for other in labelled_years(quote) if other != year]
        if not others or year in _DIGITS.findall(quote):
            return None
        labelled.extend(others)
    return OtherYear(year, list(dict.fromkeys(labelled)))
