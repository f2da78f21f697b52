"""Whether a prose sentence naming a table row's key answers a question the row does not.

A question naming a key ("ENV101", "exit code 9") looks up the table row keyed by it
(answering.looked_up), even over the prose sentence the quote ranker put first. That is right
when the row answers what else the question asks: "When is the ENV101 exam?" takes the exam
timetable's `| ENV101 | Earth Systems | 2026-01-12 | … |`. It is wrong when the question asks
what only the prose says: "How is ENV101 assessed?" quoted that timetable row, not the module
page's "ENV101 is assessed by a lab portfolio worth 40% and a two-hour written exam worth
60%." (s47 trial on a course handbook: a listing table beside a page for each of its items).

The rule (`prose_answers_rest`): the prose sentence is kept when
- it writes the row's key cell as words;
- it writes a content word of the question other than the key's (by their English or French
  stems, lexical.content_word_terms) that neither the row, its table's header row nor its
  document's title writes;
- and the row holds no value of a kind the question asks (answer_features.holds_asked_value:
  a date for "when", a number for "how many") that the prose sentence does not hold.
No I/O: reads the bank's texts of the few sentences named.
"""

from __future__ import annotations

import re

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.glossary import fold
from citeqa.lexical import content_word_terms, query_tokens
from citeqa.sentences import SentenceBank
from citeqa.tables import key_cell

__all__ = ["prose_answers_rest"]


def prose_answers_rest(bank: SentenceBank, prose: int, row: int, focus: str) -> bool:
    """Whether the bank's prose sentence `prose` answers the question (`focus`) rather than the
    table row `row` it looks up by its key (the module's rules); False for no question."""
    if not content_word_terms(focus):
        return False
    key = fold(key_cell(bank.text(row), bank.key_column(row))).strip()
    prose_text = bank.text(prose)
    if not key or not re.search(rf"(?<!\w){re.escape(key)}(?!\w)", fold(prose_text)):
        return False
    rest = _rest_of_question(focus, key)
    prose_terms = frozenset(query_tokens(prose_text))
    row_terms = frozenset(query_tokens(_row_side(bank, row)))
    said = [terms for terms in rest if terms & prose_terms]
    if not said or any(terms & row_terms for terms in said):
        return False
    wants = Wants.of(focus)
    return holds_asked_value(wants, prose_text) or not holds_asked_value(wants, bank.text(row))


def _rest_of_question(focus: str, key: str) -> list[frozenset[str]]:
    """The terms of each content word of `focus` that is not a word of the folded `key`."""
    key_words = set(re.findall(r"\w+", key))
    return [frozenset(terms) for word, terms in content_word_terms(focus) if word not in key_words]


def _row_side(bank: SentenceBank, row: int) -> str:
    """The text read as the row's: the row, its table's header row and its document's title."""
    header = bank.table_header(row)
    title = bank.documents[bank.sentences[row].doc_id].title
    parts = [bank.text(row), "" if header is None else bank.text(header), title]
    return "\n".join(parts)
