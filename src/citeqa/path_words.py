"""The words the documents' paths write, for reasons that claim a word is written nowhere.

A folder or file name is written by the person who filed it: "TP3_regression.ipynb" writes
"TP3" and "DS-M2-104 TAL/" writes "TAL" even when no text inside says so (the notebook's
title writes "TP 3", the syllabus "Traitement automatique des langues"). A reason saying the
documents "never mention “TAL”" is then false as the user reads it (s33 trial: four answerable
questions refused so). The question may still be refused for another true reason; only the
claim of absence goes (abstention.py reads `QuestionTerms.in_paths`).

`PathWords` reads each path's words split at separators (slash, space, dot, dash,
underscore) and, inside a word, at letter/digit edges ("TP3" gives "tp3", "tp" and "3"),
folded. No I/O: the paths are the index's document ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeqa.glossary import fold

__all__ = ["NO_PATHS", "PathWords"]

_WORD = re.compile(r"[^\W_]+")
_LETTER_DIGIT_EDGE = re.compile(r"\d+|[^\W\d_]+")


class PathWords:
    """The folded words the documents' paths write, read once per loaded index."""

    def __init__(self, paths: Iterable[str]) -> None:
        self._lines = [" ".join(_WORD.findall(fold(path))) for path in paths]
        self.words = frozenset(
            piece
            for line in self._lines
            for word in line.split()
            for piece in (word, *_LETTER_DIGIT_EDGE.findall(word))
        )

    def write(self, word: str) -> bool:
        """Whether a question word as typed is written by some path: its folded form, whole
        or a piece of a path word ("TP3" of "TP3_regression.ipynb", "TP" of "TP3"), or, a
        word of several pieces ("DS-M2-104"), those pieces in a row in one path."""
        pieces = _WORD.findall(fold(word))
        if len(pieces) == 1:
            return pieces[0] in self.words
        run = f" {' '.join(pieces)} "
        return bool(pieces) and any(run in f" {line} " for line in self._lines)


NO_PATHS = PathWords(())
"""No path: every word unwritten by paths (a vocabulary built without documents)."""
