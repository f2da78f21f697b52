"""A question asking of a month that the passages its answer stands in never write, while they
write another: "Combien coûte la cantine pour Chloé en avril ?" answered by "Chloé MARTIN (CP) :
16 repas à 4,35 € = 69,60 €." of the March invoice, whose passage writes "facture de cantine
du mois de mars 2025" (s27 trial, at .48).

The asked month weighs as one word among the question's, and the March invoice holds every
other. unheld_years.py reads years only; a month comes back every year, so no span of them
tells a sibling from a gap. What is checked here, once the answer is chosen:

- the question writes one month by its full name, in either language (dates.month_term: "avril",
  "April"; not "may", nor an English name written lowercase), no other;
- neither the answer's quotes, the passages holding them, the sections they are cited under
  nor their documents' titles write that month (by its name, or in a date: "30/04/2025",
  "2025-04-30", "2025-04", "04/2025"), while they write another of a year ("mars 2025",
  "21/03/2025": a record's month; "révisé au 1er septembre" is a rule's, of every year): the
  answer is another month's record; a month's abbreviation before a year ("Avr. 2025", "Apr
  2025") writes it, and a day whose first two parts are both 12 or less ("04/12/2025")
  writes both months it may be (the reason shows dates as the text writes them);
- no document quoted writes the asked month anywhere (a statement of three months, quoted on
  another month's row, holds the asked month's too: the passages read missed it).

The answer abstains naming the asked month and those the passages write. Month names and their
abbreviations are language data (citeqa/data/language.json `months`, read by dates.py). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.dates import day_spans, is_a_name, month_number, month_term
from citeqa.lexical import fold

__all__ = ["UnheldMonth", "asked_months", "unheld_month", "written_months"]

HELD_NAMED = 3
"""How many of the months the passages write the reason names."""
_WORD = re.compile(r"[^\W\d_]+")
_YEAR_AFTER = re.compile(
    r"[ \t\u00a0]+(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t\u00a0]+)?(?:1[89]|2[01])\d\d(?!\d)"
)
"""A year after a month's name, maybe through its day ("mars 2025", "March 14, 2025")."""
_YEAR_MONTH = re.compile(r"(?<![\d/.-])(?:1[89]|2[01])\d\d[-/.](0[1-9]|1[0-2])(?![\d])")
"""A month written after its year ("2025-04", "2025/04"), a day after it or not."""
_MONTH_YEAR = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])[-/.](?:1[89]|2[01])\d\d(?![\d])")
"""A month written before its year, without its day ("04/2025")."""
_SHORT_YEAR = re.compile(r"\.?[ \t\u00a0]+(?:1[89]|2[01])\d\d(?!\d)")
"""A year after a month's abbreviation, maybe through its dot ("avr. 2025", "Apr 2025")."""
_BOTH_MONTHS = re.compile(
    r"(?<![\d/.-])(0?[1-9]|1[0-2])([-/.])(0?[1-9]|1[0-2])\2(?:1[89]|2[01])\d\d(?![\d])"
)
"""A day of a year whose first two parts are both 12 or less ("04/12/2025"): either may be its
month (4 December in France, April 12 in the United States), so both count."""


class UnheldMonth(NamedTuple):
    month: str
    """The month the question asks of, as it writes it."""
    held: list[str]
    """The months the passages write instead, as they write them."""


def unheld_month(
    question: str, answer: Sequence[str], documents: Sequence[str] = ()
) -> UnheldMonth | None:
    """The month the question asks of that none of `answer` (its quotes, the passages holding
    them, their sections and titles) writes while they write others, with those; None when
    there is none, or when one of `documents` (the quoted documents' texts) writes it."""
    asked = asked_months(question)
    if len(asked) != 1:
        return None
    ((term, month),) = asked.items()
    held: dict[str, str] = {}
    for text in answer:
        for other, written in written_months(text).items():
            held.setdefault(other, written)
    if not held or term in held:
        return None
    if any(term in written_months(text, dated=False) for text in documents):
        return None
    return UnheldMonth(month, list(held.values())[:HELD_NAMED])


def asked_months(question: str) -> dict[str, str]:
    """The months `question` names by their full names, as terms ("--04") with their writing."""
    months: dict[str, str] = {}
    for found in _WORD.finditer(question):
        word = found.group()
        term = month_term(fold(word), word[:1].isupper())
        if term is not None and not is_a_name(question, found.start(), found.end()):
            months.setdefault(term, word)
    return months


def written_months(text: str, dated: bool = True) -> dict[str, str]:
    """The months `text` writes as a record's month, of a year: by name before a year ("mars
    2025", "March 14, 2025") or in a dated day or month ("21/03/2025", "2025-03", "03/2025"),
    as terms ("--03") with a writing of each (the name, or the date as written). A month
    without its year ("révisé chaque année au 1er septembre") is a rule's, every year's, and
    counts only when not `dated` (a quoted document writing the asked month anywhere)."""
    months: dict[str, str] = {}
    for found in _WORD.finditer(text):
        word = found.group()
        term = _named_month(word, text, found.end(), dated)
        if term is not None:
            months.setdefault(term, word)
    folded = fold(text)
    written = text if len(text) == len(folded) else folded  # a date as the text writes it
    for start, end, terms in day_spans(folded):
        if dated and not any(len(term) == 10 for term in terms):
            continue  # "le 14 mars": no year
        for term in terms:
            if term.startswith("--"):  # "--04-30": the day's month is "--04"
                months.setdefault(term[:4], written[start:end])
    for found in _BOTH_MONTHS.finditer(folded):
        for part in (1, 3):
            months.setdefault(f"--{int(found.group(part)):02d}", written[slice(*found.span())])
    for pattern in (_YEAR_MONTH, _MONTH_YEAR):
        for found in pattern.finditer(folded):
            months.setdefault(f"--{int(found.group(1)):02d}", written[slice(*found.span())])
    return months


def _named_month(word: str, text: str, end: int, dated: bool) -> str | None:
    """The term of the month `word` (ending at `end` in `text`) names as `written_months`
    reads it: its full name (dates.month_term), before a year when `dated`; or an
    abbreviation before a year ("Avr. 2025", "Apr 2025"), whose month it names only so."""
    folded = fold(word)
    term = month_term(folded, word[:1].isupper())
    if term is not None and is_a_name(text, end - len(word), end):
        return None  # "Avril Dupont": a person (dates.is_a_name)
    if term is not None and (not dated or _YEAR_AFTER.match(text, end)):
        return term
    number = month_number(folded)
    if term is None and number is not None and _SHORT_YEAR.match(text, end):
        return f"--{number:02d}"
    return None
