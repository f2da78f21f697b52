"""A question naming a thing by a name the documents write with one word more, a word they never
use: "How much does the Thermo One Max cost?" answered by the row "| VT-100 | Thermo One | 124.17
| 149 | 3 ans |" (s25 trial, at confidence .33), of a price list holding no Thermo One Max.

The unknown word weighs as one term among the question's and every other one matched, so the
answer models read the sibling's row as the answer; unheld_names.py reads table keys of as many
words as the name only, and the question writes "Thermo One" whole. What is checked here, once
the answer is chosen:

- a word of the question that the corpus never uses (QuestionTerms.absent) is shaped as a name
  (a capital, not the question's first word) and is no likely misspelling of a corpus word
  (QuestionTerms.typos) nor of a word of the quoted documents (`_misspells`: "Pierre-Jakez
  Hélais" of the PIAF dev half, whose article writes Hélias);
- it ends a run of capitalised words of the question (the name it stands in) whose other words
  the corpus uses: a word after a name names a variant ("Max", "Pro", "Mini"), one before it
  mostly the same thing ("Acme Thermo One", a brand; "Jean Dupont" of notes on "Dupont");
- the answer's quotes or the sections they are cited under write those other words, in order,
  as whole words ("Thermo One").

The answer then quotes the name's shorter sibling, and abstains naming both: the documents
never write the asked name (its word is in none of them). A one-word name, or an unknown word
inside a name ("Edward Dickinson Baker" of an article on "Edward Baker") or before it, is left
to the answer models, as is a name the quotes do not write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz.distance import OSA

from citeqa.glossary import fold
from citeqa.questions import QuestionTerms

__all__ = ["ExtendedName", "extended_name"]

MISSPELT_LENGTH = 4
"""The fewest letters of an unknown word read as a possible misspelling (`_misspells`)."""


class ExtendedName(NamedTuple):
    asked: str
    """The name as the question writes it ("Thermo One Max")."""
    held: str
    """Its part the quotes write, as the question writes it ("Thermo One")."""


def extended_name(
    terms: QuestionTerms, quoted: Sequence[str], documents: Sequence[str] = ()
) -> ExtendedName | None:
    """The name the question asks whose words but an unknown one at its end `quoted`
    (the answer's quotes and the sections they are cited under) write, with that part; None
    when there is none, or when the unknown word is a likely misspelling of a word of
    `documents` (the quoted documents' texts: "Pierre-Jakez Hélais" of an article on Hélias)."""
    words = terms.focus_words
    absent = set(terms.absent)
    texts = [fold(text) for text in quoted]
    for place, word in enumerate(words[1:], start=1):  # the first's capital is the sentence's
        if not (word[:1].isupper() and word in absent) or word in terms.typos:
            continue  # typos are looked up only for such a word (QuestionTerms.typos)
        name = _name_around(words, place)
        held = _held_part(name, words[place], absent)
        quotes_part = bool(held) and any(_writes(text, held) for text in texts)
        if quotes_part and not _misspells(fold(word), documents):
            return ExtendedName(" ".join(name), " ".join(held))
    return None


def _name_around(words: list[str], place: int) -> list[str]:
    """The run of capitalised words of the question around its word at `place`, its first word
    joining none (its capital is the sentence's: "Thermo One Max" in "How much does the Thermo
    One Max cost?")."""
    start, end = place, place + 1
    while start > 1 and words[start - 1][:1].isupper():
        start -= 1
    while end < len(words) and words[end][:1].isupper():
        end += 1
    return words[start:end]


def _held_part(name: list[str], unknown: str, absent: set[str]) -> list[str]:
    """`name` without its last word when that word is `unknown` and every other word is one
    the corpus uses; [] otherwise."""
    if len(name) < 2 or name[-1] != unknown:
        return []
    part = name[:-1]
    return part if not any(word in absent for word in part) else []


def _misspells(word: str, documents: Sequence[str]) -> bool:
    """Whether the folded `word` is likely a misspelling of a word of `documents`: one opening
    with its letter that is one edit away (a letter changed, added, dropped, or two next to each
    other swapped: "helais" for "helias"), for a word of MISSPELT_LENGTH letters or more, or
    holds its letters in another order ("saturo" for "satoru"). QuestionTerms.typos reads the
    corpus's vocabulary for a closer match and leaves these out; a shorter word ("Max") is
    taken as written."""
    if len(word) < MISSPELT_LENGTH:
        return False
    letters = sorted(word)
    written = {w for text in documents for w in re.findall(r"\w+", fold(text)) if w[:1] == word[:1]}
    return any(OSA.distance(word, w) <= 1 or sorted(w) == letters for w in written)


def _writes(folded: str, part: list[str]) -> bool:
    """Whether a folded text writes the words of `part`, in order, as whole words."""
    spaced = r"[\s-]+".join(re.escape(fold(word)) for word in part)
    return re.search(rf"(?<!\w){spaced}(?!\w)", folded) is not None
