"""Owns the words of each language that are no typos (citeqa/data/known_words.json, and the
abbreviations of citeqa/data/known_abbreviations.json: "tue", "pto"): a real
word the corpus lacks is read as typed, never as a misspelt corpus word ("trail" is no
"trial", "cal" no "call"). Read by typo_reading (the re-read question) and questions (the
search's reading of a short word), and the one policy on which short words may be read as
typos (`may_be_short_typo`)."""

from __future__ import annotations

from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.models import Lang


def known_word(folded: str, lang: Lang) -> bool:
    """Whether the folded `folded` is a word of `lang` (citeqa/data/known_words.json), so no
    typo."""
    return folded in known_words(lang)


def may_be_short_typo(folded: str, lang: Lang) -> bool:
    """Whether a short folded word of a question in `lang` may be read as a typo at all: only
    in a language with a word list, and when it is no word of it. A language with no list
    (French: none installed) says nothing of which short words are words ("mois" is no slip
    of "moins"), so none of its short words is; "tue" and "cal" are English words. Read by
    typo_reading (the re-read question) and spelling_hints (the "Did you mean" offer)."""
    return bool(known_words(lang)) and not known_word(folded, lang)


@cache
def known_words(lang: Lang) -> frozenset[str]:
    """The folded words of `lang` in citeqa/data/known_words.json, read once when first asked
    for."""
    words: dict[str, list[str]] = data_json("known_words.json")["words"]
    abbreviations: dict[str, list[str]] = data_json("known_abbreviations.json")["words"]
    return frozenset(fold(word) for word in [*words.get(lang, []), *abbreviations.get(lang, [])])
