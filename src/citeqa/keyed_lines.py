"""Lines that a word keys as a table's key cell keys its row, though no table holds them.

A timetable or a price list extracted from a PDF reads as plain lines, each a key word or
two, then its values: "Lundi 8 h 30 - 12 h 00 13 h 30 - 17 h 30", "Mardi …", "Jeudi …". A
question writing one line's key ("les horaires de la mairie le jeudi") looks that line up, as
it looks a table's row up by its key cell (answering.looked_up); the rankers read the key as
one word among the line's numbers, and quoted the Lundi line (s21 trial). A keyed line is a
whole line holding a digit whose words before its first digit are one to KEY_WORDS_MAX words
with no sentence punctuation, with at least one keyed line right above or below it (no blank
line between): one key line alone is a sentence, not a list. Table rows are tables.py's.
A line looked up so is quoted alone (quoting.quote_spans): the lines around it are other keys'.
"""

from __future__ import annotations

import re

from citeqa.language import is_table_row, line_end, line_start
from citeqa.questions import QuestionTerms
from citeqa.sentences import names_words

KEY_WORDS_MAX = 3
"""The most words a line's key may have ("Carte 10 entrées" keys by "Carte"; "Enfant")."""

_KEY = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’ -][^\W\d_][^\W\d_'’-]*)*")
"""A key: words of letters, joined by single spaces, hyphens or apostrophes."""


def line_key(text: str, start: int, end: int) -> str | None:
    """The key of the line `text[start:end]` when it is a whole line holding a digit whose
    words before that digit are a key of at most KEY_WORDS_MAX words; else None."""
    if line_start(text, start) != start or line_end(text, start) < end:
        return None
    line = text[start : line_end(text, start)].strip()
    digit = re.search(r"\d", line)
    if digit is None or is_table_row(line):
        return None
    key = line[: digit.start()].strip()
    if not _KEY.fullmatch(key) or len(key.split()) > KEY_WORDS_MAX:
        return None
    return key


def keyed_line(text: str, start: int, end: int) -> str | None:
    """`line_key` of the line from `start` to `end` when the line right above or right below
    it is a keyed line of another key too; else None."""
    key = line_key(text, start, end)
    if key is None:
        return None
    for other in _neighbour_lines(text, start):
        other_key = line_key(text, *other)
        if other_key is not None and other_key != key:
            return key
    return None


def names_line(text: str, start: int, end: int, terms: QuestionTerms) -> bool:
    """Whether the line from `start` to `end` is a `keyed_line` whose key `terms` (a
    question's) write whole (sentences.names_words): the line the question looks up."""
    key = keyed_line(text, start, end)
    return key is not None and names_words(key, terms)


def _neighbour_lines(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of the lines right above and right below the line opening at `start`."""
    spans = []
    if start > 0:
        above = line_start(text, start - 1)
        spans.append((above, line_end(text, above)))
    close = line_end(text, start)
    below = close + 1 if text[close : close + 2] != "\r\n" else close + 2
    if below < len(text):
        spans.append((below, line_end(text, below)))
    return spans
