"""Print what reading the corpus's initials (corpus_initials.CorpusInitials.of) costs the first
question that writes an acronym the corpus never writes (read once an index, then kept): its
CPU time against the CPU time of a build's tally of the same texts (doctally.words_and_compounds and
BM25 tokenising, lexical.tokenize), medians of a few rounds in one run, and the size of what it
keeps; then a look-up (`spells`) of an acronym the corpus does not spell out, the per-question
cost after. The texts are the folder's, repeated --copies times for a large corpus. Not a test;
run it by hand:

    python benchmarks/corpus_initials_cost.py [--corpus DIR] [--files 3000] [--copies 1]
        [--rounds 3]

The default folder is the bundled corpus (config.BUNDLED_CORPUS), small; evals/sets/pubmedqa/
corpus with --copies 20 is a large one (40 MB).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fake_corpus import corpus_texts, cpu_median

from citeqa.config import BUNDLED_CORPUS
from citeqa.corpus_initials import CorpusInitials
from citeqa.doctally import words_and_compounds
from citeqa.lexical import tokenize


def tally(texts: list[str]) -> None:
    """What a build computes per document anyway: words, compounds and BM25 tokens."""
    for text in texts:
        words_and_compounds([text])
        tokenize(text, "en")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.files) * args.copies
    reading = cpu_median(lambda: CorpusInitials.of(texts), args.rounds)
    tallying = cpu_median(lambda: tally(texts), args.rounds)
    initials = CorpusInitials.of(texts)
    started = time.perf_counter()
    rounds = 100
    for _ in range(rounds):
        initials.spells("QXZJW")
    look_up = (time.perf_counter() - started) / rounds
    kept = len(initials.every_word) + len(initials.content_words)
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    print(f"initials kept: {kept:,} characters, {len(initials.dotted):,} dotted forms")
    print(f"build tally {tallying:.3f}s, initials read once {reading:.3f}s (CPU)")
    print(f"ratio initials / tally {reading / tallying:.3f}")
    print(f"one look-up after {look_up * 1000:.2f} ms")


if __name__ == "__main__":
    main()
