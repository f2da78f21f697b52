"""Print what the quoted-row check (unheld_cells.unheld_cell) costs on one answer quoting a row
of a long markdown table (what the readers make of a CSV): the whole table is read, split and
each checked column's words folded once; and what the record cell step (record_cells.
asked_record_cell) costs on the same answer, which reads the table's shape (column_records.py)
and finds its records are rows. Not a test; run it by hand:

    python benchmarks/unheld_cell_cost.py [--rows 1000 10000 50000] [--rounds 3]

The question asks a value no sibling row fits ("for the kids"), so every column of the quoted
row is looked at: the check's slowest path short of abstaining.
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.models import Citation, Document
from citeqa.record_cells import asked_record_cell
from citeqa.unheld_cells import unheld_cell

NAMES = ("Emma", "Leo", "Chloe", "Julien")
QUESTION = "How much of the dentist crown was reimbursed by the mutual insurance plan for the kids?"


def claims(rows: int) -> tuple[list[Citation], dict[str, Document]]:
    """A claims table of `rows` rows and a citation of its first data row."""
    lines = ["| Date | Beneficiary | Item | Category | Amount |", "|---|---|---|---|---|"]
    for i in range(rows):
        lines.append(
            f"| 2025-03-{i % 28 + 1:02d} | {NAMES[i % 4]} | Dentist crown {i} | Health care | {i} |"
        )
    text = "\n".join(lines) + "\n"
    start = text.index("| 2025-03-01 | Emma |")
    end = text.index("\n", start)
    document = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")
    citation = Citation(
        n=1, doc_id="d", title="d", path="/d.md", start=start, end=end, quote=text[start:end]
    )
    return [citation], {"d": document}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for rows in args.rows:
        answer = claims(rows)
        seconds = median_seconds(partial(unheld_cell, QUESTION, *answer), args.rounds)
        record = median_seconds(partial(asked_record_cell, QUESTION, *answer), args.rounds)
        print(f"{rows:,} rows: {seconds * 1000:.1f} ms, record cell step {record * 1000:.1f} ms")


if __name__ == "__main__":
    main()
