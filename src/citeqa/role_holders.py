"""A question asking who holds a role answered by quotes that name no one: "Qui est le
trésorier ?" answered by the statutes' "Le conseil élit parmi ses membres un bureau composé
d'un président, d'un secrétaire et d'un trésorier." (s43 trial, at confidence .64; "Qui est le
secrétaire ?" the same at .72). The sentence defining the role shares the question's one
content word, so the answer models read it as the answer; it says the role exists, not who
holds it. Nor does a sentence naming neither ("La séance est levée à 21 h 10." quoted from
earlier minutes for the secretary once the statutes' sentence was refused).

Checked once the answer is chosen: the question asks who is the holder of one role in the
singular (language data, citeqa/data/role_holders.json: "Who is the treasurer?", "Qui est la
présidente ?"; not a plural, not a collective role such as "audience" or "public"), and no
quote names anyone (`names_someone`: no capitalised word that is no
stopword, none of the question's words, and that the quote's document never writes in lower
case; no title such as "M." or "Mme"; no e-mail address). The answer abstains naming the role
as the question writes it.

No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import stopwords

__all__ = ["asked_role", "names_someone", "unnamed_role"]

_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w-]*")
"""A word opening on a capital letter (its elided article apart: "L'" of "L'association")."""
_WORD = re.compile(r"[\w'’-]+")
"""A word of a question as written, elisions and hyphens kept."""


class _Roles(NamedTuple):
    asks: tuple[re.Pattern[str], ...]
    collective: frozenset[str]
    titles: frozenset[str]


@cache
def _roles() -> _Roles:
    """role_holders.json's patterns, collective roles and titles, of every language."""
    data = data_json("role_holders.json")

    def words(field: str) -> frozenset[str]:
        return frozenset(word for words in data[field].values() for word in words)

    asks = tuple(re.compile(pattern) for patterns in data["asks"].values() for pattern in patterns)
    return _Roles(asks, words("collective"), words("titles"))


def asked_role(question: str) -> str | None:
    """The role (folded) `question` asks the holder of ("tresorier" of "Qui est le trésorier
    ?"), or None: no such question, or a collective role."""
    folded = " ".join(fold(question).split())
    roles = _roles()
    for pattern in roles.asks:
        found = pattern.match(folded)
        if found is not None:
            role = found["role"].strip()
            singular = " ".join(word.removesuffix("s") for word in role.split())
            return None if {role, singular} & roles.collective else role
    return None


def names_someone(quote: str, document_text: str, asked: Iterable[str] = ()) -> bool:
    """Whether `quote` names someone: a title ("M.", "Mme"), an e-mail address, or a
    capitalised word that is no stopword, not one of the `asked` (folded) words, and that
    `document_text` never writes in lower case ("Benali"; not "Le", "Conseil" of a heading
    when the text writes "conseil")."""
    if "@" in quote:
        return True
    roles, skipped = _roles(), frozenset(asked) | stopwords()
    for found in _CAPITALISED.finditer(quote):
        word = found.group()
        folded = fold(word)
        if folded in roles.titles:
            return True
        if folded not in skipped and not _written_lower(word, document_text):
            return True
    return False


def _written_lower(word: str, text: str) -> bool:
    """Whether `text` writes `word` with a lower-case first letter, as a whole word."""
    lower = re.escape(word[0].lower() + word[1:])
    return re.search(rf"(?<![\w-]){lower}(?![\w-])", text) is not None


def unnamed_role(question: str, quoted: Sequence[tuple[str, str]]) -> str | None:
    """The role as `question` writes it when it asks who holds one and no quote of `quoted`
    (each with its document's text) names anyone; else None."""
    role = asked_role(question)
    if role is None:
        return None
    asked = [fold(word) for word in _WORD.findall(question)]
    if any(names_someone(quote, text, asked) for quote, text in quoted):
        return None
    return _as_written(role, question)


def _as_written(role: str, question: str) -> str:
    """`role` (folded) as `question` writes it, accents kept; folded when not found."""
    words = _WORD.findall(question)
    size = len(role.split())
    for start in range(len(words) - size + 1):
        run = words[start : start + size]
        if " ".join(fold(word) for word in run) == role:
            return " ".join(run)
    return role
