"""A lookup of a row by a word no table of the evidence holds and the corpus never writes: "Quel
est le montant prévu pour la décoration ?" of a wedding budget whose `poste` column lists
`Robe`, `Traiteur`, `Photographe`… and nothing of decoration (s56 trial: the `Robe` row was
quoted at .62).

A key cell of words is no number nor identifier for unheld_keys.py to read, and no capitalised
name for unheld_names.py. The question abstains here, before its candidates are ranked, naming
the closest cells of a column of words it names (`Body Pump`, `Body Combat` of the `Cours`
column for "le cours de boxe"), else the closest keys, when all of these hold:

- it asks a kind of value a cell holds (cell_lookups.asks_value: "montant", "combien", "quand"),
  or the value of one thing by its name (absent_heads.thing_head: "Quel est le remboursement de
  l'ostéopathie ?" of an insurer's cover table, s58 trial) and exactly one of its words is one
  the corpus never uses, read as no misspelling (QuestionTerms.absent, corrected), a content
  word a reason may name (reason_words.nameable: not "much" of "How much does … cost?", nor
  "pour") and no number (an amount or a key of unheld_keys.py's: "a family income of €850" falls
  in a band's range): the key asked;
- a table of the evidence (the passages the answer models read: unheld_keys.evidence_tables)
  has a key column of words (tables.lookup_column; two cells or more, most writing no digit,
  some word of KEY_WORD_LETTERS letters or more: not bands `A` to `E`),
  and the question names another of its columns by a word of its header (cell_lookups.
  names_column: "montant prévu (€)");
- the question writes the content words (of KEY_WORD_LETTERS letters or more) of no cell of a
  column of words of any such table of the evidence: one writing "traiteur" asks the
  `Traiteur` row, one writing "retry_delay_s" the options table's row, whatever its other
  words, and "Quand a lieu le cours de Zumba ?" the row whose `Cours` cell is `Zumba` though
  `Jour` is its key column (s60 trial: refused naming "lieu"); one writing only some of a
  cell's words asks no row the table holds, its unwritten word standing for the cell's others
  ("la prime de transport" of a payslip's `Prime de panier`, "flood damage" of a cover
  table's `Accidental damage (contents)`: s60 trials, quoted at .57 and .79), and the closest
  cells named are those sharing most of the question's words.

A word framing the value asked (value_frames.frames_value: "lieu" of "a lieu", "coûte") is no
key, though the corpus never writes it, nor is a qualifier of the value (absent_heads.
is_qualifier: "maximum" of "What is the maximum weight of a bag?", refused "No row of the tables
names “maximum”" beside a fare table, where "bags over 32 kg are not accepted" answers it: s62
trial).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from citeqa.absent_heads import is_qualifier, thing_head
from citeqa.cell_lookups import asks_value, names_column
from citeqa.glossary import fold
from citeqa.language import question_lang, without_elision
from citeqa.lexical import is_stopword
from citeqa.models import Hit
from citeqa.questions import QuestionTerms, question_words
from citeqa.reason_words import nameable
from citeqa.sentences import SentenceBank
from citeqa.tables import Rows, columns, lookup_column
from citeqa.unheld_keys import CLOSEST_NAMED, UnheldKey, evidence_tables
from citeqa.value_frames import frames_value

__all__ = ["unheld_word_key"]

KEY_WORD_LETTERS = 3
"""The fewest letters of a key cell's word that the question writing it names that row by."""


class _WordKeyed(NamedTuple):
    """A table looked up by key cells of words: its header row, its key column, its key cells
    (header left out), the folded content words of each cell of its columns of words (not
    "base de remboursement" of a column of rates) and its columns' cells (header left out,
    stripped)."""

    header: tuple[str, ...]
    column: int
    keys: tuple[str, ...]
    cells: tuple[frozenset[str], ...]
    columns: tuple[tuple[str, ...], ...]


