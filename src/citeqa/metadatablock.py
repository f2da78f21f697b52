"""Which candidate sentences are a line of a metadata block, and which questions one answers.

A metadata block is two or more lines in a row each giving one short value under a short key,
as a post-mortem, minutes or a front matter open with ("**Date:** 2025-09-19", "**Severity:**
Sev-1", "**Incident commander:** Maria Lopez", "Gravité : Sev-2"). Each line is a sentence, and
the block's words (the incident's date, its severity, its name's words) match most questions
about its document, so its lines, joined as neighbours, were the quote: "What was the root cause
of the ticket email delays in January?" → "**Date:** … **Severity:** … **Incident commander:**"
(s19 trial, .53; a French and a misspelt question the same). A block's line answers only a
question asking its key ("Who was the incident commander?", "Quelle était la gravité ?", or "How
long did it last?" for "Duration": "how long" and "duration" are one of the language data's
groups); for any other question it stays evidence and context, but the quote is chosen among
the other candidates (answering.quotable), as a title block's is (titleonly.py). A line whose
value is a statement ("Note: restart the service first.") or long is prose, and a bulleted
"- Capacity: 3" is a list's item: neither is a block's line. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from citeqa.domain import language_data
from citeqa.glossary import Glossary
from citeqa.lexical import query_tokens

__all__ = ["asks_key", "block_line_key", "keyed_line"]

_KEYED_LINE = re.compile(
    r"^[ \t]*(?:\*\*|__)?(?P<key>[^\W\d_][^\W_]*(?:[ '’-][^\W_]+){0,3})[ \t]*:"
    r"(?:\*\*|__)?[ \t]+(?P<value>\S.*?)[ \t]*$",
)
"""One line of a block: an optional bold mark, a key of one to four words opening with a letter
("Date", "Incident commander", "Gravité "), a colon (in the bold or after it) and a value after
a blank ("10:30 standup" opens no key: no letter first; nor "http://…": no blank after the
colon)."""
MAX_VALUE = 80
"""The longest value a block's line gives: a longer one is a sentence of prose after a label."""
_STATEMENT_ENDS = (".", "!", "?", "…")
"""How a statement ends: a value so ending ("Note: restart the service first.") is prose."""


def block_line_key(text: str, start: int, end: int) -> str | None:
    """The key of the line `text[start:end]` (one sentence of a document's `text`) when it is
    a metadata block's line: a keyed line (`keyed_line`) next to another one, no blank line
    between; otherwise None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, line_start)
    if text.find("\n", start, end) != -1 or end > line_end:
        return None  # the sentence runs over more than one line
    key = keyed_line(text[line_start:line_end])
    if key is None:
        return None
    before = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else None
    after = line_end + 1 if line_end < len(text) else None
    neighbours = [text[at : _line_end(text, at)] for at in (before, after) if at is not None]
    return key if any(keyed_line(line) is not None for line in neighbours) else None


def keyed_line(line: str) -> str | None:
    """The key of `line` when it gives one short value under a short key ("**Date:**
    2025-09-19", "Gravité : Sev-2"), else None."""
    found = _KEYED_LINE.match(line.rstrip("\r"))
    if found is None:
        return None
    value = found.group("value").rstrip(" *_")
    if len(value) > MAX_VALUE or value.endswith(_STATEMENT_ENDS):
        return None
    return found.group("key").strip()


def asks_key(key: str, focus: str, asked: Iterable[frozenset[str]]) -> bool:
    """Whether a question asks the block's `key`: a word of the key, stemmed either way, is one
    of the tokens a term of the question counts as (`asked`: questions.QuestionTerms), or of the
    terms the language data's groups give the question's `focus` ("how long": "duration")."""
    written = set(query_tokens(key))
    expanded = set(query_tokens(" ".join(_glossary().expansions(focus))))
    return not written.isdisjoint(expanded) or any(not written.isdisjoint(term) for term in asked)


@cache
def _glossary() -> Glossary:
    """The language data's groups of equivalent terms."""
    return Glossary.of(language_data())


def _line_end(text: str, start: int) -> int:
    """Where the line opening at `start` ends (its newline, or the text's end)."""
    end = text.find("\n", start)
    return len(text) if end == -1 else end
