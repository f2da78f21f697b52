"""Second stage of retrieval: reorder the fused candidates by their best sentence's evidence.

Fusion ranks whole chunks; a chunk holding one sentence that covers the question (its key
terms, numbers and names, and its meaning) is a better passage than one that mentions the
terms across the page. The new score blends the fused score (scaled to the best) with the best
sentence score of the chunk, computed exactly as answering scores sentences.
"""

from __future__ import annotations

from citeqa.models import Hit, Retrieval
from citeqa.sentences import QuestionScores


def rerank(retrieval: Retrieval, scores: QuestionScores, weight: float) -> Retrieval:
    """The same hits, reordered by (1 - weight) × fused + weight × best sentence score (by
    the question's `scores`, which compute each passage's once: QuestionScores.alone)."""
    if not retrieval.hits or weight <= 0:
        return retrieval
    top = max(hit.score for hit in retrieval.hits) or 1.0
    rescored = [_rescored(hit, top, scores.alone(hit), weight) for hit in retrieval.hits]
    rescored.sort(key=lambda hit: -hit.score)
    return retrieval.model_copy(update={"hits": rescored})


def _rescored(hit: Hit, top: float, best: float, weight: float) -> Hit:
    score = (1 - weight) * hit.score / top + weight * best
    return hit.model_copy(update={"score": round(score, 6)})
