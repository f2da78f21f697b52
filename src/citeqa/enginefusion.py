"""Retrieval whose fusion runs inside the vector engine (Settings.engine_fusion).

When the index's vectors live in an engine that also ranks BM25 and fuses rankings itself (a
`HybridSearch`, such as a Qdrant store), one request per question returns the fused
candidates: every channel's dense ranking and the engine's BM25 over the question's tokens
(glossary-expanded as for citeqa's own lexical channel), fused by the engine's counterpart of
`Settings.fusion`: `blend` (weighted min-max normalised scores) becomes weighted
distribution-based score fusion (`dbsf`: each ranking's scores normalised by their mean and
spread, then summed with the channels' weights), `rrf` the engine's weighted reciprocal-rank
fusion. Per-language lexical weights do not apply
(the engine does not know a passage's language). The candidates are then cleaned as
retrieval.py cleans its own (overlapping chunks collapsed, the per-document cap), and each
chosen hit gets its dense channels' scores (query . row, the rows read back for those hits
only) so that answering sees them as after citeqa's fusion; its rank is the engine's (channel
`engine`): the per-channel ranks are not known.

This module knows no engine's API: only `HybridSearch` and `VectorIndex` (vectorindex.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from citeqa.config import Settings
from citeqa.glossary import NO_GLOSSARY, Glossary
from citeqa.language import detect_lang
from citeqa.models import Chunk, Hit, Retrieval
from citeqa.retrieval import channel_weight, lexical_query, select
from citeqa.vectorindex import HybridQuery, HybridSearch, VectorIndex

ENGINE = "engine"
"""The channel name a hit's fused rank is reported under."""


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
    fused = dict(found)
    chosen = select([row for row, _ in found], fused, chunks, k, settings)
    rank = {row: place for place, (row, _) in enumerate(found, 1)}
    dense = {
        channel: _scores(vector_indexes[channel], vector, chosen)
        for channel, vector in query_vectors.items()
        if weights[channel] > 0
    }
    hits = [
        Hit(
            chunk=chunks[row],
            chunk_index=row,
            score=fused[row],
            channel_ranks={ENGINE: rank[row]},
            channel_scores={channel: round(scores[row], 4) for channel, scores in dense.items()},
        )
        for row in chosen
    ]
    return Retrieval(question=question, query_lang=detect_lang(question), hits=hits)


def _scores(index: VectorIndex, query: np.ndarray, rows: list[int]) -> dict[int, float]:
    """The inner product of `query` with each of `rows` (read back from the index)."""
    if not rows:
        return {}
    products = index.rows(rows) @ np.asarray(query, dtype=np.float32).reshape(index.dim)
    return {row: float(score) for row, score in zip(rows, products, strict=True)}
