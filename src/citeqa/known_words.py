"""Owns the words of each language that are no typos (citeqa/data/known_words.json): a real
word the corpus lacks is read as typed, never as a misspelt corpus word ("trail" is no
"trial", "cal" no "call"). Read by typo_reading (the re-read question) and questions (the
search's reading of a short word)."""

from __future__ import annotations

from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.models import Lang


def known_word(folded: str, lang: Lang) -> bool:
    """Whether the folded `folded` is a word of `lang` (citeqa/data/known_words.json), so no
    typo."""
    return folded in known_words(lang)


def known_in_any_language(folded: str) -> bool:
    """Whether the folded `folded` is a word of any language with a list (English only: no
    French list is installed)."""
    return any(folded in known_words(lang) for lang in _LANGS)


_LANGS: tuple[Lang, ...] = ("en", "fr")


@cache
def known_words(lang: Lang) -> frozenset[str]:
    """The folded words of `lang` in citeqa/data/known_words.json, read once when first asked
    for."""
    words: dict[str, list[str]] = data_json("known_words.json")["words"]
    return frozenset(fold(word) for word in words.get(lang, []))
