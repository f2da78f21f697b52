"""The candidate sentences of an answer and the moves that reorder them.

`Candidates` holds the sentences of the top passages that may answer, best first by the learned
sentence ranker, with their feature rows, probabilities and boilerplate weights; `subset` keeps
some of them in a given order, `moved_first` and `first_rated` put one first rated as the best
was, and `placed_sentences` gives each sentence's document, start and text. answering.py ranks
and quotes them; the modules that promote or keep candidates (promotions.py, field_answers.py,
section_answers.py, time_siblings.py) read and return them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from citeqa.sentences import (
    ScoredSentence,
    SentenceBank,
)


@dataclass(frozen=True)
class Candidates:
    """The candidate sentences, best first by the learned ranker, with their feature rows
    (MATCH_FEATURES; SENTENCE_FEATURES once `reordered` for the quote)."""

    sentences: list[ScoredSentence]
    probabilities: np.ndarray
    rows: np.ndarray
    weights: np.ndarray | None = None
    """Each candidate's `boilerplate_weights`, read once by `rank_candidates` for the sentence
    ranker and the quote ranker (`reordered`); None: every weight 1 (candidates not ranked
    from a reading)."""


def moved_first(candidates: Candidates, position: int) -> Candidates:
    """The candidates, the one at `position` first and the others in their order, each rated
    as it was."""
    return subset(
        candidates, [position, *(n for n in range(len(candidates.sentences)) if n != position)]
    )


def first_rated(chosen: Candidates, rating: float) -> Candidates:
    """`chosen`, its first candidate rated `rating` (the best's before they were reordered),
    the others as they were."""
    probabilities = chosen.probabilities.copy()
    probabilities[0] = rating
    return dataclasses.replace(chosen, probabilities=probabilities)


def subset(candidates: Candidates, numbers: list[int]) -> Candidates:
    """The candidates at `numbers`, in that order."""
    weights = candidates.weights
    return Candidates(
        [candidates.sentences[n] for n in numbers],
        candidates.probabilities[numbers],
        candidates.rows[numbers],
        None if weights is None else weights[numbers],
    )


def placed_sentences(bank: SentenceBank, items: list[ScoredSentence]) -> list[tuple[str, int, str]]:
    """Each sentence's document, start and text."""
    spans = [bank.sentences[item.index] for item in items]
    return [
        (span.doc_id, span.start, bank.text(item.index))
        for span, item in zip(spans, items, strict=True)
    ]
