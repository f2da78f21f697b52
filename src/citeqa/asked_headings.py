"""Which sentences stand under a section heading the question asks by its words.

A post-mortem, a design record or a runbook files its answers under headings that name what a
question asks: "What was the root cause of the May 2026 email outage?" is answered by the
sentence under "## Root cause". The rankers read the heading as one sentence before it and
rated the key/value rows of the page's first passage, read with the page's title, far over it
(s24 trial: "| Date | 19 May 2026 |" was quoted). A heading is asked when each of its words
(stemmed, no stopword; at least ASKED_HEADING_WORDS of them, one word heads too many sections,
"Results", "Summary") is a word the question itself writes or one of its equivalents
(QuestionTerms.own_terms: a carried context's words ask no section). Headings are the markdown
ones of the document but its title (headingpath.kept_headings: a heading of one "#" when it is
the only one; a Word or odt export's many "#" sections count), read by their title
(blocks.heading_title: no section number) without a closing "{#anchor}" or "(ABBREVIATION)";
a sentence stands under the nearest one before it.

Each document's heading words are read once per language while HEADING_WORDS_KEPT documents
are kept (a page of 10,000 headings is asked many questions); no I/O.
"""

from __future__ import annotations

import bisect
import re

from citeqa.blocks import clean_heading, heading_title
from citeqa.headingpath import heading_starts, kept_headings
from citeqa.lexical import stopwords, tokenize
from citeqa.questions import QuestionTerms
from citeqa.recently_used import RecentlyUsed

__all__ = [
    "ASKED_HEADING_WORDS",
    "HEADING_WORDS_KEPT",
    "asked_heading_starts",
    "heading_writes_asked_word",
    "under_heading",
]

ASKED_HEADING_WORDS = 2
"""The fewest words a heading asked by its words has ("Root cause", "Action items")."""
HEADING_WORDS_KEPT = 64
"""How many (document, language) heading word sets are kept (`_heading_words`)."""

_ASIDE = re.compile(r"\s*(?:\{#[^{}]*\}|\([^()]*\))\s*$")
"""A heading's closing anchor ("{#rc}") or parenthesis ("(RCA)"): no word a question asks."""


def asked_heading_starts(text: str, terms: QuestionTerms, lang: str) -> frozenset[int]:
    """Where the headings of the document `text` that the question asks by their words start
    (never its title)."""
    asked = _asked_words(terms)
    if not asked:
        return frozenset()
    return frozenset(
        start
        for start, words in _heading_words(text, lang).items()
        if len(words) >= ASKED_HEADING_WORDS and words <= asked
    )


def heading_writes_asked_word(text: str, offset: int, terms: QuestionTerms, lang: str) -> bool:
    """Whether the heading (not the title) that `offset` of `text` stands under writes a word
    of the question: "## Apollo" for "What is the status of project Apollo?"."""
    start = under_heading(text, offset)
    words = _heading_words(text, lang).get(start, frozenset()) if start is not None else ()
    return not _asked_words(terms).isdisjoint(words)


def under_heading(text: str, offset: int) -> int | None:
    """Where the nearest markdown heading before `offset` of `text` starts; None for none (or
    for `offset` on a heading's own line)."""
    starts, _ = heading_starts(text)
    at = bisect.bisect_right(starts, offset) - 1
    if at < 0 or starts[at] == offset:
        return None
    return starts[at]


def _asked_words(terms: QuestionTerms) -> set[str]:
    """The words the question writes and their equivalents."""
    return {word for alternatives, _ in terms.own_terms for word in alternatives}


def _heading_words(text: str, lang: str) -> dict[int, frozenset[str]]:
    """Per heading of `text` but its title, where it starts: its title's words (stemmed, no
    stopword); read once while HEADING_WORDS_KEPT are kept, keyed by the text's length and hash
    as headingpath keeps outlines."""
    return _WORDS.get((len(text), hash(text), lang), lambda: _read_heading_words(text, lang))


_WORDS: RecentlyUsed[tuple[int, int, str], dict[int, frozenset[str]]] = RecentlyUsed(
    HEADING_WORDS_KEPT
)


def _read_heading_words(text: str, lang: str) -> dict[int, frozenset[str]]:
    """`_heading_words` of `text`, read."""
    _, titled = heading_starts(text)
    ignored = stopwords()
    return {
        heading.start: frozenset(
            word for word in tokenize(_title_words(heading.title), lang) if word not in ignored
        )
        for heading in kept_headings(text)
        if heading.level > 1 or not titled
    }


def _title_words(title: str) -> str:
    """A heading's words: no section number ("1. Root cause"), anchor or closing parenthesis."""
    return _ASIDE.sub("", heading_title(clean_heading(title)))
