"""Print what reading a long PDF costs (readers/pdf.py, its margins dropped by pdfmargins.py):
a slide deck whose every slide ends with a footer, a date and its number, and a paper with a
running header and a "page N of M" footer, each of P pages made by tests/pdf_files.py. CPU
seconds, medians of a few rounds, and how many footer lines the text still holds. Run it with
the source to measure (PYTHONPATH), from the repository's root, to compare two versions:

    PYTHONPATH=src python benchmarks/pdf_deck_read.py [--pages 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from fake_corpus import cpu_median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/pdf_files.py

from tests.pdf_files import Line, sized_pdf

from citeqa.readers.pdf import PdfFileReader

DECK_FOOTER = "Acme Ops \xb7 Confidential \xb7 Q3 2025 review"
PAPER_HEADER = "Journal of Plant Methods - Vol. 12 (2025) - 41-47"


def deck(pages: int) -> bytes:
    """A deck of `pages` slides: a title, four bullets, the footer, a date, the number."""
    slides: list[list[Line]] = []
    for number in range(1, pages + 1):
        bullets = [(18, f"Point {bullet} of slide {number} about the renewals.") for bullet in "ab"]
        bullets += [(18, f"Figure {number * 3} rose by {number % 7} points.")] * 2
        footer = [(10, DECK_FOOTER), (10, "30/09/2025"), (10, str(number))]
        slides.append([(28, f"Slide title {number}"), *bullets, *footer])
    return sized_pdf(slides)


def paper(pages: int) -> bytes:
    """A paper of `pages` pages: the journal's header, 40 lines of text, a small footer."""
    return sized_pdf([paper_page(number, pages) for number in range(1, pages + 1)])


def paper_page(number: int, pages: int) -> list[Line]:
    """One page of the paper: its header, lines of its own, its footer."""
    body = [
        (10, f"Line {row} of page {number}, where sample {row * number} was read.")
        for row in range(40)
    ]
    return [(8, PAPER_HEADER), *body, (8, f"J Plant Methods 12: page {number} of {pages}")]


def read(raw: bytes, name: str) -> str:
    return PdfFileReader().extract(raw, name).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for name, raw, footer in (
        ("deck", deck(args.pages), DECK_FOOTER),
        ("paper", paper(args.pages), "J Plant Methods 12: page"),
    ):
        seconds = cpu_median(functools.partial(read, raw, name), args.rounds)
        text = read(raw, name)
        print(
            f"{name}, {args.pages} pages ({len(raw) / 1e3:.0f} KB): {seconds:.3f} s CPU,"
            f" {len(text):,} characters, footer lines left: {text.count(footer)}"
        )


if __name__ == "__main__":
    main()
