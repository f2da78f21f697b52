"""A question asking of a year that the passages its answer stands in never write, while they
write years before or after it: "Q3 2027 travel budget" of a budget whose sheets are "2025"
and "2026".

The answer layer quoted the 2026 row (.82, session 23's user trial): the asked year weighs as
one word among the question's, and the row holds every other one ("Q3", "Travel") under a
sheet name that is a sibling year. The question abstains, naming the years those passages
write, when all of these hold:

- the question writes one year (`YEAR`: 1800 to 2199, standing alone, not a piece of a longer
  number, a date "2027-03-01" or a code "INC-2027-04", nor an amount or a list's number: a
  unit or currency after it, "2000 GBP", or a list's noun before it, "extension 2105", data
  year_cues.json);
- no passage the answer stands in writes that number, as a year or not (a directory's row
  "Dana Reyes,2105,B12" answers "Who is on extension 2105?"), but for an end of a span of two
  years ("comptes 2023-2024", unheld_periods.SPAN) while the answer's labels name a meeting
  and another year alone, never the asked one (`_span_ends_dropped`): the minutes "du 15 juin 2024"
  writing "comptes 2023-2024" are no minutes of 2023, nor is the convocation of "20 mai
  2025" writing "cotisations 2025-2026" one of 2026 (s29 trial: both answered "AG 2023",
  "assemblée générale 2026");
- the answer chosen (its quotes) stands in passages none of which writes it (in a date or a
  span too: `WRITTEN`; a table cell holding only a number is an amount, not a year), in its
  text, the section it is cited under (a sheet's name) or its document's title;
- they write other years, and the asked one lies after all of them or before all of them,
  in no decade they write ("1960" holds 1965): the answer is about a sibling of what the
  question asks. A year between two they write may be told of as a span ("from 1811 to
  1861"), a question about a year that passages of undated prose never write keeps its
  answer, and so does a question asking of several years ("en 1968, 1969 et 1970", "entre
  1962 et 1965");
- no document the answer is quoted from keys a table row by that year (`_keys_a_row`: a line
  opening with the year alone, then cells, one a number: "2021    63    0,22" in a PDF's
  table, "| 2021 | 63 |", beside a line of as many cells; a timeline's "2021   Opened 3
  offices" or a reference list's "2021  Smith J. … 12:34" is no table): such a document
  holds the asked year's values, so the passages read missed them rather than the documents
  lacking them (session 24: "How many isolates were tested in 2021
  in the SDHI study?" quoted the paper's introduction, which writes 2012, and abstained while
  the paper's table has a row for 2021). A year written in prose elsewhere in the document
  keeps the rule ("traps were run in 2022 and 2023" is no count for 2022).

Other passages read may write the year (a project list's "2027" beside the budget): only what
the answer stands in tells whether it answers of that year. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple

from citeqa.dates import YEAR_DIGITS
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.models import Citation, Document, Hit
from citeqa.unheld_periods import SPAN, periods_written

__all__ = [
    "UnheldYear",
    "answer_texts",
    "asked_years",
    "counted_number",
    "cued_number",
    "unheld_year",
    "unit_words",
]

YEAR = re.compile(rf"(?<![\w.,/-])({YEAR_DIGITS})(?![\w/-]|[.,]\d)")
"""A year written alone: not within a longer number ("12027", "2,027"), a date ("2027-03-01",
"01/03/2027") nor a code ("INC-2027-04", "v2027")."""
WRITTEN = re.compile(rf"(?<!\d)({YEAR_DIGITS})(?!\d)")
"""A year as a document may write it, in a date ("2026-03-15") or a span ("2026/27") too: a
year written so is held."""
_NUMBER_CELL = re.compile(r"\|[ \t]*\d[\d \t.,]*(?=\|)")
"""A table cell holding only a number."""
_NEXT_WORD = re.compile(r"[ \t\u00a0\u202f]*([^\s,;:!?()«»“”\"']+)")
"""The word right after a number: a unit or currency makes it an amount ("2000 GBP")."""
_LAST_WORD = re.compile(r"[^\s,;:!?()«»“”\"']+$")
"""The word right before a number: a list's noun makes it a record's ("extension 2105")."""
_PLURAL_WORD = re.compile(r"[^\W\d_]{2,}[sx]")
"""A word of letters ending as an English or French plural does ("eleves", "spectators",
"metres"): a counted noun after a number."""
HELD_NAMED = 4
"""How many of the years the documents write the reason names (the closest to the asked)."""


class UnheldYear(NamedTuple):
    year: str
    """The year the question asks of, as it writes it."""
    held: list[str]
    """The years the documents write, the closest to the asked one first."""


def unheld_year(
    question: str,
    labels: Sequence[str],
    bodies: Sequence[str],
    documents: Sequence[str] = (),
    of_a_meeting: bool = False,
) -> UnheldYear | None:
    """The year the question asks of that none of `labels` (the sections the answer is cited
    under, their documents' titles) nor `bodies` (the passages holding its quotes) writes while
    they write others, with those (the labels' first: a body's "2100" may be an amount); None
    when there is none, or when one of `documents` (the texts of the documents quoted) keys a
    table row by it. `of_a_meeting`: the labels name a meeting (later_statements.
    asks_of_a_meeting), whose year a span's end is not (`_span_ends_dropped`)."""
    asked = set(asked_years(question))
    if len(asked) != 1:  # "en 1968, 1969 et 1970", "entre 1962 et 1965": a span, read whole
        return None
    year = asked.pop()
    bodies = _span_ends_dropped(year, labels, bodies, of_a_meeting)
    if any(_writes_number(text, year) for text in bodies):
        return None  # "extension 2105" in a directory's row: the number is held, year or not
    named = {other for text in labels for other in WRITTEN.findall(text)}
    written = named | {
        other for text in bodies for other in WRITTEN.findall(_no_number_cells(text))
    }
    if not written or not _outside(int(year), {int(other) for other in written}):
        return None
    if any(_keys_a_row(text, year) for text in documents):
        return None  # the document tabulates the asked year: the passages read missed its row
    held = sorted(named or written, key=lambda other: (abs(int(other) - int(year)), other))
    return UnheldYear(year, sorted(held[:HELD_NAMED]))


def _span_ends_dropped(
    year: str, labels: Sequence[str], bodies: Sequence[str], of_a_meeting: bool
) -> list[str]:
    """`bodies` without the spans of two years one end of which is `year` ("2025-2026" for
    2026) when they write it only so and `labels` (the answer's sections and titles) name a
    meeting (`of_a_meeting`: minutes, a convocation; a price list or an
    annual report of "FY 2023-2024" holds values of both years) and write no year but spans (a
    season's "Budget 2025-2026" is of both its years), or `year` itself, or another year alone
    ("le 20 mai 2025": the meeting is of that one); else `bodies`."""
    if not of_a_meeting:
        return list(bodies)
    alone = {other for text in labels for other in WRITTEN.findall(_without_spans(text))}
    if not alone or any(year in WRITTEN.findall(text) for text in labels):
        return list(bodies)
    dropped = [_without_spans(text, int(year)) for text in bodies]
    if any(_writes_number(text, year) for text in dropped):
        return list(bodies)  # written alone too: held
    return dropped


def _without_spans(text: str, end: int | None = None) -> str:
    """`text` without its spans of two following years (unheld_periods.periods_written), or
    only those one end of which is `end`."""

    def dropped(match: re.Match[str]) -> str:
        periods = periods_written(match.group())
        if not periods or (end is not None and all(end not in period for period in periods)):
            return match.group()
        return " "

    return SPAN.sub(dropped, text)


def asked_years(question: str) -> list[str]:
    """The years `question` writes (`YEAR`), but for a number a unit or currency follows
    ("2000 GBP"), a sign precedes ("$2000") or a list's noun precedes ("extension 2105"):
    data year_cues.json."""
    return [match.group() for match in YEAR.finditer(question) if not cued_number(question, match)]


def unit_words() -> frozenset[str]:
    """The units and currencies (folded) whose word after a number makes it no year."""
    return _cues()[0]


def cued_number(text: str, match: re.Match[str]) -> bool:
    """Whether the number of 1800 to 2199 `match` finds in `text` is no year: a unit or currency
    follows ("2000 GBP", "2000 personnes"), a sign precedes ("$2000") or a list's noun precedes
    ("extension 2105"): data year_cues.json."""
    units, signs, nouns = _cues()
    before = text[: match.start()].rstrip()
    after = _NEXT_WORD.match(text, match.end())
    previous = _LAST_WORD.search(before)
    return (
        before.endswith(signs)
        or (previous is not None and fold(previous.group()) in nouns)
        or (after is not None and fold(after.group(1)).rstrip(".") in units)
    )


def counted_number(text: str, match: re.Match[str]) -> bool:
    """Whether the number of 1800 to 2199 `match` finds in folded `text` counts something: a
    plural word of letters follows it ("le lycee compte 1850 eleves", "holds 2000 spectators")
    and a word precedes it that is no year's (year_cues.json year_before: "en 1850", "since
    1990", "the 2023 accounts", a month). A number opening the text stays a year ("2024 results"
    heads a section as often as it counts)."""
    after = _NEXT_WORD.match(text, match.end())
    word = after.group(1).rstrip(".") if after is not None else ""
    if not _PLURAL_WORD.fullmatch(word) or word in _year_words()[1]:
        return False
    previous = _LAST_WORD.search(text[: match.start()].rstrip())
    if previous is None:
        return bool(text[: match.start()].strip())  # after a colon or a dash: "Effectif : 1850"
    return previous.group() not in _year_words()[0]


@cache
def _year_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words before and after a number of year_cues.json that keep it a year."""
    cues = data_json("year_cues.json")
    return frozenset(cues["year_before"]), frozenset(cues["year_after"])


@cache
def _cues() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """The units after, signs before and nouns before a number of year_cues.json."""
    cues = data_json("year_cues.json")
    return (
        frozenset(cues["units_after"]),
        tuple(cues["signs_before"]),
        frozenset(cues["nouns_before"]),
    )


def _writes_number(text: str, number: str) -> bool:
    """Whether `text` writes `number` as a whole number, with a thousands separator or not
    ("2,000", "2 000")."""
    head, tail = number[0], number[1:]
    return re.search(rf"(?<![\d.,]){head}[,.\u00a0\u202f ]?{tail}(?![\d]|[.,]\d)", text) is not None


def _keys_a_row(text: str, year: str) -> bool:
    """Whether a line of `text` is a table's row keyed by `year`: the year alone in its first
    cell (after a pipe, or at the line's start), then cells (`_cells`: a pipe, a tab or two
    spaces break them, a PDF's table columns), one of them a number alone ("2021    63
    0,22", "| 2021 | 63 |"), and a line right above or below it cut into as many cells (the
    table's other rows, its header or a markdown table's `| --- |` line). "2021 was dry",
    "2021: 63 isolates", a timeline's "2021   Opened 3 offices" or a reference's "2021  Smith
    J. Nature 12:34" is no row."""
    if year not in text:
        return False  # no line can open with it: the document is not cut into lines
    lines = text.splitlines()
    opening = _row_opening(year)
    for number, line in enumerate(lines):
        if not opening.match(line):
            continue
        cells = _cells(line)
        if not any(_NUMBER_ALONE.fullmatch(cell) for cell in cells[1:]):
            continue
        neighbours = lines[max(number - 1, 0) : number] + lines[number + 1 : number + 2]
        if any(len(_cells(other)) == len(cells) for other in neighbours):
            return True
    return False


@cache
def _row_opening(year: str) -> re.Pattern[str]:
    """A line opening with `year` alone in its first cell (`_keys_a_row`), compiled once."""
    return re.compile(rf"[ \t]*(?:\|[ \t]*)?{year}(?:[ \t]*\||\t|[ \t]{{2,}})")


_CELL_BREAK = re.compile(r"[ \t]*\|[ \t]*|[ \t]*\t[ \t]*|[ \t]{2,}")
"""What parts a table row's cells: a pipe, a tab, or two spaces or more."""
_NUMBER_ALONE = re.compile(r"[-+−]?\d[\d \u00a0\u202f.,]*%?")
"""A cell holding a number alone ("63", "0,22", "1 204", "12.5%")."""


def _cells(line: str) -> list[str]:
    """The cells of `line` read as a table row (`_CELL_BREAK`), a markdown row's outer pipes
    left out; one cell for a line of prose."""
    return _CELL_BREAK.split(line.strip().strip("|").strip())


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
) -> tuple[list[str], list[str], list[str]]:
    """What an answer's quotes stand in: the sections they are cited under and their
    documents' titles, then the passages (of `hits`) holding them, then those documents'
    texts (each once)."""
    labels = [text for c in citations for text in (c.section or "", documents[c.doc_id].title)]
    bodies = [hit.chunk.text for citation in citations for hit in hits if hit.chunk.holds(citation)]
    texts = [documents[doc_id].text for doc_id in dict.fromkeys(c.doc_id for c in citations)]
    return labels, bodies, texts
