"""The kinds of key a table row is looked up by: a command-line option (`--max-size`), a
setting (`cache_ttl_s`), a number (exit code 42), a code (BK-115, E1042). The shapes are
language data (citeqa/data/language.json `key_shapes`, a regular expression of the folded key
per kind), read once; this module only says which kind a key is of (`key_kind`), which key a
table's cell writes (`cell_key`: `--min-size SIZE` writes `--min-size`), and what is left of a
key once its case, dashes and underscores are set aside (`skeleton`), the form in which a cell
and a question's key are compared ("--max-size" and `max_size` are one name written two
ways)."""

from __future__ import annotations

import re
from functools import cache

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.lexical import fold as lexical_fold

__all__ = ["cell_key", "key_kind", "line_skeletons", "skeleton"]

_NOT_LETTERS_OR_DIGITS = re.compile(r"[\W_]+")
"""What a `skeleton` leaves out."""
_NOT_LETTERS_DIGITS_OR_LINE = re.compile(r"[^\w\n]+|_+")
"""The same, line ends aside (`line_skeletons`): kept apart, as this one pares a key 1.4x
slower (0.8 us a call)."""


@cache
def _shapes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (kind, re.compile(pattern)) for kind, pattern in language_data().key_shapes.items()
    )


def key_kind(key: str) -> str | None:
    """The kind of key (`key_shapes`) that `key`, folded, is written as; None for none (a
    word, a unit such as "mA", a time such as "12:30")."""
    folded = fold(key)
    return next((kind for kind, shape in _shapes() if shape.fullmatch(folded)), None)


def cell_key(cell: str) -> str:
    """The key a table's cell writes: the cell, or its first word when the cell is no
    key but that word is (`--min-size SIZE`: an option with its argument)."""
    if key_kind(cell) is not None:
        return cell
    first = cell.split(maxsplit=1)[0] if cell.strip() else cell
    return first if key_kind(first) is not None else cell


def skeleton(key: str) -> str:
    """The key folded, with everything but its letters and digits left out: "--max-size",
    "max_size" and "MaxSize" are all "maxsize", "BK-115" and "bk115" "bk115"."""
    return _NOT_LETTERS_OR_DIGITS.sub("", fold(key))


def line_skeletons(lines: str) -> list[str]:
    """The `skeleton` of each line of `lines` (a table's rows, one a line), all folded and
    pared as one text rather than line by line."""
    return _NOT_LETTERS_DIGITS_OR_LINE.sub("", lexical_fold(lines)).split("\n")
