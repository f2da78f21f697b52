"""Which candidate sentences define the term a question quotes and asks the meaning of.

A question asking what a quoted term means ("Que désigne « Client » dans les CGV ?", "What does
"Affiliate" mean?": the language data's `definition_cues` read on the question) is answered by
the definition of THAT term, not by its neighbour in the same list of definitions: the rankers
read a definition as a definition and the term's other mentions as matches ("« Données »
désigne… saisies par le Client…" beat "« Client » désigne…" at .65, session-17 trial). A
definition here is a sentence opening, past its clause number, on the quoted term and read as a
definition by the same cues ("« Client » désigne…", '1.1 "Client" means…').
"""

from __future__ import annotations

import re

from citeqa.glossary import fold
from citeqa.sentences import ScoredSentence, SentenceBank

QUOTED_TERM = re.compile(
    r"«\s*([^«»\n]{1,80}?)\s*»|\"\s*([^\"\n]{1,80}?)\s*\"|“\s*([^“”\n]{1,80}?)\s*”"
    r"|‘\s*([^‘’\n]{1,80}?)\s*’"
)
"""A term written between a pair of quotation marks: French guillemets, straight or curly
quotes; "’" closes a term only "‘" opened (it is the apostrophe of "users’" and "l’article")."""
_CLAUSE_NUMBER = re.compile(r"[\s*•–-]*(?:\d+(?:\.\d+)*\.?\s+)?")
"""What may open a definition before its quoted term: blanks, a list mark, "1.1 "."""


def asked_terms(bank: SentenceBank, question: str) -> frozenset[str]:
    """The folded terms `question` quotes when it asks what a term means (the definition cues
    read on it); none for any other question."""
    folded = fold(question)
    if bank.rules.asks_definition.search(folded) is None:
        return frozenset()
    return frozenset(_term(found) for found in QUOTED_TERM.finditer(folded))


def defines(bank: SentenceBank, item: ScoredSentence, terms: frozenset[str]) -> bool:
    """Whether the candidate opens, past its clause number, on one of `terms` between quotation
    marks and reads as a definition."""
    folded = fold(bank.text(item.index))
    opening = QUOTED_TERM.match(folded, _CLAUSE_NUMBER.match(folded).end())  # type: ignore[union-attr]
    if opening is None or _term(opening) not in terms:
        return False
    return bank.rules.definition.search(folded) is not None


def _term(quoted: re.Match[str]) -> str:
    """The term `QUOTED_TERM` found, its blanks made single spaces."""
    return " ".join(next(group for group in quoted.groups() if group is not None).split())
