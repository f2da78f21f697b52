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
  another month's row, holds the asked month's too: the passages read missed it). A document is
  read only on its lines that may write that month (`_month_lines`: one of its names, or its
  number beside a date's separator and a digit), where `written_months` reads it as it would
  the whole document (no date spans a line); a 920 KB document cost 0.47 s read whole
  (benchmarks/unheld_month_cost.py).

The answer abstains naming the asked month and those the passages write. Month names and their
abbreviations are language data (citeqa/data/language.json `months`, read by dates.py).
`writes_month_in_figures` and `months_in_figures` read a month written in figures alone (a
ledger's "| 2025-12 |"): time_siblings takes a candidate so written in any language, the
ranker having read no name of it (s57 trial). No I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.dates import day_spans, is_a_name, month_names, month_number, month_term
from citeqa.lexical import fold

__all__ = [
    "UnheldMonth",
    "asked_months",
    "months_in_figures",
    "unheld_month",
    "writes_month",
    "writes_month_in_figures",
    "written_months",
]

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


_LATIN_LETTERS = "".join(chr(code) for code in range(0xC0, 0x180))
"""The accented Latin letters a month's name may be written with ("é", "û", "É")."""


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
    if any(writes_month(text, term) for text in documents):
        return None
    return UnheldMonth(month, list(held.values())[:HELD_NAMED])


def asked_months(question: str) -> dict[str, str]:
    """The months `question` names by their full names, as terms ("--04") with their writing."""
    months: dict[str, str] = {}
    question = unicodedata.normalize("NFC", question)  # "fe\u0301vrier": one word (review D)
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
    text = unicodedata.normalize("NFC", text)  # "fe\u0301vrier 2025": one word (review D)
    for found in _WORD.finditer(text):
        word = found.group()
        term = _named_month(word, text, found.end(), dated)
        if term is not None:
            months.setdefault(term, word)
    for term, written in _figured_months(text, dated).items():
        months.setdefault(term, written)
    return months


def _figured_months(text: str, dated: bool, figures: bool = False) -> dict[str, str]:
    """The months `text` writes in a date of a day or a month ("21/03/2025", "14 mars 2025",
    "2025-03", "03/2025"), as `written_months` reads them (a day without its year only when not
    `dated`); in figures alone when `figures` ("14 mars 2025" names its month)."""
    months: dict[str, str] = {}
    folded = fold(text)
    written = text if len(text) == len(folded) else folded  # a date as the text writes it
    for start, end, terms in day_spans(folded):
        if dated and not any(len(term) == 10 for term in terms):
            continue  # "le 14 mars": no year
        if figures and any(letter.isalpha() for letter in written[start:end]):
            continue  # "14 mars 2025": by its name
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


def months_in_figures(text: str) -> frozenset[str]:
    """The months (terms, "--12") `text` writes in figures in a date of a year ("2025-12",
    "09/12/2025", "12/2025"), read over its NFKC form (`_compatible`)."""
    return frozenset(_figured_months(_compatible(text), dated=True, figures=True))


def writes_month_in_figures(text: str, term: str) -> bool:
    """Whether `text` writes the month `term` ("--12") in figures, in a date of a year
    ("2025-12", "09/12/2025", "12/2025"): a record of that month, as a statement's or a
    ledger's row keys it, not a mention of its name; read on its lines that may write it
    (`_month_lines`), as `writes_month` reads them."""
    return term in months_in_figures(_month_lines(_compatible(text), int(term[2:])))


def writes_month(text: str, term: str, dated: bool = False) -> bool:
    """Whether `text` writes the month `term` ("--04") anywhere (`written_months`, not dated;
    only as a record's month, of a year, when `dated`),
    read on its lines that may write it (`_month_lines`) only, over its NFKC form when it has
    another (a decomposed "février", fullwidth "２０２５-０４-３０": the lines' patterns
    read composed letters and ASCII digits, as `written_months` reads them folded)."""
    lines = _month_lines(_compatible(text), int(term[2:]))
    return bool(lines) and term in written_months(lines, dated=dated)


def _compatible(text: str) -> str:
    """`text` in its NFKC form (composed letters, ASCII digits), itself when it is already."""
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def _month_lines(text: str, month: int) -> str:
    """The lines of `text` (joined, in order) that may write the month numbered `month`
    (`_month_patterns`); the whole text when lowering it changed its length (a dotted "İ")."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return text
    starts: set[int] = set()
    for pattern in _month_patterns(month):
        found = pattern.finditer(lowered)
        starts.update(text.rfind("\n", 0, match.start()) + 1 for match in found)
    lines = []
    for start in sorted(starts):
        end = text.find("\n", start)
        lines.append(text[start:] if end < 0 else text[start:end])
    return "\n".join(lines)


@cache
def _month_patterns(month: int) -> tuple[re.Pattern[str], ...]:
    """What a line writing the month numbered `month` holds, over lowered text: one of its names
    or abbreviations (dates.month_names) ending a word, each letter as any letter folding to it
    (`_any_accent`: "février", "févr."); or its number in a date beside a year, after a
    separator ("30/04/2025", "2025-04", "2025-04-30") or before one ("04/2025", "04/30/2025").
    Every date written_months reads holds a year of four digits (dates.day_spans,
    `_BOTH_MONTHS`, `_YEAR_MONTH`, `_MONTH_YEAR`), so "4.5 points" is none. Each opens on
    a letter, a digit or a separator, no look-behind, so the search runs at the speed of
    a scan (one pattern of the three alternatives, or a look-behind, cost three times more)."""
    names = sorted(month_names(month), key=len, reverse=True)
    written = "|".join("".join(_any_accent(letter) for letter in name) for name in names)
    number = f"0?{month}" if month < 10 else str(month)
    separator = "[-/.\u2010-\u2014]"
    return (
        re.compile(rf"(?:{written})(?![^\W\d_])"),
        re.compile(rf"{separator}{number}(?:{separator}\d{{4}}|(?!\d))"),
        re.compile(rf"{number}{separator}(?:\d\d?{separator})?\d{{4}}"),
    )


def _any_accent(letter: str) -> str:
    """A pattern of `letter` (folded) and the lowercase Latin letters that fold to it ("e":
    "[eéèêë…]")."""
    accented = "".join(c for c in _LATIN_LETTERS if c.islower() and fold(c) == letter)
    return f"[{re.escape(letter)}{accented}]" if accented else re.escape(letter)


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
