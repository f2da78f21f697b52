"""Whether a question asks who signed a letter or a contract, and its signing words.

Data: signer_questions.json (`asks`: "Who signed …?", "Qui a signé …", "Par qui … signé ?";
`words`: "signed", "signé", "signataire"). A question so asking keeps none of its signing words
the corpus never uses as terms (questions._unused_signer_word): a letter closes with its
signer's name and writes no "signé" (s56 trial). signers.py finds that closing line. No I/O but
the data file, read once.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.recently_used import QUESTIONS_READ

__all__ = ["asks_signer", "signer_words"]

_WORD = re.compile(r"[^\W_]+")


@cache
def _data() -> tuple[tuple[re.Pattern[str], ...], frozenset[str]]:
    """signer_questions.json's `asks` patterns, of every language, and its `words`."""
    data = data_json("signer_questions.json")
    asks = tuple(re.compile(pattern) for patterns in data["asks"].values() for pattern in patterns)
    return asks, frozenset(data["words"])


def asks_signer(question: str) -> bool:
    """Whether `question` asks who signed something ("Who signed the lease?")."""
    folded = fold(question).strip()
    return any(pattern.search(folded) for pattern in _data()[0])


@lru_cache(maxsize=QUESTIONS_READ)
def signer_words(question: str) -> frozenset[str]:
    """The folded signing words of a question asking who signed ("signe" of "Qui a signé la
    lettre ?"); none for another question."""
    if not asks_signer(question):
        return frozenset()
    return frozenset(_WORD.findall(fold(question))) & _data()[1]
