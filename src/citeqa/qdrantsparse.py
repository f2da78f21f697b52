"""BM25 as sparse vectors for a Qdrant store: what a build's points hold and a question sends.

Each token gets a stable hashed id (`term_id`, the sparse vector's dimension); a document's
vector weighs its terms by BM25's term-frequency saturation with length normalisation
(`Bm25Rows`), and the collection applies the IDF (`Modifier.IDF`, qdrantindex.py), so a query
of the question's tokens, each once (`query_sparse`), scores BM25. Nothing here needs
qdrant-client but `sparse_vector`, which imports it when called.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any, overload

BM25_K1 = 1.2
BM25_B = 0.75


def sparse_vector(terms: dict[int, float]) -> Any:
    """`terms` (term id → weight) as qdrant-client's sparse vector (imported only now)."""
    from qdrant_client import models

    return models.SparseVector(indices=list(terms), values=[float(v) for v in terms.values()])


def term_id(token: str) -> int:
    """A stable 31-bit id for a token (the sparse vector's dimension)."""
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "big") >> 1


class Bm25Rows(Sequence[dict[int, float]]):
    """Each document's tokens as a sparse vector of BM25 term-frequency weights (the engine
    multiplies them by the IDF), lengths relative to these documents' average; each row is
    computed when asked for (a build's rows are then held a batch at a time, not all at once)."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self._documents = documents
        total = sum(len(tokens) for tokens in documents)
        self._average = max(1.0, total / max(1, len(documents)))

    def __len__(self) -> int:
        return len(self._documents)

    @overload
    def __getitem__(self, index: int) -> dict[int, float]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[int, float]]: ...
    def __getitem__(self, index: int | slice) -> dict[int, float] | list[dict[int, float]]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        tokens = self._documents[index]
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(tokens) / self._average)
        return {
            term_id(token): tf * (BM25_K1 + 1) / (tf + norm)
            for token, tf in Counter(tokens).items()
        }


def query_sparse(tokens: Sequence[str]) -> dict[int, float]:
    """A question's tokens as a sparse query (each distinct token once)."""
    return {term_id(token): 1.0 for token in dict.fromkeys(tokens)}
