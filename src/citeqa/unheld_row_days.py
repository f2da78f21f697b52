"""A question asking of a day, a weekday or a day of a month with no year, answered by a table
row of another day, when no row of that table writes the asked one: "Who works on Sunday in
week 10?" answered by a rota's "| 2026-W10 | Monday | Tom | 12:00-20:00 |", "What was the
walk-in fridge temperature on 5 March?" by a log's "| 2026-03-02 | walk-in | 3.1 | Priya |"
(s57 trial, at .42 and .47), the rota having no Sunday and the log no 5 March.

The asked day weighs as one word among the question's, and the table's rows hold every other;
unheld_cells.py reads a word a sibling row writes, and no row writes the asked day here; a
full date with its year is unheld_days.py's (the corpus's terms). What is checked, once the
answer is chosen, on the first quote when it is a table row:

- the question names one weekday by its full name, in either language ("Sunday",
  "dimanche"), or one day of a month (dates.day_spans: "5 March", "le 5 mars"; "--03-05");
- the quoted row writes another one in a cell (a weekday's full name, or its first three
  letters as the whole cell's word: "Sun"; a date: "2026-03-02", "02/03");
- no row of the table writes the asked one.

The caller then quotes a candidate writing the asked day if one is near the best ("Sunday:
closed" of the opening hours), else abstains naming the asked day and those the table writes.
Weekday names are language data (citeqa/data/recurrence_words.json `days`, English and
French). No I/O but the data, read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from citeqa.dates import day_spans
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold as lexical_fold
from citeqa.models import Citation, Document
from citeqa.unheld_cells import table_rows

__all__ = ["UnheldRowDay", "asked_weekday", "unheld_row_day", "writes_weekday"]

ABBREVIATION_LETTERS = 3
"""The letters of a weekday's name a cell may write it by ("Sun", "dim")."""
_WORDS = re.compile(r"[^\W\d_]+")


class UnheldRowDay(NamedTuple):
    asked: str
    """The day the question asks of, as it writes it."""
    held: list[str]
    """The days of that kind the table's rows write, as they write them, in their order."""
    writes: Callable[[str], bool]
    """Whether a text writes the asked day."""


def asked_weekday(question: str) -> tuple[str, str] | None:
    """The one weekday `question` names by its full name (its code, "SU", and the word as
    written), or None for none or several."""
    found = {
        (code, word)
        for word in _WORDS.findall(question)
        if (code := _full_names().get(fold(word))) is not None
    }
    codes = {code for code, _ in found}
    return min(found) if len(codes) == 1 else None


def writes_weekday(text: str, code: str) -> bool:
    """Whether `text` writes the weekday `code` ("SU") by its full name in either language."""
    return any(_full_names().get(fold(word)) == code for word in _WORDS.findall(text))


def unheld_row_day(
    question: str, citations: Sequence[Citation], documents: Mapping[str, Document]
) -> UnheldRowDay | None:
    """The weekday, else the day of a month, the question asks of that the first quote's table
    never writes while the quoted row writes another (see the module docstring), with those
    the table writes; None otherwise."""
    if not citations:
        return None
    document = documents.get(citations[0].doc_id)
    table = None if document is None else table_rows(document.text, citations[0].start)
    if table is None:
        return None
    rows, _, quoted = table
    weekday = asked_weekday(question)
    if weekday is not None:
        code, asked = weekday
        return _unheld(code, asked, rows[1:], quoted - 1, _row_weekdays, _writing(code))
    day = _asked_day(question)
    if day is not None:
        term, asked = day
        return _unheld(term, asked, rows[1:], quoted - 1, _row_days, _writing_day(term))
    return None


def _unheld(
    key: str,
    asked: str,
    rows: Sequence[Sequence[str]],
    quoted: int,
    days_of: Callable[[Sequence[str]], dict[str, str]],
    writes: Callable[[str], bool],
) -> UnheldRowDay | None:
    """The unheld day `key` (as the question writes it, `asked`) of the table's `rows` (its
    header left out), the quoted one at `quoted`, each row's days read by `days_of`."""
    row_days = [days_of(row) for row in rows]
    quoted_days = row_days[quoted]
    if not quoted_days or key in quoted_days or any(key in days for days in row_days):
        return None
    held = list(dict.fromkeys(word for days in row_days for word in days.values()))
    return UnheldRowDay(asked, held, writes)


def _writing(code: str) -> Callable[[str], bool]:
    return lambda text: writes_weekday(text, code)


def _writing_day(term: str) -> Callable[[str], bool]:
    return lambda text: any(term in terms for *_, terms in day_spans(lexical_fold(text)))


def _asked_day(question: str) -> tuple[str, str] | None:
    """The one day of a month with no year `question` writes (its term, "--03-05", and its
    writing), or None (none, several, or one with its year: unheld_days.py's)."""
    folded = lexical_fold(question)
    spans = day_spans(folded)
    if len(spans) != 1 or len(folded) != len(question):
        return None
    start, end, terms = spans[0]
    if any(len(term) == len("2026-03-05") for term in terms):
        return None
    day = next((term for term in terms if term.startswith("--")), None)
    return None if day is None else (day, question[start:end])


def _row_weekdays(row: Sequence[str]) -> dict[str, str]:
    """The weekdays a row's cells write (code: the word as written): a full name anywhere in a
    cell, or an abbreviation as the cell's one word."""
    days: dict[str, str] = {}
    for cell in row:
        words = _WORDS.findall(cell)
        for word in words:
            code = _full_names().get(fold(word))
            if code is None and len(words) == 1:
                code = _abbreviations().get(fold(word))
            if code is not None:
                days.setdefault(code, word)
    return days


def _row_days(row: Sequence[str]) -> dict[str, str]:
    """The days of a month a row's cells write (their "--MM-DD" term: the cell as written)."""
    days: dict[str, str] = {}
    for cell in row:
        for _, _, terms in day_spans(lexical_fold(cell)):
            for term in terms:
                if term.startswith("--"):
                    days.setdefault(term, cell.strip())
    return days


@cache
def _full_names() -> dict[str, str]:
    """Each weekday's full name in either language (folded) with its code."""
    data = data_json("recurrence_words.json")
    return {fold(name): code for lang in ("en", "fr") for code, name in data[lang]["days"].items()}


@cache
def _abbreviations() -> dict[str, str]:
    """Each weekday's first ABBREVIATION_LETTERS letters in either language with its code."""
    return {name[:ABBREVIATION_LETTERS]: code for name, code in _full_names().items()}
