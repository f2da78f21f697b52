"""Print what reading the question terms a whole document writes costs (disagreement.py: a
document another version may come from, lexical.written_terms) on one large document: each
word occurrence stemmed (lexical.query_tokens over the text, as before) against each distinct
word stemmed once (written_terms, with and without the dates' terms), one run, and check both
give the same terms. Not a test; run it by hand:

    python benchmarks/written_terms_cost.py [--corpus DIR] [--megabytes 10] [--rounds 1]

The document is the folder's texts (default the bundled corpus) repeated to the size asked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fake_corpus import corpus_texts, median_seconds

from citeqa.config import BUNDLED_CORPUS
from citeqa.lexical import query_tokens, written_terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    texts = "\n\n".join(corpus_texts(args.corpus, 3000))
    size = int(args.megabytes * 1_000_000)
    document = (texts * (size // max(len(texts), 1) + 1))[:size]
    before = median_seconds(lambda: frozenset(query_tokens(document)), args.rounds)
    after = median_seconds(lambda: written_terms(document), args.rounds)
    undated = median_seconds(lambda: written_terms(document, dates=False), args.rounds)
    same = frozenset(query_tokens(document)) == written_terms(document)
    print(f"document {len(document):,} characters; same terms: {same}")
    print(f"every word stemmed {before:.2f}s -> each distinct word once {after:.2f}s")
    print(f"ratio {before / after:.1f}x; no date asked (dates=False): {undated:.2f}s")


if __name__ == "__main__":
    main()
