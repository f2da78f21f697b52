"""A looked-up table row reaches the passages read: the rule that brings it up from below the cut.

A fusion ranks `rerank_depth` passages, reranks them by their best sentence and keeps the
first `count` (twofusions._fused: the answer reads `answer_passages` of them). A question
naming a key (QuestionTerms.keys: "exit code 9", "log_level", "tranche C") looks up the table
row whose key column's cell is that key (tables.key_cells, ScoredSentence.names_key), but a
table holds many keys in one passage, so prose naming the key's words again and again can
outrank it: "Combien coûte un repas occasionnel en tranche C ?" read five FAQ entries "Quel est
le prix du repas en tranche X ?" while the tariff grid keyed A to E by its `Tranche` column
ranked 13th, and no row reached the answer.

The rule: when no passage among the first `count` holds a row whose key cell the question
names, the best-ranked passage beyond them (within the reranked depth) that holds one takes
the last of the `count` places; the passage there drops out. Its score is its own, lower than
every one above it, so the list stays in score order. Only an exact key cell counts (never a
value cell, a row number or a word of the row), and the first passage never moves (with
`count` 1 nothing is brought up). Cheap: the sentences of the reranked passages are scored
once a question already (QuestionScores.alone), and their key cells come with those scores.
"""

from __future__ import annotations

from citeqa.models import Hit
from citeqa.sentences import QuestionScores

__all__ = ["with_looked_up_row"]


def with_looked_up_row(hits: list[Hit], count: int, scores: QuestionScores) -> list[Hit]:
    """The first `count` of `hits` (reranked, best first), the last of them replaced by the
    best passage beyond that holds a row the question looks up when none of the first does."""
    kept = hits[:count]
    if count < 2 or len(hits) <= count or not scores.terms.keys:
        return kept
    if any(scores.names_key(hit) for hit in kept):
        return kept
    below = next((hit for hit in hits[count:] if scores.names_key(hit)), None)
    return kept if below is None else [*kept[:-1], below]
