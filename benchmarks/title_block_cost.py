"""Print what reading every sentence of a one-line document as a title or not costs
(titleonly.only_title), at growing sizes: a line of one word repeated, its title the line's
opening (a title block's every sentence opens with it). Until session 50 each sentence counted
the line breaks from the document's opening to its start (quadratic: 13 s for 1,000,000 words,
the s50 hostile probe's "lupus lupus …" question); since, where the title block ends is read
once a document. Run it with the PYTHONPATH of both versions and compare the seconds and how
they grow with the size (2x the words: 2x the time when linear, 4x when quadratic). CPU
seconds, the document cut as a build cuts it first (not timed). Not a test; run it by hand:

    python benchmarks/title_block_cost.py [--words 250000 500000 1000000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import cpu_median

from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences
from citeqa.titleonly import only_title


def bank_of(words: int) -> SentenceBank:
    """A bank of one .txt document: "lupus " `words` times on one line, cut as a build cuts it."""
    text = "lupus " * words
    doc = Document(doc_id="d", title=text[:40].strip(), path="/d.txt", text=text, sha256="0")
    chunks = list(chunk_document(doc))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], "txt")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    return SentenceBank({"d": doc}, chunks, sentences, None, [frozenset() for _ in sentences])


def read_all(banks: list[SentenceBank]) -> None:
    """Every sentence of a fresh bank (a bank remembers what it read) read once."""
    bank = banks.pop()
    for index in range(len(bank.sentences)):
        only_title(bank, index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[250_000, 500_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    before = None
    for words in args.words:
        banks = [bank_of(words) for _ in range(args.rounds)]
        count = len(banks[0].sentences)
        seconds = cpu_median(partial(read_all, banks), args.rounds)
        grown = "" if before is None else f", {seconds / before:.1f}x the size before"
        print(f"{words:,} words, {count:,} sentences: {seconds:.3f} s CPU{grown}")
        before = seconds


if __name__ == "__main__":
    main()
