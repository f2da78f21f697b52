"""The words the documents' paths write, for reasons that claim a word is written nowhere.

A folder or file name is written by the person who filed it: "TP3_regression.ipynb" writes
"TP3" and "DS-M2-104 TAL/" writes "TAL" even when no text inside says so (the notebook's
title writes "TP 3", the syllabus "Traitement automatique des langues"). A reason saying the
documents "never mention “TAL”" is then false as the user reads it (s33 trial: four answerable
questions refused so). The question may still be refused for another true reason; only the
claim of absence goes (abstention.py reads `QuestionTerms.in_paths`).

`PathWords` reads each path's words split at separators (slash, space, dot, dash,
underscore) and, inside a word, at letter/digit edges ("TP3" gives "tp3" and "tp"), folded;
pieces of one character are no words ("c", "1"). An identifier (a word with digits or with
other characters inside: "TP3", "DS-M2-104", "--turbo") is written only as typed, whole
("tools/turbo_notes" writes no "--turbo"), or as a file's stem. The paths are read on the
first question that asks (`write`), not when the index loads (s33 review: 2.5 s for 50,000
files), and indexed by their words so that `write` reads only the paths holding one.
No I/O: the paths are the index's document ids.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.language import without_elision

__all__ = ["NO_PATHS", "PathWords", "name_stem"]

_WORD = re.compile(r"[^\W_]+")
_LETTER_DIGIT_EDGE = re.compile(r"\d+|[^\W\d_]+")


class _Read(NamedTuple):
    words: frozenset[str]
    """The paths' folded words and their letter/digit pieces, of two characters at least."""
    folded: list[str]
    """Each path folded."""
    holding: dict[str, list[int]]
    """For each whole word of a path, the numbers of the paths writing it."""
    stems: frozenset[str]
    """The paths' file names without their extension, folded."""


class PathWords:
    """The folded words the documents' paths write, read on the first `write`."""

    def __init__(self, paths: Iterable[str] | Callable[[], Iterable[str]]) -> None:
        """`paths`, or what lists them when first asked (the index's unread files: its file
        list is read by the first question needing them, unread.py)."""
        self._paths = paths if callable(paths) else tuple(paths)

    @functools.cached_property
    def _read(self) -> _Read:
        paths = self._paths() if callable(self._paths) else self._paths
        folded = [fold(path) for path in paths]
        holding: dict[str, list[int]] = {}
        for number, path in enumerate(folded):
            for word in dict.fromkeys(_WORD.findall(path)):
                holding.setdefault(word, []).append(number)
        words = frozenset(
            piece
            for word in holding
            for piece in (word, *_LETTER_DIGIT_EDGE.findall(word))
            if len(piece) > 1
        )
        stems = frozenset(stem for path in folded if (stem := name_stem(path)))
        return _Read(words, folded, holding, stems)

    def folded(self) -> list[str]:
        """Each path folded, for what reads their words as text (corpus_initials.py: a file
        "Plan local d'urbanisme.pdf" spells "PLU" out)."""
        return self._read.folded

    def write(self, word: str) -> bool:
        """Whether a question word as typed is written by some path: a word of letters
        whole or as a piece of a path word ("TP" of "TP3"); an identifier as typed, whole
        ("TP3" of "TP3_regression.ipynb", "DS-M2-104" of "DS-M2-104 TAL/"), or as a file's
        stem. A French elision before it is no part of it ("l'AFGSU" of "attestation AFGSU.png")."""
        typed = without_elision(fold(word))
        pieces = _WORD.findall(typed)
        if not pieces or len(typed) < 2:  # "c", "1": a piece of one character is no word
            return False
        read = self._read
        if len(pieces) == 1 and pieces[0] == typed and not any(c.isdigit() for c in typed):
            return typed in read.words
        if typed in read.stems:
            return True
        whole = _whole(typed)
        return any(whole.search(read.folded[n]) for n in read.holding.get(pieces[0], ()))


@functools.lru_cache(maxsize=256)
def _whole(typed: str) -> re.Pattern[str]:
    """A pattern finding the folded identifier `typed` whole in a folded path: no letter nor
    digit on either side; built and compiled once for the last 256 identifiers asked about,
    not per `write` (re's own cache is shared with every pattern the process compiles)."""
    return re.compile(rf"(?<![^\W_]){re.escape(typed)}(?![^\W_])")


def name_stem(path: str) -> str:
    """The path's file name without its last extension ("a/TP3.tar.gz" gives "TP3.tar"; a
    name starting with its only dot, ".notes", is kept whole); "" for a path ending in "/".
    Cut with rpartition, not a regex searched over the path: a lazy pattern restarted at every
    character of every folder name cost the square of their lengths (s34 hostile M4: 26 ms a
    path under twelve 250-character folders)."""
    name = path.rpartition("/")[2]
    base, dot, _extension = name.rpartition(".")
    return base if dot and base else name


NO_PATHS = PathWords(())
"""No path: every word unwritten by paths (a vocabulary built without documents)."""
