"""Lines of light markup that are no text: heading adornments, code fences, RST explicit markup.

Plain text, Markdown and reStructuredText are read as they are (offsets point into the file),
so their markup lines are in the text. These predicates name them, for blocks.py (a title
line over an underline, or between an overline and an underline, is a heading), tallies.py
(a markup line is no sentence to index or quote), quoting.py (a quote never runs across
one) and titles.py (a title is never one). Pure functions on one line, no I/O.

- An adornment: one punctuation character repeated, 3 times or more ("~~~~~~", "=====",
  "-----", "^^^^"): an RST section underline or overline, a Markdown setext underline or
  thematic break. It underlines a title line (`underlines`) when at least UNDERLINE_SHARE
  of the title's length (RST wants it as long as the title, Markdown any length).
- A code fence: three backticks or tildes or more, maybe an info word ("```shell").
- An RST directive with at most one argument (".. code-block:: python", ".. note::",
  ".. |Versions| image:: https://…", ".. _install: https://…"): what follows is its
  content, the line itself says nothing. A directive followed by prose on its line (".. note::
  Back up first.") keeps that prose as text.
- An RST comment (".. This data file has been placed in the public domain."): text the
  rendered document never shows; only titles skip it (it may hold words worth finding).
"""

from __future__ import annotations

import math
import re

ADORNMENT_MIN = 3
"""An adornment has at least this many characters."""
UNDERLINE_SHARE = 0.5
"""An underline is at least this share of its title line's length."""

_ADORNMENT_CHARS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
"""The characters RST allows in section adornments (every printable non-alphanumeric ASCII)."""
_FENCE = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*")
_DIRECTIVE = re.compile(
    r"[ \t]*\.\.[ \t]+(?:\|[^|]+\|[ \t]+)?[\w-]+::(?:[ \t]+\S+)?[ \t]*"  # .. name:: [arg]
    r"|[ \t]*\.\.[ \t]+_[^:]+:(?:[ \t]+\S+)?[ \t]*"  # .. _target: url
)
_EXPLICIT = re.compile(r"[ \t]*\.\.(?:[ \t]|$)")
"""Any RST explicit markup line: a directive, a target, a footnote, a comment."""


def is_adornment(line: str) -> bool:
    """One punctuation character repeated at least ADORNMENT_MIN times ("~~~~", "-----")."""
    core = line.strip()
    return len(core) >= ADORNMENT_MIN and core[0] in _ADORNMENT_CHARS and len(set(core)) == 1


def underlines(title: str, line: str) -> bool:
    """Whether `line` is an adornment under the title line `title`: a title with a letter or
    digit that is no adornment itself, and an underline at least UNDERLINE_SHARE as long."""
    title = title.strip()
    if not is_adornment(line) or not any(char.isalnum() for char in title):
        return False
    return len(line.strip()) >= math.ceil(UNDERLINE_SHARE * len(title))


def is_fence(line: str) -> bool:
    """A Markdown code fence ("```", "```shell", "~~~")."""
    return _FENCE.fullmatch(line.rstrip("\r\n")) is not None


def is_directive(line: str) -> bool:
    """An RST directive or target line holding nothing but its name and one argument."""
    return _DIRECTIVE.fullmatch(line.rstrip("\r\n")) is not None


def is_rst_comment(line: str) -> bool:
    """RST explicit markup that is no directive or target: a comment (or a footnote)."""
    return _EXPLICIT.match(line) is not None and not is_directive(line)


def is_markup_line(line: str) -> bool:
    """A line that is markup and no text: an adornment, a code fence or a bare directive."""
    return is_adornment(line) or is_fence(line) or is_directive(line)


def markup_between(text: str, start: int, end: int) -> bool:
    """Whether a whole line inside text[start:end] (the gap between two sentences) is a
    markup line (`is_markup_line`)."""
    return any(is_markup_line(line) for line in text[start:end].split("\n")[1:-1])
