"""The cell a question asks of a table whose records are its columns: the asked field's row,
quoted up to the asked record's cell.

"What efficacy did study B show?" of a slide whose header row names the studies and whose
first column the fields ("Produit", "Efficacité", …: column_records.py) asks the cell of the
"Efficacité" row in study B's column. The rankers quote whichever row writes most of the
question's words, often the row the question names its record by ("Produit: … Offre
Pro …"), which is no answer. Once the answer is chosen, when its first quote is a row of such
a table (tables.table_of), the question's words (unheld_cells.asked_words: no stopword, no
number; no function word or interrogative of the language data: "pour") decide:
- the asked record: the one column past the first whose record cell the question writes
  whole ("Trial B"), or else whose cells (its record cell and its field cells) write more of
  the question's words than any other column's;
- the asked field: the one field row whose label writes more of them than any other (a
  spelling or the other language's: "passport" and "Passeport", unheld_cells.holds_word; when
  none does, a cognate, "efficacy" and "Efficacité", as questions.COGNATE_SHARED reads one),
  leaving out the rows whose cell of the asked record writes one (the question names the
  record by them: "Pro", of the "Produit" row); of rows writing as many, the measured value's
  ("Measured deflection (mm)" over "Required deflection limit (mm)" for "the deflection of
  T-12"), the limit's when the question asks it (measured_labels.preferred_label);
- that row's cell of that column is filled.
Then the first quote becomes that row from its start to the end of that cell (a markdown
row's pipe after it kept), so that its last cell is the one asked, shown under the record
row's same part as its header (models.TableHeader): "Étude B ¹" over "Efficacité 96% à
12 mois". A quote of two tables or none, or a question naming no single record and
field, is left as it is. No I/O; no word list but the language data's stopwords, function
words and interrogatives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from citeqa.column_records import MAX_ROWS, RecordColumns, record_columns
from citeqa.glossary import fold, function_and_interrogative_words
from citeqa.language import Span
from citeqa.measured_labels import preferred_label
from citeqa.models import Citation, Document
from citeqa.questions import COGNATE_MIN_LENGTH, COGNATE_SHARED, visible_text
from citeqa.tables import cell_spans, table_line_count, table_of
from citeqa.unheld_cells import asked_words, cell_words, holds_word
from citeqa.unheld_codes import groups_joined

__all__ = ["RecordCell", "asked_record_cell"]

_WORDS = re.compile(r"[^\W_]+")


class RecordCell(NamedTuple):
    """Where the answer's first quote stands instead, and its header."""

    quote: Span
    """The asked field's row from its start to the end of the asked record's cell."""
    header: Span
    """The record row from its start to the end of the asked record's cell, the whole row when
    it has none (a ragged table); never the quoted row: the field rows lie below it."""


def asked_record_cell(
    focus: str, citations: Sequence[Citation], documents: Mapping[str, Document]
) -> RecordCell | None:
    """The quote asked of the table of records by columns the first of `citations` quotes a
    row of (the module's rules), given the question's words (`focus`); None when that quote
    is of no such table or the question names no one record and field of it."""
    if not citations or (document := documents.get(citations[0].doc_id)) is None:
        return None
    first = citations[0]
    if table_line_count(document.text, first.start) > MAX_ROWS + 1:  # + a markdown `|---|`
        return None  # a long table lists records by rows: it is not read whole twice
    table = table_of(document.text, first.start)
    if table is None or first.end > table[1][-1][1]:
        return None
    rows, lines = table
    shape = record_columns(rows)
    if shape is None:
        return None
    # "pour" names no record ("Obtention pour…")
    asked = set(asked_words(focus)) - function_and_interrogative_words()
    column = _named_record(rows[shape.header], focus) or _asked_record(rows, shape, asked)
    field = None if column is None else _asked_field(rows, shape, column, asked, focus)
    if column is None or field is None:
        return None
    quote = _through_cell(document.text, lines[field], column)
    if quote is None:
        return None
    record_line = lines[shape.header]  # whole when it has no cell of that column (ragged)
    return RecordCell(quote, _through_cell(document.text, record_line, column) or record_line)


