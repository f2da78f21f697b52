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
  and none of them, the quoted one included, is dated that day.

A document dated that day whose text never writes it (a file name's date alone) answers, as
its date makes it the asked one. No I/O: the documents are read from the bank.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from citeqa.later_statements import remembered_date
from citeqa.models import Document

__all__ = ["CLOSEST_DATED", "UnheldDay", "unheld_day"]

CLOSEST_DATED = 3
"""The most dated documents a reason names, the closest to the asked day first."""


class UnheldDay(NamedTuple):
    day: str
    """The date the question asks of, as it writes it."""
    closest: list[str]
    """The dated documents closest to that day, each as "name (YYYY-MM-DD)"."""


def unheld_day(
    unwritten: Sequence[tuple[str, str]], quoted: Document, read: Sequence[Document]
) -> UnheldDay | None:
    """The first day of `unwritten` (as typed, "YYYY-MM-DD") that neither the `quoted` document
    nor any document of `read` is dated, while one of them is dated, with the closest dated
    ones; None otherwise (no day asked that the corpus never writes, no dated document read, or
    one dated the asked day)."""
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
        if day in dated.values():
            continue
        nearest = sorted(dated, key=lambda doc_id: (_apart(dated[doc_id], day), doc_id))
        named = [f"{_name_of(documents[doc_id])} ({dated[doc_id]})" for doc_id in nearest]
        return UnheldDay(typed, named[:CLOSEST_DATED])
    return None


def _apart(first: str, second: str) -> int:
    """How many days lie between two ISO dates."""
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days)


def _name_of(document: Document) -> str:
    """A document as a reason names it: its file's name, else its title."""
    name = document.path.replace("\\", "/").rsplit("/", 1)[-1] if document.path else ""
    return name or document.title
