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
from citeqa.glossary import fold, language_words
from citeqa.lexical import fold as lexical_fold

__all__ = [
    "cell_key",
    "cell_lettered_key",
    "key_kind",
    "lettered_cues",
    "lettered_key",
    "lettered_parts",
    "line_skeletons",
    "ordinal_key",
    "skeleton",
]

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


@cache
def _lettered_pattern() -> re.Pattern[str]:
    endings = sorted(language_words("lettered_number_ordinals"), key=len, reverse=True)
    ordinal = "|".join(map(re.escape, endings))
    return re.compile(rf"([0-9]+)((?:{ordinal})?)[ -]?([A-Z])")


def lettered_key(text: str, *, cued: bool = False) -> str | None:
    """The class or group key `text` writes as a number and one capital letter ("4e B",
    "4eB", "4e-B", "4ème B" → "4ème B"; "12 A" → "12 A" only when `cued`: a cue word such as
    "Bus" or "Year" comes before it), written one way, the number and its letter a space
    apart; None for any other text. An ordinal ("4e", "1re") needs no cue: an ordinal and a
    capital letter name a class; "page 12 A" names none."""
    found = _lettered_match(text)
    if found is None or found[3] == "I" or not (found[2] or cued):
        return None
    return f"{text[: len(text) - 1].rstrip(' -')} {found[3]}"


def ordinal_key(key: str) -> bool:
    """Whether a class or group key (`lettered_key`) numbers it by an ordinal ("4e B", "9th
    C"), not by a plain number ("12 A", "9 C")."""
    found = _lettered_match(key)
    return bool(found and found[2])


def _lettered_match(text: str) -> re.Match[str] | None:
    """`_lettered_pattern` matched on all of `text`, folded but for its last character (the
    capital letter, kept so)."""
    return _lettered_pattern().fullmatch(fold(text[:-1]) + text[-1:]) if text else None


@cache
def lettered_cues() -> frozenset[str]:
    """The folded words that cue a number and one capital letter after them as one key ("Bus
    12 A", "Year 9 C": language data `lettered_number_cues`)."""
    return language_words("lettered_number_cues")


def lettered_parts(cell: str) -> tuple[str, str] | None:
    """A table's cell that writes a class or group key, whole or as its last words: the words
    before that key and the key, written as `lettered_key` writes it ("Bus 12 A" → ("Bus",
    "12 A"), "4eB" → ("", "4e B")); None for a cell writing none."""
    words = cell.split()
    for size in (2, 1):
        if len(words) >= size and (key := lettered_key(" ".join(words[-size:]), cued=True)):
            return " ".join(words[:-size]), key
    return None


def cell_lettered_key(cell: str) -> str | None:
    """The class or group key a table's cell writes, whole or as its last words ("Bus 12 A"
    → "12 A", "4eB" → "4e B"), written as `lettered_key` writes it; None for none."""
    parts = lettered_parts(cell)
    return parts[1] if parts else None


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
