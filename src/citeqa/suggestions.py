"""Which documents a corpus's welcome examples come from, and in what order.

The corpus's main language (the one most of its documents are in) offers the first example,
then each other language in turn (overview.choose's order), so that a mostly English corpus
greets in English; a document in neither language (language.OTHER) offers none. Each example
is the first worth offering (`worth`: the assistant answers it with content) among a
language's documents, read in order, a few at most per example (`TRIES_PER_EXAMPLE`) and
`EXAMPLE_DOCUMENTS` in all, whatever the corpus's size; the question itself is made by
overview.term_example. Only current documents offer one (`current_by_language`): an old copy,
an earlier version's page or a document of an archive folder (versions.CorpusVersions.is_older)
would greet with what no longer holds (s38 trial: "What about “Queue too long”?", of the
archived 2024 runbook of a broker replaced since).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from citeqa.language import OTHER
from citeqa.overview import EXAMPLE_COUNT, DocumentText, Example, term_example

EXAMPLE_DOCUMENTS = 16
"""Documents read at most for the examples, whatever the corpus's size."""
TRIES_PER_EXAMPLE = 6
"""Documents of one language read at most for one example, before the next language's turn."""


@dataclass(frozen=True)
class TermCounts:
    """The corpus's sentence frequencies that salient terms are weighed by."""

    frequency: Mapping[str, int]
    sentence_count: int


def current_by_language(
    documents: Iterable[tuple[str, Sequence[str]]], is_older: Callable[[str], bool] | None
) -> dict[str, list[str]]:
    """The ids of the (doc_id, languages) `documents` by their first language (English when
    none is known), in their order, but for those `is_older` tells are old: an old copy, an
    earlier version's page, an archived document (versions.CorpusVersions.is_older; None
    when the corpus holds none)."""
    by_lang: dict[str, list[str]] = {}
    for doc_id, langs in documents:
        if is_older is None or not is_older(doc_id):
            by_lang.setdefault(langs[0] if langs else "en", []).append(doc_id)
    return by_lang


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
    reading = _Reading(read, counts, worth)
    chosen: list[Example] = []
    while len(chosen) < count and reading.left > 0 and any(queues.values()):
        for lang, queue in queues.items():
            if len(chosen) < count:
                found = reading.first_worth(lang, queue)
                chosen += [found] if found is not None else []
    return chosen


class _Reading:
    """The documents read for one welcome: at most EXAMPLE_DOCUMENTS in all (`left`), and
    the terms of the examples offered so far (`asked`), each asked about once."""

    def __init__(
        self,
        read: Callable[[str, str], DocumentText],
        counts: TermCounts,
        worth: Callable[[Example], bool],
    ) -> None:
        self.read, self.counts, self.worth = read, counts, worth
        self.left = EXAMPLE_DOCUMENTS
        self.asked: set[str] = set()

    def first_worth(self, lang: str, queue: list[str]) -> Example | None:
        """The first example worth offering among the next documents of `queue` (taken from
        it), at most TRIES_PER_EXAMPLE of them and `left` in all. A term whose example is not
        worth offering may still be asked about for another document (only an offered
        example's term enters `asked`)."""
        for _ in range(TRIES_PER_EXAMPLE):
            if not queue or self.left <= 0:
                return None
            self.left -= 1
            document = self.read(lang, queue.pop(0))
            counts = self.counts
            found = term_example(document, counts.frequency, counts.sentence_count, self.asked)
            if found is not None and self.worth(found.example):
                self.asked.add(found.term)
                return found.example
        return None
