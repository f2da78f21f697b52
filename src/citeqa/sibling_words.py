"""A word of the question the documents never use, while the quote writes its sibling: the same
stem but for a different opening ("postgraduate" of "When are graduation ceremonies for
postgraduate students?" and the quote's "Graduation ceremonies for undergraduates take place
from 14 to 18 July 2026."; s47 trial b18, answered at .76).

Two words are siblings when their stems (lexical.query_tokens, English and French) end alike
over SHARED_END letters or more ("gradu" of "postgradu" and "undergradu"; "graphi" of
"biographi" and "photographi"; "bound" of "inbound" and "outbound") and each has an opening of
its own before that end, the two openings not one edit apart ("organis" and "organiz" are one
word spelt two ways, and a typo is no sibling). A stem keeps its root and drops derivational
endings ("educ" of "education", "vacat" of "vacation"), so two words sharing only an ending
("-ation") are none. The question's word must be one the corpus never uses and no likely typo
of a corpus word (QuestionTerms.absent, QuestionTerms.typos): the thing asked is then another
than the one the quote speaks of, and answering refuses the quote naming the word. So do two
compounds of letters ending on the same part after another opening ("sèche-linge" and
"lave-linge": `compound_siblings`), or opening on the same part before another ending
("lave-vaisselle" and "lave-linge"), the question's never written by the corpus and its other
part a word the corpus never uses, the other written by a quote or its document's title or section
(the notice titled "Lave-linge LF 814" quoted for "la capacité du sèche-linge", s47 trial a18).
No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeqa.glossary import fold
from citeqa.lexical import query_tokens
from citeqa.one_edit import one_edit_apart

__all__ = ["SHARED_END", "compound_siblings", "letter_compounds", "unwritten_siblings"]

SHARED_END = 5
"""The fewest letters two sibling stems end alike over."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]{2,}(?:-[^\W\d_]{2,})+(?![\w-])")
"""A compound of letters joined by hyphens ("sèche-linge", "part-time")."""


def unwritten_siblings(absent: Sequence[str], quotes: Sequence[str]) -> list[str]:
    """The words of `absent` (the question's words the corpus never uses, as typed) of which
    a word of `quotes` is a sibling (the module's rules), in order."""
    quoted = {_root(word) for quote in quotes for word in _WORD.findall(quote)}
    return [word for word in dict.fromkeys(absent) if _has_sibling(_root(word), quoted)]


def letter_compounds(text: str) -> list[str]:
    """The compounds of letters joined by hyphens `text` writes, as written."""
    return _COMPOUND.findall(text)


def compound_siblings(unwritten: Sequence[str], texts: Sequence[str]) -> list[str]:
    """The compounds of `unwritten` (the question's, which the corpus never writes, their
    opening a word it never uses: questions.QuestionTerms.unwritten_compounds) of which `texts`
    (the quotes, their documents' titles and sections) write a sibling: the same last part,
    another opening, not one edit apart ("sèche-linge" of a question on the washing machine's
    notice, "Lave-linge LF 814": s47 trial a18), or the same first part and another ending
    ("lave-vaisselle" of an inventory listing the "Lave-linge": s55 trial)."""
    written = {fold(word) for text in texts for word in _COMPOUND.findall(text)}
    return [
        word
        for word in dict.fromkeys(unwritten)
        if any(_compound_siblings(fold(word), other) for other in written)
    ]


def _compound_siblings(word: str, other: str) -> bool:
    """Whether two folded compounds end on the same part after openings apart, or open on the
    same part before endings apart ("lave-vaisselle" and "lave-linge")."""
    return _apart_before(word, other) or _apart_before(_reversed(word), _reversed(other))


def _apart_before(word: str, other: str) -> bool:
    """Whether two folded compounds end on the same part after openings apart."""
    opening, _, last = word.rpartition("-")
    other_opening, _, other_last = other.rpartition("-")
    if last != other_last or opening == other_opening:
        return False
    return not one_edit_apart(opening, other_opening)


def _reversed(compound: str) -> str:
    """A compound's parts in the other order ("linge-lave" of "lave-linge")."""
    return "-".join(reversed(compound.split("-")))


def _root(word: str) -> str:
    """The shortest of `word`'s stems (lexical.query_tokens, English and French): an
    inflection one language's stemmer leaves is no shared end ("-èrent" of "modifièrent" and
    "proposèrent", "-istiques" of "monopolistiques" and "capitalistique": PIAF dev)."""
    return min(query_tokens(word), key=len, default=fold(word))


def _has_sibling(root: str, quoted: set[str]) -> bool:
    """Whether `root` has a sibling among the `quoted` roots."""
    return len(root) > SHARED_END and any(_siblings(root, other) for other in quoted)


def _siblings(stem: str, other: str) -> bool:
    """Whether two stems end alike over SHARED_END letters or more, each opening otherwise."""
    shared = _shared_end(stem, other)
    if shared < SHARED_END:
        return False
    opening, other_opening = fold(stem[:-shared]), fold(other[:-shared])
    if not opening or not other_opening:
        return False
    return not one_edit_apart(opening, other_opening) and opening != other_opening


def _shared_end(first: str, second: str) -> int:
    """How many letters `first` and `second` end alike over."""
    count = 0
    for a, b in zip(reversed(first), reversed(second), strict=False):
        if a != b:
            break
        count += 1
    return count
