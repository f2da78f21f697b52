"""Owns the row of a table a question asks by a superlative of one of its columns: "Which is the
most expensive pastry?" of a price list

    | item | category | price_gbp | allergens |
    | Croissant | pastry | 1.90 | gluten, milk, egg |
    | Cinnamon bun | pastry | 2.80 | gluten, milk, egg |

is the row of the highest price among the rows writing "pastry" (s57 trial: every row matched
the question alike, and the quote ranker put the cheapest first).

The superlatives are language data (citeqa/data/extreme_rows.json): a price's ("most
expensive", "le moins cher") reads the column whose header writes a price word; another ("the
highest", "la plus élevée") the column whose header the question names ("temperature" of a
"temp_c" header: a header word of four letters or more opening a question word, or the
reverse). Rows are those of the table of a row the ranker put near the top, narrowed to those
writing the question's other words that some rows write and others do not ("pastry"). Each
kept row's cell in that column must hold one number (stated_values.values); a tie for the
extreme, fewer than two such rows or no such column leaves the ranking alone. No I/O but the
data, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import content_words, query_tokens
from citeqa.ordinal_rows import table_rows
from citeqa.sentences import SentenceBank
from citeqa.stated_values import values
from citeqa.tables import line_cells

__all__ = ["Extreme", "asked_extreme", "extreme_row"]

PREFIX_LETTERS = 4
"""The fewest letters a header word opening a question word (or the reverse) has to name it:
"temp" of "temperature"; "qty" names nothing."""
_WORDS = re.compile(r"[^\W\d_]+")
_BOUNDING = (" at",)
"""The word before a superlative that makes it a bound, not a superlative ("at least")."""


class Extreme(NamedTuple):
    highest: bool
    """The highest value asked, else the lowest."""
    price: bool
    """Of a price column (a header writing a price word), else of the column the question names."""
    words: frozenset[str]
    """The folded words of the superlative, which name neither a column nor a row."""


def asked_extreme(question: str) -> Extreme | None:
    """The superlative `question` asks a row by (the longest phrase of extreme_rows.json it
    writes, a price's first, not after a word that makes it a bound: "at least 3 shifts"), or
    None."""
    folded = f" {' '.join(_WORDS.findall(fold(question)))} "
    for price, highest, phrase in _phrases():
        at = folded.find(f" {phrase} ")
        if at >= 0 and not folded[:at].endswith(_BOUNDING):
            return Extreme(highest, price, frozenset(phrase.split()))
    return None


def extreme_row(bank: SentenceBank, row: int, question: str, asked: Extreme) -> int | None:
    """The sentence number of the row of the table whose row sentence `row` is holding the
    extreme value `asked` of its asked column, among the rows writing what the question names
    of them (see the module docstring); None when there is no such single row."""
    found = table_rows(bank, row)
    if found is None or len(found[1]) < 2:
        return None
    header, rows, _ = found
    header_cells = [_cell_words(cell) for cell in line_cells(bank.text(header))]
    asked_words = [word for word in content_words(question) if word not in asked.words]
    named = set().union(*header_cells)
    kept = _rows_writing(bank, rows, [word for word in asked_words if word not in named])
    lines = [bank.text(n) for n in kept]
    numeric = {n for n in range(len(header_cells)) if _numbers_in(lines, n) >= 2}
    column = _asked_column(header_cells, asked_words, asked.price, numeric)
    if column is None:
        return None
    valued = [(value, n) for n in kept if (value := _value(bank.text(n), column)) is not None]
    best = max(valued) if asked.highest else min(valued)
    tied = [n for value, n in valued if value == best[0]]
    return best[1] if len(tied) == 1 else None


def _cell_words(cell: str) -> frozenset[str]:
    """A cell's folded words, a snake_case name's too ("price_gbp": "price", "gbp")."""
    return frozenset(_WORDS.findall(fold(cell)))


def _asked_column(
    header: Sequence[frozenset[str]], asked: Sequence[str], price: bool, numeric: set[int]
) -> int | None:
    """The column asked among the `numeric` ones: the first whose header writes a price word
    (`price`), else the one whose header a question word names (`_names`), when exactly one
    does ("fridge" of "the lowest walk-in fridge temperature" names a column of words)."""
    if price:
        words = _price_words()
        return next((n for n, cell in enumerate(header) if n in numeric and cell & words), None)
    named = [
        n
        for n, cell in enumerate(header)
        if n in numeric and any(_names(q, w) for q in asked for w in cell)
    ]
    return named[0] if len(named) == 1 else None


def _numbers_in(lines: Sequence[str], column: int) -> int:
    """How many of the rows `lines` write one number in `column` (`_value`)."""
    return sum(_value(line, column) is not None for line in lines)


def _names(question_word: str, header_word: str) -> bool:
    """Whether a question word names a header word: the same word or term, or one opening the
    other with PREFIX_LETTERS letters or more ("temperature", "temp")."""
    if question_word == header_word or set(query_tokens(question_word)) & set(
        query_tokens(header_word)
    ):
        return True
    shorter, longer = sorted((question_word, header_word), key=len)
    return len(shorter) >= PREFIX_LETTERS and longer.startswith(shorter)


def _rows_writing(bank: SentenceBank, rows: list[int], words: list[str]) -> list[int]:
    """The `rows` writing every one of `words` that some row writes and another does not (in
    some form: lexical.query_tokens), the others' writing aside; `rows` when none such."""
    tokens = {n: set(query_tokens(bank.text(n))) for n in rows}
    telling = [
        forms
        for word in words
        if (forms := set(query_tokens(word)))
        and 0 < sum(bool(forms & held) for held in tokens.values()) < len(rows)
    ]
    return [n for n in rows if all(forms & tokens[n] for forms in telling)]


def _value(line: str, column: int) -> float | None:
    """The one number the row `line` writes in `column`, or None."""
    cells = line_cells(line)
    if column >= len(cells):
        return None
    found = values(cells[column], "en")
    if len(found) != 1:
        return None
    try:
        return float(next(iter(found)))
    except ValueError:
        return None


@cache
def _phrases() -> tuple[tuple[bool, bool, str], ...]:
    """(price, highest, phrase) for every phrase of extreme_rows.json, a price's first, then the
    longest first."""
    data = data_json("extreme_rows.json")["phrases"]
    found = [
        (kind.startswith("price"), kind.endswith("max"), fold(phrase))
        for lists in data.values()
        for kind, phrases in lists.items()
        for phrase in phrases
    ]
    return tuple(sorted(found, key=lambda item: (not item[0], -len(item[2]))))


@cache
def _price_words() -> frozenset[str]:
    """The folded words by which a header names a price column."""
    return frozenset(fold(word) for word in data_json("extreme_rows.json")["price_words"])
