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
Prose the rankers put first is given up for a line (`looks_up_line`) only when its key and its
keyed neighbours' are days or months (words of calendar_words.json) and the question writes
the key after one of that file's `key_openers` ("on Sunday", "le jeudi"): a key word of another
kind is an ordinary word too ("Is the gym open on public holidays?" is no lookup of an "Open 7
days a week" line; s22 review). A best candidate that is itself a keyed line of a key the
question does not write (a header line "Indicator 2025 2024") gives way to the lines whose key
it writes (`unnamed_keyed_line`): both are lines of a list, and the named one is looked up.
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.glossary import calendar_words
from citeqa.jsonfiles import data_json
from citeqa.language import is_table_row, line_end, line_start
from citeqa.questions import QuestionTerms
from citeqa.sentences import names_words

KEY_WORDS_MAX = 3
"""The most words a line's key may have ("Carte 10 entrées" keys by "Carte"; "Enfant")."""

_KEY = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’ -][^\W\d_][^\W\d_'’-]*)*")
"""A key: words of letters, joined by single spaces, hyphens or apostrophes."""


_QUALIFIER = re.compile(r"\s*\([^()]*\)$")
"""A parenthesised qualifier closing a key, not part of it: "Staff (full-time equivalent) 212
187", "Households connected (cumulative) 48,200 39,750" (rows of a PDF's space-aligned table)."""


def line_key(text: str, start: int, end: int) -> str | None:
    """The key of the line `text[start:end]` when it is a whole line holding a digit whose
    words before that digit are a key of at most KEY_WORDS_MAX words, with a parenthesised
    qualifier after them set aside (`_QUALIFIER`); else None."""
    if line_start(text, start) != start or line_end(text, start) < end:
        return None
    line = text[start : line_end(text, start)].strip()
    digit = re.search(r"\d", line)
    if digit is None or is_table_row(line):
        return None
    key = _QUALIFIER.sub("", line[: digit.start()].strip())
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
    return _named_key(text, start, end, terms) is not None


def _named_key(text: str, start: int, end: int, terms: QuestionTerms) -> str | None:
    """The key of the `keyed_line` from `start` to `end` when `terms` write it whole, else
    None: what `names_line` and `looks_up_line` test first."""
    key = keyed_line(text, start, end)
    return key if key is not None and names_words(key, terms) else None


def looks_up_line(text: str, start: int, end: int, terms: QuestionTerms) -> bool:
    """Whether the line from `start` to `end` is one `names_line` that the question (`terms`)
    looks up over prose: its key and its keyed neighbours' are days or months
    (`_calendar_keys`) and the question writes the key as a key (`_written_as_key`)."""
    key = _named_key(text, start, end, terms)
    return (
        key is not None and _calendar_keys(text, start, key) and _written_as_key(key, terms.focus)
    )


def unnamed_keyed_line(text: str, start: int, end: int, terms: QuestionTerms) -> bool:
    """Whether the line from `start` to `end` is a `keyed_line` whose key the question
    (`terms`) does not write: a block's header line ("Indicator 2025 2024" over "Volunteers
    1,380 1,120" in a space-aligned table read from a PDF; s22 trial: quoted for "How many
    volunteers were there in 2024?") or another key's line. A line the question names
    (`names_line`) of the same document answers in its place (answering.on_named_line)."""
    key = keyed_line(text, start, end)
    return key is not None and not names_words(key, terms)


_YEARS_HEADER = re.compile(r"[^\W\d_][^\d\n]*?(?:\s+(?:19|20)\d\d\b){2,}\s*")
"""A header line of a space-aligned table of years: a label, then two years or more and
nothing else ("Indicator 2025 2024")."""

HEADER_LINE_MAX = 200
"""The longest line read as a header line: a label and a few years (and the pattern's work
stays small on a long line of blanks)."""

HEADER_LINES_BACK = 40
"""The most lines of a run of keyed lines read back for its header line (`header_line`)."""


def header_line(text: str, start: int) -> tuple[int, int] | None:
    """The span of the header line over the keyed line opening at `start`: the nearest line
    above it, in the run of lines holding a digit around it (no blank line between: a row
    "Schools with sanitation blocks 126 98" has too long a key to be keyed), that labels their
    columns by years (`_YEARS_HEADER`: "Indicator 2025 2024" over "Volunteers 1,380 1,120"),
    or None. Quoted as a table row's header row is (quoting.quote_spans): which number is which
    year's."""
    at = start
    for _ in range(HEADER_LINES_BACK):
        if at == 0:
            return None
        above = line_start(text, at - 1)
        line = text[above : line_end(text, above)]
        if len(line) <= HEADER_LINE_MAX and _YEARS_HEADER.fullmatch(line.strip()):
            return above, above + len(line.rstrip())
        if not re.search(r"\d", line) or is_table_row(line):
            return None  # the run of value lines ends
        at = above
    return None


def _calendar_keys(text: str, start: int, key: str) -> bool:
    """Whether `key`, the key of the line opening at `start`, and the keys of the keyed lines
    right above and below it all open with a day or month word (calendar_words.json)."""
    keys = [key]
    for span in _neighbour_lines(text, start):
        other = line_key(text, *span)
        if other is not None:
            keys.append(other)
    return all(other.split()[0].casefold() in calendar_words() for other in keys)


def _written_as_key(key: str, question: str) -> bool:
    """Whether `question` writes `key` right after a key opener of calendar_words.json: "on
    Sunday", "le jeudi", "l'après-midi"; not "May I bring a guest?"."""
    pattern = rf"(?<![\w'’])(?:{_key_openers()})(?:\s+|['’]){re.escape(key.casefold())}(?![\w'’-])"
    return re.search(pattern, question.casefold()) is not None


@cache
def _key_openers() -> str:
    """The words of every language after which a question writes a calendar key, as one
    alternation of a pattern, longest first (built once, not for each line looked at)."""
    data = data_json("calendar_words.json")["key_openers"]
    words = {word.casefold() for lang in ("en", "fr") for word in data[lang]}
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


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
