"""A lookup of a row by a name no table of the evidence holds: "What is the first response time
for Initrode Health?" of a customers sheet listing "Umbrella Health", "Initech Health" and 148
others, but no Initrode.

The answer layer quoted the row of another customer ending in "Health" (session 20's sheets,
at confidence .60): a row's key cell of words is no number nor identifier for unheld_keys.py to
read. The question abstains here, before its candidates are ranked, naming the closest rows,
when all of these hold:

- a word of the question that the corpus never uses (QuestionTerms.absent) is shaped as a
  name, a capital not opening the question ("Initrode"), and is no likely misspelling of a
  corpus word (QuestionTerms.typos: "Umbrela Health" is left to the answer models);
- the name it stands in (it and the capitalised words next to it: "Initrode Health") has two
  words or more, and a table of the evidence (the passages the answer models read) has a key
  column (tables.key_column) of which a cell is that name but for that word: as many words,
  every other one the question's at the same place ("Initech Health");
- no key cell of those tables is written whole by the question (sentences.names_words).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from citeqa.glossary import fold
from citeqa.models import Hit
from citeqa.questions import QuestionTerms, question_words
from citeqa.sentences import SentenceBank, names_written
from citeqa.tables import Rows, lookup_column
from citeqa.unheld_keys import CLOSEST_NAMED, UnheldKey, evidence_tables

__all__ = ["unheld_name"]


def unheld_name(terms: QuestionTerms, hits: Sequence[Hit], bank: SentenceBank) -> UnheldKey | None:
    """The name (as the question writes it) of a row the question looks up that no table of
    the evidence holds, with the closest names those tables hold; None when it names none."""
    words = terms.focus_words
    unknown = _unknown_names(words, terms)
    if not unknown:
        return None
    spans = evidence_tables(hits, bank)
    columns = [cells for span in spans if (cells := bank.read_table(span, _key_cells))]
    keys = [key for cells in columns for key in cells]
    if not keys or any(names_written(key.words, terms) for key in keys):
        return None
    for place in unknown:
        name, alike = _name_at(words, place, keys)
        if alike:
            ranked = sorted(alike, key=lambda cell: -fuzz.ratio(fold(name), fold(cell)))
            return UnheldKey(name, ranked[:CLOSEST_NAMED])
    return None


def _unknown_names(words: list[str], terms: QuestionTerms) -> list[int]:
    """The places among the question's `words` of those the corpus never uses, shaped as a name
    (a capital) that are no likely misspelling. The first word counts too: its capital may be
    the sentence's, but a name opens a question as well ("Initrode Health: what is its first
    response time?"), and `_name_at` asks the name to be a key cell's but for that word
    (review of e79f428)."""
    absent, typos = set(terms.absent), terms.typos
    return [
        place
        for place, word in enumerate(words)
        if word[:1].isupper() and word in absent and word not in typos
    ]


def _name_at(words: list[str], place: int, keys: list[_KeyCell]) -> tuple[str, list[str]]:
    """The name the question writes around its unknown word at `place` (that word with the
    capitalised words next to it), and the key cells (of `keys`) alike to it (none for a
    one-word name: a lone unknown word is the answer models' to weigh, as "Zyntra" is)."""
    word = words[place]
    start, end = place, place + 1
    while start > 1 and words[start - 1][:1].isupper():
        start -= 1
    while end < len(words) and words[end][:1].isupper():
        end += 1
    name = words[start:end]
    if len(name) < 2:
        return word, []
    at = place - start
    alike = [key.cell for key in keys if _alike(key.words, name, at)]
    return " ".join(name), alike


def _alike(cell: tuple[str, ...], name: list[str], at: int) -> bool:
    """Whether a cell's words are the name's but for its word at `at`."""
    return len(cell) == len(name) and all(
        fold(mine) == fold(theirs)
        for place, (mine, theirs) in enumerate(zip(cell, name, strict=True))
        if place != at
    )


class _KeyCell(NamedTuple):
    """A key cell of a table, with its words as a question's are read (`question_words`)."""

    cell: str
    words: tuple[str, ...]


def _key_cells(rows: Rows) -> tuple[_KeyCell, ...]:
    """The cells of a table's key column (tables.lookup_column: its first when every column
    numbers its rows), its header left out, each with its words: read once a table (the bank
    keeps what a table reads) for both `names_written` and `_alike`."""
    column = lookup_column(rows)
    cells = [row[column] for row in rows[1:] if column < len(row)]
    return tuple(_KeyCell(cell, tuple(question_words(cell))) for cell in cells)
