"""Which title or heading lines answer a question by the identifier they write: an invoice's
bold line "INVOICE No. HX-2024-0091" read as its heading is the answer to "What is the invoice
number?", though a line only naming what the text is about is never quoted (titleonly.py).

A question asks an identifier when it writes one of the data's identifier nouns
(identifier_nouns.json `before`, `after` and `asks`: "number", "numéro", "n°", "reference",
"identifiant") as the thing asked: "number", "reference" ending the phrase or followed by a
stopword ("the invoice number", "la référence du devis"), not qualifying a noun written after
them ("the reference temperature", "How many reference letters…", "the numbers game"), an
English "number" followed by "of" aside (a count: "the number
of members"), and writes no identifier itself (a question naming "HX-2024-0091" asks something
else about it). A line writes one when it holds a record's identifier (record_ids.asked_ids:
letters then hyphenated digit groups, "HX-2024-0091"), a code or a keyed long number
(unheld_codes.asked_codes: "E52", "order 51877"), or a number mark then a number ("N° 4521",
language data `number_marks`). Such a title stays among the candidates a quote is made of
(answering.quotable), as a line stamping an edit stays for a question asking about edits (s29
trial: the invoice's "FACTURE N° …" line led the ranking, was dropped as a heading, and an
inventory row was quoted for the invoice's number). Pure functions; the words are data.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import stopwords
from citeqa.number_marks import written_mark_pattern
from citeqa.recently_used import QUESTIONS_READ
from citeqa.record_ids import asked_ids
from citeqa.unheld_codes import asked_codes

__all__ = ["asks_identifier", "writes_identifier"]

_WORD = re.compile(r"[^\W_]+[°º]?|#")
"""A folded word, a number mark's sign kept ("n°"), or "#" alone."""


@cache
def _identifier_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns by which a question asks an identifier (identifier_nouns.json): those written
    after their qualifier or alone ('before', 'asks': "invoice number", "the reference"), and
    those that may be followed by it ('after': "numéro fiscal")."""
    data = data_json("identifier_nouns.json")
    ending = frozenset(fold(word) for key in ("before", "asks") for word in data[key])
    return ending, frozenset(fold(word) for word in data["after"])


@cache
def _marked_number() -> re.Pattern[str]:
    """A number mark of the language data's `number_marks` (number_marks.written_mark_pattern),
    then a number ("N° 4521", "No. 12", "#4521")."""
    return re.compile(rf"(?<!\w){written_mark_pattern()}\d")


@lru_cache(maxsize=QUESTIONS_READ)
def asks_identifier(question: str) -> bool:
    """Whether `question` asks an identifier (the module's rules)."""
    words = _WORD.findall(fold(question))
    asking = any(_asked_noun(word, words[at + 1 : at + 2]) for at, word in enumerate(words))
    return asking and not writes_identifier(question)


def _asked_noun(word: str, following: list[str]) -> bool:
    """Whether `word`, followed by `following` (one word or none), is an identifier noun the
    question asks: an 'after' noun whatever follows ("numéro fiscal"), a 'before' or 'asks'
    noun ending the phrase, or followed by a stopword but a count's "of" ("the invoice number
    for…", "la référence du devis"), never qualifying a noun ("the reference temperature",
    "reference letters", "the numbers game")."""
    ending, qualified = _identifier_nouns()
    if word in qualified:
        return True
    if word not in ending:
        return False
    if not following:
        return True
    if word.startswith("number") and following == ["of"]:
        return False  # a count: "the number of members"
    return following[0] in stopwords() | ending | qualified  # "the reference number of…"


def writes_identifier(text: str) -> bool:
    """Whether `text` writes an identifier: a record's, a code, a keyed long number or a
    marked number (the module's rules)."""
    if asked_ids(text) or asked_codes(text):
        return True
    return _marked_number().search(text) is not None
