"""Print what finding boilerplate (boilerplate.py) adds to a build: the time of keying each
document's lines (boilerplate.document_lines), blanking the lines it repeats for its language
(own_boilerplate_blanked), adding them up and choosing the stored ones (LineCounts), against the
time of the rest of a document's tally (doctally.words_and_compounds and BM25 tokenising,
lexical.tokenize), medians of a few rounds in one run; how many lines were held and kept; and
the peak memory of keying one document of --distinct distinct lines (at most MAX_DOCUMENT_KEYS
keyed), and of a document's whole tally (doctally.measure, its lines keyed once and its own
repeated lines blanked from those keys) over --measured distinct lines.
Not a test; run it by hand:

    python benchmarks/boilerplate_cost.py [--corpus DIR] [--files 3000] [--rounds 3]
        [--distinct 1000000] [--measured 300000]

The default folder is the bundled corpus (config.BUNDLED_CORPUS), small; a large folder
(evals/sets/pubmedqa/corpus, or a user's mail) gives steadier figures.
"""

from __future__ import annotations

import argparse
import tracemalloc
from pathlib import Path

from fake_corpus import corpus_texts, median_seconds

from citeqa.boilerplate import LineCounts, document_lines, own_boilerplate_blanked
from citeqa.config import BUNDLED_CORPUS
from citeqa.doctally import measure, words_and_compounds
from citeqa.lexical import tokenize
from citeqa.models import Document
from citeqa.tallies import document_sentences


def derive(texts: list[str]) -> LineCounts:
    """The keyed lines of `texts` added up, each text blanked for its language as a build does."""
    counts = LineCounts()
    for text in texts:
        lines = document_lines(text)
        counts.add(lines)
        own_boilerplate_blanked(text, lines)
    return counts


def tally(texts: list[str]) -> None:
    """What a build computed per document before: words, compounds and BM25 tokens."""
    for text in texts:
        words_and_compounds([text])
        tokenize(text, "en")


def distinct_lines(distinct: int) -> str:
    """A log of `distinct` distinct keyed lines."""
    return "".join(f"log record {n} written by the service worker ok\n" for n in range(distinct))


def keying_peak(distinct: int) -> tuple[int, float]:
    """The keys of one document of `distinct` distinct lines, and the peak MB of keying it."""
    text = distinct_lines(distinct)
    tracemalloc.start()
    keys = len(document_lines(text))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return keys, peak / 1e6


def measure_peak(distinct: int) -> float:
    """The peak MB of doctally.measure over one document of `distinct` distinct lines, its
    sentences found before (tallies.document_sentences, not counted)."""
    text = distinct_lines(distinct)
    doc = Document(doc_id="log", title="log", path="/log.txt", text=text, sha256="0")
    found = document_sentences(text, [(0, 0, len(text))], "txt")
    tracemalloc.start()
    measure(doc, [(0, len(text), "en")], found, "benchmark")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--distinct", type=int, default=1_000_000)
    parser.add_argument("--measured", type=int, default=300_000)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.files)
    deriving = median_seconds(lambda: derive(texts), args.rounds)
    before = median_seconds(lambda: tally(texts), args.rounds)
    counts = derive(texts)
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    print(f"{len(counts.documents):,} lines held, {len(counts.chosen()):,} boilerplate lines kept")
    print(
        f"tally before {before:.3f}s, boilerplate {deriving:.3f}s: after {before + deriving:.3f}s"
    )
    print(f"ratio after / before {(before + deriving) / before:.3f}")
    keys, peak = keying_peak(args.distinct)
    print(f"one document of {args.distinct:,} distinct lines: {keys:,} keyed, peak {peak:.0f} MB")
    text_mb = len(distinct_lines(args.measured)) / 1e6
    print(
        f"doctally.measure of one document of {args.measured:,} distinct lines ({text_mb:.0f} MB):"
        f" peak {measure_peak(args.measured):.0f} MB"
    )


if __name__ == "__main__":
    main()
