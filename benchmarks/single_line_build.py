"""Print the seconds per MB of indexing one single-line text (no punctuation, no newline) of
0.25, 0.5, 1 and 2 MB, and each size's CPU seconds per MB as a ratio to the smallest's: flat
figures (ratios near 1) mean a linear build, rising ones a step that grows faster than the
text. Not a test; run it by hand:

    python benchmarks/single_line_build.py [--sizes 0.25 0.5 1 2] [--embedder hash|use]

The s8 user trial indexed a 5 MB such file (5,837 chunks) in 181 s and asked whether a step of
the build is quadratic on a text without sentence ends. Each row builds, from scratch, a corpus
of that one file and prints the whole build's seconds per MB, its stages' (from the build's
progress reports: reading, chunking, each embedding pass, lexical, writing) and, timed apart on
the same text, chunking (chunk_document, with table and heading detection) and sentence
splitting (document_sentences), as CPU seconds per MB. `--embedder hash` (the default)
embeds with benchmarks/scale.py's hashed bag of words, so the figures are citeqa's own;
`--embedder use` with the real model, whose time is most of a build's (each chunk of such a
text is its only sentence: embedded once since session 8, its vector copied to the sentence;
before, twice: about 30 s per MB). Before/after: run it with PYTHONPATH on each tree.
The s20 hostile probe found a one-line 50 MB text unindexed after 25 minutes: each chunk's
table-header lookup (tables.TableHeaders) searched and tested the whole line it opens on, so
chunking cost chunks x line length; the line is now read once (s21), and the ratios stay flat.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale

WORDS = [
    "office",
    "budget",
    "policy",
    "lunch",
    "desk",
    "leave",
    "server",
    "alpha",
    "meeting",
    "report",
    "contract",
    "holiday",
    "printer",
    "badge",
    "parking",
    "invoice",
    "travel",
    "training",
    "laptop",
    "access",
    "schedule",
    "review",
]


def single_line(size: int, seed: int = 0) -> str:
    """`size` characters of words separated by spaces: no punctuation, no newline."""
    rng = random.Random(seed)
    words, length = [], 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def stage_times(
    corpus: Path, index: Path, channel: str
) -> tuple[float, float, dict[str, float], int]:
    """The build's wall and CPU seconds (all its threads), each stage's wall seconds (first
    report to the next stage's), and its chunks."""
    from citeqa.api import build_index
    from citeqa.config import Settings

    marks: list[tuple[str, float]] = []

    def progress(stage: str, done: int, total: int) -> None:
        del done, total
        if not marks or marks[-1][0] != stage:
            marks.append((stage, time.perf_counter()))

    began, cpu = time.perf_counter(), time.process_time()
    settings = Settings(corpus_dir=corpus, index_dir=index, channels=(channel,))
    report = build_index(settings, rebuild=True, progress=progress)
    ended, cpu = time.perf_counter(), time.process_time() - cpu
    stages: dict[str, float] = {}
    for (stage, start), (_, end) in zip(marks, [*marks[1:], ("", ended)], strict=True):
        stages[stage] = stages.get(stage, 0.0) + end - start
    return ended - began, cpu, stages, report.chunks


def text_stages(text: str) -> tuple[float, float, int]:
    """CPU seconds to chunk `text` and to split its chunks into sentences, and the sentences
    (CPU time: the wall time of a shared machine moves with the others' load)."""
    from citeqa.chunking import chunk_document
    from citeqa.models import Document
    from citeqa.tallies import document_sentences

    doc = Document(doc_id="one", title="one", path="/one.txt", kind="txt", text=text, sha256="")
    began = time.process_time()
    chunks = chunk_document(doc)
    chunked = time.process_time()
    spans = [(n, c.start, c.end) for n, c in enumerate(chunks)]
    found = document_sentences(text, spans, doc.kind)
    return chunked - began, time.process_time() - chunked, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0, 2.0])
    parser.add_argument("--embedder", choices=("hash", "use"), default="hash")
    args = parser.parse_args()
    channel = scale.HashEmbedder.name if args.embedder == "hash" else "use"
    scale.register()
    print(f"embedder {channel}; seconds per MB (flat = linear; CPU: robust to others' load)")
    _size_row(0.01, channel)  # imports and first-call costs, kept out of the ratios
    per_mb: list[float] = []
    for megabytes in args.sizes:
        per_mb.append(_size_row(megabytes, channel))
    ratios = "  ".join(
        f"{size:g} MB x{value / per_mb[0]:.2f}"
        for size, value in zip(args.sizes, per_mb, strict=True)
    )
    print(f"build CPU s/MB as a ratio to {args.sizes[0]:g} MB's: {ratios}")


def _size_row(megabytes: float, channel: str) -> float:
    """Build a corpus of one single-line text of `megabytes` MB, print its row and return the
    build's CPU seconds per MB."""
    text = single_line(int(megabytes * 1_000_000))
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        (corpus / "one-line.txt").write_text(text, encoding="utf-8")
        seconds, cpu, stages, chunks = stage_times(corpus, Path(folder) / "index", channel)
    chunking, splitting, sentences = text_stages(text)
    per_mb = {stage: f"{value / megabytes:.2f}" for stage, value in stages.items()}
    print(
        f"{megabytes:5.2f} MB  {chunks:5d} chunks {sentences:5d} sentences  build"
        f" {seconds:6.2f} s wall = {seconds / megabytes:6.2f} s/MB, CPU"
        f" {cpu / megabytes:6.2f} s/MB  chunk_document {chunking / megabytes:.2f} CPU s/MB"
        f"  sentences {splitting / megabytes:.3f} CPU s/MB  stages wall s/MB {per_mb}",
        flush=True,
    )
    return cpu / megabytes


if __name__ == "__main__":
    main()
