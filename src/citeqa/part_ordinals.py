"""Ordinal words that number a part of a document on their own: "DEUXIÈME RÉSOLUTION – …",
"Article premier", "First Schedule", "la troisième résolution".

Minutes, articles of association and contracts number their parts in words as often as in
digits; a heading written so is a heading as "Article 2 – …" is (blocks.py), and its number is
the section's (numbered_sections.opening_number: "l'article 1" finds "Article premier"). Only an
ordinal next to the name of a part (language data `part_names`: "article", "schedule",
"résolution", "partie", "titre"; not the section cues, which hold "version" and "ticket")
numbers one: "First name: Jean" is a form's label. Which words are ordinals of a part, and the
number each writes, is language data (number_words.json `part_ordinals`, over its `ordinals`),
folded; no I/O but that file's reading (stated_values.number_data, once).
"""

from __future__ import annotations

import functools
import re
from typing import TypeAlias

from citeqa.glossary import fold, language_words
from citeqa.stated_values import number_data

__all__ = ["ordinal_lines", "ordinal_number", "ordinal_part", "ordinal_words"]

_ORDINAL_PART = re.compile(r"([^\W\d_][\w-]*)[ \t]+([^\W\d_][\w-]*)")
"""Two words opening a text: an ordinal and a part's name, either way round."""


@functools.cache
def _ordinals() -> dict[str, int]:
    """The folded part ordinals of every language and the number each writes: the language's
    `ordinals` of a value `up_to` and no more but those `except`, and the words of `more`."""
    data = number_data()
    parts = data["part_ordinals"]
    found: dict[str, int] = {}
    for language, ordinals in data["ordinals"].items():
        left_out = set(parts["except"].get(language, []))
        found.update(
            (word, value)
            for word, value in ordinals.items()
            if value <= parts["up_to"] and word not in left_out
        )
    for more in parts["more"].values():
        found.update(more)
    return found


@functools.cache
def ordinal_lines() -> re.Pattern[str]:
    """The lines of a text that may open with a part numbered in words: after marks and at most
    one word, a part ordinal as a text writes it, in any case, accented or not ("DEUXIÈME
    RÉSOLUTION – …", "Article premier – Objet"); what `ordinal_part` reads further. One regular
    expression over a text, its words' letters shared as a tree (`_spelled`): reading each of
    its lines' first words folded, or trying each ordinal in turn, took a 3 MB text of short
    lines three to seven times as long as its digits alone."""
    return re.compile(rf"^[ \t#*\-\[]*{_opening_ordinal().pattern}[^\n]*", re.MULTILINE)


@functools.cache
def _opening_ordinal() -> re.Pattern[str]:
    """A text opening with a part ordinal, or with a word and one (`ordinal_lines`): matched
    first, it tells most texts apart faster than reading their first two words folded."""
    tree: _Tree = {}
    for word in _ordinals():
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return re.compile(rf"(?:[^\W\d_][\w'’-]*[ \t]+)?{_spelled(tree)}(?![\w-])")


def ordinal_words() -> dict[str, int]:
    """The folded ordinal words of every language up to the part ordinals' bound, each with the
    number it writes ("first", "premier", "deuxieme": 1, 1, 2): `_ordinals`, for
    asked_ordinals.py."""
    return dict(_ordinals())


_Tree: TypeAlias = dict[str, "_Tree"]
"""Words' letters as a tree: each letter to the tree of the rest, "" where a word ends."""


def _spelled(tree: _Tree) -> str:
    """A regular expression of the folded words of `tree` (a letter to the tree of the words'
    rest, "" where a word ends) as a text may write them: each letter, or any Latin letter that
    folds to it ("deuxieme" matches "deuxième")."""
    variants = _accented()
    branches = [
        (f"[{variants[c]}]" if c in variants else re.escape(c)) + _spelled(rest)
        for c, rest in sorted(tree.items())
        if c
    ]
    if not branches:
        return ""
    if "" in tree:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@functools.cache
def _accented() -> dict[str, str]:
    """Each ASCII letter and the Latin-1 letters, either case (A to Z, a to z, U+00C0 to
    U+00FF: every accented letter of English and French), that fold to it alone: a regular
    expression of them needs no IGNORECASE, and compiles in a few milliseconds (with Latin
    Extended-A and B as well, 57 ms)."""
    found: dict[str, str] = {}
    for code in [
        *range(ord("A"), ord("Z") + 1),
        *range(ord("a"), ord("z") + 1),
        *range(0xC0, 0x100),
    ]:
        letter = chr(code)
        folded = fold(letter)
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            found[folded] = found.get(folded, "") + letter
    return found


def ordinal_number(word: str) -> int | None:
    """The number the ordinal `word` writes ("Deuxième" → 2, "first" → 1), or None."""
    return _ordinals().get(fold(word))


def ordinal_part(text: str, start: int = 0) -> tuple[int, str, int] | None:
    """When `text` opens (at `start`) with an ordinal and a part's name, or a part's name and
    an ordinal ("DEUXIÈME RÉSOLUTION – …", "Article premier –", "First Schedule"), the number
    the ordinal writes, the part's name, and where the two words end in `text`; else None
    ("First name: Jean": "name" names no part)."""
    if _opening_ordinal().match(text, start) is None:
        return None
    match = _ORDINAL_PART.match(text, start)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    number = ordinal_number(first)
    name = second
    if number is None:
        number, name = ordinal_number(second), first
    if number is None or fold(name) not in language_words("part_names"):
        return None
    return number, name, match.end()
