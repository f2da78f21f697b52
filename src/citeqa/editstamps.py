"""Whether a line stamps an edit: a date and a word of the language data's `edit_stamp_words`
("Last edited by Lena Hartmann on 7 February 2025", "Updated March 3, 2026 · 2 min read",
"Modifié le 12 février 2026"): when and by whom a page was written, neither a heading over its
text (blocks.py) nor the rest of its footer (readers/html.py keeps such a line). "Exported from
my notes app on 2026-04-22" names no edit. A stamp is the whole line: the edit word opens it
(STAMP_LEAD words at most before it), a date follows it soon (at most STAMP_BRIDGE lower-case
words between: "by Lena Hartmann on"), and what follows the date is a name, a time or a
reading time ("· 2 min read", at most STAMP_TAIL lower-case words) or a byline closing the
line (one of `byline_words` and an editor: a name, "by Lena Hartmann", or a determiner and a
team, "by the web team"; never "by decree of the council", s21 review), never a clause
("Revised prices apply from 1 January 2026: the basic plan costs 9 euros a month.", "Le loyer,
révisé le 1er octobre 2025, est de 800 euros par mois.": statements, s20 review). Pure
functions over the packaged language data.
"""

from __future__ import annotations

import re

from citeqa.dates import day_spans
from citeqa.glossary import language_words
from citeqa.language import line_end, line_start
from citeqa.lexical import fold

__all__ = ["asks_about_edits", "on_a_stamp_line", "stamps_an_edit"]

_WORDS = re.compile(r"\w+")
STAMP_WORDS = 16
"""The most words of a line stamping an edit ("Last edited by Lena Hartmann on 7 February 2025.
Page views: 1,204." has 13): a longer one is a statement ("La redevance est révisée chaque
année au 1er octobre selon l'indice Syntec", a contract's clause)."""


STAMP_CHARS = 200
"""A line longer than this is no stamp, its words uncounted (asked of each candidate sentence's
line: a paragraph written on one line is not folded for it)."""


STAMP_LEAD = 4
"""The most words before a stamp's edit word ("This page was last edited on …")."""
STAMP_BRIDGE = 2
"""The most lower-case words between the edit word and the date ("edited by Lena Hartmann on";
"Revised prices apply from" is a clause's)."""
STAMP_TAIL = 3
"""The most lower-case words after the date ("at 10:00 (UTC)", "· 2 min read", "Page views")."""
STAMP_NAME = 5
"""The most words of the editor's name in a byline closing a stamp ("by the web team", "par
l'équipe du site web"): a longer rest is a clause ("by the council, the rent is 800 euros")."""
NAME_PARTICLES = 1
"""The most lower-case words of a person's name in a byline ("par Jean de La Fontaine"): more
is a clause's ("by Decree of the council")."""


def stamps_an_edit(line: str) -> bool:
    """Whether `line` is a stamp of an edit and nothing else: a word of `edit_stamp_words`
    among its first words, then a date (dates.day_spans) and at most a name, a time or a count
    after it, in at most STAMP_WORDS words (and STAMP_CHARS characters)."""
    if len(line) > STAMP_CHARS:
        return False
    folded = fold(line)
    words = _WORDS.findall(folded)
    if len(words) > STAMP_WORDS or len(_WORDS.findall(line)) != len(words):
        return False
    stamps = language_words("edit_stamp_words")
    edit = next((n for n, word in enumerate(words) if word in stamps), None)
    if edit is None or edit > STAMP_LEAD:
        return False
    spans = [(_count(folded[:start]), _count(folded[:end])) for start, end, _ in day_spans(folded)]
    date = next(((at, past) for at, past in spans if at > edit), None)
    if date is None:
        return False
    cased = _WORDS.findall(line)  # as many as `words`: a word's case tells a name
    bridge, tail = _lower_case(cased[edit + 1 : date[0]]), _lower_case(cased[date[1] :])
    return bridge <= STAMP_BRIDGE and (tail <= STAMP_TAIL or _is_byline(cased[date[1] :]))


def _is_byline(cased: list[str]) -> bool:
    """Whether these words, closing a line, are a byline: a word of the language data's
    `byline_words` and an editor in at most STAMP_NAME words, a person's name (capitalised,
    at most NAME_PARTICLES lower-case words: "by Lena Hartmann") or one of
    `byline_determiners` and a word of `editor_nouns` ("by the web team", "par l'équipe du
    site web": s20 review), never a clause's words ("by decree of the council", "par arrêté
    du maire": s21 review)."""
    if not cased or len(cased) > STAMP_NAME + 1:
        return False
    words = [fold(word) for word in cased]
    if words[0] not in language_words("byline_words") or len(words) == 1:
        return False
    if cased[1][0].isupper() and _lower_case(cased[1:]) <= NAME_PARTICLES:
        return True
    editors = language_words("editor_nouns")
    return words[1] in language_words("byline_determiners") and any(
        word in editors for word in words[2:]
    )


def _count(text: str) -> int:
    return len(_WORDS.findall(text))


def _lower_case(words: list[str]) -> int:
    """How many of these words open with a lower-case letter (a name's words do not)."""
    return sum(word[0].islower() for word in words)


def on_a_stamp_line(text: str, start: int, end: int) -> bool:
    """Whether the text from `start` to `end` (a sentence) stands on a line stamping an edit,
    whole or a part of it ("Page views: 1,204." after "Last edited by … on 30 June 2025."). The
    line is looked for no further than STAMP_CHARS around it: a longer one is no stamp, and a
    paragraph on one line is never read whole."""
    first = line_start(text, start, STAMP_CHARS)
    last = line_end(text, end, STAMP_CHARS)
    if last - first > STAMP_CHARS:
        return False
    runs_before = first > 0 and text[first - 1] not in "\r\n"
    if runs_before or (last < len(text) and text[last] not in "\r\n"):
        return False  # the line runs on past STAMP_CHARS
    return stamps_an_edit(text[first:last])


def asks_about_edits(question: str) -> bool:
    """Whether a question holds a word of `edit_stamp_words` ("Who last edited the travel
    page?"): a line stamping an edit may answer it, and no other (answering.quotable)."""
    return not language_words("edit_stamp_words").isdisjoint(_WORDS.findall(fold(question)))
