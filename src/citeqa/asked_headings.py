"""Which section headings a question asks by their words.

A post-mortem, a design record or a runbook files its answers under headings that name what a
question asks: "What was the root cause of the May 2026 email outage?" is answered by the
sentence under "## Root cause". The rankers read the heading as one sentence before it and
rated the key/value rows of the page's first passage, read with the page's title, far over it
(s24 trial: "| Date | 19 May 2026 |" was quoted). A heading is asked when each of its words
(stemmed, no stopword) is a word the question itself writes or one of its equivalents
(QuestionTerms.own_terms: a carried context's words ask no section), and either the question
asks nothing else of its document (each of its words but its interrogatives is the heading's or
the title's: a FAQ's heading writing the question, "Quelle est la posologie du Doliprane ?" of
the leaflet titled "DOLIPRANE 1000 mg, comprimé" and its "POSOLOGIE", "Comment conserver
Doliprane ?" and its "CONSERVATION": s50), or the heading has ASKED_HEADING_WORDS words or more,
all of the name the question opens its ask with (`asked_name`: "root cause" of "What was the
root cause…", not the complement "field samples" of "What sensitivity did the LAMP assay reach
on field samples?", which a paper's "2.3 Field samples" does not answer: s50). One word heads
too many sections to be asked among other words ("Results", "Patients": "How many
quality-adjusted life years per patient…" asks no slide's "Patients"). A heading whose every
word its document's title writes is the title's, no section's.

Headings are those a build cuts at, in any format (section_answers reads them through
places.heading_over: a Markdown "## Root cause", a plain-text leaflet's "POSOLOGIE" in
capitals: s49 found such a leaflet's sections asked by no rule), read by their title
(blocks.heading_title: no section number) without a closing "{#anchor}" or "(ABBREVIATION)".
`under_heading` says which Markdown heading an offset stands under (asked_meanings.py). Each
heading's words are read once while HEADINGS_KEPT are kept; no I/O.
"""

from __future__ import annotations

import bisect
import functools
import re

from citeqa.blocks import clean_heading, heading_title
from citeqa.glossary import fold
from citeqa.headingpath import heading_starts
from citeqa.lexical import stopwords, tokenize
from citeqa.questions import QuestionTerms, interrogatives
from citeqa.recently_used import QUESTIONS_READ

__all__ = [
    "ASKED_HEADING_WORDS",
    "HEADINGS_KEPT",
    "asked_name",
    "asked_words",
    "asks_heading",
    "heading_words",
    "under_heading",
]

ASKED_HEADING_WORDS = 2
"""The fewest words of a heading asked among other words ("Root cause", "Action items")."""
HEADINGS_KEPT = 4096
"""How many (heading, language) word sets are kept (`heading_words`)."""

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
"""A word of a question, hyphens kept ("contre-indications"), an elision apart ("l", "aspirine")."""
_ASIDE = re.compile(r"\s*(?:\{#[^{}]*\}|\([^()]*\))\s*$")
"""A heading's closing anchor ("{#rc}") or parenthesis ("(RCA)"): no word a question asks."""


def asked_words(terms: QuestionTerms) -> frozenset[str]:
    """The words the question writes and their equivalents."""
    return frozenset(word for alternatives, _ in terms.own_terms for word in alternatives)


def asks_heading(
    heading: frozenset[str], title: frozenset[str], terms: QuestionTerms, lang: str
) -> bool:
    """Whether the question of `terms` asks the section of the `heading_words` `heading` in a
    document in `lang` whose title's are `title`: each word of the heading is the question's,
    and either the question asks nothing else of the document (each of its words but its
    interrogatives is the heading's or the title's: a FAQ's heading asking the question, one
    word naming a leaflet's section) or the heading has ASKED_HEADING_WORDS words or more
    among those of the name the question opens its ask with (`asked_name`)."""
    if not heading or heading <= title or not heading <= asked_words(terms):
        return False
    covered = heading | title | interrogatives()
    if all(not alternatives.isdisjoint(covered) for alternatives, _ in terms.own_terms):
        return True
    return len(heading) >= ASKED_HEADING_WORDS and heading <= _with_equivalents(
        asked_name(terms.focus, lang), terms
    )


def _with_equivalents(words: frozenset[str], terms: QuestionTerms) -> frozenset[str]:
    """`words` (of the question) and the equivalents its terms give them."""
    own = terms.own_terms
    return words | {word for found, _ in own if not found.isdisjoint(words) for word in found}


@functools.lru_cache(maxsize=QUESTIONS_READ)
def asked_name(focus: str, lang: str) -> frozenset[str]:
    """The words (stemmed in `lang`) of the name a question opens its ask with: its first run
    of words that are no stopword, interrogative nor single letter ("root cause" of "What was
    the root cause of the May 2026 email outage?", "posologie" of "Quelle est la posologie du
    Doliprane ?", "conserver Doliprane" of "Comment conserver Doliprane ?"). A heading naming
    what the question asks is among them; one naming a complement is not: "What sensitivity
    did the LAMP assay reach on field samples?" asks no paper's "2.3 Field samples" (s50). Read
    once a question (each candidate's heading asks it), for the last QUESTIONS_READ."""
    skipped = stopwords() | interrogatives()
    run: list[str] = []
    for word in _WORD.findall(fold(focus)):
        if word not in skipped and len(word) > 1:
            run.append(word)
        elif run:
            break
    return frozenset(tokenize(" ".join(run), lang))


@functools.lru_cache(maxsize=HEADINGS_KEPT)
def heading_words(heading: str | None, lang: str) -> frozenset[str]:
    """The words of a heading (or of a title) read as a question's are: stemmed in `lang`, no
    stopword, no section number, anchor or closing parenthesis; none for no heading."""
    if not heading:
        return frozenset()
    ignored = stopwords()
    title = _ASIDE.sub("", heading_title(clean_heading(heading)))
    return frozenset(word for word in tokenize(title, lang) if word not in ignored)


def under_heading(text: str, offset: int) -> int | None:
    """Where the nearest markdown heading before `offset` of `text` starts; None for none (or
    for `offset` on a heading's own line)."""
    starts, _ = heading_starts(text)
    at = bisect.bisect_right(starts, offset) - 1
    if at < 0 or starts[at] == offset:
        return None
    return starts[at]
