"""Retrieval whose rankings all come from the vector engine in one request (Settings.engine_fusion).

When the index's vectors live in an engine that also ranks BM25 and runs several rankings in
one request (a `HybridSearch`, such as a Qdrant store), one request per question returns every
channel's dense ranking and the engine's BM25 over the question's tokens (glossary-expanded as
for citeqa's own lexical channel), each `Settings.candidates` deep. citeqa then fuses them as it
fuses its own channels (retrieval.fused_retrieval: `fusion`, the channels' weights, the
cross-language lexical weight by each passage's language, then overlapping chunks collapsed and
the per-document cap), so each chosen hit has its rank and score in every ranking that holds
it. The engine ranks each channel once; the result is the ranking of citeqa's fusion over the
engine's channels, in one round trip instead of one per channel.

This module knows no engine's API: only `HybridSearch` and `VectorIndex` (vectorindex.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from citeqa.retrieval import Rankings, Search
from citeqa.vectorindex import HybridFound, HybridQuery, HybridSearch, VectorIndex


def engine_of(vector_indexes: Mapping[str, VectorIndex]) -> HybridSearch | None:
    """The index whose engine can rank every channel (all share it), or None (e.g. FAISS)."""
    for index in vector_indexes.values():
        if isinstance(index, HybridSearch):
            return index
    return None


def engine_search(
    engine: HybridSearch,
    vector_indexes: Mapping[str, VectorIndex],
    query_vectors: Mapping[str, np.ndarray],
    depth: int,
) -> Search:
    """The Search that runs every ranking of a question in one engine request, `depth` deep."""

    def search(ranked: Rankings) -> HybridFound:
        dense = [(vector_indexes[name], query_vectors[name]) for name in ranked.dense]
        return engine.search_hybrid(HybridQuery(dense, ranked.tokens, depth))

    return search
