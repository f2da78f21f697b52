"""Tells a text file a machine wrote (an instrument's log, a table of numbers and codes) from
one a person wrote, by the shapes of its lines: a log repeats a few shapes line after line,
prose hardly ever repeats one. outsized.py asks it before naming a document that holds most of
its index, so that a long thesis among a few notes is not named as a file to leave out.

A line's shape is the line with each run of digits made one "0" and each run of letters one
"a" ("2025-03-01T08:15,user3,RUN-0042,10.5" → "0-0-0a0:0,a0,a-0,0.0"). Measured in session 31
(/tmp/mendc/shape.py, on the first SAMPLE_BYTES of each file) as the share of the non-empty
lines that take one of the TOP_SHAPES most common shapes: the s30 trial's instrument log 0.98,
a generated incidents sheet 0.84; a generated journal of dated entries 0.52 (half its lines
are its "### 2021-01-02" headings), the project's README and design notes 0.02 to 0.08.
Hand-written: no library tells a log from prose. The sample is decoded as the index decodes the
file (textdecoding.decoded_text), so a Windows tool's log in UTF-16 or in cp1252 is read in its
encoding (s32 hostile probe L2: read as UTF-8, its NUL bytes or undecodable bytes made it "no
text", so a person's)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from citeqa.readers import UnreadableDocument
from citeqa.textdecoding import decoded_text

SAMPLE_BYTES = 65_536
"""The bytes read from the start of a file: a log shows its shapes within its first lines."""
TOP_SHAPES = 3
"""How many of the most common shapes are counted (a log's header, its rows, a blank row)."""
MACHINE_SHARE = 0.75
"""The share of lines those shapes must take: between the journal's 0.52 and the sheet's 0.84."""
BINARY_SHARE = 0.01
"""A sample with more undecodable characters than this share (or that textdecoding refuses as
binary) is no text file (a PDF, an office file): its bytes tell nothing of its lines, and it is
taken as a person's."""

_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")


def machine_written(path: Path) -> bool:
    """Whether the file at `path` looks machine-written (see the module's docstring); False for
    a file that cannot be read or is no text."""
    try:
        with path.open("rb") as file:
            sample = file.read(SAMPLE_BYTES)
            cut = bool(file.read(1))
        text, _ = decoded_text(sample, path.name)
    except (OSError, UnreadableDocument):
        return False
    if text.count("\ufffd") > BINARY_SHARE * max(len(text), 1):
        return False
    lines = text.splitlines()
    return lines_machine_written(lines[:-1] if cut else lines)  # a cut file's last line cut


def machine_written_in(folder: Path) -> Callable[[str], bool]:
    """`machine_written` of a file of `folder` named by its path relative to it (what
    outsized.outsized asks of the documents it would name, at a build and at its notes)."""
    return lambda name: machine_written(folder / name)


def lines_machine_written(lines: list[str]) -> bool:
    """Whether `lines` repeat a few shapes: at least MACHINE_SHARE of the non-empty ones take
    one of their TOP_SHAPES most common shapes."""
    shapes = Counter(_shape(line) for line in lines if line.strip())
    if not shapes:
        return False
    repeated = sum(count for _, count in shapes.most_common(TOP_SHAPES))
    return repeated >= MACHINE_SHARE * shapes.total()


def _shape(line: str) -> str:
    """`line` with each run of digits one "0", each run of letters one "a", spaces one space."""
    shaped = _LETTERS.sub("a", _DIGITS.sub("0", line))
    return _SPACES.sub(" ", shaped).strip()
