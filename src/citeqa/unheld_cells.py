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
word list but the stopwords and the English words (known_words: which capitalised word opening
a question is no name). A table whose records are its columns (column_records.py: the
"Efficacy" row of a slide comparing studies) is left alone: its rows are fields, not records,
and its last cell no record the row is "of" (record_cells.py answers it).

Two words are one when equal or alike (alike_words.py: "dentist" and "Dentiste", "passport"
and "Passeport"), but a name (capitalised by the question, `_written_names`, or by a cell of the
table, whatever the question's case: "martine" of "| Martine |", s29 review C) is a person,
and names a letter apart are two ("Martin" and "Martine", "Dupont" and "Dupond": s28 re-read,
Martin's row was read as Martine's): an asked name is only held as written, or, when no cell of
the table writes it, as the one word of the table alike it (a typo: "Martinne" of "Martine");
alike several, it is held by none. A typo's row is never quoted instead: "Dupond", written by no
cell, may be Dupont or a person the table lacks (s29 review C), so Durand's row quoted for him
abstains, naming both, and is not replaced by Dupont's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from citeqa.alike_words import alike, alike_among
from citeqa.column_records import record_columns
from citeqa.known_words import known_word
from citeqa.lexical import fold, stopwords
from citeqa.models import Citation, Document
from citeqa.questions import question_words, visible_text
from citeqa.tables import key_column, table_of

__all__ = [
    "Rows",
    "UnheldCell",
    "asked_words",
    "cell_words",
    "holds_word",
    "table_rows",
    "unheld_cell",
]

SHORT_CELL = 4
"""The most words a cell naming a record's value may hold ("Léo", "Carte d'identité", "UK
passport"): a longer one is a comment or a description, whose words may be anything."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s$")

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
    if record_columns(rows) is not None:
        return None  # a row of fields of records by columns is no record (record_cells.py)
    asked = asked_words(focus)
    same = _Sameness(rows, _written_names(focus, asked))
    row_words = [cell_words(cell) for cell in rows[quoted]]
    in_row = set().union(*row_words)
    written = in_row.union(*(cell_words(cell) for cell in rows[0]))
    wanted = {word for word in asked if same.held(in_row, word)}
    columns: dict[int, dict[str, list[int]]] = {}
    for word, as_written in asked.items():
        if same.held(written, word):
            continue
        for column, cell in enumerate(rows[quoted]):
            if not _names_a_value(row_words[column], asked, same):
                continue
            if column not in columns:
                columns[column] = _column_words(rows, column, quoted)
            holding, by_typo = same.holding(columns[column], word)
            if not holding:
                continue
            fitting = [at for at in holding if same.held(_row_words(rows[at]), *wanted)]
            if len(fitting) > 1:
                return None  # several rows may be the one asked: the answer models' choice
            if not fitting and len(holding) == 1 and _names_key(rows, quoted, asked):
                return None  # "Alice Durand's manager": the named row, Bob's Role "Manager"
            instead = spans[fitting[0]] if fitting and not by_typo else None
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
    key = cell_words(rows[quoted][column])
    return bool(key) and all(word in asked for word in key)


def _column_words(rows: Rows, column: int, quoted: int) -> dict[str, list[int]]:
    """Each folded word of the short cells (`SHORT_CELL` words at most: "Léo", "UK passport";
    not a ticket's subject or message) of `column` in the sibling rows of `quoted`, with the
    rows writing it: each cell folded once, however many words are asked."""
    found: dict[str, list[int]] = {}
    for at in range(1, len(rows)):
        if at == quoted or column >= len(rows[at]):
            continue
        cell = cell_words(rows[at][column])
        if len(cell) <= SHORT_CELL:
            for word in cell:
                found.setdefault(word, []).append(at)
    return found


def asked_words(focus: str) -> dict[str, str]:
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


def cell_words(cell: str) -> set[str]:
    """The folded words of a cell as it shows (`visible_text`: a terminal escape pasted in,
    "Emma\x1b[31m", gave it the word "31m", whose digit hid the name: s29 hostile probe F4), a
    possessive's "'s" left out ("Chloé's": "chloe"): the cell folded once, not each word."""
    return {_POSSESSIVE.sub("", word) for word in _WORD.findall(fold(visible_text(cell)))}


def holds_word(words: set[str], word: str) -> bool:
    """Whether `words` hold `word`: equal, or alike (alike_words.alike), as a row holds a
    question's field label (record_cells.py); names are told apart by `_Sameness` only."""
    return word in words or any(alike(word, other) for other in words)


class _Sameness:
    """Which words of the table are the question's (`alike_words.alike`), a name the question
    writes (`names`) only as written or as the one word of the table alike it when no cell
    writes it (the module's docstring); the table's words are read only for such a name."""

    def __init__(self, rows: Rows, names: frozenset[str]) -> None:
        self._rows = rows
        self._names = names
        self._typos: dict[str, str | None] = {}
        self._written: set[str] | None = None
        self._capitalised: set[str] | None = None

    def same(self, word: str, other: str) -> bool:
        """Whether `other` (a word of the table) is the asked `word`."""
        if word == other:
            return True
        if not alike(word, other):
            return False
        return not self._is_name(word) or self._typo_of(word) == other

    def held(self, words: set[str], *asked: str) -> bool:
        """Whether `words` hold every `asked` word (`same`)."""
        return all(
            word in words or any(self.same(word, other) for other in words) for word in asked
        )

    def holding(self, column: Mapping[str, list[int]], word: str) -> tuple[list[int], bool]:
        """The sibling rows whose cell of a column (its words, `_column_words`) holds `word`,
        in order: the column's words alike it looked up at once (alike_words.alike_among);
        and whether they hold it only as a typo of a name (`_typo_of`), which is no other
        person's row to quote: "Dupond", written by no cell, is not Dupont, alike it."""
        found = alike_among(word, column.keys())
        if found and found != [word] and self._is_name(word):  # a name's table read only so
            if word in column:
                return sorted(column[word]), False
            typo = self._typo_of(word)
            typo_rows = column.get(typo, []) if typo is not None else []
            return sorted(typo_rows), bool(typo_rows)
        return sorted({at for other in found for at in column[other]}), False

    def _typo_of(self, name: str) -> str | None:
        """The one word of the table alike the asked `name` when no cell writes it, else None."""
        if name not in self._typos:
            written = self._table_words()
            found = [] if name in written else alike_among(name, written)
            self._typos[name] = found[0] if len(found) == 1 else None
        return self._typos[name]

    def _is_name(self, word: str) -> bool:
        """Whether the asked `word` is a name: the question writes it capitalised, or a cell
        of the table does ("what is martine's role?" on a row "| Martine | Engineer |"); a
        word the table writes lowercase ("UK passport") or not at all ("dentist" of
        "Dentiste") is matched as alike."""
        if word in self._names:
            return True
        if self._capitalised is None:
            self._capitalised = {
                _POSSESSIVE.sub("", fold(found))
                for row in self._rows
                for cell in row
                for found in _WORD.findall(cell)
                if found[:1].isupper()
            }
        return word in self._capitalised

    def _table_words(self) -> set[str]:
        """Every word the table's cells write (`cell_words`), read once, when first asked."""
        if self._written is None:
            self._written = set().union(*(cell_words(cell) for row in self._rows for cell in row))
        return self._written


def _written_names(focus: str, asked: Mapping[str, str]) -> frozenset[str]:
    """The asked words (folded, `asked` with their writing) the question writes as names:
    capitalised ("Martine", "Dupond"), but a capitalised word opening the question that is an
    English word ("Passport of Chloé?": known_words)."""
    words = question_words(focus)
    opening = fold(words[0]) if words else ""
    return frozenset(
        folded
        for folded, as_written in asked.items()
        if as_written[:1].isupper()
        and not (folded == _POSSESSIVE.sub("", opening) and known_word(folded, "en"))
    )


def _row_words(row: Sequence[str]) -> set[str]:
    """The words of a row's cells."""
    return set().union(*map(cell_words, row))


def _names_a_value(cell: set[str], asked: Mapping[str, str], same: _Sameness) -> bool:
    """Whether a quoted row's cell (its words) names a value the question does not ask: filled,
    short, no digit (a date, an amount, an id or a subject naming one: "Refund for order
    48213"), writing no word of the question."""
    if not cell or len(cell) > SHORT_CELL or any(_DIGIT.search(word) for word in cell):
        return False
    return not any(same.held(cell, word) for word in asked)
