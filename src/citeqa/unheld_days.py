"""A question asking of a full date (a day, a month and a year) that no passage writes, in any
form the build reads as that day ("2025-12-02", "02/12/2025", "2 déc. 2025": dates.py), while the
documents its answer reads are dated others: "Quelle décision a été prise à la réunion du 2
décembre 2025 ?" of a lab's minutes of 25 November and 9 December quoted the minutes of 10
December 2024 (s30 trial n03), "au 30 novembre 2024" a 2025 budget's row (n05).

unheld_years.py and unheld_months.py read a year or a month the answer's texts never write; a
day was read by dated_meetings.py only to find the minutes dated then, and a question naming
none was ranked as before. Here, once the answer models answered, the question abstains,
naming the dated documents closest to the day, when all of these hold:

- the question writes a date with its day, month and year (dates.day_spans), and no sentence
  of the corpus writes that day with its year (its term "YYYY-MM-DD" is in no sentence:
  QuestionTerms.unwritten_days, read by questions.analyse against the build's frequencies,
  only of an index that stored date terms);
- a document the answer read (its passages' and the ranking's documents) has a date of its own
  (later_statements.document_date: a header's "Date :" line, its title's or file name's date),
  and no document of the folder, the quoted one included, is dated that day (a file name alone
  may date minutes the ranking left out);
- no repeating calendar event of the folder may fall on it with its days unknown
  (series_answers.falling_on: its rule expanded as far as the day, within a budget; s32 trial
  a35); those falling on it are named in the reason ("… hors l'événement répété « LSM 980 »
  qui tombe ce jour-là"): no document writes the day, but their rules give it;
- no passage read writes a range of days around it ("du 1er au 3 décembre 2025", "December
  1-3, 2025", "du 30 novembre au 3 décembre 2025"): the build reads its last day alone.

A document dated that day whose text never writes it (a file name's date alone) answers, as
its date makes it the asked one. No I/O: the documents are read from the bank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date
from typing import NamedTuple

from citeqa.dates import calendar_day, day_spans, is_full_day_term, iso_day, month_number
from citeqa.later_statements import remembered_date
from citeqa.lexical import fold
from citeqa.models import Document

__all__ = ["CLOSEST_DATED", "UnheldDay", "held_days", "unheld_day"]

CLOSEST_DATED = 3
"""The most dated documents a reason names, the closest to the asked day first."""
LONGEST_RANGE = 366
"""The most days a range of dates read around the asked day spans ("du 1er au 3 décembre")."""

_ORDINAL = r"(?:er|st|nd|rd|th)?"
_TO = r"(?:[-‐‑‒–—]|au|a|to|through|until|till|jusqu.au)"
"""What joins a range's first day to its last, folded ("du 1er au 3", "1-3", "from 1 to 3")."""
_FIRST_DAY_BEFORE = re.compile(rf"(?<!\d)(\d{{1,2}}){_ORDINAL}\s*{_TO}\s*\Z")
"""A bare first day just before a date: "du 1er au |3 décembre 2025"."""
_BETWEEN_DATES = re.compile(rf"\A\s*{_TO}\s*\Z")
"""What stands between two dates making a range: "30 novembre| au |3 décembre 2025"."""
_MONTH_DAYS = re.compile(
    rf"\b([a-z]+)\.?\s+(\d{{1,2}}){_ORDINAL}\s*[-‐‑‒–—]\s*(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})\b"
)
"""An English month's range, which dates.py reads no date of: "december 1-3, 2025"."""
_FARTHEST = (date.max - date.min).days
"""How far apart two ISO dates are when one is no day of the calendar: farther than any two."""


class UnheldDay(NamedTuple):
    day: str
    """The date the question asks of, as it writes it."""
    closest: list[str]
    """The dated documents closest to that day, each as "name (YYYY-MM-DD)"."""
    repeating: tuple[str, ...] = ()
    """The repeating calendar events falling on that day (series_answers.falling_on): the
    reason names them, as no document writes the day but their rules give it."""


