"""Print what the quoted-row check (unheld_cells.unheld_cell) costs on one answer quoting a row
of a long markdown table (what the readers make of a CSV): the whole table is read, split and
each checked column's words folded once; and what the record cell step (record_cells.
asked_record_cell) costs on the same answer, which reads the table's shape (column_records.py)
and finds its records are rows; and what the empty cell step (empty_cells.empty_asked_cell)
costs on a members table of as many rows whose quoted row the question names and whose asked
cell is empty: its slowest path, the whole table's words read. Not a test; run it by hand:

    python benchmarks/unheld_cell_cost.py [--rows 1000 10000 50000] [--rounds 3]

The question asks a value no sibling row fits ("for the kids"), so every column of the quoted
row is looked at: the check's slowest path short of abstaining. With `--distinct`, every row's
beneficiary is another name (letters only: "Emmabcd"), so each asked word is looked up among
as many words of that column; the lookup is also timed alone, as it ran before (rapidfuzz's
ratio called on each word of the column, in Python) and as it runs now (alike_words.alike_among,
the column scored in one call), with the ratio.
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds
from rapidfuzz import fuzz

from citeqa.alike_words import ALIKE, FUZZY_LENGTH, alike_among
from citeqa.empty_cells import empty_asked_cell
from citeqa.lexical import fold
from citeqa.models import Citation, Document
from citeqa.record_cells import asked_record_cell
from citeqa.unheld_cells import unheld_cell

NAMES = ("Emma", "Leo", "Chloe", "Julien")
QUESTION = "How much of the dentist crown was reimbursed by the mutual insurance plan for the kids?"


ASKED = ("reimbursed", "mutual", "insurance", "plan", "kids")
"""The words of `QUESTION` no cell of the quoted row writes: each is looked up in its columns."""


def beneficiary(i: int, distinct: bool) -> str:
    """The `i`th row's beneficiary: one of four, or another name for each row."""
    if not distinct:
        return NAMES[i % 4]
    letters = ""
    while True:
        i, letter = divmod(i, 26)
        letters += chr(ord("a") + letter)
        if not i:
            return NAMES[len(letters) % 4] + letters


def claims(rows: int, distinct: bool = False) -> tuple[list[Citation], dict[str, Document]]:
    """A claims table of `rows` rows and a citation of its first data row."""
    lines = ["| Date | Beneficiary | Item | Category | Amount |", "|---|---|---|---|---|"]
    for i in range(rows):
        name = beneficiary(i, distinct)
        lines.append(
            f"| 2025-03-{i % 28 + 1:02d} | {name} | Dentist crown {i} | Health care | {i} |"
        )
    text = "\n".join(lines) + "\n"
    start = text.index("| 2025-03-01 |")
    end = text.index("\n", start)
    document = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")
    citation = Citation(
        n=1, doc_id="d", title="d", path="/d.md", start=start, end=end, quote=text[start:end]
    )
    return [citation], {"d": document}


MEMBER_QUESTION = "What is the medical certificate date of Ada Quinn?"


def members(rows: int) -> tuple[list[Citation], dict[str, Document]]:
    """A members table of `rows` rows and a citation of Ada Quinn's, her certificate cell empty."""
    lines = ["| Last name | First name | Team | Medical certificate date |", "|---|---|---|---|"]
    lines += [f"| Name{i} | First{i} | U{i % 20} | 2025-09-{i % 28 + 1:02d} |" for i in range(rows)]
    lines.append("| Quinn | Ada | U11 |  |")
    text = "\n".join(lines) + "\n"
    start = text.index("| Quinn |")
    end = text.index("\n", start)
    document = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")
    citation = Citation(
        n=1, doc_id="d", title="d", path="/d.md", start=start, end=end, quote=text[start:end]
    )
    return [citation], {"d": document}


def looked_up_before(column: list[str]) -> int:
    """The asked words' lookup in a column's words as unheld_cells ran it before: each word of
    the column compared in Python (its `_same`: equal, or both long and `ALIKE`)."""
    found = 0
    for word in ASKED:
        for other in column:
            long = len(word) >= FUZZY_LENGTH and len(other) >= FUZZY_LENGTH
            found += word == other or (long and fuzz.ratio(word, other) >= ALIKE)
    return found


def looked_up_now(column: list[str]) -> int:
    """The same lookup as it runs now: the column scored in one call per asked word."""
    return sum(len(alike_among(word, column)) for word in ASKED)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--distinct", action="store_true", help="another beneficiary each row")
    args = parser.parse_args()
    for rows in args.rows:
        answer = claims(rows, args.distinct)
        seconds = median_seconds(partial(unheld_cell, QUESTION, *answer), args.rounds)
        record = median_seconds(partial(asked_record_cell, QUESTION, *answer), args.rounds)
        member = members(rows)
        assert empty_asked_cell(MEMBER_QUESTION, *member) is not None  # the slowest path
        empty = median_seconds(partial(empty_asked_cell, MEMBER_QUESTION, *member), args.rounds)
        column = sorted({fold(beneficiary(i, args.distinct)) for i in range(rows)})
        before = median_seconds(partial(looked_up_before, column), args.rounds)
        now = median_seconds(partial(looked_up_now, column), args.rounds)
        assert looked_up_before(column) == looked_up_now(column)  # the same words found
        print(
            f"{rows:,} rows: check {seconds * 1000:.1f} ms, record cell step "
            f"{record * 1000:.1f} ms, empty cell step {empty * 1000:.1f} ms; "
            f"lookup in {len(column):,} words: before "
            f"{before * 1000:.1f} ms, now {now * 1000:.1f} ms, {before / now:.1f}x faster"
        )


if __name__ == "__main__":
    main()
