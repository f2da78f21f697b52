"""The part of an over-long sentence worth quoting: a run of its clauses.

A sentence longer than LONG_QUOTE characters (an encyclopaedia sentence with lists and
asides) does not read at a glance, and a quote of it alone is already too long to count as
one. `best_clauses` cuts it at clause punctuation (a comma, semicolon or colon before a space,
brackets, guillemets, a spaced dash) and keeps the run of consecutive clauses, at most
CLAUSE_BUDGET characters, that covers most of the question's key terms; among equal runs the
longer one, which more likely holds the answer beside those terms. A question the chat reads
with the one before is cut by the terms it writes itself first. Then, when it opens by leaning
on that one (followups.opens_as_follow_up: "Et sa population ?" after "Parle-moi de
Betaville"), by the context's terms, which name its subject; otherwise (a standalone question
the chat may have taken for a follow-up) the context's terms only break the remaining ties, so
it quotes the same characters mid-session as alone. A sentence with no clause short enough to
quote (a long run of words without punctuation) is cut the same way at its spaces instead: the
run of whole words, at most CLAUSE_BUDGET characters, that covers most of those terms, the
earliest among equals (then the longest). The result is a sub-span of the sentence, so the
quote stays verbatim and cited to its exact characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citeqa.followups import opens_as_follow_up
from citeqa.language import LONG_QUOTE, trim_span
from citeqa.lexical import tokenize
from citeqa.questions import QuestionTerms

CLAUSE_BUDGET = 350
"""The longest run of clauses quoted from an over-long sentence: the clauses holding the
question's subject and the answer beside the asked word often stand 250-350 characters apart
(250 -> 350: PIAF dev quote≤400 .577 -> .585), and 350 leaves room under 400 for a heading or
header row (sessions 26 and 27, evals/README.md)."""
_CUT = re.compile(r"[,;:](?=\s)|[()\[\]«»]|\s[—–-]\s")
"""Where a sentence divides into clauses; a comma inside a number ("56,2") is no cut."""
_WORDS = re.compile(r"\S+")
"""A word, as a sentence with no clause short enough is cut at its spaces."""


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of `text[start:end]` as absolute (start, end) spans, without the cutting
    punctuation or the white space around them; empty pieces are left out."""
    pieces, low = [], start
    for match in _CUT.finditer(text, start, end):
        pieces.append((low, match.start()))
        low = match.end()
    pieces.append((low, end))
    trimmed = (trim_span(text, a, b) for a, b in pieces)
    return [(a, b) for a, b in trimmed if a < b]


def best_clauses(
    text: str, start: int, end: int, terms: QuestionTerms, lang: str
) -> tuple[int, int]:
    """The span to quote of the sentence `text[start:end]`: itself when it is short enough or
    has no clause to cut at, else its best run of clauses (see the module docstring)."""
    if end - start <= LONG_QUOTE:
        return start, end
    best = _best_run(text, clause_spans(text, start, end), terms, lang, _longer)
    return best if best is not None else best_words(text, start, end, terms, lang)


def best_words(text: str, start: int, end: int, terms: QuestionTerms, lang: str) -> tuple[int, int]:
    """The run of whole words of `text[start:end]`, at most CLAUSE_BUDGET characters, that
    covers most of the question's key terms (the earliest among equals, then the longest);
    the span itself when not even one word fits."""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    best = _best_run(text, words, terms, lang, _earliest_longest)
    return best if best is not None else (start, end)


def _best_run(
    text: str,
    spans: list[tuple[int, int]],
    terms: QuestionTerms,
    lang: str,
    tie_break: Callable[[int, int], tuple[int, ...]],
) -> tuple[int, int] | None:
    """The run of consecutive `spans`, at most CLAUSE_BUDGET characters from the first's start
    to the last's end, whose terms cover most of the question's key terms (`_run_key`); among
    equal runs the earliest. None when no span fits."""
    tokens = [frozenset(tokenize(text[a:b], lang)) for a, b in spans]
    context_first = _context_names_subject(terms)
    best: tuple[tuple[float, ...], int, int] | None = None
    for first in range(len(spans)):
        covered: frozenset[str] = frozenset()
        for last in range(first, len(spans)):
            low, high = spans[first][0], spans[last][1]
            if high - low > CLAUSE_BUDGET:
                break
            covered |= tokens[last]
            key = _run_key(terms, covered, tie_break(low, high), context_first)
            if best is None or key > best[0]:
                best = (key, low, high)
    return (best[1], best[2]) if best is not None else None


def _run_key(
    terms: QuestionTerms,
    covered: frozenset[str],
    tie: tuple[int, ...],
    context_first: bool,
) -> tuple[float, ...]:
    """How a run holding the words `covered` ranks: by `_own_share`, then by the coverage of
    every term before the `tie` (the tie_break's ranking) when `context_first`, after it
    otherwise."""
    every = round(terms.coverage(covered), 9)
    if context_first:
        return (_own_share(terms, covered), every, *tie)
    return (_own_share(terms, covered), *tie, every)


def _context_names_subject(terms: QuestionTerms) -> bool:
    """Whether the question is read with a context that names its subject: it has context
    terms and opens by leaning on the previous question (followups.opens_as_follow_up)."""
    return len(terms.terms) > terms.focus_terms and opens_as_follow_up(terms.focus)


def _own_share(terms: QuestionTerms, covered: frozenset[str]) -> float:
    """How much of the question a run covers, read first: of the terms the question itself
    writes, so a standalone question the chat reads with the one before is cut as when asked
    alone; of every term when it writes none ("Et ensuite ?")."""
    own = terms.own_coverage(covered) if terms.own_terms else terms.coverage(covered)
    return round(own, 9)


def _longer(low: int, high: int) -> tuple[int, ...]:
    """Among runs of clauses covering as much, the longer (more likely holding the answer)."""
    return (high - low,)


def _earliest_longest(low: int, high: int) -> tuple[int, ...]:
    """Among runs of words covering as much, the earliest, then the longest."""
    return (-low, high)
