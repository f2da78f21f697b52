"""Owns the row of a table a question asks by its rank when the table writes no ranks: "Quand a
lieu le deuxième appel de fonds ?" of minutes whose schedule is

    Les appels de fonds pour le ravalement seront échelonnés comme suit :
    | Date d'appel | Part |
    | 1er juin 2026 | 40 % |
    | 1er octobre 2026 | 30 % |

(s51 trial: the quote ranker put the first row first, every row matching the question alike).
A table that numbers its rows itself ("| 2 mois | Hexavalent | 1re dose |") is asked_ordinals'
(the quote ranker's `ordinal_weights`); here no candidate numbers the asked word.

The asked rank is the question's one ordinal numbering a word (asked_ordinals: "deuxième
appel": 2, "appel"); the row is the table's rank-th row below its header row, counted only
when the header row or the line just above the table names that word ("Date d'appel", "Les
appels de fonds …"), so that "the second dose" is never read off a table of something else. No
I/O; the ordinal words are number_words.json's, read by asked_ordinals.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from citeqa.asked_ordinals import asked_ordinals, ordinals_written
from citeqa.glossary import fold
from citeqa.language import is_table_row
from citeqa.sentences import SentenceBank
from citeqa.tables import key_cell

__all__ = [
    "ORDINAL_ROW_RANKS",
    "QUOTED_ROW_REACH",
    "asked_row_rank",
    "numbers_word",
    "quoted_row",
    "ranked_row",
    "rows_naming",
    "table_rows",
    "unheld_rank",
]

ORDINAL_ROW_RANKS = 8
"""The first candidates read: the first of them that is a table row names the table asked."""

_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")


def asked_row_rank(question: str) -> tuple[int, str] | None:
    """The rank the question asks and the word it numbers ("le deuxième appel de fonds": 2,
    "appel"), or None: no ordinal, or more than one (a rank of several things is no one row)."""
    asked = asked_ordinals(question)
    if len(asked) != 1:
        return None
    rank, word = next(iter(asked))
    return (rank, word) if rank >= 1 else None


def numbers_word(texts: Sequence[str], word: str) -> bool:
    """Whether one of `texts` numbers `word` by an ordinal itself ("1re dose"): its rank is
    read there (asked_ordinals.ordinal_weights), not counted here."""
    return any(noun == word for text in texts for _, noun in ordinals_written(text))


def ranked_row(bank: SentenceBank, row: int, rank: int, word: str) -> int | None:
    """The sentence number of the `rank`-th row below the header row of the table whose row
    sentence `row` is, when its header row or the sentence just above the table names `word`
    (folded, a plural's final "s" off); None for no such table or row."""
    rows = rows_naming(bank, row, word)
    return None if rows is None or len(rows) < rank else rows[rank - 1]


def rows_naming(bank: SentenceBank, row: int, word: str) -> list[int] | None:
    """The sentence numbers of the rows below the header row of the table whose row sentence
    `row` is, when its header row or the sentence just above the table names `word` (folded, a
    plural's final "s" off); None for no such table."""
    found = table_rows(bank, row)
    if found is None:
        return None
    header, rows, first = found
    if not _names(bank, [header, *bank.preceding(first, 0, 1)], word):
        return None
    return rows


def table_rows(bank: SentenceBank, row: int) -> tuple[int, list[int], int] | None:
    """The header row's sentence number, the rows below it (no frame line) and the first
    sentence of the table whose row sentence `row` is; None for no such table (`rows_naming`,
    extreme_rows.py)."""
    table = bank.table_of(row)
    header = bank.table_header(row)
    if table is None or header is None:
        return None
    doc_id, start, end = table
    numbers, starts = bank.sentences.in_document(doc_id)
    inside = numbers[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
    rows = [n for n in inside if is_table_row(bank.text(n)) and not bank.is_table_frame(n)]
    return header, rows, inside[0]


def unheld_rank(
    bank: SentenceBank, row: int, question: str, asked: tuple[int, str]
) -> tuple[str, list[str]] | None:
    """For a question asking a rank (`asked`, its asked_row_rank: "le 5e appel de fonds")
    beyond the rows of the table naming the ranked word whose row sentence `row` is, the rank
    and word as the question writes them and each row's key cell (the rows it holds); None
    otherwise. Asked of a table that numbers no row by an ordinal of the word (the caller reads
    the candidates)."""
    rows = rows_naming(bank, row, asked[1])
    if rows is None or len(rows) >= asked[0]:
        return None
    keys = [key_cell(bank.text(n), bank.key_column(n)) for n in rows]
    return _as_asked(question, asked[1]), keys


QUOTED_ROW_REACH = 3
"""How many sentences after a quote a table row of it may stand: a lead-in line, the header
row and its rule ("Les appels de fonds … comme suit :", "| Date d'appel | Part |", "|---|")."""


def quoted_row(bank: SentenceBank, doc_id: str, span: tuple[int, int]) -> int | None:
    """The first table row (no header row nor rule) among the sentences of a quote of document
    `doc_id` at `span` (start, end) and the QUOTED_ROW_REACH after it: the row a quote of rows,
    or of a table's lead-in, stands for; None for none."""
    numbers, starts = bank.sentences.in_document(doc_id)
    place = max(0, bisect.bisect_right(starts, span[0]) - 1)
    stop = bisect.bisect_right(starts, span[1]) + QUOTED_ROW_REACH
    rows = (n for n in numbers[place:stop] if bank.table_of(n) and not bank.is_table_frame(n))
    return next(rows, None)


def _as_asked(question: str, word: str) -> str:
    """The question's ordinal and the word it numbers, as written ("5e appel"); the word alone
    when they are not next to each other."""
    found = list(_TOKEN.finditer(question))
    for before, after in itertools.pairwise(found):
        if fold(after.group()).removesuffix("s") == word and ordinals_written(before.group()):
            return question[before.start() : after.end()]
    return word


def _names(bank: SentenceBank, numbers: list[int], word: str) -> bool:
    """Whether one of the sentences at `numbers` writes `word` (folded, plural "s" off)."""
    return any(
        found.removesuffix("s") == word
        for number in numbers
        for found in _WORD.findall(fold(bank.text(number)))
    )
