"""A question naming a value of a table's column that the quoted row does not hold, while a
sibling row of the same table holds it in that column: "How much did the dentist cost for
Léo?" answered by the row "| 11/03/2025 | Emma | Dentiste - couronne céramique | 650 |" of a
claims sheet whose `Bénéficiaire` column writes "Léo" in another row; "What is Chloé's passport
number?" answered by "| Chloé | Carte d'identité | Z8PQ33W07 |" of a table whose `Document`
column writes "Passeport" and "UK passport" in other rows (s27 trial, at .34 and .72).

Every other word of the question matched the row, so the answer models read it as the answer;
the one word telling the two records apart (the person, the document's kind) weighs as one
term among the question's. What is checked here, once the answer is chosen, on the first
quote when it is one row of a markdown table (`| a | b |` lines: what the readers make of a
spreadsheet, a CSV or a markdown file's table): a word of the question (no stopword, no
number: years and ids are unheld_years.py's and unheld_codes.py's) that

- the quoted row and the table's header row never write,
- a sibling row of the table writes in one column, whose cell in the quoted row is filled,
  short (`SHORT_CELL` words at most: a name, a kind; not a comment) and writes no word of the
  question (the row's value of that column is another, not a part of what is asked),

tells that the row is another record's: the answer abstains naming the asked word and the
quoted row's value, unless a sibling row writes the asked word in that column and every word
of the question the quoted row writes (then the answer's row was one of two the question may
mean, left to the answer models). A question naming the quoted row by its key cell
(tables.key_column: "Who is Alice Durand's manager?" on `| Alice Durand | Engineer | Bob
Martin |`) asks that row: the answer stands when no sibling row fits and only one row writes
the asked word in that column (Bob Martin's Role "Manager": another record's own value, not a
kind the named row lacks); when several do ("Passeport", "UK passport": a kind of document
rows share), the named row is of another kind and the check holds. Tables are read by
tables.table_of (escaped pipes, tab rows); each column's words are folded once. No I/O; no
word list but the stopwords.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from citeqa.lexical import fold, stopwords
from citeqa.models import Citation, Document
from citeqa.questions import question_words, visible_text
from citeqa.tables import key_column, table_of

__all__ = ["UnheldCell", "table_rows", "unheld_cell"]

SHORT_CELL = 4
"""The most words a cell naming a record's value may hold ("Léo", "Carte d'identité", "UK
passport"): a longer one is a comment or a description, whose words may be anything."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s$")
ALIKE = 80
"""How alike (rapidfuzz's ratio, 0 to 100) two folded words are at least to be read as one."""
FUZZY_LENGTH = 6
"""The fewest letters of two words compared by `ALIKE` rather than whole."""

Rows = list[list[str]]


class UnheldCell(NamedTuple):
    asked: str
    """The question's word as it writes it, without a possessive's "'s" ("Léo", "passport")."""
    held: str
    """The quoted row's cell of that column ("Emma", "Carte d'identité")."""
    instead: tuple[int, int] | None = None
    """Where the one sibling row writing the asked word in that column and every word of the
    question the quoted row writes stands in the document (start, end), to quote instead
    ("Julien passport number" answered by Julien's identity card row: his passport's row);
    None when no such row or several are: the answer abstains."""


def unheld_cell(
    focus: str, citations: Sequence[Citation], documents: Mapping[str, Document]
) -> UnheldCell | None:
    """The word of the question (`focus`) that a sibling row of the first quote's table writes
    in a column whose cell in the quoted row is another value (the module's rules), with that
    cell and the row to quote instead, if one; None when the first quote is no table row, no
    such word is found, several sibling rows may be the one asked, or the question names the
    quoted row by its key and no other row fits."""
    if not citations:
        return None
    first = citations[0]
    document = documents.get(first.doc_id)
    table = None if document is None else table_rows(document.text, first.start)
    if table is None:
        return None
    rows, spans, quoted = table
    asked = _asked_words(focus)
    row_words = [_words(cell) for cell in rows[quoted]]
    in_row = set().union(*row_words)
    written = in_row.union(*(_words(cell) for cell in rows[0]))
    wanted = {word for word in asked if _holds(in_row, word)}
    columns: dict[int, dict[str, list[int]]] = {}
    for word, as_written in asked.items():
        if _holds(written, word):
            continue
        for column, cell in enumerate(rows[quoted]):
            if not _names_a_value(row_words[column], asked):
                continue
            if column not in columns:
                columns[column] = _column_words(rows, column, quoted)
            holding = _holding(columns[column], word)
            if not holding:
                continue
            fitting = [at for at in holding if _holds_all(rows[at], wanted)]
            if len(fitting) > 1:
                return None  # several rows may be the one asked: the answer models' choice
            if not fitting and len(holding) == 1 and _names_key(rows, quoted, asked):
                return None  # "Alice Durand's manager": the named row, Bob's Role "Manager"
            instead = spans[fitting[0]] if fitting else None
            return UnheldCell(as_written, cell, instead)
    return None


