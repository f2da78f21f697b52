"""Which documents a corpus's welcome examples come from, and in what order.

The corpus's main language (the one most of its documents are in) offers the first example,
then each other language in turn (overview.choose's order), so that a mostly English corpus
greets in English; a document in neither language (language.OTHER) offers none. Each example
is the first worth offering (`worth`: the assistant answers it with content) among a
language's documents, read in order, a few at most per example (`TRIES_PER_EXAMPLE`) and
`EXAMPLE_DOCUMENTS` in all, whatever the corpus's size; the question itself is made by
overview.term_examples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from citeqa.language import OTHER
from citeqa.overview import EXAMPLE_COUNT, DocumentText, Example, term_examples

EXAMPLE_DOCUMENTS = 16
"""Documents read at most for the examples, whatever the corpus's size."""
TRIES_PER_EXAMPLE = 6
"""Documents of one language read at most for one example, before the next language's turn."""


@dataclass(frozen=True)
class TermCounts:
    """The corpus's sentence frequencies that salient terms are weighed by."""

    frequency: Mapping[str, int]
    sentence_count: int


def main_language_first(by_lang: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The languages' documents, the language with the most documents first (ties: as given)."""
    ordered = sorted(by_lang.items(), key=lambda item: -len(item[1]))
    return {lang: list(doc_ids) for lang, doc_ids in ordered}


def suggest(
    by_lang: Mapping[str, Sequence[str]],
    read: Callable[[str, str], DocumentText],
    counts: TermCounts,
    worth: Callable[[Example], bool],
    count: int = EXAMPLE_COUNT,
) -> list[Example]:
    """Up to `count` examples, the main language's first, then each language in turn;
    `read(lang, doc_id)` gives a document's text, `by_lang` each language's documents."""
    queues = main_language_first({k: v for k, v in by_lang.items() if k != OTHER})
    chosen: list[Example] = []
    asked: set[str] = set()
    budget = [EXAMPLE_DOCUMENTS]
    while len(chosen) < count and budget[0] > 0 and any(queues.values()):
        for lang, queue in queues.items():
            if len(chosen) < count:
                found = _first_worth(lang, queue, read, counts, worth, asked, budget)
                chosen += [found] if found is not None else []
    return chosen


def _first_worth(
    lang: str,
    queue: list[str],
    read: Callable[[str, str], DocumentText],
    counts: TermCounts,
    worth: Callable[[Example], bool],
    asked: set[str],
    budget: list[int],
) -> Example | None:
    """The first example worth offering among the next documents of `queue` (taken from it),
    at most TRIES_PER_EXAMPLE of them and `budget` in all (which shrinks)."""
    for _ in range(TRIES_PER_EXAMPLE):
        if not queue or budget[0] <= 0:
            return None
        budget[0] -= 1
        document = read(lang, queue.pop(0))
        for example in term_examples([document], counts.frequency, counts.sentence_count, asked):
            if worth(example):
                return example
    return None
