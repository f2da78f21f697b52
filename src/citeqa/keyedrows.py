"""A looked-up table row reaches the passages read: the rule that brings it up from below the cut.

A fusion ranks `rerank_depth` passages, reranks them by their best sentence and keeps the
first `count` (twofusions.ranked: the answer reads `answer_passages` of them). A question
naming a key (QuestionTerms.keys: "exit code 9", "log_level", "tranche C") looks up the table
row whose key column's cell is that key (tables.key_cells, ScoredSentence.names_key), but a
table holds many keys in one passage, so prose naming the key's words again and again can
outrank it: "Combien coûte un repas occasionnel en tranche C ?" read five FAQ entries "Quel est
le prix du repas en tranche X ?" while the tariff grid keyed A to E by its `Tranche` column
ranked 13th, and no row reached the answer.

The rule: when no passage among the first `count` holds a row whose key cell the question
names, the best-ranked passage beyond them (within the reranked depth) that holds one which
also answers the rest of the question takes the last of the `count` places; the passage there
drops out. Its score is its own, lower than every one above it, so the list stays in score
order. Only an exact key cell counts (never a value cell, a row number or a word of the row),
and the first passage never moves (with `count` 1 nothing is brought up).

A key alone says little: any number is one, and "week 52" is a cell of a canteen's delivery
table as much as of a trial's results. So the row must also share a content word of the
question that is neither a key nor the word before one (its cue, "week" of "week 52",
"tranche" of "tranche C", often the key column's own header): in the row, its table's header
row or its passage's heading (`answers_the_rest`). "Combien coûte un repas occasionnel en
tranche C ?" brings the tariff grid up (its header names "repas" and "occasionnel"); "What was
the response rate at week 52 in the treated arm?" brings no `| 52 | 120 | Marc |` of a
`| Week | Deliveries | Driver |` table up (it shares only "week"). A question that says
nothing but its keys and cues ("tranche C ?") asks nothing more, and its row comes up.

Cheap: the sentences of the reranked passages are scored once a question already
(QuestionScores.alone), and their key cells come with those scores (QuestionScores.keyed_rows
reads them, and scores only what reranking did not).
"""

from __future__ import annotations

from citeqa.lexical import query_tokens
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores

__all__ = ["answers_the_rest", "with_looked_up_row"]


def with_looked_up_row(hits: list[Hit], count: int, scores: QuestionScores) -> list[Hit]:
    """The first `count` of `hits` (reranked, best first), the last of them replaced by the
    best passage beyond that holds a row the question looks up when none of the first does."""
    kept = hits[:count]
    if count < 2 or len(hits) <= count or not scores.terms.keys:
        return kept
    if any(scores.keyed_rows(hit) for hit in kept):
        return kept
    rest = rest_of_question(scores.terms)  # once per question, not per passage below the cut
    below = next((hit for hit in hits[count:] if answers_the_rest(hit, scores, rest)), None)
    return kept if below is None else [*kept[:-1], below]


def answers_the_rest(
    hit: Hit, scores: QuestionScores, rest: list[frozenset[str]] | None = None
) -> bool:
    """Whether one of the passage's rows the question looks up (QuestionScores.keyed_rows)
    shares, with its table's header row and its passage's heading, a content word of the
    question other than its keys and their cue words (`rest_of_question`); True for a keyed
    row when the question says nothing else. `rest`: rest_of_question's, when the caller has
    it already."""
    rows = scores.keyed_rows(hit)
    if not rows:
        return False
    rest = rest_of_question(scores.terms) if rest is None else rest
    if not rest:
        return True
    bank = scores.bank
    return any(
        alternatives & bank.context_tokens(row, hit.chunk) for row in rows for alternatives in rest
    )


def rest_of_question(terms: QuestionTerms) -> list[frozenset[str]]:
    """The question's own terms (each as its alternatives) but its keys and the word before
    each (its cue: "week" of "week 52", "tranche" of "tranche C")."""
    named: set[str] = set()
    for word, before in terms.typed_keys:
        named.update(query_tokens(word))
        named.update(query_tokens(before))
    own = terms.own_terms
    return [alternatives for alternatives, _ in own if not alternatives & named]