def unheld_day(
    unwritten: Sequence[tuple[str, str]],
    quoted: Document,
    read: Sequence[Document],
    *,
    read_texts: Sequence[str] = (),
    folder_days: Callable[[], Collection[str]] = frozenset,
    series_days: Callable[[str], list[str] | None] = lambda day: [],
) -> UnheldDay | None:
    """The first day of `unwritten` (as typed, "YYYY-MM-DD") that neither the `quoted` document
    nor any document of `read` is dated, nor the folder's (`folder_days`: its documents' dates,
    `held_days`), nor a range of `read_texts` holds, while a document read is dated, with the
    closest dated ones; None otherwise (no day asked that the corpus never writes, no dated
    document read, or one dated the asked day). The folder's days are asked for only once
    such a day is found, and then the repeating events of the folder falling on it
    (`series_days`: series_answers.falling_on), kept to be named, or None when one may (its
    days unknown): no claim is then made."""
    if not unwritten:
        return None
    documents = {document.doc_id: document for document in (quoted, *read)}
    dated = {
        doc_id: found
        for doc_id, document in documents.items()
        if (found := remembered_date(document)) is not None
    }
    if not dated:
        return None
    for typed, day in unwritten:
        if day in dated.values() or _in_a_range(day, read_texts):
            continue
        if day in folder_days() or (repeating := series_days(day)) is None:
            continue
        nearest = sorted(dated, key=lambda doc_id: (_apart(dated[doc_id], day), doc_id))
        named = [f"{_name_of(documents[doc_id])} ({dated[doc_id]})" for doc_id in nearest]
        return UnheldDay(typed, named[:CLOSEST_DATED], tuple(repeating))
    return None


def held_days(folder: Iterable[Document]) -> frozenset[str]:
    """The days the documents of `folder` are dated (later_statements.remembered_date): read
    once a loaded index (api), not once a question asking a day no passage writes (a folder of
    more documents than later_statements.DATED_DOCUMENTS was dated anew each time)."""
    return frozenset(day for document in folder if (day := remembered_date(document)) is not None)


def _apart(first: str, second: str) -> int:
    """How many days lie between two ISO dates (none of the calendar: as far as days can be)."""
    one, other = iso_day(first), iso_day(second)
    return abs((one - other).days) if one is not None and other is not None else _FARTHEST


def _name_of(document: Document) -> str:
    """A document as a reason names it: its file's name, else its title."""
    name = document.path.replace("\\", "/").rsplit("/", 1)[-1] if document.path else ""
    return name or document.title


def _in_a_range(day: str, texts: Sequence[str]) -> bool:
    """Whether one of `texts` writes a range of days from one day to another around `day`."""
    asked = iso_day(day)
    return asked is not None and any(
        first <= asked <= last and (last - first).days <= LONGEST_RANGE
        for text in texts
        for first, last in _ranges(fold(text))
    )


def _ranges(folded: str) -> Iterator[tuple[date, date]]:
    """The ranges of days a folded text writes, each as (first day, last day): a bare day or a
    date before a date with its year ("du 1er au 3 décembre 2025", "du 30 novembre au 3
    décembre 2025"), an English month with two days and a year ("december 1-3, 2025")."""
    before = 0
    previous: frozenset[str] = frozenset()
    for start, end, terms in day_spans(folded):
        last = _full_day(terms)
        if last is not None:
            bare = _FIRST_DAY_BEFORE.search(folded, before, start)
            if bare is not None:
                yield from _dated(last.year, last.month, int(bare.group(1)), last)
            elif previous and _BETWEEN_DATES.match(folded[before:start]):
                yield from _from_terms(previous, last)
        before, previous = end, terms
    for match in _MONTH_DAYS.finditer(folded):
        month = month_number(match.group(1))
        if month is not None:
            year, first, final = int(match.group(4)), int(match.group(2)), int(match.group(3))
            yield from _dated(year, month, first, calendar_day(year, month, final))


def _full_day(terms: frozenset[str]) -> date | None:
    """The day of a date's terms holding its year ("2025-12-03"), None without one."""
    full = next((term for term in terms if is_full_day_term(term)), None)
    return None if full is None else iso_day(full)


def _from_terms(terms: frozenset[str], last: date) -> Iterator[tuple[date, date]]:
    """The range from the date of `terms` (its year, else the last day's or the year before)
    to `last`."""
    first = _full_day(terms)
    if first is not None:
        yield first, last
        return
    yearless = next((term for term in terms if term.startswith("--") and len(term) == 7), None)
    if yearless is not None:
        month, day = int(yearless[2:4]), int(yearless[5:7])
        year = last.year if (month, day) <= (last.month, last.day) else last.year - 1
        yield from _dated(year, month, day, last)


def _dated(year: int, month: int, day: int, last: date | None) -> Iterator[tuple[date, date]]:
    """The range from that day to `last`, none when either is no day of the calendar."""
    first = calendar_day(year, month, day)
    if first is not None and last is not None:
        yield first, last
