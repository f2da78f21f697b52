"""A person's name as a table's key: the row of an org chart or staff list a question asks by name.

A question naming a row's key cell as words (sentences.names_words) looks its row up only
within the best candidate's table (answering._looked_up_by_words): a word is a key less surely
than a number. A person's full name is a surer one: "Qui est le manager de Sofia Rossi ?" asks
the `Sofia Rossi` row of `| Name | Role | Manager |`, though the ranker put a meeting's
"Attendees: Tom Becker (engineering manager), Sofia Rossi, …" first (s26 trial). So when the
question writes a row's key cell whole, as written (two or three capitalised words), and names
another column of its table by its header ("manager"), that row's table is the one looked up,
in whatever document it stands. A name alone is not enough: "What did Sofia Rossi present at
the weekly?" asks no column of the org chart, and its answer is the minutes'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeqa.questions import QuestionTerms, question_words
from citeqa.sentences import ScoredSentence, SentenceBank, is_person_name, names_words
from citeqa.tables import Rows, key_cell

__all__ = ["header_row", "table_asked_by_name"]


def table_asked_by_name(
    rows: Sequence[ScoredSentence], bank: SentenceBank, focus: str
) -> tuple[str, int, int] | None:
    """The table (bank.table_of) of the first of `rows` (candidates, in the ranker's order)
    whose key cell is a person's name the question (`focus`) writes whole and whose table's
    header row names another column the question asks; None when no row is asked so."""
    terms = QuestionTerms(focus=focus)
    for item in rows:
        if not item.names_word_key:
            continue
        table = bank.table_of(item.index)
        column = bank.key_column(item.index)
        if table is None or bank.table_header(item.index) is None:
            continue
        if not _writes_name(key_cell(bank.text(item.index), column), focus):
            continue
        header = bank.read_table(table, header_row) or ()
        asked = [cell for at, cell in enumerate(header) if at != column]
        if any(names_words(cell, terms) for cell in asked):
            return table
    return None


def header_row(rows: Rows) -> tuple[str, ...]:
    """A table's header row's cells (its first row: `row_cells`)."""
    return rows[0] if rows else ()


def _writes_name(cell: str, focus: str) -> bool:
    """Whether `cell` is a person's name (NAME_WORDS capitalised words) that `focus` writes
    whole as the cell writes it, case included ("Sofia Rossi", "Paul Mercier's")."""
    if not is_person_name(question_words(cell)):
        return False
    return re.search(rf"(?<!\w){re.escape(cell.strip())}(?!\w)", focus) is not None
