"""Which questions are closed (yes/no), and which quotes reply yes or no to another question.

An FAQ answers its own questions with "Oui, …" and "Non, …". A closed question ("Livrez-vous en
Belgique ?", "Le magasin est-il ouvert les jours fériés ?") that writes a word the documents
never use was answered by such a reply to another question ("Oui, nous livrons dans toute la
France métropolitaine.", "Oui, l'atelier est ouvert à la visite…": s46 trial b17, b20): the
reply's yes or no is of the FAQ's question, not of the word asked. So is a sentence forbidding
a case ("Do not use the purifier in a bathroom…" for "Can I use the purifier outdoors?", s47
trial c18): it replies to a question asking that case. `replies_yes_or_no` says a
quote opens with a reply word (data/reply_openers.json); answering refuses such a quote to a
closed question (`is_closed`) whose words the documents never use it may name
(abstention.never_mentioned).

No I/O but the data file's reading, once.
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.domain import any_of, language_data
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

__all__ = ["is_closed", "replies_yes_or_no"]

_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b")
"""A French verb before its subject pronoun ("est-elle", "coûte-t-il")."""
_OPENING_WORD = re.compile(r"^\W*([^\W\d_]+)\s*[,.!;:]")


@cache
def _closed() -> re.Pattern[str]:
    """A closed (yes/no) question, read on its folded text (language data)."""
    return any_of(language_data().yes_no_questions)


def is_closed(folded: str) -> bool:
    """Whether a folded question is closed: its form opens it ("Is…", "Est-ce…"), or, with no
    question word, a verb stands before its subject pronoun ("La sonde est-elle sans fil ?";
    "Combien coûte-t-elle ?" is open)."""
    if _closed().search(folded):
        return True
    asking = set(language_data().interrogatives)
    return bool(_INVERTED.search(folded)) and not asking & set(re.findall(r"\w+", folded))


@cache
def _openers() -> frozenset[str]:
    """The reply words of every language (data/reply_openers.json), folded."""
    lists = data_json("reply_openers.json")["openers"]
    return frozenset(fold(word) for words in lists.values() for word in words)


@cache
def _prohibitions() -> re.Pattern[str]:
    """A folded quote opening by forbidding a case, in any language (data/reply_openers.json
    `prohibitions`): "do not", "n'utilisez pas"."""
    lists = data_json("reply_openers.json")["prohibitions"]
    return re.compile(
        r"^\W*(?:" + "|".join(form for forms in lists.values() for form in forms) + ")"
    )


def replies_yes_or_no(quote: str) -> bool:
    """Whether `quote` opens with a reply word then a punctuation mark ("Oui, nous livrons…",
    "No. Convert the files first."): a reply to the question it follows; or by forbidding a
    case ("Do not use the purifier in a bathroom…", "N'utilisez pas…": `_prohibitions`), the
    reply to a question asking that case (s47 trial c18: "Can I use the purifier outdoors?")."""
    found = _OPENING_WORD.match(quote)
    if found is not None and fold(found.group(1)) in _openers():
        return True
    return _prohibitions().match(fold(quote)) is not None
