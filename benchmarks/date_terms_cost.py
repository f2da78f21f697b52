"""Print what finding dates (dates.date_terms) costs BM25 tokenising (lexical.tokenize, which
calls it): its time over a folder's texts, cut into passage-sized pieces, against tokenize's,
medians of a few rounds in one run. Not a test; run it by hand:

    python benchmarks/date_terms_cost.py [--corpus DIR] [--files 3000] [--piece 1200] [--rounds 5]

The default folder is the bundled corpus (config.BUNDLED_CORPUS), small; a large folder
(evals/sets/pubmedqa/corpus) gives steadier figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fake_corpus import corpus_texts, median_seconds

from citeqa.config import BUNDLED_CORPUS
from citeqa.dates import date_terms
from citeqa.lexical import fold, tokenize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--piece", type=int, default=1200, help="characters a passage")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.files)
    pieces = [t[i : i + args.piece] for t in texts for i in range(0, len(t), args.piece)]
    folded = [fold(piece) for piece in pieces]
    dates = median_seconds(lambda: [date_terms(piece) for piece in folded], args.rounds)
    tokens = median_seconds(lambda: [tokenize(piece, "en") for piece in pieces], args.rounds)
    found = sum(len(date_terms(piece)) for piece in folded)
    print(f"{len(texts)} texts, {len(pieces)} pieces, {sum(map(len, pieces)):,} characters")
    print(
        f"{found} date terms; date_terms {dates:.3f}s, tokenize (which includes it) {tokens:.3f}s"
    )
    print(f"ratio {dates / tokens:.3f}")


if __name__ == "__main__":
    main()
