"""Which of a table's rows a question names most closely by its key: of two rows whose key
cells write the question's words, the one writing fewer words it does not.

A school calendar's "Quand a lieu la rentrée ?" names both `| Rentrée des élèves | mardi 1er
septembre 2026 |` and `| Réunion de rentrée des parents | jeudi 10 septembre 2026 à 18 h |`,
and the quote ranker rated the second a little higher (s61 trial): both keys write
"rentrée", but the first adds one word the question does not write ("élèves"), the second two
("réunion", "parents"), each naming another thing than the one asked. Of the first
SPECIFIC_KEY_RANKS candidates, a row of the best's table whose key cell (tables.key_cell, in
its table's key column) writes every question word the best's key writes and fewer words the
question does not, rated at least SPECIFIC_KEY_SHARE of the best, is the one the question names
(`specific_key_position`); the best stays when it is no table row whose key cell writes a
word of the question. Words are read folded, as lexical.content_words reads them, function
words and interrogatives aside. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence

from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.split_keys import key_words
from citeqa.tables import key_cell

__all__ = ["SPECIFIC_KEY_RANKS", "SPECIFIC_KEY_SHARE", "specific_key_position"]

SPECIFIC_KEY_RANKS = 3
"""How many of the first candidates are read for a row named more closely than the best."""

SPECIFIC_KEY_SHARE = 0.5
"""The least share of the best's rating a row named more closely needs to lead."""


def specific_key_position(
    rows: Sequence[ScoredSentence], ratings: Sequence[float], bank: SentenceBank, focus: str
) -> int | None:
    """The position among `rows` (candidates, best first, rated `ratings`) of the row of the
    best's table whose key the question `focus` names more closely than the best's (see the
    module's docstring), the first of those adding the fewest words; None when there is none."""
    table = bank.table_of(rows[0].index) if rows else None
    if table is None:
        return None
    asked = _words(focus)
    best = _key_words(rows[0], bank)
    named, extra = best & asked, len(best - asked)
    if not named:
        return None
    found: int | None = None
    for position in range(1, min(SPECIFIC_KEY_RANKS, len(rows))):
        row = rows[position]
        if ratings[position] < SPECIFIC_KEY_SHARE * ratings[0]:
            continue
        if bank.table_of(row.index) != table:
            continue
        words = _key_words(row, bank)
        if named <= words and len(words - asked) < extra:
            found, extra = position, len(words - asked)
    return found


def _key_words(row: ScoredSentence, bank: SentenceBank) -> frozenset[str]:
    """The folded content words of a candidate row's key cell."""
    return _words(key_cell(bank.text(row.index), bank.key_column(row.index)))


def _words(text: str) -> frozenset[str]:
    """The folded content words of `text` but its function words and interrogatives
    (split_keys.key_words)."""
    return frozenset(key_words(text))
