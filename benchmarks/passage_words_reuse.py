"""Print what counting the passage words (stored_words.WordCounts: the words a bilingual
corpus's build embeds) costs a build of a generated corpus of --chunks passages (--per-document
a document), all in one run:
- before: the chunk pass counted every passage of every build (a kept document's too);
- now: a build that stores no words (one language, or no multilingual channel) counts none; one
  that stores them counts the chunks read back from chunks.jsonl (contents._store_words);
- the carrying alternative not taken: each document's counts stored in its tallies line and
  added up by an update: its size, and its time to read back and add up.
Not a test; run it by hand:

    python benchmarks/passage_words_reuse.py [--chunks 50000] [--per-document 20]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from citeqa.jsonlines import LineReader, jsonl_writer
from citeqa.models import Chunk
from citeqa.stored_words import WordCounts

WORDS_PER_CHUNK = 120


def documents(chunks: int, per_document: int) -> list[list[Chunk]]:
    """Generated passages: words of a 40,000-word vocabulary drawn as a text's are (the n-th
    most frequent 1/n as often), a tenth written capitalised."""
    chooser = random.Random(27)
    letters = "abcdeéfghijklmnopqrstuvwxyzè"
    vocabulary = ["".join(chooser.choices(letters, k=chooser.randint(4, 11))) for _ in range(40000)]
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(vocabulary) + 1)))
    made = []
    for first in range(0, chunks, per_document):
        document = []
        for number in range(first, min(first + per_document, chunks)):
            words = chooser.choices(vocabulary, cum_weights=weights, k=WORDS_PER_CHUNK)
            text = " ".join(word.capitalize() if chooser.random() < 0.1 else word for word in words)
            document.append(
                Chunk(chunk_id=f"c{number}", doc_id=f"d{first}", text=text, start=0, end=len(text))
            )
        made.append(document)
    return made


def carried(corpus: list[list[Chunk]]) -> tuple[list[bytes], float, int]:
    """Each document's counts as a tallies line would store them, the seconds to read them all
    back and add them up, and the words chosen's count."""
    lines = []
    for document in corpus:
        own = WordCounts()
        for chunk in document:
            own.add(chunk)
        forms = own._written.forms
        lines.append(json.dumps([(w, own._passages[w], dict(forms[w])) for w in forms]).encode())
    start = time.perf_counter()
    passages: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for line in lines:
        for word, count, shapes in json.loads(line):
            passages[word] += count
            written.setdefault(word, Counter()).update(shapes)
    return lines, time.perf_counter() - start, len(written)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=50000)
    parser.add_argument("--per-document", type=int, default=20)
    args = parser.parse_args()
    corpus = documents(args.chunks, args.per_document)

    start = time.perf_counter()
    before = WordCounts()
    for document in corpus:
        for chunk in document:
            before.add(chunk)
    counted = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chunks.jsonl"
        with jsonl_writer(path) as out:
            for document in corpus:
                for chunk in document:
                    out.write(chunk)
        start = time.perf_counter()
        now = WordCounts()
        for chunk in LineReader(path, Chunk).each():
            now.add(chunk)
        read_back = time.perf_counter() - start

    lines, added, words = carried(corpus)
    print(f"{args.chunks:,} passages in {len(corpus):,} documents, {len(before.chosen()):,} words")
    print(f"  before, every build (the chunk pass counting each passage): {counted:.2f} s")
    print("  now, a build storing no words (one language, no multilingual channel): 0.00 s")
    print(f"  now, a build storing them (chunks read back and counted): {read_back:.2f} s")
    print(f"  same words chosen: {now.chosen() == before.chosen()}")
    print(f"  carried instead, an update's reading back and adding up: {added:.2f} s")
    print(f"  carried, its tallies lines: {sum(map(len, lines)) / 1e6:.1f} MB ({words:,} words)")


if __name__ == "__main__":
    main()
