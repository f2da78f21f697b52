"""Print what offering the documents' spelling of a misspelt word ("Did you mean “default”?",
spelling_hints.py) costs a question: its analysis alone (lazy: it only notes the words the
corpus never uses, QuestionTerms.unused_words, all an answered question pays) timed against
the analysis with their likely spellings looked up at once (eager: QuestionTerms.typos read,
Vocabulary.likely_spelling, at most two letters added or dropped; what every question paid
before the lookup waited for an abstention), in turn in one process; and the abstention's
offer (message: the likely spellings looked up afresh each round, then the sentence written
from the closest passages' texts, here the first CLOSEST chunks of the index that write a
word offered, else its first CLOSEST: what matters is reading five passages' words).
Not a test; run it by hand:

    python benchmarks/typo_hints.py --index DIR [--index DIR ...] [--rounds 30]

Each index is opened as `citeqa ask` opens it (its stored words, by first letter: nothing is
scanned but the words of one initial per looked-up word). The median over rounds of each
question's analysis is printed, eager and lazy, with the added milliseconds and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from functools import partial
from pathlib import Path

from fake_corpus import median_seconds

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


def measure(index_dir: Path, rounds: int) -> None:
    index = load_index(index_dir)
    vocabulary = vocabulary_of(index, knowledge_of(index))
    words = sum(len(group) for group in vocabulary.by_initial.values())
    print(f"{index_dir}: {len(index.documents)} documents, {words} corpus words")
    print("  question | eager ms | lazy ms | added ms | ratio | message | offered")
    for question in QUESTIONS:
        eager, lazy = [], []
        for _ in range(rounds):  # eager and lazy in turn, so both see the same load
            eager.append(1000 * median_seconds(partial(_analysed_eagerly, question, vocabulary), 1))
            lazy.append(1000 * median_seconds(partial(analyse, question, None, vocabulary), 1))
        terms = analyse(question, None, vocabulary)
        closest = _closest(index, terms).copy  # found once, outside the timing
        message = 1000 * median_seconds(partial(_offered_afresh, terms, closest), rounds)
        early, late = statistics.median(eager), statistics.median(lazy)
        offered = did_you_mean(terms, "en", closest) or "-"
        print(
            f"  {question[:40]:40} | {early:8.2f} | {late:8.2f} | {late - early:+8.2f} |"
            f" {late / early:5.2f} | {message:7.3f} | {offered}"
        )
        print(f"      reason: {not_answered(terms, 'en', closest=closest).text}")


def _offered_afresh(terms: QuestionTerms, closest: Callable[[], list[str]]) -> str | None:
    """The abstention's offer, its spellings looked up again (QuestionTerms.typos is cached)."""
    terms.__dict__.pop("typos", None)
    return did_you_mean(terms, "en", closest)


def _closest(index: LoadedIndex, terms: QuestionTerms) -> list[str]:
    """Stand-ins for the closest passages: the first CLOSEST chunks whose words hold a
    candidate spelling of the question's words, else the index's first CLOSEST chunks."""
    wanted = set(terms.typos.values())
    holding = [c.text for c in index.chunks if wanted & set(folded_words(fold(c.text)))]
    return (holding or [c.text for c in index.chunks])[:CLOSEST]


def _analysed_eagerly(question: str, vocabulary: Vocabulary) -> object:
    """The question analysed and its likely spellings looked up at once, as every question's
    analysis did before they were looked up only for an abstention (QuestionTerms.typos)."""
    terms = analyse(question, None, vocabulary)
    return terms.typos


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, action="append", required=True)
    parser.add_argument("--rounds", type=int, default=30)
    arguments = parser.parse_args()
    for index_dir in arguments.index:
        measure(index_dir, arguments.rounds)


if __name__ == "__main__":
    main()
