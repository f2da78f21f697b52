"""Decision lines: a line of minutes labelled as a decision ("DECISION: The railing will be a
stainless steel mesh…", "Décision : L'éclairage sera intégré…") answers a question asking what
was decided about what it writes, before the discussion or header lines of the same minutes.

The answer models read the words a question shares with a sentence; "What was decided about
the railing?" shares "railing" with the discussion ("The architect presented two options for
the railing…", rated .46) as with the decision (.06), and "decided" with neither (s37 trial).
`decision_position` finds, among the first RESULT_RANKS candidates, the first labelled
decision line writing one of the question's other content words (its stems; any decision line
when the question writes none: "What was decided?"), when the question asks what was decided:
it leads the quote, the others rated below it (answering.decision_first). The labels and the
words asking are data, English and French (citeqa/data/decision_lines.json); dated minutes
asked by their date are dated_meetings.py's.

Pure functions; the data file is read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import content_words, query_tokens

__all__ = ["asks_decision", "decision_position", "is_decision_line"]

_WORDS = re.compile(r"\w+")
SHORT_START = 3
"""An asked word start of at most this many letters is a whole word."""


@cache
def _data() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The labels as one pattern over a folded line's opening, and the asked word starts."""
    data = data_json("decision_lines.json")
    labels = sorted({fold(str(label)) for label in data["labels"]}, key=len, reverse=True)
    spelt = "|".join(r"\W+".join(map(re.escape, _WORDS.findall(label))) for label in labels)
    pattern = re.compile(rf"[\W_]*(?:{spelt})\s*:")
    return pattern, tuple(fold(str(word)) for word in data["asked"])


def is_decision_line(text: str) -> bool:
    """Whether `text` opens with a decision's label and a colon ("DECISION:", "Décision :")."""
    return _data()[0].match(fold(text.strip())) is not None


def _asking(word: str) -> bool:
    starts = _data()[1]
    return any(word == s if len(s) <= SHORT_START else word.startswith(s) for s in starts)


def asks_decision(question: str) -> bool:
    """Whether the question writes a word asking what was decided ("decided", "décidé")."""
    return any(_asking(word) for word in _WORDS.findall(fold(question)))


def decision_position(question: str, texts: Sequence[str]) -> int | None:
    """The position among candidate `texts`, best first, of the first decision line answering
    `question` (see the module's docstring; 0 when the best is one), or None."""
    if not texts or not asks_decision(question):
        return None
    others = [word for word in content_words(question) if not _asking(word)]
    asked = [frozenset(query_tokens(word)) for word in others]
    for position, text in enumerate(texts):
        if not is_decision_line(text):
            continue
        written = frozenset(query_tokens(text))
        if not asked or any(stems & written for stems in asked):
            return position
    return None
