"""Print what deriving acronyms (acronyms.py) adds to a build: the time of finding each
document's candidates (acronyms.document_acronyms), adding them up and choosing the stored ones
(AcronymCounts), against the time of the rest of a document's tally (doctally.words_and_compounds
and BM25 tokenising, lexical.tokenize: what a build computed per document before), medians of a
few rounds in one run; and how many candidates the build held and how many acronyms it keeps.
Not a test; run it by hand:

    python benchmarks/acronyms_cost.py [--corpus DIR] [--files 3000] [--rounds 3]

The default folder is the bundled corpus (config.BUNDLED_CORPUS), small; a large folder
(evals/sets/pubmedqa/corpus, or a user's notes) gives steadier figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fake_corpus import corpus_texts, median_seconds

from citeqa.acronyms import AcronymCounts, document_acronyms
from citeqa.config import BUNDLED_CORPUS
from citeqa.doctally import words_and_compounds
from citeqa.lexical import tokenize


def derive(texts: list[str]) -> tuple[AcronymCounts, list[list[str]]]:
    """The candidates of `texts` added up, and the acronyms chosen (none written as words)."""
    counts = AcronymCounts()
    for text in texts:
        counts.add(document_acronyms(text))
    return counts, counts.chosen(lambda word: 0)


def tally(texts: list[str]) -> None:
    """What a build computed per document before acronyms: words, compounds and BM25 tokens."""
    for text in texts:
        words_and_compounds([text])
        tokenize(text, "en")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.files)
    acronyms = median_seconds(lambda: derive(texts), args.rounds)
    before = median_seconds(lambda: tally(texts), args.rounds)
    counts, chosen = derive(texts)
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    print(f"{len(counts.counts):,} candidates held, {len(chosen):,} acronyms kept")
    print(f"tally before {before:.3f}s, acronyms {acronyms:.3f}s: after {before + acronyms:.3f}s")
    print(f"ratio after / before {(before + acronyms) / before:.3f}")


if __name__ == "__main__":
    main()
