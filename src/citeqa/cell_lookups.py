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
hall's letter's "Les travaux doivent commencer dans un délai de trois ans" was quoted, and so
is one when the best writes none of the question's own words (`_off_subject`: "Combien coûte
la robe ?" asks the budget's `Robe` row, not the honeymoon's "4,200 euros"); not
"Quel est le total TTC du devis de plomberie ?", whose best, "Total TTC : 2 546,50 €", writes
the amount. Only for a question asking a kind of value a cell holds (answer_features.Wants,
asked_values.asked_kinds: a date, a number, an amount, a person; not "Why was RustNet's
accuracy corrected?", which the research set's correction note answers, not the `RustNet`
row), and only when the best does not write the key's words: a prose best naming the key keeps
its place, as it may say what the row does not. The table of the first candidate row so asked
is the one looked up, in whatever document it stands. A question asking no kind of value looks
a row up all the same by its key's words and a column's header word when that column's cell
writes a figure the best does not, though the best names the key: "What is the buildings
limit?" asks `| Buildings | £350,000 | £250 |`, not "… within the buildings limit." (s60
trial), which names the limit without its value.
"""

from __future__ import annotations

import re

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.asked_values import asked_kinds, writes_kind
from citeqa.glossary import fold
from citeqa.person_rows import header_row
from citeqa.questions import QuestionTerms, question_words
from citeqa.sentences import ScoredSentence, SentenceBank, names_written
from citeqa.tables import key_cell
from citeqa.value_frames import subject_words_written

__all__ = ["asks_value", "names_column", "row_writes_asked_value", "table_asked_by_cell"]

HEADER_WORD_LETTERS = 4
"""The fewest letters of a header's word that names its column in a question ("solde", not
"du" of "échéance du solde" nor "dû")."""

_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
"""A figure as a cell or a sentence writes it ("350,000", "12")."""


def table_asked_by_cell(
    rows: list[ScoredSentence], bank: SentenceBank, focus: str
) -> tuple[str, int, int] | None:
    """The table (bank.table_of) of the first of `rows` (candidates, in the ranker's order, the
    best first) whose key cell the question (`focus`) writes as words and that it asks by a
    word of another column's header, or by the kind of value it writes when the best writes
    none (`_writes_asked_value`) or none of the question's own words (`_off_subject`), the best
    writing none of that key's words; for a question asking no kind of value, the table of a
    figure asked by a column (`_figure_asked_by_column`); None when no row is asked so (see the
    module's docstring)."""
    if not any(item.names_word_key for item in rows):
        return None  # no row's key written: nothing of the best is read
    if not asks_value(focus):
        return _figure_asked_by_column(rows, bank, focus)
    best_text = bank.text(rows[0].index)
    best = {fold(word) for word in question_words(best_text)}
    best_lacks_value = not _writes_asked_value(focus, best_text, "")
    best_lacks_value = best_lacks_value or _off_subject(focus, best_text)
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


def _figure_asked_by_column(
    rows: list[ScoredSentence], bank: SentenceBank, focus: str
) -> tuple[str, int, int] | None:
    """For a question asking no kind of value, the table of the first of `rows` whose key cell
    it writes as words and whose cell in a column it names by a header word writes a figure
    the best candidate does not write: "What is the buildings limit?" asks `| Buildings |
    £350,000 | £250 |` under `| Section | Limit | Excess |`, not the claims guide's "we pay
    for alternative accommodation … for up to 12 months, within the buildings limit." (s60
    trial), which names the key and the column but no value of them. None otherwise."""
    best = frozenset(_FIGURE.findall(bank.text(rows[0].index)))
    terms = QuestionTerms(focus=focus)
    for item in rows:
        if not item.names_word_key:
            continue
        table, header = _table_and_header(item, bank)
        if table is None or not header:
            continue
        column = bank.key_column(item.index)
        named = [at for at, cell in enumerate(header) if at != column and names_column(cell, terms)]
        text = bank.text(item.index)
        if any(_new_figures(key_cell(text, at), best) for at in named):
            return table
    return None


def _table_and_header(
    item: ScoredSentence, bank: SentenceBank
) -> tuple[tuple[str, int, int] | None, tuple[str, ...]]:
    """The table a candidate row stands in (bank.table_of) and its header row's cells
    (person_rows.header_row); None and none for a line of no table."""
    table = bank.table_of(item.index)
    header = None if table is None else bank.read_table(table, header_row)
    return table, tuple(header or ())


def _new_figures(cell: str, written: frozenset[str]) -> bool:
    """Whether a `cell` writes figures, none of them among `written`."""
    figures = frozenset(_FIGURE.findall(cell))
    return bool(figures) and figures.isdisjoint(written)


def _off_subject(focus: str, text: str) -> bool:
    """Whether `text` writes none of the question's own words, its interrogatives and the
    words framing the value it asks aside (value_frames.frames_value: "combien", "coûte"):
    the wedding's "The honeymoon budget is 4,200 euros, …" writes an amount, not the dress's
    of "Combien coûte la robe ?" (s56 wedding trial, s60)."""
    written, own = subject_words_written(focus, text)
    return own > 0 and written == 0


def asks_value(focus: str) -> bool:
    """Whether the question asks a kind of value a cell may hold: "Quand …" a date, "Combien
    coûte …" an amount (answer_features.Wants, asked_values.asked_kinds)."""
    return bool(Wants.of(focus).kinds) or bool(asked_kinds(focus))


def row_writes_asked_value(item: ScoredSentence, bank: SentenceBank, focus: str) -> bool:
    """Whether a candidate `item` is a table row whose key cell the question writes as words
    (ScoredSentence.names_word_key) and which writes a value of a kind the question asks, read
    with its table's header row (`_writes_asked_value`): "| Costume | Tailleur Girard | 940 |
    …" under "montant prévu (€)" for "Combien coûte le costume ?"; none when the question writes
    a figure neither the row nor its header writes ("How many DEGs were found in Cougar at 16
    dpi?" of a table of other days: the research set, dev)."""
    if not item.names_word_key or not asks_value(focus):
        return False
    header = " | ".join(_table_and_header(item, bank)[1])
    row = bank.text(item.index)
    if not set(_FIGURE.findall(focus)) <= set(_FIGURE.findall(f"{row} {header}")):
        return False  # "Cougar at 16 dpi" of a table whose columns are other days: not held
    return _writes_asked_value(focus, row, header)


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
