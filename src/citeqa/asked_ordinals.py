"""Owns the ordinals a question asks ("the first dose", "la 2e dose") and which texts write
one of them, in words or in digits with an ordinal ending, English and French alike ("first",
"1st", "premier", "première", "1er", "1re" all write 1).

s34 trial: "When is the first dose of the hexavalent vaccine given?" — the sentence ranker put
"| 2 mois | Hexavalent | 1re dose |" first, and the quote ranker, reading no bridge between
"first" and "1re", put "| 4 mois | … | 2e dose |" above it. The quote ranker's features are
trained (evals/tools/): `ordinal_weights` weighs down, after it, a candidate numbering the
asked word by another ordinal only when another numbers it by the asked one, as asked_values
weighs down one writing no value of the asked kind. The words are data (number_words.json:
the part ordinals' words and the `ordinal_endings`); no I/O but that file's reading, once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from citeqa.glossary import fold
from citeqa.lexical import stopwords
from citeqa.part_ordinals import ordinal_words
from citeqa.stated_values import number_data

__all__ = ["OTHER_ORDINAL_WEIGHT", "asked_ordinals", "ordinal_weights", "ordinals_written"]

OTHER_ORDINAL_WEIGHT = 0.1
"""What the quote ranker's rating of a candidate writing only other ordinals than the asked
ones is multiplied by when another candidate writes one (asked_values.MISSING_VALUE_WEIGHT's
measure: a weaker one leaves a swapped first choice first)."""


@functools.cache
def _pattern() -> re.Pattern[str]:
    """An ordinal in folded text: a word of `ordinal_words`, or one or two digits and an
    ordinal ending of either language."""
    words = sorted(ordinal_words(), key=len, reverse=True)
    endings = sorted(
        {ending for found in number_data()["ordinal_endings"].values() for ending in found},
        key=len,
        reverse=True,
    )
    spelled = "|".join(re.escape(word) for word in words)
    ended = "|".join(re.escape(ending) for ending in endings)
    return re.compile(rf"(?<![\w.,-])(?:({spelled})|(\d{{1,2}})(?:{ended}))(?![\w-])")


@functools.lru_cache(maxsize=4096)
def ordinals_written(text: str) -> frozenset[tuple[int, str]]:
    """The ordinals `text` writes, each with the word it numbers, the next one (folded, a
    plural's final "s" off; "" for none): "1re dose", "the second visit": (1, "dose"),
    (2, "visit"). An ordinal joined to the next one by function words or a comma numbers that
    one's word ("the first and second doses", "la 1re ou la 2e dose": both "dose"); one
    followed by another function word numbers none ("the 1st of March")."""
    values = ordinal_words()
    folded = fold(text)
    found = list(_pattern().finditer(folded))
    numbered = [_numbered(folded, one.end()) for one in found]
    for place in range(len(found) - 2, -1, -1):
        if _joined(folded[found[place].end() : found[place + 1].start()]):
            numbered[place] = numbered[place + 1]
    return frozenset(
        (values[one.group(1)] if one.group(1) else int(one.group(2)), noun)
        for one, noun in zip(found, numbered, strict=True)
    )


_NEXT_WORD = re.compile(r"[\s|*_]*([^\W\d_]+)")
_GAP_PIECE = re.compile(r"[^\W\d_]+|,")


def _numbered(folded: str, end: int) -> str:
    """The word after an ordinal ending at `end` (cell marks and emphasis skipped), without a
    plural's final "s"; "" for none or for a function word ("of" in "the 1st of March")."""
    found = _NEXT_WORD.match(folded, end)
    if found is None or found.group(1) in stopwords():
        return ""
    return found.group(1).removesuffix("s")


def _joined(gap: str) -> bool:
    """Whether the text between two ordinals joins them in one list: only function words and
    commas, at least one ("first and second", "1re ou la 2e", "quatrième, neuvième")."""
    pieces = _GAP_PIECE.findall(gap)
    return (
        bool(pieces)
        and not _GAP_PIECE.sub("", gap).strip()
        and all(piece == "," or piece in stopwords() for piece in pieces)
    )


def asked_ordinals(question: str) -> frozenset[tuple[int, str]]:
    """The ordinals the question writes, each with the word it numbers ("the first dose":
    (1, "dose")); one numbering no word is no ordinal asked."""
    return frozenset(pair for pair in ordinals_written(question) if pair[1])


def ordinal_weights(asked: frozenset[tuple[int, str]], texts: Sequence[str]) -> list[float]:
    """For each candidate's text, OTHER_ORDINAL_WEIGHT when it numbers a word the question
    numbers by another ordinal only ("2e dose" for "the first dose") while another candidate
    numbers it by the asked one ("1re dose"); else 1. `asked`: the question's asked_ordinals
    (the caller reads no text when there are none). An ordinal of another word is none of
    the question's ("la première banque" is no rank asked of "quatrième … places mondiales",
    nor of "la première compagnie d'assurance": piaf)."""
    nouns = {noun for _, noun in asked}
    written = [{pair for pair in ordinals_written(text) if pair[1] in nouns} for text in texts]
    if not any(found & asked for found in written):
        return [1.0] * len(texts)
    return [OTHER_ORDINAL_WEIGHT if found and not found & asked else 1.0 for found in written]
