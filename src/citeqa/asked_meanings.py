"""Which candidate sentences define the unquoted term a question asks the meaning of.

"Qu'est-ce qu'une condition suspensive ?", "C'est quoi un bénéficiaire effectif ?", "What is an
escrow?": the answer models read the words a question shares with a sentence, and a clause
merely using the term shares them as well as its definition does (s37 trial: a contract clause
mentioning "la condition suspensive d'obtention de prêt" was quoted over the FAQ's answer under
"## Qu'est-ce qu'une condition suspensive ?"; a checklist row naming the "registre des
bénéficiaires effectifs" over the sentence glossing them). `asked_term` reads the term from the
question by the data's question shapes (citeqa/data/asked_meanings.json, English and French);
`defines_term` tells a sentence defining it: one opening the section of a markdown heading that
asks the same question (a FAQ), one opening on the term followed
by a defining link ("X est un…", "X désigne…", "X means…", "X : une…"), or one glossing the
term in a parenthesis right after it. The term is matched folded, each word singular or plural.
Quoted terms ("Que désigne « Client » ?") are defined_terms.py's.

Pure functions; the data file is read once, each document's headings by headingpath.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from citeqa.asked_headings import under_heading
from citeqa.blocks import clean_heading, heading_title
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

__all__ = ["AskedTerm", "asked_term", "defines_term"]

_WORD = re.compile(r"\w+")
_VALUE = re.compile(r"[\d$£€¥₹¢]")
_QUOTE = re.compile(r"[\"«»“”„]|(?<!\w)['‘’]|['‘’](?!\w)")


@dataclass(frozen=True)
class _Shapes:
    """The data's shapes, compiled."""

    questions: tuple[re.Pattern[str], ...]
    articles: str
    links: str
    naming: frozenset[str]
    bare_articles: frozenset[str]
    gloss_words: int
    longest: int
    references: re.Pattern[str]
    numbered_references: re.Pattern[str]
    persons: frozenset[str]
    answer_opening: re.Pattern[str]


@dataclass(frozen=True)
class AskedTerm:
    """The term a question asks the meaning of, as patterns over folded text."""

    term: str
    """The folded term as the question writes it."""
    written: re.Pattern[str]
    """The term anywhere, each word singular or plural."""
    opening: re.Pattern[str]
    """A sentence (or heading) opening on the term, past a list mark or number and an article."""


@cache
def _shapes() -> _Shapes:
    """The data file, compiled once."""
    data = data_json("asked_meanings.json")
    articles = "|".join(
        re.escape(a) + ("" if a.endswith(("'", "’")) else r"\s+")
        for a in sorted(data["articles"], key=len, reverse=True)
    )
    references = "|".join(_spaced(word) for word in data["reference_words"])
    return _Shapes(
        tuple(re.compile(pattern) for pattern in data["questions"]),
        articles,
        "|".join(f"(?:{link})" for link in data["links"]),
        frozenset(data["naming_words"]),
        frozenset(a.rstrip("'’") for a in data["articles"]),
        int(data["gloss_words"]),
        int(data["longest_term_words"]),
        re.compile(rf"\s*(?:{references})\b"),
        re.compile(rf"\b(?:{references})\.?\s*(?:n[o°]\s*)?\d"),
        frozenset(data["person_words"]),
        re.compile(rf"\s*(?:{'|'.join(data['answer_openings'])})"),
    )


def _spaced(word: str) -> str:
    """The pattern of a folded `word`, its hyphens written as a hyphen or a space."""
    return r"[\s-]".join(re.escape(part) for part in word.split("-"))


def asked_term(question: str) -> AskedTerm | None:
    """The term `question` asks the meaning of (see the module's docstring), or None."""
    folded = fold(question)  # lower case, accents and runs of blanks folded
    shapes = _shapes()
    for pattern in shapes.questions:
        found = pattern.match(folded)
        if found is None:
            continue
        words = _WORD.findall(found.group("term"))
        if len(words) > 1 and words[0] in shapes.naming:
            words = words[1:]  # "l'expression filles du roi": the term is "filles du roi"
        if words and words[0] in shapes.bare_articles:
            return None  # "Qu'est-ce qu'un ?": no term
        if shapes.persons.intersection(words) or not any(w.isalpha() for w in words):
            return None  # "Qu'est-ce que je dois fournir ?" asks what to do; "What is a 42?"
        if 0 < len(words) <= shapes.longest:
            return _term_patterns(words, shapes)
    return None


