"""Tells a file that is a list of words (a dictionary, a vocabulary, a list of reserved names:
one token a line, thousands of lines) from prose, so that `citeqa index` names such files.

Such a file is indexed like any other (a user may want to search it), but each of its lines
becomes a "sentence" with nothing to say, so the build's report names it: a user then moves it
out of the corpus if it got there by mistake. The rule is measured, not a list of names: at
least WORD_LIST_LINES_MIN non-blank lines, all but WORD_LIST_OTHER_SHARE of them one word: no
blank between two non-blank characters, at most WORD_CHARS_MAX characters, and no comma or
semicolon (nor a CJK comma, enumeration comma or full stop) between two characters. Length and
separators tell what has no blanks but is no word: Chinese and Japanese prose (a sentence of
ideographs, "，" and "。" inside it), a CSV's rows ("1,Alice,34"), minified JSON lines
('{"id":1,"name":"a"}'). Measured in session 14 on the session 13 trial
corpus, the evaluation sets, the public benchmarks and the bundled corpus (3,759 text files,
0.34 s in all): it names the three word lists there and nothing else (a 30,522-line model
vocabulary, 1,438 top-level domains, 573 reserved keywords: a share of one-token lines of
0.999 or more); the next file has a share of 0.909 over 77 lines (a command's JSON output), and
no other file of 200 lines or more has one above 0.5. The three lists have no line over 40
characters and none with a separator inside (/tmp/s14-mrob/wl.py), so they are named as before.
"""

from __future__ import annotations

import re

WORD_LIST_LINES_MIN = 200
"""A word list has at least this many non-blank lines (a short list is read as any text)."""
WORD_LIST_OTHER_SHARE = 0.02
"""At most this share of a word list's non-blank lines hold more than one word."""
WORD_CHARS_MAX = 40
"""A word list's line holds at most this many characters, blanks around it aside (a model's
vocabulary, the top-level domains, reserved keywords have none longer)."""

_LINE = re.compile(r"[^\n]+")
_NO_WORD = re.compile(r"\S(?:\s+|[,;，、。；])\S")
"""Two tokens (a blank between them), or fields or clauses (a separator between them)."""


def looks_like_word_list(text: str) -> bool:
    """Whether `text` is a list of words, one a line (see the module docstring). Counts the
    text's lines (one pass in C), then stops reading lines as soon as more of them than a word
    list allows hold no single word (`_holds_one_word`): prose, most of whose lines hold more,
    is read for about WORD_LIST_OTHER_SHARE of its lines."""
    lines = text.count("\n") + 1
    if lines < WORD_LIST_LINES_MIN:
        return False
    allowed = WORD_LIST_OTHER_SHARE * lines
    filled = others = 0
    for line in _LINE.finditer(text):
        if line.group().isspace():
            continue
        filled += 1
        if not _holds_one_word(line.group()):
            others += 1
            if others > allowed:
                return False
    return filled >= WORD_LIST_LINES_MIN and others <= WORD_LIST_OTHER_SHARE * filled


def _holds_one_word(line: str) -> bool:
    """Whether a non-blank line holds one word (see the module docstring)."""
    return len(line.strip()) <= WORD_CHARS_MAX and _NO_WORD.search(line) is None
