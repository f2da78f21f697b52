"""Print what reading names as code spells them (identifiers.code_text) costs a build: its time
over a folder's texts against the words-and-compounds pass it is part of (doctally), medians of
a few rounds in one run. Not a test; run it by hand:

    python benchmarks/code_text_cost.py [--corpus DIR] [--files 3000] [--rounds 5]

The default folder is the bundled corpus (config.BUNDLED_CORPUS), small; a large folder of
manual pages or API docs gives steadier figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fake_corpus import corpus_texts, median_seconds

from citeqa.config import BUNDLED_CORPUS
from citeqa.doctally import words_and_compounds
from citeqa.identifiers import code_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.files)
    chars = sum(map(len, texts))
    spelling = median_seconds(lambda: [code_text(text) for text in texts], args.rounds)
    tally = median_seconds(lambda: words_and_compounds(texts), args.rounds)
    print(f"{len(texts)} texts, {chars:,} characters")
    print(f"code_text {spelling:.3f}s, words_and_compounds (which includes it) {tally:.3f}s")
    print(f"ratio {spelling / tally:.3f}")


if __name__ == "__main__":
    main()
