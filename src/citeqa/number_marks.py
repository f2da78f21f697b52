"""The number marks a question or a heading may write glued to a word: a mark holding a sign
("#", "№", "n°"), not one of letters alone ("no", "Nr", "number": "no2" is a word).

The language data's `number_marks` list every mark written before a number ("n° 2025-16",
"Decision No. 12", "ticket #4512"); those holding a sign are written glued to the number they
mark too ("#4512", "n°2025-16", "№7"), or to the word before them ("ticket#4512"). The key a
question asks is the number without its mark, as a table's cell writes it (questions.key_words:
"4512"), and the word before the mark is the number's cue (numbered_sections._unmarked).
No I/O; the marks are language data.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from citeqa.domain import language_data
from citeqa.glossary import fold, language_words

__all__ = [
    "glued_mark_after",
    "is_number_mark",
    "mark_pattern",
    "without_glued_mark",
    "written_mark_pattern",
]


def is_number_mark(word: str) -> bool:
    """Whether `word` (folded here) is one of the language data's `number_marks` ("n°", "No",
    "Nr", "#")."""
    return fold(word) in language_words("number_marks")


@cache
def written_mark_pattern() -> str:
    """A regular expression of any number mark of the language data ("n°", "No.", "#"; "º"
    for "°" too), longest first, any case, then its period and the blanks after it
    (titled_values.py reads it before a title's number: "N° 4521")."""
    marks = sorted(language_words("number_marks"), key=len, reverse=True)
    alternation = "|".join(re.escape(mark).replace("°", "[°º]") for mark in marks)
    return rf"(?i:{alternation})\.?[ \t]*"


@cache
def mark_pattern() -> str:
    """A regular expression of a written number mark (written_mark_pattern) or nothing
    (numbered_sections.py reads it before a heading's or a question's number)."""
    return rf"(?:{written_mark_pattern()})?"


@cache
def _sign_marks() -> str:
    """A regular expression of the language data's number marks holding a sign (not letters
    only), longest first, any case."""
    marks = [mark for mark in language_data().number_marks if _holds_sign(mark)]
    alternation = "|".join(re.escape(mark) for mark in sorted(marks, key=len, reverse=True))
    return rf"(?i:{alternation})" if marks else r"(?!)"


def _holds_sign(mark: str) -> bool:
    """Whether a mark holds a character other than a cased letter ("#", "№", "n°", "nº": the
    ordinal indicator "º" is a letter of no case)."""
    return any(unicodedata.category(char) not in ("Ll", "Lu") for char in mark)


@cache
def _opening_number() -> re.Pattern[str]:
    return re.compile(rf"^{_sign_marks()}(?=\d)")


@cache
def _closing_word() -> re.Pattern[str]:
    return re.compile(rf"(?<=\w){_sign_marks()}$")


def without_glued_mark(word: str) -> str:
    """`word` without a sign mark glued before its number ("#4512", "n°2025-16", "№7" →
    "4512", "2025-16", "7"); any other word as it is ("#devops", "no2")."""
    return _opening_number().sub("", word, count=1)


def glued_mark_after(token: str) -> int:
    """How many characters of `token` are a sign mark glued after its word ("ticket#" → 1,
    "PR№" → 1), 0 for none (a mark alone, "#", is a word of its own)."""
    mark = _closing_word().search(token)
    return len(mark.group()) if mark else 0
