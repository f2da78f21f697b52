"""Print what offering the documents' spelling of a misspelt word ("Did you mean “default”?",
spelling_hints.py) adds to a question: the second lookup the analysis makes for a word
the corpus never uses (Vocabulary.likely_spelling: at most two letters added or dropped),
timed against the analysis without it (as before) in turn in one process,
and the sentence the abstention then writes from the closest passages' texts (here the first
CLOSEST chunks of the index that write a word offered, else its first CLOSEST: what matters is
reading five passages' words). Not a test; run it by hand:

    python benchmarks/typo_hints.py --index DIR [--index DIR ...] [--rounds 30]

Each index is opened as `citeqa ask` opens it (its stored words, by first letter: nothing is
scanned but the words of one initial per looked-up word). The median over rounds of each
question's analysis is printed, before and after, with the added milliseconds and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from citeqa.abstention import not_answered
from citeqa.glossary import fold
from citeqa.prepared import knowledge_of, vocabulary_of
from citeqa.questions import QuestionTerms, Vocabulary, analyse, folded_words
from citeqa.spelling_hints import did_you_mean
from citeqa.store import LoadedIndex, load_index

CLOSEST = 5
"""How many passages an abstention lists (settings.k's default), whose words the message reads."""

QUESTIONS = [
    "Wat is teh defualt timout of lumen sesions?",
    "How do I configre the retension of backups?",
    "Quelle est la duree de retension des sauvegardes par defaut ?",
    "What does the qwertyuiop flag zxcvbnm do?",
]


def median_ms(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return 1000 * statistics.median(times)


def measure(index_dir: Path, rounds: int) -> None:
    index = load_index(index_dir)
    vocabulary = vocabulary_of(index, knowledge_of(index))
    words = sum(len(group) for group in vocabulary.by_initial.values())
    print(f"{index_dir}: {len(index.documents)} documents, {words} corpus words")
    print("  question | before ms | after ms | added ms | ratio | message | offered")
    for question in QUESTIONS:
        before, after = [], []
        for _ in range(rounds):  # before and after in turn, so both see the same load
            before.append(median_ms(partial(_analysed_before, question, vocabulary), 1))
            after.append(median_ms(partial(analyse, question, None, vocabulary), 1))
        terms = analyse(question, None, vocabulary)
        closest = _closest(index, terms).copy  # found once, outside the timing
        message = median_ms(partial(did_you_mean, terms, "en", closest), rounds)
        early, late = statistics.median(before), statistics.median(after)
        offered = did_you_mean(terms, "en", closest) or "-"
        print(
            f"  {question[:40]:40} | {early:8.2f} | {late:8.2f} | {late - early:+8.2f} |"
            f" {late / early:5.2f} | {message:7.3f} | {offered}"
        )
        print(f"      reason: {not_answered(terms, 'en', closest=closest)}")


def _closest(index: LoadedIndex, terms: QuestionTerms) -> list[str]:
    """Stand-ins for the closest passages: the first CLOSEST chunks whose words hold a
    candidate spelling of the question's words, else the index's first CLOSEST chunks."""
    wanted = set(terms.typos.values())
    holding = [c.text for c in index.chunks if wanted & set(folded_words(fold(c.text)))]
    return (holding or [c.text for c in index.chunks])[:CLOSEST]


def _analysed_before(question: str, vocabulary: Vocabulary) -> object:
    """The question analysed as before spelling hints: no word has a likely spelling (no
    second lookup)."""
    vocabulary.likely_spelling = lambda word: None  # type: ignore[method-assign]
    try:
        return analyse(question, None, vocabulary)
    finally:
        del vocabulary.likely_spelling


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, action="append", required=True)
    parser.add_argument("--rounds", type=int, default=30)
    arguments = parser.parse_args()
    for index_dir in arguments.index:
        measure(index_dir, arguments.rounds)


if __name__ == "__main__":
    main()
