"""Attendance lines: a line of minutes listing who attended ("Present: J. Okafor (client), …",
"Présents : M. Durand, …", "Attendees: …") answers a question asking who attended, before the
"Next meeting: …" line of the same minutes that shares the question's "meeting" (s38: "Who was
present at the site meeting?" quoted "Next meeting: 24 March 2026, site hut.", the "Present:"
line rated 16th by the answer models).

`attendance_position` finds, among the candidates it is given (answering.attendance_first
passes them all, best first), the first attendance line of the best candidate's document when
the question asks who attended (`asks_attendance`: a "who"/"qui" and a word starting
"present", "attend", "particip", "assist", or a noun "attendees", "participants"): it leads the
quote. framing_lines.py sets such lines aside for any other question. The labels and the
words asking are data, English and French (citeqa/data/attendance_lines.json).

Pure functions; the data file is read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

__all__ = ["asks_attendance", "attendance_position", "is_attendance_line"]

_WORDS = re.compile(r"\w+")


@cache
def _data() -> tuple[re.Pattern[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The labels as one pattern over a folded line's opening, the persons words, the asked
    word starts and the noun starts (all folded)."""
    data = data_json("attendance_lines.json")
    labels = sorted({fold(str(label)) for label in data["labels"]}, key=len, reverse=True)
    spelt = "|".join(r"\W+".join(map(re.escape, _WORDS.findall(label))) for label in labels)
    pattern = re.compile(rf"[\W_]*(?:{spelt})\s*:")
    persons = frozenset(fold(str(word)) for word in data["persons"])
    asked = tuple(fold(str(word)) for word in data["asked"])
    nouns = tuple(fold(str(word)) for word in data["nouns"])
    return pattern, persons, asked, nouns


def is_attendance_line(text: str) -> bool:
    """Whether `text` opens with an attendance label and a colon ("Present:", "Présents :")."""
    return _data()[0].match(fold(text)) is not None


def asks_attendance(question: str) -> bool:
    """Whether the question asks who attended ("Who was present at…", "Qui était présent…",
    "Who attended…", "List the attendees"; not "What is the present value…")."""
    _, persons, asked, nouns = _data()
    words = _WORDS.findall(fold(question))
    if any(word.startswith(nouns) for word in words):
        return True
    return not persons.isdisjoint(words) and any(word.startswith(asked) for word in words)


def attendance_position(
    question: str, texts: Sequence[str], documents: Sequence[str]
) -> int | None:
    """The position among candidate `texts` (best first, each of the document in `documents`)
    of the first attendance line of the best candidate's document, when `question` asks who
    attended and the best is no attendance line itself; else None."""
    if not texts or not asks_attendance(question) or is_attendance_line(texts[0]):
        return None
    for position, (text, document) in enumerate(zip(texts, documents, strict=False)):
        if document == documents[0] and is_attendance_line(text):
            return position
    return None
