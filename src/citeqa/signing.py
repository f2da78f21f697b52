"""The line closing a signed document with where and when it was signed: "Fait à Lyon, le 2
décembre 2025.", "Signed at London on 3 May 2024."

Such a line names a city and a date, and its sentence shares the section of the last article,
so the rankers took it for an answer: "Quelle est la redevance annuelle du contrat de
maintenance ?" quoted an amendment's "Les autres stipulations du contrat demeurent inchangées.
Fait à Lyon, le 2 décembre 2025." at .77, no amount in it (trial s20). It answers only where or
when the document was signed. The rule (answering.unsigned): a candidate sentence of at most
SIGNING_LINE_MAX characters opening with a signing opener (language data `signing_openers`,
folded), then a capitalised word (its place: "Lyon", "London") or a number (its date: "le 2
décembre"), and a year or a numeric date after the opener (`_DATE`) is not quoted, unless
the question writes a signing cue (language data `signing_cues`: "signed", "signé", "conclu")
with a word asking where or when (`signing_asks`: "quand", "où", "when"), or every candidate
is such a line. "Signed-in users can upload up to 10 files." and "Fait en 2019, …" are prose.
"""

from __future__ import annotations

import functools
import itertools
import re

from citeqa.glossary import fold, language_words

__all__ = ["asks_signing", "is_signing_line"]

SIGNING_LINE_MAX = 200
"""The longest sentence read as a signing line: a longer one is a clause of its own."""
_WORDS = re.compile(r"[^\W_]+")
_DATE = re.compile(r"\b(?:1[89]|2\d)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
"""A year (1800-2999) or a numeric date ("02/12/2025")."""


def is_signing_line(sentence: str) -> bool:
    """Whether `sentence` closes a signed document with where and when (see the module)."""
    if len(sentence) > SIGNING_LINE_MAX:
        return False
    longest = _longest_opener()  # the words after it are never read: none found, nor folded
    words = list(itertools.islice(_WORDS.finditer(sentence), longest + 1))
    folded = [fold(word.group()) for word in words[:longest]]
    for opener in language_words("signing_openers"):
        size = len(opener.split())
        if len(words) <= size or " ".join(folded[:size]) != opener:
            continue
        after = words[size].group()
        if not (after[:1].isupper() or after[:1].isdigit()):
            return False
        return _DATE.search(sentence, words[size].start()) is not None
    return False


@functools.cache
def _longest_opener() -> int:
    """How many words the longest of the data's `signing_openers` has."""
    return max((len(opener.split()) for opener in language_words("signing_openers")), default=0)


def asks_signing(question: str) -> bool:
    """Whether `question` asks where or when a document was signed: a `signing_cues` word with
    a `signing_asks` word."""
    words = set(_WORDS.findall(fold(question)))
    return not (
        language_words("signing_cues").isdisjoint(words)
        or language_words("signing_asks").isdisjoint(words)
    )
