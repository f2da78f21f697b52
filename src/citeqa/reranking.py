"""Second stage of retrieval: reorder the fused candidates by their best sentence's evidence.

Fusion ranks whole chunks; a chunk holding one sentence that covers the question (its key
terms, numbers and names, and its meaning) is a better passage than one that mentions the
terms across the page. The new score blends the fused score (scaled to the best) with the best
sentence score of the chunk, computed exactly as answering scores sentences.
"""

from __future__ import annotations

from citeqa.models import Hit, Retrieval
from citeqa.sentences import QuestionScores

BestSentences = dict[int, float]
"""A question's best sentence score per chunk index, filled as chunks are first reranked."""


def rerank(
    retrieval: Retrieval,
    scores: QuestionScores,
    weight: float,
    best: BestSentences | None = None,
) -> Retrieval:
    """The same hits, reordered by (1 - weight) × fused + weight × best sentence score (by
    the question's `scores`); `best` holds the scores already computed for this question and
    gets the new ones."""
    if not retrieval.hits or weight <= 0:
        return retrieval
    best = {} if best is None else best
    for hit in retrieval.hits:
        if hit.chunk_index not in best:
            sentences = scores.scored([hit])
            best[hit.chunk_index] = sentences[0].score if sentences else 0.0
    top = max(hit.score for hit in retrieval.hits) or 1.0
    rescored = [_rescored(hit, top, best[hit.chunk_index], weight) for hit in retrieval.hits]
    rescored.sort(key=lambda hit: -hit.score)
    return retrieval.model_copy(update={"hits": rescored})


def _rescored(hit: Hit, top: float, best: float, weight: float) -> Hit:
    score = (1 - weight) * hit.score / top + weight * best
    return hit.model_copy(update={"score": round(score, 6)})
