"""A corpus's typical meaning: the unit mean of an even sample of a channel's chunk vectors.

A build computes it from its vector spool and stores it in statistics.json ("centroids"), so
answering reads it instead of gathering thousands of rows from the vector index at the first
question (a cost that grew with the corpus); an index written before it was stored gets it from
its vector index, with the same sample and the same arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from citeqa.vectorindex import VectorIndex, even_sample

CENTROID_ROWS = 8192
"""At most this many chunk vectors (an even sample) make a corpus's centroid."""


def sample_rows(count: int) -> np.ndarray:
    """The row numbers that make the centroid of `count` vectors: all of them, or an even
    sample of CENTROID_ROWS (sorted, first and last included)."""
    sample = even_sample(count, CENTROID_ROWS)
    return np.arange(count) if sample is None else sample


def centroid_of(count: int, rows_of: Callable[[np.ndarray], np.ndarray]) -> np.ndarray | None:
    """The unit mean of the sampled rows (`rows_of(numbers)` reads them); None when there are
    none or they cancel out."""
    if count == 0:
        return None
    mean = np.asarray(rows_of(sample_rows(count)), dtype=np.float64).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


def stored_centroid(statistics: dict | None, channel: str | None) -> np.ndarray | None:
    """The centroid a build stored for `channel`, or None when it stored none (older index)."""
    stored = (statistics or {}).get("centroids", {}).get(channel) if channel else None
    if not isinstance(stored, list) or not stored:
        return None
    return np.asarray(stored, dtype=np.float64)


def corpus_centroid(vectors: VectorIndex) -> np.ndarray | None:
    """The centroid of a channel's chunk vectors read from its index (for an index built
    before builds stored it): the corpus's typical meaning. A question's similarity to it says
    how close the question is to what this corpus usually speaks of, whatever the corpus; None
    for an empty index."""
    count = vectors.count()

    def read(numbers: np.ndarray) -> np.ndarray:
        return vectors.vectors() if len(numbers) == count else vectors.rows(numbers.tolist())

    return centroid_of(count, read)
