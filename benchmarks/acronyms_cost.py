"""Print what deriving acronyms (acronyms.py) adds to a build: the time of finding each
document's candidates (acronyms.document_acronyms), adding them up and choosing the stored ones
(AcronymCounts), against the time of the rest of a document's tally (doctally.words_and_compounds
and BM25 tokenising, lexical.tokenize: what a build computed per document before), medians of a
few rounds in one run; and how many candidates the build held and how many acronyms it keeps.
Then the pruning past MAX_HELD (set to --held): documents of 210 candidates each counted twice,
--documents of them, added up with the pruning before (only candidates counted once dropped:
none here, so past MAX_HELD every document pruned again) and after (the MAX_HELD // 2 most
frequent kept): the time and the candidates held of each. Not a test; run it by hand:

    python benchmarks/acronyms_cost.py [--corpus DIR] [--files 3000] [--rounds 3]
        [--held 20000] [--documents 300]

The default folder is the bundled corpus (config.BUNDLED_CORPUS), small; a large folder
(evals/sets/pubmedqa/corpus, or a user's notes) gives steadier figures.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from fake_corpus import corpus_texts, median_seconds

from citeqa import acronyms
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


class OnceDropped(AcronymCounts):
    """The pruning before: past MAX_HELD, only the candidates counted once are dropped."""

    def add(self, document: Mapping[str, int]) -> None:
        self.counts.update(document)
        if len(self.counts) > acronyms.MAX_HELD:
            self.counts = Counter({key: n for key, n in self.counts.items() if n > 1})


def pruned(counts: AcronymCounts, documents: int) -> tuple[float, int]:
    """Seconds to add `documents` of 210 candidates each counted twice, and how many are held."""
    started = time.perf_counter()
    for n in range(documents):
        counts.add({f"K{n}-{k}\tform {n} {k}": 2 for k in range(210)})
    return time.perf_counter() - started, len(counts.counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--held", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.files)
    deriving = median_seconds(lambda: derive(texts), args.rounds)
    before = median_seconds(lambda: tally(texts), args.rounds)
    counts, chosen = derive(texts)
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    print(f"{len(counts.counts):,} candidates held, {len(chosen):,} acronyms kept")
    print(f"tally before {before:.3f}s, acronyms {deriving:.3f}s: after {before + deriving:.3f}s")
    print(f"ratio after / before {(before + deriving) / before:.3f}")
    acronyms.MAX_HELD = args.held
    old_seconds, old_held = pruned(OnceDropped(), args.documents)
    new_seconds, new_held = pruned(AcronymCounts(), args.documents)
    print(
        f"pruning past MAX_HELD={args.held:,}, {args.documents} documents of 210 candidates "
        f"counted twice: before {old_seconds:.2f}s, {old_held:,} held -> after "
        f"{new_seconds:.2f}s, {new_held:,} held (ratio {old_seconds / new_seconds:.1f})"
    )


if __name__ == "__main__":
    main()
