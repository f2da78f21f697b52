"""A table lookup by a measured key the table's key column writes only with other figures:
"Combien coûte l'abonnement en 15 kVA ?" of an electricity price grid whose rows are `| 3 kVA |`,
`| 6 kVA |`, `| 9 kVA |`, `| 12 kVA |` (s62 trial: `| 9 kVA | 15,63 € | 0,2270 € |` was quoted
at .48 for the "15" of its price).

A measured key is a whole number then a word of letters the question writes ("15 kVA", "3
jours"). When the quoted row's key cell writes that word after another whole number ("9 kVA")
and no key cell of its table writes the question's number before it, the table holds no row
for what is asked: the answer abstains naming the key cells writing the word, those of the
closest figures first. Words are compared folded and stemmed as lexical.query_tokens reads
them ("jour" and "jours"). Pure functions.
"""

from __future__ import annotations

import re

from citeqa.glossary import fold
from citeqa.lexical import query_tokens
from citeqa.split_keys import CLOSEST_KEYS, QuotedTable
from citeqa.unheld_keys import UnheldKey

__all__ = ["unheld_measure"]

_MEASURE = re.compile(r"(?<![\w.,])(\d+)\s*([^\W\d_]+)")
"""A whole number then a word of letters: "15 kVA", "3 jours", "3jours"."""


def unheld_measure(table: QuotedTable, focus: str) -> UnheldKey | None:
    """The measured key of `focus` (as the question writes it, with the key cells closest to
    it, CLOSEST_KEYS at most: unheld_keys.UnheldKey) that the quoted row's `table` writes only
    with other figures (see the module's docstring); None otherwise."""
    quoted_measures = _measures(table.quoted)
    for number, typed, unit in _asked_measures(focus):
        held = _held(table.keys, unit)
        if not held or any(figure == number for figure, _ in held):
            continue  # no key of the question's unit, or one of its number: held
        if not any(kind == unit and figure != number for figure, kind in quoted_measures):
            continue
        closest = sorted(held, key=lambda pair: abs(pair[0] - number))
        cells = list(dict.fromkeys(cell for _, cell in closest))[:CLOSEST_KEYS]
        return UnheldKey(f"{number} {typed}", cells)
    return None


def _held(keys: list[str], unit: str) -> list[tuple[int, str]]:
    """Each figure the key cells `keys` write before the word of stem `unit`, with its cell."""
    return [(figure, cell) for cell in keys for figure, kind in _measures(cell) if kind == unit]


def _asked_measures(focus: str) -> list[tuple[int, str, str]]:
    """Each measured key of the question: its number, its word as typed, and that word's
    stem."""
    return [
        (int(found.group(1)), found.group(2), _unit(found.group(2)))
        for found in _MEASURE.finditer(focus)
    ]


def _measures(cell: str) -> list[tuple[int, str]]:
    """Each whole number a key cell writes before a word, with that word's stem."""
    return [(int(found.group(1)), _unit(found.group(2))) for found in _MEASURE.finditer(cell)]


def _unit(word: str) -> str:
    """A word's stem as lexical.query_tokens reads it (its folded form when it has none)."""
    stems = query_tokens(word)
    return stems[0] if stems else fold(word)
