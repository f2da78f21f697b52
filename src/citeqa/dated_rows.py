"""A status history table's latest row first: asked "What is the status of order PO-7781?",
a table whose rows each write one full date in one column ("| 2026-01-10 | PO-7781 | created
|" … "| 2026-01-24 | PO-7781 | delivered |") was quoted by its first row, the ranker liking
its words no less than the later rows' (s43 probe: "created" quoted, "delivered" unshown; a
grant's "| 2026-02-01 | déposé |" over its "| 2026-03-15 | accepté |").

Only a question asking a state (data/dated_rows.json `state_cues`: "status", "où en est",
"statut", "avancement"; or a closed question whose predicate is a state word, `state_words` and
`closed_questions`: "Is ticket 4530 resolved?", "La facture est-elle payée ?", whose history's
last entry may say "reopened" or "paid") is read so, and only when it writes no date nor year
(it asks that day's row). Among the first DATED_ROW_RANKS candidates, when the first is a table
row with one cell a full date alone (`_row_date`), another row of the same table (the bank's
`table_of`), with a later full date in the same column, that writes the same text as the first
in each cell whose words the question writes ("PO-7781": the asked key; "PO-7790"'s row is
another order's), is the latest row: its place is returned, to be quoted first. A log's entries,
lines of one list (one document and heading) each opening with a full date ("- 2026-03-06 14:10
— Roller kit ordered. Status: waiting for parts."), are read as rows of two cells, their date
and the rest; a later one must write the question's words holding a digit that the first writes
("4512"), as a later row must. No I/O.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from itertools import islice

from citeqa.dates import date_terms, day_spans, is_full_day_term
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold
from citeqa.tables import line_cells
from citeqa.unheld_years import asked_years

__all__ = ["DATED_ROW_RANKS", "DatedRow", "asks_a_state", "latest_dated_row"]

DATED_ROW_RANKS = 12
"""The first candidates (by the sentence ranker) among which a later-dated row may be moved
first: a status history's rows rank near one another, none far."""

DatedRow = tuple[str, object]
"""A candidate as read here: its text (a log entry's: its line) and the table or list it is a
row or entry of (None: neither)."""


@functools.cache
def _state_cues() -> re.Pattern[str]:
    """The state cues (data/dated_rows.json), folded, each matched at a word's start."""
    cues = data_json("dated_rows.json")["state_cues"]
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(fold(cue)) for cue in cues)})")


@functools.cache
def _state_words() -> re.Pattern[str]:
    """The state words (data/dated_rows.json), folded, each matched as a whole word."""
    words = data_json("dated_rows.json")["state_words"]
    return re.compile(
        rf"(?<![\w-])(?:{'|'.join(re.escape(fold(word)) for word in words)})(?![\w-])"
    )


@functools.cache
def _closed_questions() -> re.Pattern[str]:
    """What makes a folded question a closed (yes/no) one (data/dated_rows.json)."""
    return re.compile(
        "|".join(f"(?:{pattern})" for pattern in data_json("dated_rows.json")["closed_questions"])
    )


def asks_a_state(question: str) -> bool:
    """Whether the question asks the state a thing stands in (a state cue, or a closed
    question writing a state word: "Is ticket 4530 resolved?", "La facture est-elle payée
    ?") and writes no date nor year: a status history's latest row answers it."""
    folded = fold(question)
    if _state_cues().search(folded) is None and not _asks_if_in_state(folded):
        return False
    return not date_terms(folded) and not asked_years(question)


def _asks_if_in_state(folded: str) -> bool:
    """Whether the folded question is a closed one writing a state word."""
    return _closed_questions().search(folded) is not None and (
        _state_words().search(folded) is not None
    )