def _term_patterns(words: list[str], shapes: _Shapes) -> AskedTerm:
    """The `AskedTerm` of the term's words."""
    spelt = r"[\s-]+".join(re.escape(_singular(word)) + r"(?:s|x|es)?" for word in words)
    term = rf"\b{spelt}\b"
    opening = rf"^[\s*•–#-]*(?:\d+(?:\.\d+)*\.?\s+)?(?:{shapes.articles})?[*_]*{term}[*_]*"
    return AskedTerm(" ".join(words), re.compile(term), re.compile(opening))


def _singular(word: str) -> str:
    """`word` without a plural's closing "s" or "x" (a word of more than three letters)."""
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def defines_term(asked: AskedTerm, sentence: str, document: str, start: int) -> bool:
    """Whether `sentence`, at `start` of `document`, defines the asked term: under a heading
    asking it, opening on it with a defining link, or glossing it."""
    folded = fold(sentence)
    return (
        _under_defining_heading(asked, document, start)
        or _opens_defining(asked, folded)
        or _glosses(asked, folded)
    )


def _opens_defining(asked: AskedTerm, folded: str) -> bool:
    """Whether the sentence opens on the term, an optional parenthesis, then a defining link,
    and writes no number or currency sign (an instance's value, not the term's meaning)."""
    opening = asked.opening.match(folded)
    if opening is None or _VALUE.search(folded):
        return False  # "The escrow account is the client account … number 40112233": a value
    link = rf"\s*(?:\([^()]{{1,120}}\)\s*)?,?\s*(?:{_shapes().links})"
    return re.compile(link).match(folded, opening.end()) is not None


def _glosses(asked: AskedTerm, folded: str) -> bool:
    """Whether the sentence writes the term followed by a parenthesis of `gloss_words` words or
    more that glosses it: opening on a word, not a reference ("(see below)", "(voir …)"),
    holding no numbered reference ("(as in clause 9)") nor a quotation ("(ci-après le
    « Compte »)" names it, defines nothing). A number alone may gloss ("plus de 25 %")."""
    shapes = _shapes()
    for found in asked.written.finditer(folded):
        gloss = re.match(r"\s*\(([^()]{1,200})\)", folded[found.end() :])
        if gloss is None:
            continue
        inside = gloss.group(1)
        words = _WORD.findall(inside)
        if (
            len(words) >= shapes.gloss_words
            and words[0].isalpha()
            and _QUOTE.search(inside) is None
            and shapes.references.match(inside) is None
            and shapes.numbered_references.search(inside) is None
        ):
            return True
    return False


def _under_defining_heading(asked: AskedTerm, document: str, start: int) -> bool:
    """Whether the sentence at `start` is in the section of a heading asking the same question
    (a FAQ's): its opening sentence, or any of its sentences when that one is a filler. A heading
    that is the term alone names a contract's section as often as a glossary's entry
    ("## CONDITIONS SUSPENSIVES" holds clauses using the term): it defines nothing."""
    at = under_heading(document, start)
    if at is None:
        return False
    line_end = document.find("\n", at)
    title = heading_title(clean_heading(document[at : line_end if line_end >= 0 else None]))
    if line_end < 0:
        return False
    heading = asked_term(title)
    if heading is None or heading.term != asked.term:
        return False
    if not document[line_end:start].strip():
        return True  # the section's opening sentence
    return not _opening_answers(asked, document[line_end:start])


def _opening_answers(asked: AskedTerm, section: str) -> bool:
    """Whether the opening line of a FAQ `section` (its text up to a later sentence) answers
    alone: it writes the term or opens on an answer ("C'est un…", "It is a…"), not on a filler
    ("Tout dépend…", "It depends.")."""
    opening = fold(section.strip().split("\n", 1)[0])
    return bool(asked.written.search(opening) or _shapes().answer_opening.match(opening))
