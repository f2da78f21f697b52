"""A question asking of a year that the passages its answer stands in never write, while they
write years before or after it: "Q3 2027 travel budget" of a budget whose sheets are "2025"
and "2026".

The answer layer quoted the 2026 row (.82, session 23's user trial): the asked year weighs as
one word among the question's, and the row holds every other one ("Q3", "Travel") under a
sheet name that is a sibling year. The question abstains, naming the years those passages
write, when all of these hold:

- the question writes one year (`YEAR`: 1800 to 2199, standing alone, not a piece of a longer
  number, a date "2027-03-01" or a code "INC-2027-04");
- the answer chosen (its quotes) stands in passages none of which writes it (in a date or a
  span too: `WRITTEN`; a table cell holding only a number is an amount, not a year), in its
  text, the section it is cited under (a sheet's name) or its document's title;
- they write other years, and the asked one lies after all of them or before all of them,
  in no decade they write ("1960" holds 1965): the answer is about a sibling of what the
  question asks. A year between two they write may be told of as a span ("from 1811 to
  1861"), a question about a year that passages of undated prose never write keeps its
  answer, and so does a question asking of several years ("en 1968, 1969 et 1970", "entre
  1962 et 1965").

Other passages read may write the year (a project list's "2027" beside the budget): only what
the answer stands in tells whether it answers of that year. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from citeqa.models import Citation, Document, Hit

__all__ = ["UnheldYear", "answer_texts", "unheld_year"]

YEAR = re.compile(r"(?<![\w.,/-])(1[89]\d\d|2[01]\d\d)(?![\w/-]|[.,]\d)")
"""A year written alone: not within a longer number ("12027", "2,027"), a date ("2027-03-01",
"01/03/2027") nor a code ("INC-2027-04", "v2027")."""
WRITTEN = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
"""A year as a document may write it, in a date ("2026-03-15") or a span ("2026/27") too: a
year written so is held."""
_NUMBER_CELL = re.compile(r"\|[ \t]*\d[\d \t.,]*(?=\|)")
"""A table cell holding only a number."""
HELD_NAMED = 4
"""How many of the years the documents write the reason names (the closest to the asked)."""


class UnheldYear(NamedTuple):
    year: str
    """The year the question asks of, as it writes it."""
    held: list[str]
    """The years the documents write, the closest to the asked one first."""


def unheld_year(question: str, labels: Sequence[str], bodies: Sequence[str]) -> UnheldYear | None:
    """The year the question asks of that none of `labels` (the sections the answer is cited
    under, their documents' titles) nor `bodies` (the passages holding its quotes) writes while
    they write others, with those (the labels' first: a body's "2100" may be an amount); None
    when there is none."""
    asked = set(YEAR.findall(question))
    if len(asked) != 1:  # "en 1968, 1969 et 1970", "entre 1962 et 1965": a span, read whole
        return None
    year = asked.pop()
    named = {other for text in labels for other in WRITTEN.findall(text)}
    written = named | {
        other for text in bodies for other in WRITTEN.findall(_no_number_cells(text))
    }
    if not written or not _outside(int(year), {int(other) for other in written}):
        return None
    held = sorted(named or written, key=lambda other: (abs(int(other) - int(year)), other))
    return UnheldYear(year, sorted(held[:HELD_NAMED]))


def _no_number_cells(text: str) -> str:
    """`text` without the cells of its tables that hold only a number: an amount ("| 2100 |"
    in a budget row) that reads as a year would stretch the years written past the asked."""
    return _NUMBER_CELL.sub("|", text)


def _outside(year: int, written: set[int]) -> bool:
    """Whether `year` lies before every year written or after every one, and no decade
    written holds it ("1960", as in "the 1960s", holds 1965): a year between two written ones
    may be told of as a span ("from 1811 to 1861")."""
    decades = {other for other in written if other % 10 == 0}
    if year in written or year - year % 10 in decades:
        return False
    return year < min(written) or year > max(written)


def answer_texts(
    citations: Sequence[Citation], hits: Sequence[Hit], documents: Mapping[str, Document]
) -> tuple[list[str], list[str]]:
    """What an answer's quotes stand in: the sections they are cited under and their
    documents' titles, then the passages (of `hits`) holding them."""
    labels = [text for c in citations for text in (c.section or "", documents[c.doc_id].title)]
    bodies = [
        hit.chunk.text
        for citation in citations
        for hit in hits
        if hit.chunk.doc_id == citation.doc_id and hit.chunk.start <= citation.start < hit.chunk.end
    ]
    return labels, bodies
