"""A table's cell asked by its row's key word and its column, over prose of another document
that names no such key.

A question naming a row's key cell as words looks its row up only within the best candidate's
table (answering._looked_up_by_words): a word is a key less surely than a number, and another
document's prose the ranker put first keeps its place (session 20's sheets). A key word beside
a word of another column's header is a lookup all the same: "Quand faut-il payer le solde du
photographe ?" asks the `Photographe` row's "échéance du solde" of a wedding budget sheet, and
the venue contract's "Le solde est réglé au plus tard le 15 mai 2027, par virement." (the
contract's own balance, ranked first) writes no photographer (s56 trial). So is a key word
whose row writes a value of the kind asked, when the best writes none: "Quand commencent les
travaux de plomberie ?" asks a planning's `Plomberie` row (its "début" a date), where a town
hall's letter's "Les travaux doivent commencer dans un délai de trois ans" was quoted; not
"Quel est le total TTC du devis de plomberie ?", whose best, "Total TTC : 2 546,50 €", writes
the amount. Only for a question asking a kind of value a cell holds (answer_features.Wants,
asked_values.asked_kinds: a date, a number, an amount, a person; not "Why was RustNet's
accuracy corrected?", which the research set's correction note answers, not the `RustNet`
row), and only when the best does not write the key's words: a prose best naming the key keeps
its place, as it may say what the row does not. The table of the first candidate row so asked
is the one looked up, in whatever document it stands.
"""

from __future__ import annotations

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.asked_values import asked_kinds, writes_kind
from citeqa.glossary import fold
from citeqa.person_rows import header_row
from citeqa.questions import QuestionTerms, question_words
from citeqa.sentences import ScoredSentence, SentenceBank, names_written
from citeqa.tables import key_cell

__all__ = ["asks_value", "names_column", "table_asked_by_cell"]

HEADER_WORD_LETTERS = 4
"""The fewest letters of a header's word that names its column in a question ("solde", not
"du" of "échéance du solde" nor "dû")."""


def table_asked_by_cell(
    rows: list[ScoredSentence], bank: SentenceBank, focus: str
) -> tuple[str, int, int] | None:
    """The table (bank.table_of) of the first of `rows` (candidates, in the ranker's order, the
    best first) whose key cell the question (`focus`) writes as words and that it asks by a
    word of another column's header, or by the kind of value it writes when the best writes
    none (`_writes_asked_value`), the best writing none of that key's words; None when no row
    is asked so, or the question asks no kind of value (see the module's docstring)."""
    if not any(item.names_word_key for item in rows) or not asks_value(focus):
        return None  # no row's key written: nothing of the best is read
    best_text = bank.text(rows[0].index)
    best = {fold(word) for word in question_words(best_text)}
    best_lacks_value = not _writes_asked_value(focus, best_text, "")
    terms = QuestionTerms(focus=focus)
    for item in rows:
        if not item.names_word_key:
            continue
        table = bank.table_of(item.index)
        if table is None or bank.table_header(item.index) is None:
            continue
        column = bank.key_column(item.index)
        key = {fold(word) for word in question_words(key_cell(bank.text(item.index), column))}
        if key <= best:
            return None  # the best names the key: it may say what the row does not
        header = bank.read_table(table, header_row) or ()
        if any(names_column(cell, terms) for at, cell in enumerate(header) if at != column):
            return table
        row = bank.text(item.index)
        if best_lacks_value and _writes_asked_value(focus, row, " | ".join(header)):
            return table
    return None


def asks_value(focus: str) -> bool:
    """Whether the question asks a kind of value a cell may hold: "Quand …" a date, "Combien
    coûte …" an amount (answer_features.Wants, asked_values.asked_kinds)."""
    return bool(Wants.of(focus).kinds) or bool(asked_kinds(focus))


def _writes_asked_value(focus: str, row: str, header: str) -> bool:
    """Whether a table `row` writes a value of a kind the question asks (answer_features.
    holds_asked_value: "2027-03-10" for "Quand commencent les travaux de plomberie ?";
    asked_values.writes_kind, its `header` the row's context: "| Robe | … | 1890 |" under
    "montant prévu (€)" for "Combien coûte la robe ?")."""
    if holds_asked_value(Wants.of(focus), row):
        return True
    return any(writes_kind(kind, row, header) for kind in asked_kinds(focus))


def names_column(cell: str, terms: QuestionTerms) -> bool:
    """Whether the question writes a word of a header `cell` of HEADER_WORD_LETTERS letters or
    more ("solde" of "échéance du solde")."""
    return any(
        names_written([word], terms)
        for word in question_words(cell)
        if sum(character.isalpha() for character in word) >= HEADER_WORD_LETTERS
    )
