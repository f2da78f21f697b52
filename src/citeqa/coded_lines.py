"""Lines that a code keys: a list of error codes, parts or articles written one a line
("E02 - Motor overheating. Stop for 15 minutes…", "P0420: catalyst below threshold"), and the
question that names one of those codes.

A troubleshooting page lists its codes so, and a question asks by the code ("What should I do
when the display shows E02?"). The rankers read "E02" as one rare word beside the question's
other words, and quoted the page's opening, "The display shows an error code when the system
detects a fault." (s54 trial). A coded line opens with a code (one to four letters joined to
one to five digits, after a list's mark maybe) and a separator (a dash or a colon), and has a
line of another code of the same shape right above or below it (a blank line between them
allowed): one line so written alone is a sentence, not a list. A question writes a code as a
whole word, any case. The code's own line is then quoted (answering._looked_up_lines), when
the quote ranker put first a sentence that does not write the code and the code's line is
a candidate. Identifiers.py explains why a code is no reason to abstain; it is none here either.
"""

from __future__ import annotations

import re

from citeqa.language import line_end, line_start

_CODE = r"[^\W\d_]{1,4}\d{1,5}"
_CODED = re.compile(r"[ \t]*(?:[-*•+][ \t]+)?(" + _CODE + r")[ \t]*[-–—:][ \t]")
"""A coded line's opening: its code, then a dash or a colon."""
_ASKED = re.compile(r"(?<![\w-])(" + _CODE + r")(?![\w-])")
"""A code as the question writes it: a whole word, no hyphen joined to it."""


def asked_codes(focus: str) -> frozenset[str]:
    """The codes a question writes, in capitals ("e02" → "E02")."""
    return frozenset(code.upper() for code in _ASKED.findall(focus))


def line_code(text: str, start: int) -> str | None:
    """The code opening the line at `start` (in capitals), or None."""
    opened = _CODED.match(text, line_start(text, start))
    return opened.group(1).upper() if opened else None


def coded_line_of(text: str, start: int, codes: frozenset[str]) -> bool:
    """Whether the sentence starting at `start` opens a coded line whose code is one of
    `codes`, with a coded line of another code of the same shape beside it."""
    opening = line_start(text, start)
    opened = _CODED.match(text, opening)
    if opened is None or text[opening:start].strip(" \t-*•+"):
        return False
    code = opened.group(1).upper()
    return code in codes and any(
        _same_shape(code, other) for other in _neighbour_codes(text, opening)
    )


def _neighbour_codes(text: str, opening: int) -> list[str]:
    """The codes of the coded lines right above and below the line opening at `opening`, one
    blank line between them allowed."""
    codes = []
    above = text[:opening].rstrip("\n\r \t")
    if above:
        code = line_code(text, line_start(text, len(above) - 1))
        codes.append(code)
    below = len(text) - len(text[line_end(text, opening) :].lstrip("\n\r \t"))
    if below < len(text):
        codes.append(line_code(text, below))
    return [code for code in codes if code is not None]


def _same_shape(code: str, other: str) -> bool:
    """Whether `other` is another code of `code`'s shape: its letters, digits as many."""
    letters = code.rstrip("0123456789")
    return other != code and other.rstrip("0123456789") == letters and len(other) == len(code)
