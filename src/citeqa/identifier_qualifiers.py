"""A question asking an identifier by the word qualifying it answered by a quote keying another
identifier: "What is my tax number?" answered by "Policy number: CDI-MTR-55902817", "Quel est
notre numéro de PDL ?" by "Numéro fiscal du déclarant 1 : 1 23 45 678 901 234",
"home insurance contract number" by the car's "Policy number" (s27 trial, at .27 to .28).

"number"/"numéro" matched the quote and weighed as much as the word saying which number is
asked. What is checked here, once the answer is chosen: the question asks an identifier by a
qualifier (`asked_qualifier`: a noun of data/identifier_nouns.json after its qualifier in
English, "tax number", or before it in French, "numéro de PDL", "numéro fiscal"; not a
stopword nor a word qualifying no kind, "my", "same"); the answer's quotes never write that
qualifier (nor one of its group of data `equivalents`, "serial" / "série", "tax" / "fiscal",
nor a writing of it close enough to be the same word across the two languages: "contract" and
"contrat", by alike_words.py's one rule, so a short word is matched whole: "order" is no
"border", "tax" no "taxi"), nor do the passages holding them (a home policy whose passage
writes "Contrat Habitation" over its "N° de police"), and key an identifier by another
qualifier ("Policy number", "Numéro fiscal"): they give another record's number, and the
answer abstains naming both. Both qualifiers must be of the data's `equivalents` groups, in
two groups: a qualifier of no listed kind ("maximum number of days", an unknown label) is
never read as another kind; an English noun followed by "of" is a count ("the minimum number
of participants"). A quote writing an identifier with no qualifier ("Number: 12") or the
asked one stands. No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.alike_words import alike_among
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold, stopwords

__all__ = ["UnheldQualifier", "asked_qualifier", "keyed_qualifiers", "unheld_qualifier"]

VALUE_REACH = 40
"""How far after a quote's identifier key its value's first digit may stand."""
_WORD = re.compile(r"[^\W_]+|#")
_DIGIT = re.compile(r"\d")


class UnheldQualifier(NamedTuple):
    asked: str
    """The identifier the question asks, as it writes it ("tax number", "numéro de PDL")."""
    held: str
    """The identifier a quote keys instead, as it writes it ("Policy number")."""


@cache
def _equivalents() -> dict[str, frozenset[str]]:
    """Each qualifier of identifier_nouns.json's `equivalents` with its group's qualifiers."""
    groups = data_json("identifier_nouns.json")["equivalents"]
    return {word: frozenset(group) for group in groups for word in group}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The English (qualifier then noun) and French (noun, a link, then qualifier) patterns of
    identifier_nouns.json, over folded text, with the words that qualify no kind."""
    data = data_json("identifier_nouns.json")
    before = "|".join(re.escape(noun) for noun in data["before"])
    after = "|".join(re.escape(noun) for noun in data["after"])
    links = "|".join(re.escape(link) for link in sorted(data["links"], key=len, reverse=True))
    english = re.compile(rf"(?<![\w'’])([^\W\d_]+)\s+(?:{before})(?![\w])(?!\s+of\b)")
    french = re.compile(rf"(?<![\w'’])(?:{after})\.?\s+(?:(?:{links})\s*)?([^\W\d_]+)(?![\w'’])")
    return english, french, frozenset(data["qualifier_stop"])


def keyed_qualifiers(text: str, valued: bool = False) -> list[tuple[str, str]]:
    """The qualifiers of the identifiers `text` keys (folded), each with the identifier's
    writing ("tax number", "numero fiscal"): no stopword, no word qualifying no kind; when
    `valued`, only those a digit follows on their line (`_valued`) (a quote's key with
    its value: "Policy number: CDI-MTR-55902817", not "a policy number is sent")."""
    english, french, stop = _patterns()
    folded = fold(text)
    found = []
    for pattern in (english, french):
        for match in pattern.finditer(folded):
            word = match.group(1)
            if valued and not _valued(folded, match.end()):
                continue
            if word not in stopwords() and word not in stop and len(word) > 1:
                found.append((word, _as_written(text, folded, match).strip()))
    return found


def _valued(folded: str, end: int) -> bool:
    """Whether a digit follows an identifier's key ending at `end` on its line, within
    `VALUE_REACH` characters: its value ("Policy number: CDI-MTR-55902817"), not a heading's
    list below it ("Useful numbers" then "Plumber: 06 39 98 12 34")."""
    line_end = folded.find("\n", end)
    reach = end + VALUE_REACH if line_end < 0 else min(line_end, end + VALUE_REACH)
    return _DIGIT.search(folded, end, reach) is not None


def _as_written(text: str, folded: str, match: re.Match[str]) -> str:
    """What `match` (found in `folded`, `text` folded) covers as `text` writes it ("numéro de
    PDL"), or folded when folding changed the text's length."""
    return text[match.start() : match.end()] if len(text) == len(folded) else match.group()


def asked_qualifier(question: str) -> tuple[str, str] | None:
    """The qualifier of the one identifier `question` asks, with its writing; None when it
    asks none or several."""
    found = dict(keyed_qualifiers(question))
    return next(iter(found.items())) if len(found) == 1 else None


def unheld_qualifier(
    question: str, quotes: Sequence[str], passages: Sequence[str] = ()
) -> UnheldQualifier | None:
    """The identifier the question asks by a qualifier of a known kind (`equivalents`) that
    none of `quotes` nor the `passages` holding them writes while the quotes key an
    identifier of another known kind, with that one; None otherwise."""
    asked = asked_qualifier(question)
    if asked is None:
        return None
    qualifier, writing = asked
    same = _equivalents().get(qualifier)
    if same is None:
        return None  # a qualifier of no known kind: no other kind can be told from it
    keyed = [
        pair
        for quote in quotes
        for pair in keyed_qualifiers(quote, valued=True)
        if pair[0] in _equivalents() and pair[0] not in same
    ]
    if not keyed:
        return None
    words = {word for text in [*quotes, *passages] for word in _WORD.findall(fold(text))}
    if words & same or alike_among(qualifier, words):
        return None
    return UnheldQualifier(writing, keyed[0][1])
