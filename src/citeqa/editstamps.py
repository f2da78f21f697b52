"""Whether a line stamps an edit: a date and a word of the language data's `edit_stamp_words`
("Last edited by Lena Hartmann on 7 February 2025", "Updated March 3, 2026 · 2 min read",
"Modifié le 12 février 2026"): when and by whom a page was written, neither a heading over its
text (blocks.py) nor the rest of its footer (readers/html.py keeps such a line). "Exported from
my notes app on 2026-04-22" names no edit. Pure function over the packaged language data.
"""

from __future__ import annotations

import re

from citeqa.dates import date_terms
from citeqa.glossary import language_words
from citeqa.lexical import fold

__all__ = ["asks_about_edits", "stamps_an_edit"]

_WORDS = re.compile(r"\w+")
STAMP_WORDS = 16
"""The most words of a line stamping an edit ("Last edited by Lena Hartmann on 7 February 2025.
Page views: 1,204." has 13): a longer one is a statement ("La redevance est révisée chaque
année au 1er octobre selon l'indice Syntec", a contract's clause)."""


STAMP_CHARS = 200
"""A line longer than this is no stamp, its words uncounted (asked of each candidate sentence's
line: a paragraph written on one line is not folded for it)."""


def stamps_an_edit(line: str) -> bool:
    """Whether `line` holds a word of `edit_stamp_words` and a date (dates.date_terms), in at
    most STAMP_WORDS words (and STAMP_CHARS characters)."""
    if len(line) > STAMP_CHARS:
        return False
    folded = fold(line)
    words = _WORDS.findall(folded)
    stamps = language_words("edit_stamp_words")
    return len(words) <= STAMP_WORDS and not stamps.isdisjoint(words) and bool(date_terms(folded))


def asks_about_edits(question: str) -> bool:
    """Whether a question holds a word of `edit_stamp_words` ("Who last edited the travel
    page?"): a line stamping an edit may answer it, and no other (answering.quotable)."""
    return not language_words("edit_stamp_words").isdisjoint(_WORDS.findall(fold(question)))