def _named_record(header: Sequence[str], focus: str) -> int | None:
    """The one column past the first whose record cell the question writes whole, its words
    in order, folded ("Trial B" in "the response in trial B?"); None when none or several do."""
    asked = f" {' '.join(_folded_words(focus))} "
    named = [
        column
        for column, cell in enumerate(header)
        if column and (words := _folded_words(cell)) and f" {' '.join(words)} " in asked
    ]
    return named[0] if len(named) == 1 else None


def _folded_words(text: str) -> list[str]:
    """The words of `text` as it shows (`visible_text`), folded, in order, a number written in
    digit groups one word (`groups_joined`: "l'offre 1 500" names "Offre 1500", not "Offre 1";
    s30 hostile F12)."""
    return [fold(word) for word in _WORDS.findall(groups_joined(visible_text(text)))]


def _asked_record(
    rows: Sequence[Sequence[str]], shape: RecordColumns, asked: set[str]
) -> int | None:
    """The column past the first whose cells write more of the `asked` words than any other's;
    None when none writes one or two write as many."""
    places = (shape.header, *shape.fields)
    width = max(len(rows[at]) for at in places)
    counts = {
        column: _written(
            set().union(*(cell_words(rows[at][column]) for at in places if column < len(rows[at]))),
            asked,
        )
        for column in range(1, width)
    }
    return _one_best(counts)


def _asked_field(
    rows: Sequence[Sequence[str]], shape: RecordColumns, column: int, asked: set[str], focus: str
) -> int | None:
    """The field row whose label writes more of the `asked` words than any other's among those
    whose cell of `column` writes none of them, of labels writing as many the one the question
    (`focus`) asks of a measured value and its limit (measured_labels.preferred_label:
    "Measured deflection" over "Required deflection limit" for "the deflection of T-03"); None
    when none does, two write as many and neither is so asked, or its cell of `column` is empty
    (the table gives no value of that field for that record)."""
    counts = {
        at: _written(cell_words(rows[at][0]), asked)
        for at in shape.fields
        if not _written(cell_words(_cell(rows[at], column)), asked)
    }
    for at, count in counts.items():
        counts[at] = count or sum(_cognate_in(cell_words(rows[at][0]), word) for word in asked)
    best = _one_best(counts)
    if best is None:
        best = _preferred(rows, counts, focus)
    return None if best is None or not _cell(rows[best], column).strip() else best


def _preferred(rows: Sequence[Sequence[str]], counts: Mapping[int, int], focus: str) -> int | None:
    """Of the field rows of the highest count (above 0), the one whose label the question
    asks of a measured value and its limit (measured_labels.preferred_label), else None."""
    top = max(counts.values(), default=0)
    tied = [at for at, count in counts.items() if top and count == top]
    chosen = preferred_label([rows[at][0] for at in tied], focus)
    return None if chosen is None else tied[chosen]


def _cell(row: Sequence[str], column: int) -> str:
    """A row's cell of `column`, "" when the row is too short to have one."""
    return row[column] if column < len(row) else ""


def _cognate_in(words: set[str], word: str) -> bool:
    """Whether `words` hold a cognate of the folded `word` in the other language, as the
    question terms read one (questions.COGNATE_SHARED: "efficacy" and "Efficacité")."""
    if len(word) < COGNATE_MIN_LENGTH or not word.isalpha():
        return False
    prefix = word[: max(COGNATE_MIN_LENGTH - 1, len(word) - COGNATE_SHARED)]
    return any(other.startswith(prefix) for other in words)


def _written(words: set[str], asked: set[str]) -> int:
    """How many of the `asked` words `words` hold (unheld_cells.holds_word)."""
    return sum(holds_word(words, word) for word in asked)


def _one_best(counts: Mapping[int, int]) -> int | None:
    """The place with the highest count, when it is above 0 and no other place has it."""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _through_cell(text: str, line: Span, column: int) -> Span | None:
    """The row at `line` from its start to the end of its cell of `column` (the pipe after it
    too, on a markdown row); None when the row has no such cell."""
    cells = cell_spans(text, line)
    if column >= len(cells):
        return None
    end = cells[column][1]
    after = len(text[end : line[1]]) - len(text[end : line[1]].lstrip(" \t"))
    if text[end + after : end + after + 1] == "|":
        end += after + 1
    return line[0], end
