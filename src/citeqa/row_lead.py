"""Owns which table rows may lead a quote beside the ranker's first row: `answering.choose`
takes the shortest of the near-best sentences, and a neighbouring row of the same table one
character shorter ("| … | 1 | 0 an | 2 310,00 |") displaced the row keyed by the asked value
("… échelon 2 ?" → "| … | 2 | 3 ans | 2 425,50 |"; s35 trial a59). A row of the first row's
document that writes fewer of the question's words and whole numbers than the first row is
set aside from that choice; every other candidate stays as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citeqa.language import is_table_row
from citeqa.stated_values import values

if TYPE_CHECKING:
    from citeqa.answering import Candidates
    from citeqa.questions import QuestionTerms
    from citeqa.sentences import SentenceBank

NO_LANGUAGE = ""
"""stated_values.values read in no language: numbers in digits only, each whole ("2 310,00" is
one number, 2310, not "2"), never a number word ("un", "one") of ordinary prose."""


def leading_rows_kept(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms, lead: float
) -> list[int] | None:
    """The positions of the `candidates` kept when the first candidate is a table row: all
    but the rows of its document that rate at least `lead` of its probability yet write
    fewer of the question's words and numbers (`_held`); None when every candidate stays."""
    if not candidates.sentences:
        return None
    first = candidates.sentences[0].index
    if not is_table_row(bank.text(first)):
        return None
    document = bank.sentences[first].doc_id
    asked = values(terms.focus, NO_LANGUAGE)
    first_held = _held(bank, first, terms, asked)
    floor = lead * candidates.probabilities[0]
    kept = [
        number
        for number, item in enumerate(candidates.sentences)
        if number == 0
        or candidates.probabilities[number] < floor
        or bank.sentences[item.index].doc_id != document
        or not is_table_row(bank.text(item.index))
        or _held(bank, item.index, terms, asked) >= first_held
    ]
    return None if len(kept) == len(candidates.sentences) else kept


def _held(bank: SentenceBank, index: int, terms: QuestionTerms, asked: frozenset[str]) -> int:
    """How many of the question's own word terms (a term of digits alone aside: numbers are
    counted whole) the sentence's tokens hold, plus how many of its `asked` numbers it writes."""
    tokens = bank.tokens[index]
    words = sum(
        1
        for alternatives, _ in terms.own_terms
        if not all(token.isdigit() for token in alternatives) and alternatives & tokens
    )
    return words + len(asked & values(bank.text(index), NO_LANGUAGE))
