"""The ranking shown and the evidence's: two fusions of one search of every channel.

The passages a question lists (and MRR measures) are ranked by the settings' fusion
(`channel_weights`, `rerank_weight`); the passages the answer models read and quote from are
ranked by the evidence fusion (`evidence_channel_weights`, `evidence_rerank_weight`), the one
the models were trained on. A fusion that ranks better brings closer passages into the five
the models read, and they took near misses for answerable questions (evals/README.md,
"Ranking against the peers"). Both fusions read the same channel rankings (searched once, for
every channel either weighs above 0) and share every other fusion setting, and each passage's
best-sentence score is computed once for both reranks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from citeqa.config import Settings
from citeqa.models import Chunk, Retrieval
from citeqa.ondemand import prefetch
from citeqa.questions import QuestionTerms
from citeqa.reranking import BestSentences, rerank
from citeqa.retrieval import Candidates, fused_retrieval, ranked_by
from citeqa.sentences import SentenceBank


def fusions_of(settings: Settings) -> list[Settings]:
    """The settings of the ranking shown, then of the evidence fusion when it differs."""
    fusion = {
        "channel_weights": settings.evidence_channel_weights,
        "rerank_weight": settings.evidence_rerank_weight,
    }
    if all(getattr(settings, name) == value for name, value in fusion.items()):
        return [settings]
    return [settings, settings.model_copy(update=fusion)]


def ranked(
    question: str,
    candidates: list[Candidates],
    chunks: Sequence[Chunk],
    bank: SentenceBank,
    terms: QuestionTerms,
    answer_vector: np.ndarray | None,
    fusions: list[Settings],
    count: int,
) -> tuple[Retrieval, Retrieval]:
    """The `count` best passages by the first of `fusions` (the ranking shown) and by the
    last (the evidence's; the same object when there is one fusion), each fused from
    `candidates` and reranked by its passages' best sentences."""
    best: BestSentences = {}
    found = [
        _fused(question, candidates, chunks, bank, terms, answer_vector, fusion, count, best)
        for fusion in fusions
    ]
    return found[0], found[-1]


def _fused(
    question: str,
    candidates: list[Candidates],
    chunks: Sequence[Chunk],
    bank: SentenceBank,
    terms: QuestionTerms,
    answer_vector: np.ndarray | None,
    settings: Settings,
    count: int,
    best: BestSentences,
) -> Retrieval:
    """The `count` best of `candidates` by `settings`' fusion, reranked by their best sentence
    (`best`: the scores already computed for this question, which it extends)."""
    depth = max(count, settings.rerank_depth if settings.rerank_weight > 0 else 0)
    found = fused_retrieval(question, ranked_by(candidates, settings), chunks, settings, depth)
    fresh = (hit for hit in found.hits if hit.chunk_index not in best)
    prefetch(bank.vectors, (n for hit in fresh for n in bank.in_chunk(hit.chunk)))
    reranked = rerank(found, bank, terms, answer_vector, settings.rerank_weight, best)
    return reranked.model_copy(update={"hits": reranked.hits[:count]})
