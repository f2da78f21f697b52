"""A question naming a thing by a qualifier answered by a quote of its sibling qualified the
opposite way: "Quel est le prix de la sonde de température sans fil ?" answered by the row
"| AC-01 | Sonde de température filaire | 24.9 |" (s25 trial, at confidence .68).

Every other word of the question matched the row, so the answer models read it as the answer;
the one word telling the two probes apart weighs as one term among the question's. What is
checked here, once the answer is chosen: the question writes one side of a group of qualifiers
that exclude each other (language data, citeqa/data/opposed_qualifiers.json: "sans fil" /
"filaire", "wireless" / "wired"), no other, and is no closed question ("Is the probe wireless?"
is answered by "The probe is wired."); the answer's quotes and the sections they are cited under
never write the asked side, and write another side of the same head word as the question's,
on the same side of it (`_heads`: the first HEAD_WORDS content words either side, within the
phrase: "sonde de température sans fil" / "Sonde de température filaire", "wireless door
sensor" / "Wired door sensor"). Groups a thing may hold two sides of ("9 € per month, billed
yearly", "referred from primary to secondary care") are left out of the data. A quote
writing the other side of some other word ("elle est payante" of "la livraison gratuite") is
left to the answer models. The answer abstains naming both, each as written (the question's
"intérieure", the quote's "extérieure"): a person reads at once why the wired probe's price is
no answer.

No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import islice
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold as lexical_fold
from citeqa.lexical import stopwords
from citeqa.yes_no_replies import is_closed

__all__ = ["OpposedQualifier", "opposed_qualifier"]


class OpposedQualifier(NamedTuple):
    asked: str
    """The qualifier as the question writes it ("sans fil", "intérieure")."""
    held: str
    """The opposite qualifier as the quotes write it ("filaire", "Extérieure")."""


class _Side(NamedTuple):
    forms: tuple[str, ...]
    pattern: re.Pattern[str]
    """Any of `forms` as whole words of a folded text (a hyphen joins words: "non-rechargeable"
    holds no "rechargeable")."""


@cache
def _groups() -> tuple[tuple[_Side, ...], ...]:
    """The groups of opposed_qualifiers.json, each side's forms with their pattern."""
    groups = data_json("opposed_qualifiers.json")["groups"]
    return tuple(tuple(_side(forms) for forms in group) for group in groups)


def _side(forms: Sequence[str]) -> _Side:
    """A side of a pair: its folded forms, longest first, and their whole-word pattern."""
    ordered = tuple(sorted((fold(form) for form in forms), key=len, reverse=True))
    alternatives = "|".join(re.escape(form) for form in ordered)
    return _Side(ordered, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"))


@cache
def _any_side() -> re.Pattern[str]:
    """Any form of any group's side, as `_side`'s patterns find them: a question none of which
    finds asks no qualifier."""
    return re.compile("|".join(side.pattern.pattern for group in _groups() for side in group))


def opposed_qualifier(question: str, quoted: Sequence[str]) -> OpposedQualifier | None:
    """The qualifier `question` asks of a thing that none of `quoted` (the answer's quotes and
    the sections they are cited under) writes while they write its opposite before or after the
    same head word, with that opposite; None when there is none or the question is closed
    (yes/no)."""
    asked_text, asked_places = _folded(question)
    if not _any_side().search(asked_text) or is_closed(asked_text):
        return None  # no group's side asked (most questions): no group is read
    texts: list[_Text] | None = None  # folded only once a group has one side asked
    for group in _groups():
        asked = [(side, found) for side in group if (found := side.pattern.search(asked_text))]
        if len(asked) != 1:  # none, or two sides asked ("wired or wireless?")
            continue
        side, found = asked[0]
        if texts is None:
            texts = [(text, *_folded(text)) for text in quoted]
        if any(side.pattern.search(folded) for _, folded, _ in texts):
            continue
        heads = _heads(asked_text, found)
        others = [other for other in group if other is not side]
        held = _written(texts, others, heads) if heads else None
        if held is not None:
            return OpposedQualifier(_as_written(question, asked_places, found), held)
    return None


_Text = tuple[str, str, list[int]]
"""A text, its folded form (`_folded`) and the place in the text of each folded character."""


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` folded as glossary.fold folds it (lowercase, no accents, whitespace collapsed),
    with the place in `text` of each folded character, so a form found in the folded text is
    shown as written ("intérieure", not "interieure"). Read by runs of non-space characters,
    an ASCII run lower-cased whole (lexical.fold changes no ASCII character but its case), the
    others a character at a time. questions._folded_offsets maps the other way, and without
    collapsing whitespace (where a question's words start in its lexical.fold, for the dates
    read there): neither serves the other."""
    letters: list[str] = []
    places: list[int] = []
    after = 0  # where the whitespace before the next run starts
    for run in _RUN.finditer(text):
        if letters and letters[-1] != " ":
            letters.append(" ")
            places.append(after)
        start, after = run.span()
        written = run.group()
        if written.isascii():
            letters.extend(written.lower())
            places.extend(range(start, after))
            continue
        for place, character in enumerate(written, start):
            for letter in lexical_fold(character):
                letters.append(letter)
                places.append(place)
    if letters and letters[-1] == " ":
        letters.pop()
        places.pop()
    return "".join(letters), places


_RUN = re.compile(r"\S+")
"""A run of non-space characters (`\\s` is str.isspace's whitespace)."""


def _as_written(text: str, places: list[int], found: re.Match[str]) -> str:
    """The span of `text` a match in its folded form (`_folded`) covers, as written."""
    return text[places[found.start()] : places[found.end() - 1] + 1]


HEAD_WORDS = 2
"""The content words read on each side of a qualifier as its head word or the head's phrase
(`_heads`): "sonde" and "temperature" before "sans fil" in "la sonde de température sans fil",
so "la sonde sans fil" shares its head with the "Sonde de température filaire" row."""
_PHRASE_END = re.compile(r"[^\w\s'’-]")
"""What ends the phrase around a qualifier: punctuation ("50 €, elle est payante")."""
_WORDS = re.compile(r"[^\W_]+")


def _heads(folded: str, found: re.Match[str]) -> set[tuple[str, str]]:
    """The first HEAD_WORDS content words on each side of a qualifier found in a folded text,
    within its phrase (no punctuation between), each with its side ("sonde de temperature sans
    fil": ("before", "temperature"), ("before", "sonde"); "wireless door sensor": ("after",
    "door"), ("after", "sensor")): the head word it qualifies and its phrase. Function words,
    numbers and single letters ("est", "9", "l") are none."""
    before = _PHRASE_END.split(folded[: found.start()])[-1]
    after = _PHRASE_END.split(folded[found.end() :])[0]
    return {("before", word) for word in _content(reversed(_WORDS.findall(before)))} | {
        ("after", word) for word in _content(_WORDS.findall(after))
    }


def _content(words: Iterable[str]) -> list[str]:
    """The first HEAD_WORDS of `words` that are content words."""
    stop = stopwords()
    kept = (word for word in words if len(word) > 1 and not word.isdigit() and word not in stop)
    return list(islice(kept, HEAD_WORDS))


def _written(texts: list[_Text], sides: list[_Side], heads: set[tuple[str, str]]) -> str | None:
    """The first form of `sides` that `texts` write (in reading order) before or after one of
    the asked qualifier's `heads`, on the same side, as written; None for none."""
    for text, folded, places in texts:
        found = [
            match
            for side in sides
            for match in side.pattern.finditer(folded)
            if _heads(folded, match) & heads
        ]
        if found:
            first = min(found, key=lambda match: match.start())
            return _as_written(text, places, first)
    return None
