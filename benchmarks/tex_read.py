"""Print what reading and cutting a 2 MB LaTeX source costs (readers/tex.py, then the cutting
into chunks and the sentences a build indexes: chunking.chunk_document, tallies.document_sentences
with the `%` comments left out), beside the same text read as a .txt file in the same run.
Not a test; run it by hand:

    python benchmarks/tex_read.py [--megabytes 2]
"""

from __future__ import annotations

import argparse
import time

from citeqa.chunking import chunk_document
from citeqa.models import Document
from citeqa.readers import reader_for
from citeqa.tallies import document_sentences

_SECTION = (
    "\\section{Results of run {n}}\n"
    "\\label{sec:run{n}}\n"
    "The model reached an error of 4.{n} units on the held-out days. % check the units\n"
    "We kept 50\\% of the stations, and the mean load was $0.{n}$ per hour.\n"
    "% A whole-line comment about run {n}.\n"
    "\\begin{itemize}\n"
    "  \\item The busiest station was number {n}.\n"
    "  \\item The \\textbf{quietest} one closed early \\cite{ref{n}}.\n"
    "\\end{itemize}\n\n"
)


def _source(megabytes: float) -> str:
    parts, size, n = ["\\documentclass{article}\n\\title{Runs}\n\\begin{document}\n"], 0, 0
    while size < megabytes * 1_000_000:
        parts.append(_SECTION.replace("{n}", str(n)))
        size += len(parts[-1])
        n += 1
    return "".join(parts) + "\\end{document}\n"


def _seconds(text: str, suffix: str) -> tuple[float, int]:
    """Seconds to read, cut and find the sentences of `text` as a file ending in `suffix`."""
    reader = reader_for(suffix)
    assert reader is not None
    start = time.perf_counter()
    extracted = reader.extract(text, f"draft{suffix}")
    document = Document(
        doc_id="d", title="t", path=f"/d{suffix}", text=extracted.text, sha256="0", kind=reader.kind
    )
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    rows = document_sentences(document.text, chunks, reader.kind)
    return time.perf_counter() - start, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0)
    args = parser.parse_args()
    text = _source(args.megabytes)
    tex, tex_rows = _seconds(text, ".tex")
    txt, txt_rows = _seconds(text, ".txt")
    print(f"{len(text) / 1e6:.1f} MB LaTeX source")
    print(f"as .tex: {tex:.2f} s, {tex_rows} sentences; as .txt: {txt:.2f} s, {txt_rows} sentences")
    print(f"ratio tex / txt: {tex / txt:.3f}")


if __name__ == "__main__":
    main()
