"""A table lookup naming a combination of keys the table writes only apart: "How much does it
cost to neuter a female dog?" of a vet's price list writing `| Cat neutering (female) | £120 |`
and `| Dog neutering (male) | £260 |` (s62 trial: the first was quoted at .76).

The question's words (folded, function words and interrogatives aside, each read with its stems
as lexical.query_tokens reads it) that the key cells of the quoted row's table write are the
keys it looks up by ("neuter", "female", "dog"), but those its header row writes, which name a
column ("ans" of "Combien coûte le pass festival pour un moins de 26 ans ?" and a theatre's
`| Tarif | Plein | Réduit | Moins de 26 ans |`, beside a key `Concert du Nouvel An`), and those
the title of its document or its section's heading writes, which name the table ("lemon" of
"How much butter goes in the lemon tart pastry?" and the tart's ingredients, one of them
`Lemons (unwaxed)`: s62, the sessions before's recipe trial). When two of them or more are so
written, no key cell writes them all, and the quoted row's key writes a word the question does
not ("cat") while another key writes the one it lacks, the table holds no row for what is
asked: the answer abstains naming the keys writing most of them. A row whose key writes no
word beyond the question's ("Consultation" for "How much is a consultation for a cat?") may
hold any of its kind and stays. `quoted_table` reads the quoted row's table for its keys, here
and for measured_keys.py. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from citeqa.glossary import function_and_interrogative_words
from citeqa.lexical import content_words, query_tokens
from citeqa.tables import is_header_row, lookup_column, table_of
from citeqa.unheld_keys import UnheldKey

__all__ = ["CLOSEST_KEYS", "QuotedTable", "key_words", "quoted_table", "split_lookup"]

CLOSEST_KEYS = 3
"""How many keys a reason names, those writing most of the question's keys first."""


def split_lookup(table: QuotedTable, focus: str, frame: str = "") -> UnheldKey | None:
    """The combination the question `focus` looks up the quoted row's `table` by (its words,
    as the question writes them, and the key cells writing most of them: unheld_keys.
    UnheldKey), when that table writes its keys only apart (see the module's docstring), the
    words its `frame` writes (its document's title, its section's heading) aside; None
    otherwise."""
    keys = [cell for cell in table.keys if cell.strip()]
    if len(keys) < 2:
        return None
    headed = _terms(f"{table.header}\n{frame}")
    asked = [(word, terms) for word, terms in _asked_terms(focus) if terms.isdisjoint(headed)]
    read = [_terms(cell) for cell in keys]
    named = [(word, terms) for word, terms in asked if any(not terms.isdisjoint(c) for c in read)]
    if len(named) < 2 or any(_written_count(cell, named) == len(named) for cell in read):
        return None
    quoted = _terms(table.quoted)
    if _written_count(quoted, named) == len(named) or not _adds_word(quoted, asked):
        return None
    order = sorted(range(len(keys)), key=lambda at: -_written_count(read[at], named))
    closest = [keys[at] for at in order[:CLOSEST_KEYS] if _written_count(read[at], named)]
    return UnheldKey(" ".join(word for word, _ in named), closest)


class QuotedTable(NamedTuple):
    """The table a quoted row stands in, read for its keys: the key cells of its rows (its
    key column's, tables.lookup_column, header row aside), the quoted row's key cell, and its
    header row's cells joined ("" for none)."""

    keys: list[str]
    quoted: str
    header: str


def quoted_table(text: str, offset: int) -> QuotedTable | None:
    """The table whose row holds `offset` of `text`, read for its keys; None for a line that is
    no table row or a row with no key cell."""
    found = table_of(text, offset)
    if found is None:
        return None
    rows, spans = found
    column = lookup_column(tuple(tuple(row) for row in rows))
    body = list(zip(rows, spans, strict=True))[1 if rows and is_header_row(rows[0]) else 0 :]
    quoted = next((row for row, (start, end) in body if start <= offset <= end), None)
    if quoted is None or column >= len(quoted):
        return None
    keys = [row[column] for row, _ in body if column < len(row)]
    return QuotedTable(keys, quoted[column], " ".join(rows[0]) if len(body) < len(rows) else "")


def key_words(text: str) -> list[str]:
    """The folded content words of `text` (lexical.content_words) that may name a row, in its
    order, each once: its function words and interrogatives aside (also specific_keys')."""
    ignored = function_and_interrogative_words()
    return list(dict.fromkeys(word for word in content_words(text) if word not in ignored))


def _asked_terms(focus: str) -> list[tuple[str, frozenset[str]]]:
    """Each of the question's `key_words` with its stems."""
    return [(word, terms) for word in key_words(focus) if (terms := frozenset(query_tokens(word)))]


def _terms(cell: str) -> frozenset[str]:
    """The stems of a key cell's `key_words`."""
    return frozenset(term for word in key_words(cell) for term in query_tokens(word))


def _written_count(cell: frozenset[str], named: Sequence[tuple[str, frozenset[str]]]) -> int:
    """How many named words a key cell's stems (`cell`) write."""
    return sum(1 for _, terms in named if not terms.isdisjoint(cell))


def _adds_word(quoted: frozenset[str], asked: Sequence[tuple[str, frozenset[str]]]) -> bool:
    """Whether the quoted key's stems (`quoted`) write one of no word of the question."""
    return any(all(term not in terms for _, terms in asked) for term in quoted)
