"""A question that is one bare token naming nothing to look up: a year ("2026"), a short
number ("12"), a date, a period's label ("Q3": data bare_tokens.json) or the piece of a code
("GT-").

Such a token is written in many rows of a corpus of tables (a year in every date, a quarter
in every header row), so any answer to it is a guess among them: the user is asked what they
want to know about it instead (abstention.before_search). A whole record id ("GT-0042", a
ticket's "4512"), an option ("--max-size"), an identifier ("retention_days") or a word
("parking") is a lookup and is searched as before, and so are an address or a version of
three parts or more ("192.168.1.10", "1.2.3"), a phone number ("+33612345678") and a code of
letters and digits naming a thing ("x86", "S3", "A4", "B12", "v2": session 23's review C
found them refused). "F#" is no bare token either, but the tokenizer keeps no word of it, so
it is refused as having nothing to search (abstention.nothing_to_search).
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.dates import YEAR_DIGITS
from citeqa.jsonfiles import data_json

_OPENING = " \t\r\n\"'“”«»(\u00a0\u202f"
_CLOSING = _OPENING + ")?!.:;,"
"""What may stand around a question's one token: blanks, quotation marks, brackets and final
punctuation ("« 2026 » ?"). Stripped, not matched by a pattern: a pattern's token and
punctuation both taking "." backtracked for minutes over a question of 100,000 dots."""
_BLANK = re.compile(r"\s")
_LETTER = re.compile(r"[^\W\d_]")
_RECORD_NUMBER = re.compile(rf"(?!{YEAR_DIGITS}$)\d{{3,}}")
"""A number of three digits or more that is no year (1800 to 2199): a ticket's or an error's
number ("4512", "404"), looked up as a record's id. A year is written all over a corpus of
dates, and a number of one or two digits in every list."""
_DOTTED = re.compile(r"\d+(?:\.\d+){2,}")
"""A number of three parts or more: an address ("192.168.1.10") or a version ("1.2.3")."""
_PHONE = re.compile(r"\+\d{6,}")
"""A phone number in international form ("+33612345678")."""
_SPACED_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
"""A number written in digit groups of three spaced, maybe with decimals ("1 234,56", "51 877"):
one token, read with its groups joined ("1234,56", an amount; "51877", a record's number)."""
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f]")
"""The spaces between a `_SPACED_NUMBER`'s digit groups (a space, a no-break space, a narrow
one)."""
_JOINERS = "-_./:"
"""What joins the parts of a code: a token ending in one is a piece of a code ("GT-"); a "#"
ends a name ("C#", "F#")."""


@cache
def _period_label() -> re.Pattern[str]:
    """A period's label (data bare_tokens.json: "Q3", "H2")."""
    return re.compile(str(data_json("bare_tokens.json")["period_labels"]), re.IGNORECASE)


def bare_token(question: str) -> str | None:
    """The token a question of one token consists of, when it names nothing to look up (a
    number spaced in digit groups is one token, read with its groups joined: "1 234,56" is an
    amount, "51 877" a record's number): no letter at all (a year, a number of one or two
    digits, a date, "%", but no `_RECORD_NUMBER`, `_DOTTED` number nor `_PHONE` number), a
    period's label ("Q3"), or a code's piece ending in a joiner ("GT-"); None otherwise."""
    written = question.lstrip(_OPENING).rstrip(_CLOSING)
    token = written
    if _SPACED_NUMBER.fullmatch(token):  # "1 234,56": one number, not three tokens
        token = _GROUP_SPACE.sub("", token)
    if not token or _BLANK.search(token):
        return None
    if token.isdigit() and _RECORD_NUMBER.fullmatch(token):
        return None
    if _DOTTED.fullmatch(token) or _PHONE.fullmatch(token):
        return None
    if not _LETTER.search(token):
        return written
    if token[-1] in _JOINERS and token.strip(_JOINERS):
        return written
    if _period_label().fullmatch(token):
        return written
    return None