def unheld_word_key(
    terms: QuestionTerms, hits: Sequence[Hit], bank: SentenceBank
) -> UnheldKey | None:
    """The word (as the question writes it) of a row the question looks up that no table of
    the evidence holds, with the closest keys those tables hold; None when it asks none (see
    the module's docstring)."""
    lang = question_lang(terms.focus)
    absent = [
        word
        for word in dict.fromkeys(terms.absent)
        if word not in terms.corrected
        and nameable(word, lang, unused=True)
        and not any(character.isdigit() for character in word)
        and not frames_value(word)
        and not is_qualifier(word)
    ]
    if len(absent) != 1 or not (asks_value(terms.focus) or thing_head(terms.focus)):
        return None
    read = [bank.read_table(span, _word_keyed) for span in evidence_tables(hits, bank)]
    tables = [table for table in read if table is not None and table.cells]
    asked = {fold(word) for word in question_words(terms.focus)}
    if any(words <= asked for table in tables for words in table.cells):
        return None  # "le traiteur", "retry_delay_s": a row of the evidence is asked
    for table in tables:
        named = [
            at
            for at, cell in enumerate(table.header)
            if at != table.column and names_column(cell, terms)
        ]
        if named:
            key = without_elision(absent[0])
            cells = dict.fromkeys(_named_cells(table, named) or table.keys)
            ranked = sorted(cells, key=lambda cell: _distance(cell, key, asked))
            return UnheldKey(key, ranked[:CLOSEST_NAMED])
    return None


def _distance(cell: str, key: str, asked: set[str]) -> tuple[int, float]:
    """How far a `cell` is from the `key` the question asks: first by the question's words it
    lacks (`Prime de panier` is closest to "la prime de transport", sharing "prime"), then by
    its spelling (rapidfuzz's ratio)."""
    return (-len(_content_words(cell) & asked), -fuzz.ratio(fold(key), fold(cell)))


def _named_cells(table: _WordKeyed, named: Sequence[int]) -> list[str]:
    """The cells of the first column of words among those the question names (`named`): the
    closest of them are named for a key it asks of that column ("boxe" of "Quand a lieu le
    cours de boxe ?" beside `Body Combat` of the `Cours` column, not `Jeudi` of the key
    column); none when it names no column of words."""
    for at in named:
        cells = [cell for cell in table.columns[at] if cell] if at < len(table.columns) else []
        if _worded(cells):
            return cells
    return []


def _worded(cells: Sequence[str]) -> bool:
    """Whether `cells` are a column of words: two or more, most writing no digit."""
    worded = [cell for cell in cells if not any(character.isdigit() for character in cell)]
    return len(cells) >= 2 and 2 * len(worded) > len(cells)


def _word_keyed(rows: Rows) -> _WordKeyed | None:
    """The table of `rows` as `unheld_word_key` reads it, once a table (the bank keeps what a
    table reads); None when its key column is no column of words: fewer than two cells, or
    half of them or more writing a digit."""
    if len(rows) < 3:
        return None
    column = lookup_column(rows)
    keyed = (row[column].strip() for row in rows[1:] if column < len(row))
    keys = tuple(cell for cell in keyed if cell)
    if not _worded(keys):
        return None
    body = tuple(tuple(cell.strip() for cell in cells) for cells in columns(rows[1:]))
    words = (_content_words(cell) for cells in body if _worded(cells) for cell in cells)
    named = tuple(dict.fromkeys(found for found in words if found))
    return _WordKeyed(tuple(rows[0]), column, keys, named, body)


def _content_words(cell: str) -> frozenset[str]:
    """The folded words of a `cell` that name its row: of KEY_WORD_LETTERS letters or more, no
    stopword ("panier" and "prime" of "Prime de panier")."""
    return frozenset(
        fold(word)
        for word in question_words(cell)
        if sum(character.isalpha() for character in word) >= KEY_WORD_LETTERS
        and not is_stopword(word)
    )
