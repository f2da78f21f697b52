"""Which sentences stand under a section heading the question asks by its words.

A post-mortem, a design record or a runbook files its answers under headings that name what a
question asks: "What was the root cause of the May 2026 email outage?" is answered by the
sentence under "## Root cause". The rankers read the heading as one sentence before it and
rated the key/value rows of the page's first passage, read with the page's title, far over it
(s24 trial: "| Date | 19 May 2026 |" was quoted). A heading is asked when each of its words
(stemmed, no stopword; at least ASKED_HEADING_WORDS of them, one word heads too many sections,
"Results", "Summary") is a word of the question or one of its equivalents (QuestionTerms.terms).
Headings are the markdown ones below the document's title (headingpath.kept_headings); a
sentence stands under the nearest one before it.

No I/O; the outlines headingpath keeps are the only state.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from citeqa.headingpath import MarkdownHeading, kept_headings
from citeqa.lexical import stopwords, tokenize
from citeqa.questions import QuestionTerms

__all__ = ["ASKED_HEADING_WORDS", "asked_heading_starts", "under_heading"]

ASKED_HEADING_WORDS = 2
"""The fewest words a heading asked by its words has ("Root cause", "Action items")."""


def asked_heading_starts(text: str, terms: QuestionTerms, lang: str) -> frozenset[int]:
    """Where the headings of the document `text` that the question asks by their words start
    (none the document's title: a heading of one "#")."""
    asked = {word for alternatives, _ in terms.terms for word in alternatives}
    if not asked:
        return frozenset()
    return frozenset(
        heading.start
        for heading in kept_headings(text)
        if heading.level > 1 and _asks(heading.title, asked, lang)
    )


def _asks(title: str, asked: set[str], lang: str) -> bool:
    """Whether each word of a heading's `title` is one the question `asked`, and it has at
    least ASKED_HEADING_WORDS words."""
    words = {word for word in tokenize(title, lang) if word not in stopwords()}
    return len(words) >= ASKED_HEADING_WORDS and words <= asked


def under_heading(text: str, offset: int) -> int | None:
    """Where the nearest markdown heading before `offset` of `text` starts; None for none (or
    for `offset` on a heading's own line)."""
    headings: Sequence[MarkdownHeading] = kept_headings(text)
    starts = [heading.start for heading in headings]
    at = bisect.bisect_right(starts, offset) - 1
    if at < 0 or starts[at] == offset:
        return None
    return starts[at]
