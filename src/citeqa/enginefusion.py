"""Retrieval whose fusion runs inside the vector engine (Settings.engine_fusion).

When the index's vectors live in an engine that also ranks BM25 and fuses rankings itself (a
`HybridSearch`, such as a Qdrant store), one request per question returns the fused
candidates and each ranking that was fused: every channel's dense ranking and the engine's BM25
over the question's tokens (glossary-expanded as for citeqa's own lexical channel), fused by
the engine's counterpart of `Settings.fusion`: `blend` (weighted min-max normalised scores)
becomes weighted distribution-based score fusion (`dbsf`: each ranking's scores normalised by
their mean and spread, then summed with the channels' weights), `rrf` the engine's weighted
reciprocal-rank fusion. Per-language lexical weights do not apply (the engine does not know a
passage's language). The candidates are then cleaned as retrieval.py cleans its own
(overlapping chunks collapsed, the per-document cap), and each chosen hit gets its rank and
score in every ranking that holds it, as after citeqa's fusion (answering reads them: whether
the channels agree, the best dense score).

This module knows no engine's API: only `HybridSearch` and `VectorIndex` (vectorindex.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from citeqa.config import Settings
from citeqa.glossary import NO_GLOSSARY, Glossary
from citeqa.language import detect_lang
from citeqa.models import Chunk, Retrieval
from citeqa.retrieval import (
    LEXICAL,
    Candidates,
    channel_weight,
    hit_of,
    lexical_query,
    select,
)
from citeqa.vectorindex import HybridQuery, HybridSearch, VectorIndex


def engine_of(vector_indexes: Mapping[str, VectorIndex]) -> HybridSearch | None:
    """The index whose engine can fuse every channel (all share it), or None (e.g. FAISS)."""
    for index in vector_indexes.values():
        if isinstance(index, HybridSearch):
            return index
    return None


def retrieve_in_engine(
    question: str,
    chunks: Sequence[Chunk],
    engine: HybridSearch,
    vector_indexes: Mapping[str, VectorIndex],
    query_vectors: Mapping[str, np.ndarray],
    settings: Settings,
    k: int,
    glossary: Glossary = NO_GLOSSARY,
) -> Retrieval:
    """The k best chunks for `question` as the engine fuses them (see the module docstring)."""
    weights = {channel: channel_weight(channel, settings, True) for channel in query_vectors}
    tokens = lexical_query(question, glossary if settings.expand_queries else NO_GLOSSARY)
    query = HybridQuery(
        dense=[(vector_indexes[c], vector, weights[c]) for c, vector in query_vectors.items()],
        tokens=tokens,
        lexical_weight=settings.weight_lexical,
        depth=settings.candidates,
        rrf_k=settings.rrf_k,
        method="dbsf" if settings.fusion == "blend" else "rrf",
    )
    found = engine.search_hybrid(query, settings.candidates)
    rankings = [*zip(query_vectors, found.dense, strict=True), (LEXICAL, found.lexical)]
    candidates = [Candidates.of(channel, ranked) for channel, ranked in rankings if ranked]
    fused = dict(found.fused)
    chosen = select([row for row, _ in found.fused], fused, chunks, k, settings)
    hits = [hit_of(row, fused[row], chunks, candidates) for row in chosen]
    return Retrieval(question=question, query_lang=detect_lang(question), hits=hits)
