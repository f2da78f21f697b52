"""Tells a file that is a list of words (a dictionary, a vocabulary, a list of reserved names:
one token a line, thousands of lines) from prose, so that `citeqa index` names such files.

Such a file is indexed like any other (a user may want to search it), but each of its lines
becomes a "sentence" with nothing to say, so the build's report names it: a user then moves it
out of the corpus if it got there by mistake. The rule is measured, not a list of names: at
least WORD_LIST_LINES_MIN non-blank lines, all but WORD_LIST_OTHER_SHARE of them one token
(no blank between two non-blank characters). Measured in session 14 on the session 13 trial
corpus, the evaluation sets, the public benchmarks and the bundled corpus (3,759 text files,
0.34 s in all): it names the three word lists there and nothing else (a 30,522-line model
vocabulary, 1,438 top-level domains, 573 reserved keywords: a share of one-token lines of
0.999 or more); the next file has a share of 0.909 over 77 lines (a command's JSON output), and
no other file of 200 lines or more has one above 0.5.
"""

from __future__ import annotations

import re

WORD_LIST_LINES_MIN = 200
"""A word list has at least this many non-blank lines (a short list is read as any text)."""
WORD_LIST_OTHER_SHARE = 0.02
"""At most this share of a word list's non-blank lines hold more than one token."""

_LINE = re.compile(r"[^\n]+")
_TWO_TOKENS = re.compile(r"\S\s+\S")


def looks_like_word_list(text: str) -> bool:
    """Whether `text` is a list of words, one a line (see the module docstring). Stops reading
    as soon as more lines than a word list allows hold two tokens: prose costs a few lines."""
    lines = text.count("\n") + 1
    if lines < WORD_LIST_LINES_MIN:
        return False
    allowed = WORD_LIST_OTHER_SHARE * lines
    filled = others = 0
    for line in _LINE.finditer(text):
        if line.group().isspace():
            continue
        filled += 1
        if _TWO_TOKENS.search(line.group()):
            others += 1
            if others > allowed:
                return False
    return filled >= WORD_LIST_LINES_MIN and others <= WORD_LIST_OTHER_SHARE * filled
