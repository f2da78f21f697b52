"""Print the CPU seconds of cutting (chunk_document, then document_sentences over its chunks)
texts whose lines open with many blanks, at growing sizes: lines of 1,000 spaces then a
sentence, the same with tabs, lines of 60 spaces, and nested MkDocs admonitions (each
`!!! note` indented four spaces deeper than the last). A cost growing with the square of the
count means a line's judging is quadratic in its leading blanks (s22 hostile probe: 200 lines
of 1,000 spaces, 0.2 MB, took 94 s under load, language._TABLE_SEPARATOR backtracking over the
blanks in every window's lines). Not a test; run it by hand:

    python benchmarks/indented_lines_cost.py [--counts 50 100 200 400] [--rounds 1]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

from fake_corpus import cpu_median

from citeqa.chunking import chunk_document
from citeqa.models import Document
from citeqa.tallies import document_sentences


def padded(blank: str, width: int, count: int) -> str:
    """`count` lines, each `width` blanks then a sentence."""
    return "".join(f"{blank * width}Item {n} is stored in bay {n}.\n" for n in range(count))


def admonitions(count: int) -> str:
    """`count` MkDocs admonitions, each nested in the one above it, each with a sentence."""
    return "".join(
        f"{'    ' * n}!!! note\n{'    ' * (n + 1)}Item {n} is stored in bay {n}.\n\n"
        for n in range(count)
    )


def cut(text: str, suffix: str) -> None:
    """Chunk the text as a document of its type and split its chunks' sentences."""
    kind = suffix.lstrip(".")
    document = Document(doc_id="d", title="d", path=f"/d{suffix}", text=text, sha256="0", kind=kind)
    chunks = chunk_document(document)
    spans = [(number, chunk.start, chunk.end) for number, chunk in enumerate(chunks)]
    document_sentences(text, spans, document.kind)


SHAPES: dict[str, tuple[Callable[[int], str], str, int]] = {
    "lines of 1,000 spaces": (partial(padded, " ", 1000), ".txt", 1),
    "lines of 1,000 tabs": (partial(padded, "\t", 1000), ".txt", 1),
    "lines of 60 spaces": (partial(padded, " ", 60), ".txt", 12),
    "nested admonitions": (admonitions, ".md", 1),
}
"""Each shape: its text for a count, its file type, and how many times the count its lines are
(short lines cost less each, so more of them are timed)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[50, 100, 200, 400])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    for name, (make, suffix, scale) in SHAPES.items():
        for count in args.counts:
            text = make(count * scale)
            seconds = cpu_median(partial(cut, text, suffix), args.rounds)
            print(f"{name:>22} x{count * scale:>6} ({len(text) / 1e3:>7.1f} kB): {seconds:.3f} s")


if __name__ == "__main__":
    main()
