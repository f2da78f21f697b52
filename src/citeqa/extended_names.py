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
- it ends a run of capitalised words of the question (the name it stands in), joined by
  whitespace or hyphens only in its text ("in Lyon, Kevin?" holds no "Lyon Kevin"), whose other
  words the corpus uses: a word after a name names a variant ("Max", "Pro", "Mini"), one before
  it mostly the same thing ("Acme Thermo One", a brand; "Jean Dupont" of notes on "Dupont");
- the answer's quotes or the sections they are cited under write those other words, in order,
  as whole words ("Thermo One");
- the quotes or their documents write those words followed by another capitalised word: a real
  sibling ("Thermo One Pro" of the same price list). A corpus writing the name only in
  sentences ("Acme was founded in 1998") holds no sibling: "Who founded Acme Corporation?",
  "Acme Inc", "Acme Ltd" ask the same company and stay answered (review A of s26-qualifier).

The answer then quotes the name's shorter sibling, and abstains naming both: the documents
never write the asked name (its word is in none of them). A one-word name, or an unknown word
inside a name ("Edward Dickinson Baker" of an article on "Edward Baker") or before it, is left
to the answer models, as is a name the quotes do not write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.hyphens import WORD_HYPHENS
from citeqa.one_edit import one_edit_apart, written_words
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
    (the answer's quotes and the sections they are cited under) write, with that part, when
    `quoted` or `documents` (the quoted documents' texts) also write that part followed by
    another name's word (a sibling: "Thermo One Pro"); None when there is none, or when the
    unknown word is a likely misspelling of a word of `documents` ("Pierre-Jakez Hélais" of an
    article on Hélias)."""
    words = terms.focus_words
    joins = _joins(terms.focus, words)
    absent = set(terms.absent)
    texts: list[str] | None = None  # the quotes folded, once a candidate needs them
    written: frozenset[str] | None = None  # the documents' words, read once when first needed
    for place, word in _candidates(words, absent, terms):
        name = _name_around(words, joins, place)
        held = _held_part(name, word, absent)
        if not held:
            continue
        if texts is None:
            texts = [fold(text) for text in quoted]
        if not any(_writes(text, held) for text in texts):
            continue
        if not _sibling_written(held, [*quoted, *documents]):
            continue
        written = written_words(documents) if written is None else written
        if not _misspells(fold(word), written):
            return ExtendedName(" ".join(name), " ".join(held))
    return None


def _candidates(words: list[str], absent: set[str], terms: QuestionTerms) -> list[tuple[int, str]]:
    """Each capitalised word of the question the corpus never uses, with its place, once (its
    first place), the first word aside (its capital is the sentence's) and likely typos of a
    corpus word (QuestionTerms.typos, looked up only for such a word)."""
    found: dict[str, int] = {}
    for place, word in enumerate(words[1:], start=1):
        if word[:1].isupper() and word in absent and word not in found:
            found[word] = place
    return [(place, word) for word, place in found.items() if word not in terms.typos]


def _joins(focus: str, words: list[str]) -> list[bool]:
    """For each pair of neighbouring `words` of the question `focus`, whether only whitespace
    or hyphens stand between them in its text ("in Lyon, Kevin?": "Lyon" and "Kevin" do not
    join)."""
    spans = []
    position = 0
    for word in words:
        start = focus.find(word, position)
        start = position if start < 0 else start
        position = start + len(word)
        spans.append((start, position))
    return [
        _JOINING.fullmatch(focus[end:start]) is not None for (_, end), (start, _) in pairwise(spans)
    ]


_JOINED_BY = rf"[\s{re.escape(WORD_HYPHENS)}]+"
"""What may stand between two words of one name: whitespace and hyphens (hyphens.WORD_HYPHENS, the
hyphens a question's word is read with), no punctuation."""
_JOINING = re.compile(_JOINED_BY)


def _name_around(words: list[str], joins: list[bool], place: int) -> list[str]:
    """The run of capitalised words of the question around its word at `place`, joined by
    whitespace or hyphens only (`joins`), its first word joining none (its capital is the
    sentence's: "Thermo One Max" in "How much does the Thermo One Max cost?")."""
    start, end = place, place + 1
    while start > 1 and joins[start - 1] and words[start - 1][:1].isupper():
        start -= 1
    while end < len(words) and joins[end - 1] and words[end][:1].isupper():
        end += 1
    return words[start:end]


def _held_part(name: list[str], unknown: str, absent: set[str]) -> list[str]:
    """`name` without its last word when that word is `unknown` and every other word is one
    the corpus uses; [] otherwise."""
    if len(name) < 2 or name[-1] != unknown:
        return []
    part = name[:-1]
    return part if not any(word in absent for word in part) else []


def _sibling_written(part: list[str], texts: Sequence[str]) -> bool:
    """Whether `texts` write the words of `part` followed, across whitespace or hyphens only, by
    a capitalised word: another name of the same head ("Thermo One Pro"), not the head in a
    sentence ("Acme was founded", "Acme. The") nor in a table cell ("| Thermo One | 149")."""
    head = _JOINED_BY.join(re.escape(word) for word in part)
    pattern = re.compile(
        rf"(?<!\w){head}[ \t\u00a0{re.escape(WORD_HYPHENS)}]+([^\W\d_])", re.IGNORECASE
    )
    return any(found.group(1).isupper() for text in texts for found in pattern.finditer(text))


def _misspells(word: str, written: frozenset[str]) -> bool:
    """Whether the folded `word` is likely a misspelling of one of the folded words `written`
    (the quoted documents'): one opening with its letter that is one edit away
    (one_edit.one_edit_apart: "helais" for "helias"), for a word of MISSPELT_LENGTH letters or
    more, or holds its letters in another order ("saturo" for "satoru"). QuestionTerms.typos
    reads the corpus's vocabulary for a closer match and leaves these out; a shorter word
    ("Max") is taken as written."""
    if len(word) < MISSPELT_LENGTH:
        return False
    letters = sorted(word)
    return any(
        other[:1] == word[:1] and (one_edit_apart(word, other) or sorted(other) == letters)
        for other in written
    )


def _writes(folded: str, part: list[str]) -> bool:
    """Whether a folded text writes the words of `part`, in order, as whole words."""
    spaced = r"[\s-]+".join(re.escape(fold(word)) for word in part)
    return re.search(rf"(?<!\w){spaced}(?!\w)", folded) is not None
