"""A question asking a record's cell that the record's quoted row leaves empty: "Quelle est la
date du certificat médical d'Inès Lefèvre ?" answered by `| Lefèvre | Inès | U11 | non |  |`
of a members' table whose `date certificat médical` column is empty in her row (s29 trial):
the row is hers and the column is the one asked, but it holds nothing, so the quote answers
nothing and the answer abstains saying so.

What is checked here, once the answer is chosen, on the first quote when it is one row of a
markdown table (`| a | b |` lines: what the readers make of a spreadsheet, a CSV or a markdown
file's table; unheld_cells.table_rows):
- the question names the row: it writes every word of the row's key cell (tables.key_column:
  "Lefèvre"), and every capitalised word it writes that some cell of the table writes is
  written in that row (no other person's name: unheld_cells.py tells those apart first);
- the question asks one column surely: exactly one header cell other than the key's has every
  content word (lexical.content_words: no stopword) written by the question, a word being
  written when equal, of one stem (the Snowball stemmer of either language, `lexical.tokenize`)
  or one up to a feminine or plural ending ("payé" and "payée", "fee" and "fees": `_base`);
- that column's cell in the row holds no letter nor digit (empty, "-", "—"; a cell a short row
  of a hand-written table lacks is not read as empty) and sets no value in code or quotes as
  the line writes it (a configuration reference's default `"/"`, `""`, `*`: `_written`), and
  no other header cell is written whole by the question (then it may ask that cell, or the
  header is no field's name).
The quoted line alone is read first: a row with no empty cell (most answers) reads no table.
A key several rows share names none of them alone: a bank statement's date ("Quel crédit a été
reçu le 14/05/2025 ?" answered by that day's debit row, whose `Crédit` is empty, while a later
row of that day fills it: s31 trial). The rows of the quoted row's key that the question names
too (`_names_row`: not Paul Perrin's for Lina Perrin) and that fill the asked column are then
what answers (`EmptyCell.filled`, the first `MOST_FILLED` in the table's order, quoted instead;
how many more fill it, `EmptyCell.unquoted`, the answer's note says: `more_rows_note`, s32 note:
they were left out silently), and no absence is claimed; when none fills it, every row of that
key leaves it empty, as said.
The reason names the row by its cells the question writes (the key's and those naming the
person, in the question's order: "Inès Lefèvre") and the column by its header as written.
No I/O; no word list but the stopwords.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from citeqa.column_records import record_columns
from citeqa.language import is_table_row, line_end, line_start
from citeqa.lexical import content_words, word_term
from citeqa.models import Citation, Document
from citeqa.questions import visible_text
from citeqa.tables import key_column, marked_cells
from citeqa.unheld_cells import Rows, cell_words, table_rows
from citeqa.visible import cut, shown

__all__ = ["EmptyCell", "empty_asked_cell", "more_rows_note"]

_LETTERS = re.compile(r"[^\W\d_]+")
"""A run of letters: "d'Inès" writes "d" and "Inès", so the name is read capitalised."""
_ENDING = re.compile(r"(?<=\w{3})(?:ee|e)?s?$")
"""A feminine or plural ending ("payée", "payés", "fees"), left out of a word (`_base`)."""
_STATED = re.compile(r"`[^`]*`|\"[^\"]*\"|“[^”]*”|«[^»]*»")
"""A code span or a quoted string: a value stated though it writes no letter nor digit (a
configuration table's default `"/"` or `""`: s44 trial, "What is the default base URL?" was
told that base_url's row leaves “Default” empty)."""


MOST_FILLED = 3
"""The most rows of the quoted row's key filling the asked column that are quoted instead (a
day's credits): enough for a day of a statement, not a whole table quoted as an answer."""


class EmptyCell(NamedTuple):
    record: str
    """The row's cells the question names it by, in the question's order ("Inès Lefèvre")."""
    column: str
    """The asked column's header cell as the table writes it ("date certificat médical")."""
    filled: tuple[tuple[int, int], ...] = ()
    """Where the other rows of the quoted row's key, named by the question too, that fill the
    asked column stand in the document (start, end), in the table's order, `MOST_FILLED` at
    most: to quote instead of the empty row, claiming nothing ("le 14/05/2025" names a day of
    several rows). Empty when none does: the cell is empty in every row the question names."""
    unquoted: int = 0
    """How many more such rows fill the asked column, past the `MOST_FILLED` quoted."""


def empty_asked_cell(
    focus: str, citations: Sequence[Citation], documents: Mapping[str, Document]
) -> EmptyCell | None:
    """The record and column when the first quote is a table row the question (`focus`) names
    whose cell in the one column it asks is empty (the module's rules); None otherwise."""
    if not citations:
        return None
    first = citations[0]
    document = documents.get(first.doc_id)
    if document is None or not _has_empty_cell(document.text, first.start):
        return None  # the common answer: no table row, or one filled whole (no table read)
    table = table_rows(document.text, first.start)
    if table is None:
        return None
    rows, spans, quoted = table
    row = rows[quoted]
    asked = _QuestionWords(focus)
    column = _asked_column(rows[0], row, asked)
    if column is None or _stated(document.text, first.start, column):
        return None
    if record_columns(rows) is not None:
        return None  # a row of fields of records by columns is no record (record_cells.py)
    key = key_column(rows)
    if key is None or key == column or key >= len(row):
        return None
    in_table = cache(lambda: cell_words(" | ".join(cell for other in rows[1:] for cell in other)))
    if not _names_row(row, key, asked, in_table):
        return None
    filled = tuple(
        spans[at]
        for at in _same_key_rows(rows, quoted, key, asked, in_table)
        if _holds(rows[at], column) and not _lacks_asked_words(row, rows[at], column, asked)
    )
    return EmptyCell(
        _record_name(row, key, column, asked),
        visible_text(rows[0][column]),
        filled[:MOST_FILLED],
        max(0, len(filled) - MOST_FILLED),
    )


MORE_ROWS = {
    "en": {
        True: "1 more row of {record} fills “{column}” too: only the first {quoted} are quoted.",
        False: "{count} more rows of {record} fill “{column}” too: only the first {quoted} are"
        " quoted.",
    },
    "fr": {
        True: "1 autre ligne de {record} remplit aussi « {column} » : seules les {quoted}"
        " premières sont citées.",
        False: "{count} autres lignes de {record} remplissent aussi « {column} » : seules les"
        " {quoted} premières sont citées.",
    },
}
"""The answer's note when rows of the key filling the asked column were left unquoted."""


def more_rows_note(empty: EmptyCell, lang: str) -> str | None:
    """The note saying how many rows of `empty`'s key filling its column were left unquoted
    (`EmptyCell.unquoted`), in `lang` (English otherwise); None when none was. The record and
    the column are document text: made visible, one line, a long one by its ends."""
    if not empty.unquoted:
        return None
    said = MORE_ROWS.get(lang, MORE_ROWS["en"])[empty.unquoted == 1]
    return said.format(
        count=empty.unquoted,
        record=cut(shown(empty.record)),
        column=cut(shown(empty.column)),
        quoted=len(empty.filled),
    )


def _same_key_rows(
    rows: Rows, quoted: int, key: int, asked: _QuestionWords, in_table: Callable[[], set[str]]
) -> list[int]:
    """The other rows whose key cell writes the quoted row's key's words and that the question
    names too (`_names_row`, the table's words `in_table` folded once, when first needed: per
    row, a table of 4,000 rows took 280 s), in the table's order."""
    key_words = cell_words(rows[quoted][key])
    return [
        at
        for at in range(1, len(rows))
        if at != quoted
        and key < len(rows[at])
        and cell_words(rows[at][key]) == key_words
        and _names_row(rows[at], key, asked, in_table)
    ]


def _lacks_asked_words(
    quoted: list[str], other: list[str], column: int, asked: _QuestionWords
) -> bool:
    """Whether the question writes a word or number of the quoted row, out of the asked
    column, that the `other` row of its key lacks: "… de Dupont en 2024 ?" excludes the 2023
    row of Dupont, whose filled date is then no answer (s32 review)."""
    in_other = set().union(*map(cell_words, other))
    return any(
        word not in in_other and asked.writes(word)
        for at, cell in enumerate(quoted)
        if at != column
        for word in cell_words(cell)
    )


def _holds(row: list[str], column: int) -> bool:
    """Whether `row` has a cell in `column` writing a letter or a digit (a cell a short row
    lacks holds nothing to quote)."""
    return column < len(row) and bool(cell_words(row[column]))


def _has_empty_cell(text: str, at: int) -> bool:
    """Whether the line holding `at` in `text` is a table row with a cell writing no letter nor
    digit: read before the whole table."""
    line = text[line_start(text, at) : line_end(text, at)]
    return is_table_row(line) and not all(map(_written, marked_cells(line)))


def _stated(text: str, at: int, column: int) -> bool:
    """Whether the cell in `column` of the row line holding `at` in `text` states a value as
    the line writes it (`_written`: `"/"`, which `line_cells` reads as "/")."""
    cells = marked_cells(text[line_start(text, at) : line_end(text, at)])
    return column < len(cells) and _written(cells[column])


def _written(cell: str) -> bool:
    """Whether a table cell, its markup on, states a value: a letter or a digit, or a code
    span or a quoted string (`_STATED`), whatever it holds."""
    return bool(cell_words(cell)) or _STATED.search(cell) is not None


class _QuestionWords:
    """The question's folded words (no stopword), their stems in both languages and their
    bases (`_base`), and the capitalised words it writes (folded): read once a question."""

    def __init__(self, focus: str) -> None:
        self.words = content_words(focus)
        self.terms = {_terms(word) for word in self.words}
        self.stems = {stem for stems in self.terms for stem in stems}
        self.capitalised = {
            folded
            for word in _LETTERS.findall(focus)
            if word[:1].isupper()
            for folded in content_words(word)
        }

    def writes(self, word: str) -> bool:
        """Whether the question writes `word` (folded): equal, of one stem or one base."""
        return word in self.words or any(term in self.stems for term in _terms(word))


def _terms(word: str) -> tuple[str, str, str]:
    """A folded word's stems in English and French (lexical.tokenize) and its base (`_base`)."""
    return (word_term(word, "en"), word_term(word, "fr"), _base(word))


def _base(word: str) -> str:
    """A folded word without a feminine or plural ending ("payee" and "paye": "pay"); the
    stemmers read "payé" as "pay" but "payée" as "paye"."""
    return _ENDING.sub("", word, count=1)


def _names_row(
    row: list[str], key: int, asked: _QuestionWords, in_table: Callable[[], set[str]]
) -> bool:
    """Whether the question writes every word of `row`'s key cell, and every capitalised word
    of it some cell of the table writes (`in_table`, its words, read only when the row lacks
    a capitalised word of the question) is written in that row."""
    key_words = cell_words(row[key])
    if not key_words or not all(word in asked.words for word in key_words):
        return False
    in_row = set().union(*map(cell_words, row))
    missing = asked.capitalised - in_row
    return not missing or not missing & in_table()


def _asked_column(header: list[str], row: list[str], asked: _QuestionWords) -> int | None:
    """The one column whose header's every content word the question writes, when it is empty
    in `row`; None when none is, or several (the key's, read after, is never the one). A header
    is read as it shows (`visible_text`: a terminal escape in it added words "8", "http", "31m"
    the question never writes, so the empty cell was quoted as the answer; s30 hostile F3)."""
    written = [
        at
        for at, cell in enumerate(header)
        if (words := content_words(visible_text(cell))) and all(map(asked.writes, words))
    ]
    empty = [at for at in written if not _filled(row, at)]
    if len(empty) != 1 or len(written) != 1:
        return None
    return empty[0]


def _filled(row: list[str], column: int) -> bool:
    """Whether `row`'s cell in `column` writes a letter or a digit ("-" and "" are empty); a
    cell the row lacks (a short row of a hand-written table) is not read as empty."""
    return column >= len(row) or bool(cell_words(row[column]))


def _record_name(row: list[str], key: int, column: int, asked: _QuestionWords) -> str:
    """The row's short cells (the key's, and those whose words the question all writes
    capitalised) in the order the question writes them ("Inès Lefèvre"), as they show
    (`visible_text`: no escape junk nor hidden link in the reason)."""
    naming = [
        visible_text(cell)
        for at, cell in enumerate(row)
        if at != column
        and (words := cell_words(cell))
        and (at == key or all(word in asked.capitalised for word in words))
    ]

    def place(cell: str) -> int:
        words = cell_words(cell)
        return next((at for at, word in enumerate(asked.words) if word in words), len(asked.words))

    return " ".join(sorted(naming, key=place))
