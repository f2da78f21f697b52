"""The week of the year a question asks of, and whether a text writes it: "week 14",
"semaine 14", "W14" and "2026-W14" (ISO 8601) are all week 14.

A rota or a release plan keys its rows by ISO week codes ("| 2026-W14 | 2026-03-30 | … |"); a
question writes "week 14", whose number weighs as one word among its others, and the rota's
2026-W12 row was quoted (s38 trial, a044). time_siblings.of_asked_week then prefers a near-best
candidate writing the asked week, as it does for a quarter (quarters.py). The words and code
letters are data (citeqa/data/iso_weeks.json, English and French); a week's number is 1 to
53, written with one or two digits; a code's year, when both the question and the text write
one, must be the same. A question's bare code ("W14") is a week only beside a week word
("which week is W14?") or with its year ("2026-W14"): "When do contractors send their W2?" asks
of a tax form, not week 2 (s39 review; "S3 bucket", "Galaxy S24" and the semester "2026-S1" are
no weeks either: an "S" code is not read). Texts are read folded (lexical.fold). No I/O but
the data, read once.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold

__all__ = ["Week", "asked_week", "week_code_tokens", "writes_a_week", "writes_week"]

LAST_WEEK = 53
"""The highest week number of a year (ISO 8601)."""


class Week(NamedTuple):
    number: int
    year: int | None
    """The year its code writes ("2026-W14"), or None: that week of any year."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A week written by a word then its number, a week's code (maybe after its year), and a
    week word anywhere."""
    data = data_json("iso_weeks.json")
    words = "|".join(re.escape(word) for word in data["week_words"])
    codes = "".join(re.escape(letter) for letter in data["week_codes"])
    mark = r"(?:(?:n°|no\.?|#)[ \t]*)?"
    by_word = re.compile(
        rf"(?<![\w])(?:{words})\.?[ \t]*{mark}0?(?P<number>\d{{1,2}})(?![\w]|[.,]\d)"
    )
    by_code = re.compile(
        rf"(?<![\w-])(?:(?P<year>\d{{4}})-?)?[{codes}]0?(?P<number>\d{{1,2}})(?![\w]|[.,]\d)"
    )
    a_word = re.compile(rf"(?<![\w])(?:{words})(?![\w])")
    return by_word, by_code, a_word


@cache
def _codes() -> tuple[str, ...]:
    """The letters a week's code opens with (iso_weeks.json `week_codes`), folded."""
    return tuple(fold(letter) for letter in data_json("iso_weeks.json")["week_codes"])


def _weeks(text: str, bare_codes: bool = True) -> list[Week]:
    """The weeks `text` (folded) writes, in no particular order; a code without its year
    ("W14") only when `bare_codes`."""
    by_word, by_code, _ = _patterns()
    found = [Week(int(m["number"]), None) for m in by_word.finditer(text)]
    for m in by_code.finditer(text):
        if m["year"] or bare_codes:
            found.append(Week(int(m["number"]), int(m["year"]) if m["year"] else None))
    return [week for week in found if 1 <= week.number <= LAST_WEEK]


def asked_week(question: str) -> Week | None:
    """The one week `question` asks of, or None when it writes none or several (a bare code
    only counts in a question writing a week word)."""
    folded = fold(question)
    weeks = set(_weeks(folded, bare_codes=bool(_patterns()[2].search(folded))))
    numbers = {week.number for week in weeks}
    if len(numbers) != 1:
        return None
    return max(weeks, key=lambda week: week.year is not None)


def week_code_tokens(word: str, asked: Week | None) -> frozenset[str]:
    """The search tokens of the `asked` week's codes ("w11", "w05" and "w5") when `word` of
    the question is its number ("11" of "week 11"): a rota keys its rows "2026-W11" and never
    writes "11" alone, so the number was a word the documents never mention (s57 trial, "Who
    opens on Monday of week 11?" refused); none for another word or no week asked."""
    if asked is None or not word.isdigit() or int(word) != asked.number:
        return frozenset()
    return frozenset(f"{code}{number}" for code in _codes() for number in _numbered(asked.number))


def _numbered(number: int) -> tuple[str, ...]:
    """A week's number as codes write it: with two digits and as is ("05", "5")."""
    return tuple(dict.fromkeys((f"{number:02d}", str(number))))


def writes_week(text: str, asked: Week) -> bool:
    """Whether `text` writes the `asked` week (its year too when both write one)."""
    return any(
        week.number == asked.number
        and (week.year is None or asked.year is None or week.year == asked.year)
        for week in _weeks(fold(text))
    )


def writes_a_week(text: str) -> bool:
    """Whether `text` writes some week ("| 2026-W12 | … |": a row of a rota keyed by weeks)."""
    return bool(_weeks(fold(text)))
