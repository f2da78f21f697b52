"""The line closing a signed document with where and when it was signed: "Fait à Lyon, le 2
décembre 2025.", "Signed at London on 3 May 2024.", "En foi de quoi, …".

Such a line names a city and a date, and its sentence shares the section of the last article,
so the rankers took it for an answer: "Quelle est la redevance annuelle du contrat de
maintenance ?" quoted an amendment's "Les autres stipulations du contrat demeurent inchangées.
Fait à Lyon, le 2 décembre 2025." at .77, no amount in it (trial s20). It answers only where or
when the document was signed. The rule (answering.unsigned): a candidate sentence opening with
a signing opener (language data `signing_openers`, folded, at most SIGNING_LINE_MAX characters,
holding a digit: its date) is not quoted unless the question writes a signing cue (language
data `signing_cues`: "signed", "signé", "conclu") or every candidate is such a line. No I/O.
"""

from __future__ import annotations

import re

from citeqa.glossary import fold, language_words

__all__ = ["asks_signing", "is_signing_line"]

SIGNING_LINE_MAX = 200
"""The longest sentence read as a signing line: a longer one is a clause of its own."""
_WORDS = re.compile(r"[^\W_]+")


def is_signing_line(sentence: str) -> bool:
    """Whether `sentence` closes a signed document with where and when (see the module)."""
    if len(sentence) > SIGNING_LINE_MAX or not any(char.isdigit() for char in sentence):
        return False
    opening = " ".join(_WORDS.findall(fold(sentence))[:4])
    return any(
        opening == opener or opening.startswith(opener + " ")
        for opener in language_words("signing_openers")
    )


def asks_signing(question: str) -> bool:
    """Whether `question` asks where or when a document was signed (a `signing_cues` word)."""
    return not language_words("signing_cues").isdisjoint(_WORDS.findall(fold(question)))