def _row_date(line: str) -> tuple[int, str, list[str]] | None:
    """The column and the full date ("YYYY-MM-DD") of the one cell of a table row that is a
    full date alone, and the row's cells folded; None for a line that is no row, or one
    writing no such cell or several."""
    cells = [fold(cell).strip() for cell in line_cells(line)]
    if len(cells) < 2:
        return _entry_date(line)
    found = [(at, _cell_day(cell)) for at, cell in enumerate(cells)]
    dated = [(at, day) for at, day in found if day is not None]
    return (dated[0][0], dated[0][1], cells) if len(dated) == 1 else None


_LIST_MARKER = re.compile(r"\s*(?:[-*\u2022+]|\d+[.)])\s+")
"""What opens a list item's line: "- ", "* ", "• ", "1. "."""


def _entry_date(line: str) -> tuple[int, str, list[str]] | None:
    """A log's entry, a line opening with a full date ("- 2026-03-06 14:10 — Sonia ordered a
    new roller kit. Status: waiting for parts."), read as a row of two cells: its date
    (column 0) and the rest; None for any other line."""
    marker = _LIST_MARKER.match(line)
    folded = fold(line[marker.end() if marker else 0 :]).strip()
    spans = day_spans(folded)
    if not spans or spans[0][0] != 0:
        return None
    days = [term for term in spans[0][2] if is_full_day_term(term)]
    if len(days) != 1:
        return None
    return 0, days[0], [folded[: spans[0][1]], folded[spans[0][1] :]]


def _cell_day(cell: str) -> str | None:
    """The full date a cell writes alone ("2026-01-10", "15 mars 2026"; no other word of
    three letters or more beside it), else None."""
    spans = day_spans(cell)
    if len(spans) != 1:
        return None
    start, end, terms = spans[0]
    days = [term for term in terms if is_full_day_term(term)]
    rest = f"{cell[:start]} {cell[end:]}"
    return days[0] if len(days) == 1 and _LONG_WORD.search(rest) is None else None


_LONG_WORD = re.compile(r"[^\W\d_]{3,}")
_WORDS = re.compile(r"[^\W_]+")


def latest_dated_row(question: str, rows: Sequence[DatedRow]) -> int | None:
    """The place, among the first DATED_ROW_RANKS `rows`, of the latest-dated row of the first's
    table that writes the first's asked cells (see the module's docstring); None when the first
    is no dated row or none is later."""
    if not rows or rows[0][1] is None:
        return None
    first = _row_date(rows[0][0])
    if first is None:
        return None
    column, latest, cells = first
    folded = f" {' '.join(_WORDS.findall(fold(question)))} "
    asked = [at for at, cell in enumerate(cells) if at != column and _written(cell, folded)]
    numbered = _asked_numbers(cells, column, folded)
    best = None
    for place, (text, table) in enumerate(islice(rows, DATED_ROW_RANKS)):
        read = _row_date(text) if place and table == rows[0][1] else None
        if read is None or read[0] != column or read[1] <= latest or len(read[2]) != len(cells):
            continue
        if all(read[2][at] == cells[at] for at in asked) and _keeps_numbers(read[2], numbered):
            best, latest = place, read[1]
    return best


def _asked_numbers(cells: list[str], column: int, folded_question: str) -> set[str]:
    """The question's words holding a digit ("4512", "po-7781" as "po", "7781") that the
    first row's cells but its date write: a later row must write them too (a log of several
    tickets' entries holds others')."""
    words = {word for at, cell in enumerate(cells) if at != column for word in _WORDS.findall(cell)}
    return {word for word in words if any(c.isdigit() for c in word)} & set(folded_question.split())


def _keeps_numbers(cells: list[str], numbered: set[str]) -> bool:
    """Whether a row's cells write every word of `numbered`."""
    return numbered <= {word for cell in cells for word in _WORDS.findall(cell)}


def _written(cell: str, folded_question: str) -> bool:
    """Whether the question (its words, spaced) writes all of a cell's words, one at least."""
    words = _WORDS.findall(cell)
    return bool(words) and f" {' '.join(words)} " in folded_question
