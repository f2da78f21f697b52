"""Ordinal words that number a part of a document on their own: "DEUXIÈME RÉSOLUTION – …",
"Article premier", "First Schedule", "la troisième résolution".

Minutes, articles of association and contracts number their parts in words as often as in
digits; a heading written so is a heading as "Article 2 – …" is (blocks.py). Only that: a
question's "la deuxième résolution" asks no number, and "l'article 1" does not find "Article
premier" (numbered_sections reads digits alone). The words and their numbers are language data
(number_words.json, `part_ordinals`), folded; no I/O but reading that file once.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from citeqa.glossary import fold
from citeqa.jsonfiles import parse_json

__all__ = ["ordinal_number", "ordinal_part"]

_ORDINAL_PART = re.compile(r"([^\W\d_][\w-]*)[ \t]+([^\W\d_][\w-]*)")
"""Two words opening a text: an ordinal and a part's name, either way round."""


@functools.cache
def _ordinals() -> dict[str, int]:
    """The folded part ordinals of every language and the number each writes."""
    raw = resources.files("citeqa").joinpath("data", "number_words.json").read_bytes()
    by_language = parse_json(raw)["part_ordinals"]
    return {fold(word): value for words in by_language.values() for word, value in words.items()}


def ordinal_number(word: str) -> int | None:
    """The number the ordinal `word` writes ("Deuxième" → 2, "first" → 1), or None."""
    return _ordinals().get(fold(word))


def ordinal_part(text: str) -> tuple[int, str, int] | None:
    """When `text` opens with an ordinal and a word, or a word and an ordinal ("DEUXIÈME
    RÉSOLUTION – …", "Article premier –", "First Schedule"), the number the ordinal writes, the
    other word (the part's name), and where the two words end in `text`; else None."""
    match = _ORDINAL_PART.match(text)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    number = ordinal_number(first)
    if number is not None:
        return number, second, match.end()
    number = ordinal_number(second)
    return None if number is None else (number, first, match.end())
