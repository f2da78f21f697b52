"""The quarters of a year a text writes, and the one a question asks of: "premier trimestre
2025", "T1 2025", "2025 Q1", "first quarter of 2025", "janvier-mars 2025" are all the first
quarter of 2025 (s31 trial: "Quelle TVA a été payée au premier trimestre 2025 ?" quoted the
note on the second quarter's credit, a row below "| T1 2025 | … | 1 150,60 |").

A quarter is written by its words (data: citeqa/data/quarters.json, English and French: "1er
trimestre", "second quarter"), wherever they stand, maybe with a year after them; by its code
("T1", "Q1") only beside a year, after it or before it past a blank ("le loyer du T2" is a
flat type, a survey's "Q1" a question: s31 review; "Réf. 2025-T3", "n° 2025Q4" reference codes:
s32 review), and not right after a noun whose kind it names (data "kind_nouns": "Appartement T2
2024" is a flat's type, "modèle Q3 2024" a model, each then a year: s32 review; "TVA T2 2025",
"Revenue Q3 2025" stay quarters: a name's shape is a quarter's, only the noun tells them
apart); or by its first and last months (dates.month_names, of
either language: "janvier-mars", "January to March", "jan.-mars 2025"). A quarter written with
no year is that quarter of any year, as a day written with no year is that day of any year
(dates.py: "le 14 mars" gives "--03-14", found by "14/03/2026"): a question asking the first
quarter with no year is answered by "T1 2025", one asking "T1 2025" by "premier trimestre".
Texts are read folded (lexical.fold: lowercase, no accents). No I/O but the data, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.dates import YEAR_DIGITS, day_spans, month_names
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold
from citeqa.unheld_months import written_months

__all__ = ["Quarter", "asked_quarter", "dates_in_quarter", "writes_quarter", "written_quarters"]


class Quarter(NamedTuple):
    number: int
    """1 to 4."""
    year: int | None
    """The year written beside it, or None: that quarter of any year."""


_YEAR = rf"(?P<year>{YEAR_DIGITS})"
_DASH = r"[-‐‑‒–—]"


def _alternatives(phrases: Sequence[str]) -> str:
    """The folded `phrases` as one alternation, longest first, spaces matching any blank."""
    ordered = sorted({fold(phrase) for phrase in phrases}, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Per quarter, in order, one pattern finding any of its writings (the module's rules),
    the year written beside it as the group "year" when there is one."""
    data = data_json("quarters.json")
    links = _alternatives(data["year_links"])
    ranges = _alternatives(data["range_links"])
    patterns = []
    for number, quarter in enumerate(data["quarters"], 1):
        words = _alternatives(quarter["words"])
        codes = _alternatives(quarter["codes"])
        first = _alternatives(sorted(month_names(3 * number - 2)))
        last = _alternatives(sorted(month_names(3 * number)))
        year_after = rf"(?:\s+(?:(?:{links})\s*)?{_YEAR})?"
        forms = [
            rf"(?:{words}){year_after}",
            rf"(?:{codes})[\s/-]+(?P<code_year>{YEAR_DIGITS})",
            rf"(?P<year_code>{YEAR_DIGITS})\s+(?:{codes})",
            rf"(?:{first})\.?\s*(?:{_DASH}|\s(?:{ranges})\s)\s*(?:{last})\.?"
            + year_after.replace("?P<year>", "?P<range_year>"),
        ]
        patterns.append(re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w])"))
    return tuple(patterns)


def written_quarters(text: str) -> set[Quarter]:
    """The quarters `text` writes (the module's rules), each with its year or None."""
    folded = fold(text)
    found: set[Quarter] = set()
    for number, pattern in enumerate(_patterns(), 1):
        for match in pattern.finditer(folded):
            if match["code_year"] and _names_a_kind(folded, match.start()):
                continue
            year = next((value for value in match.groupdict().values() if value), None)
            found.add(Quarter(number, None if year is None else int(year)))
    return found


_LAST_WORD = re.compile(r"(\w+)[^\S\n]+$")


def _names_a_kind(folded: str, start: int) -> bool:
    """Whether the code at `start` of `folded` stands right after a noun whose kind it names
    (data: "kind_nouns": "appartement T2 2024"), blanks between on one line ("Appartement |
    T2 2024", a cell after it, is no name)."""
    before = _LAST_WORD.search(folded[max(0, start - 40) : start])
    return before is not None and before.group(1) in _kind_nouns()


@cache
def _kind_nouns() -> frozenset[str]:
    """The nouns after which a code names a kind, not a quarter (data: "kind_nouns")."""
    return frozenset(fold(noun) for noun in data_json("quarters.json")["kind_nouns"])


def asked_quarter(question: str) -> Quarter | None:
    """The one quarter `question` asks of, with its year if it writes one beside it; None when
    it writes none or several ("du T1 au T2", "Q1 2024 and Q1 2025": of two years)."""
    found = written_quarters(question)
    years = {quarter.year for quarter in found} - {None}
    if len({quarter.number for quarter in found}) != 1 or len(years) > 1:
        return None
    return max(found, key=lambda quarter: quarter.year is not None)


def writes_quarter(text: str, asked: Quarter) -> bool:
    """Whether `text` writes the `asked` quarter: of its year, or with no year when either
    writes none (a quarter with no year is that quarter of any year)."""
    return any(
        quarter.number == asked.number
        and (asked.year is None or quarter.year is None or quarter.year == asked.year)
        for quarter in written_quarters(text)
    )


def dates_in_quarter(text: str, asked: Quarter) -> bool:
    """Whether `text`, writing no quarter (`written_quarters`: one writing "T4 2025" is of that
    quarter, whatever date it holds), writes a day or a month of the `asked` quarter: a date of
    its months, of its year when the date writes one ("12/02/2025" is in the first quarter of
    2025, not "12/02/2024"), or a record's month by its name (unheld_months.written_months:
    "février 2025") in a text writing the asked year (s32 review: a row dated in the quarter
    asked was replaced by a sentence writing "premier trimestre 2025")."""
    if written_quarters(text):
        return False
    months = range(3 * asked.number - 2, 3 * asked.number + 1)
    folded = fold(text)
    undated = list(folded)
    for start, end, terms in day_spans(folded):
        undated[start:end] = " " * (end - start)  # its month read here, not as a named one
        dated = next((term for term in terms if len(term) == 10), None)
        month = int(dated[5:7]) if dated else min(int(term[2:4]) for term in terms)
        if month in months and (dated is None or asked.year in (None, int(dated[:4]))):
            return True
    if asked.year is not None and str(asked.year) not in folded:
        return False
    return any(int(term[2:4]) in months for term in written_months("".join(undated)))