def table_rows(text: str, at: int) -> tuple[Rows, list[tuple[int, int]], int] | None:
    """The rows (as cells, the header's first, a separator line left out) of the table whose
    line holds `at` in `text` (tables.table_of), where each row's line stands (start, end),
    and the place of that line's row; None when that line is no table row or is the header.
    The whole table is read, however long (benchmarks/unheld_cell_cost.py)."""
    table = table_of(text, at)
    if table is None:
        return None
    rows, spans = table
    quoted = next((place for place, (start, end) in enumerate(spans) if start <= at <= end), 0)
    return (rows, spans, quoted) if quoted > 0 else None


def _names_key(rows: Rows, quoted: int, asked: Mapping[str, str]) -> bool:
    """Whether the question (its `asked` words) writes every word of the quoted row's cell in
    its table's key column (tables.key_column): it names that row ("Alice Durand")."""
    column = key_column(rows)
    if column is None or column >= len(rows[quoted]):
        return False
    key = _words(rows[quoted][column])
    return bool(key) and all(word in asked for word in key)


def _column_words(rows: Rows, column: int, quoted: int) -> dict[str, list[int]]:
    """Each folded word of the short cells (`SHORT_CELL` words at most: "Léo", "UK passport";
    not a ticket's subject or message) of `column` in the sibling rows of `quoted`, with the
    rows writing it: each cell folded once, however many words are asked."""
    found: dict[str, list[int]] = {}
    for at in range(1, len(rows)):
        if at == quoted or column >= len(rows[at]):
            continue
        cell = _words(rows[at][column])
        if len(cell) <= SHORT_CELL:
            for word in cell:
                found.setdefault(word, []).append(at)
    return found


def _holding(column: Mapping[str, list[int]], word: str) -> list[int]:
    """The sibling rows whose cell of a column (its words, `_column_words`) holds `word`
    (`_holds`), in order."""
    rows = {at for other, places in column.items() if _same(word, other) for at in places}
    return sorted(rows)


def _asked_words(focus: str) -> dict[str, str]:
    """The question's words that may name a value (folded, with their writing, a possessive's
    "'s" left out: "Emma's" is "Emma"): no stopword, no number (a year, an id, an amount are
    other modules')."""
    stop = stopwords()
    asked: dict[str, str] = {}
    for word in question_words(focus):
        folded = _POSSESSIVE.sub("", fold(word))
        if folded in stop or len(folded) < 2 or _DIGIT.search(folded):
            continue
        asked.setdefault(folded, _POSSESSIVE.sub("", word))
    return asked


def _words(cell: str) -> set[str]:
    """The folded words of a cell as it shows (`visible_text`: a terminal escape pasted in,
    "Emma\x1b[31m", gave it the word "31m", whose digit hid the name: s29 hostile probe F4), a
    possessive's "'s" left out ("Chloé's": "chloe")."""
    return {_POSSESSIVE.sub("", fold(word)) for word in _WORD.findall(visible_text(cell))}


def _holds(words: set[str], word: str) -> bool:
    """Whether `words` hold `word` (`_same`): a row writing the asked word so answers of it."""
    return word in words or any(_same(word, other) for other in words)


def _same(word: str, other: str) -> bool:
    """Whether two folded words are one: equal, or, for words of `FUZZY_LENGTH` letters or
    more, close enough to be the same word across the two languages or a spelling (`ALIKE`:
    "dentist" and "Dentiste", "passport" and "Passeport"). Short words are matched whole
    ("use" is no "se", "price" no "prise")."""
    if word == other:
        return True
    if len(word) < FUZZY_LENGTH or len(other) < FUZZY_LENGTH:
        return False
    return fuzz.ratio(word, other) >= ALIKE


def _holds_all(row: Sequence[str], wanted: set[str]) -> bool:
    """Whether a row's cells write every word of `wanted`."""
    words = set().union(*map(_words, row))
    return all(_holds(words, word) for word in wanted)


def _names_a_value(cell: set[str], asked: Mapping[str, str]) -> bool:
    """Whether a quoted row's cell (its words) names a value the question does not ask: filled,
    short, no digit (a date, an amount, an id or a subject naming one: "Refund for order
    48213"), writing no word of the question."""
    if not cell or len(cell) > SHORT_CELL or any(_DIGIT.search(word) for word in cell):
        return False
    return not any(_holds(cell, word) for word in asked)
