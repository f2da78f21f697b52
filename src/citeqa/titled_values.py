"""Which title or heading lines answer a question by the identifier they write: an invoice's
bold line "INVOICE No. HX-2024-0091" read as its heading is the answer to "What is the invoice
number?", though a line only naming what the text is about is never quoted (titleonly.py).

A question asks an identifier when it writes one of the data's identifier nouns
(identifier_nouns.json `before`, `after` and `asks`: "number", "numéro", "n°", "reference",
"identifiant"), an English "number" followed by "of" aside (a count: "the number
of members"), and writes no identifier itself (a question naming "HX-2024-0091" asks something
else about it). A line writes one when it holds a record's identifier (record_ids.asked_ids:
letters then hyphenated digit groups, "HX-2024-0091"), a code or a keyed long number
(unheld_codes.asked_codes: "E52", "order 51877"), or a number mark then a number ("N° 4521",
language data `number_marks`). Such a title stays among the candidates a quote is made of
(answering.quotable), as a line stamping an edit stays for a question asking about edits (s29
trial: the invoice's "FACTURE N° …" line led the ranking, was dropped as a heading, and an
inventory row was quoted for the invoice's number). Titles holding a date are not kept for a
question asking a date: a document's title line dates most minutes, letters and newsletters,
and answers no question about what they tell. Pure functions; the words are data.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from citeqa.glossary import fold, language_words
from citeqa.jsonfiles import data_json
from citeqa.recently_used import QUESTIONS_READ
from citeqa.record_ids import asked_ids
from citeqa.unheld_codes import asked_codes

__all__ = ["asks_identifier", "writes_identifier"]

_WORD = re.compile(r"[^\W_]+[°º]?|#")
"""A folded word, a number mark's sign kept ("n°"), or "#" alone."""


@cache
def _identifier_nouns() -> frozenset[str]:
    """The nouns by which a question asks an identifier (identifier_nouns.json)."""
    data = data_json("identifier_nouns.json")
    return frozenset(fold(word) for key in ("before", "after", "asks") for word in data[key])


@cache
def _marked_number() -> re.Pattern[str]:
    """A number mark of the language data's `number_marks`, then a number ("N° 4521", "No. 12",
    "#4521")."""
    marks = sorted(language_words("number_marks"), key=len, reverse=True)
    alternation = "|".join(re.escape(mark).replace("°", "[°º]") for mark in marks)
    return re.compile(rf"(?<!\w)(?i:{alternation})\.?[ \t]*\d")


@lru_cache(maxsize=QUESTIONS_READ)
def asks_identifier(question: str) -> bool:
    """Whether `question` asks an identifier (the module's rules)."""
    words = _WORD.findall(fold(question))
    nouns = _identifier_nouns()
    asking = any(
        word in nouns and not (word.startswith("number") and words[at + 1 : at + 2] == ["of"])
        for at, word in enumerate(words)
    )
    return asking and not writes_identifier(question)


def writes_identifier(text: str) -> bool:
    """Whether `text` writes an identifier: a record's, a code, a keyed long number or a
    marked number (the module's rules)."""
    if asked_ids(text) or asked_codes(text):
        return True
    return _marked_number().search(text) is not None
