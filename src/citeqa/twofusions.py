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

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from citeqa.config import Settings
from citeqa.keyedrows import with_looked_up_row
from citeqa.language import question_lang
from citeqa.models import Chunk, Hit, Lang, Retrieval
from citeqa.ondemand import prefetch
from citeqa.record_ids import with_named_documents
from citeqa.reranking import rerank
from citeqa.retrieval import (
    Candidates,
    LoneShare,
    channel_weight,
    fused_retrieval,
    question_share,
    ranked_by,
    searched_words,
)
from citeqa.sectionhits import with_asked_section
from citeqa.sentences import QuestionScores
from citeqa.versions import Arranged

FUSIONS = (
    ("channel_weights", "rerank_weight"),
    ("evidence_channel_weights", "evidence_rerank_weight"),
)
"""The settings that are each fusion's own, (channel weights, rerank weight): the ranking
shown's, then the evidence fusion's; every other setting both share."""


def fusions_of(settings: Settings, channels: Sequence[str]) -> list[Settings]:
    """The settings of the ranking shown, then of the evidence fusion when it weighs one of
    the index's vector `channels` or the rerank otherwise (a weight named for a channel the
    index lacks changes nothing)."""
    shown, own = FUSIONS
    evidence = settings.model_copy(
        update={name: getattr(settings, mine) for name, mine in zip(shown, own, strict=True)}
    )
    differ = settings.rerank_weight != evidence.rerank_weight or any(
        channel_weight(c, settings, True) != channel_weight(c, evidence, True) for c in channels
    )
    return [settings, evidence] if differ else [settings]


@dataclass(frozen=True)
class Searched:
    """One question's search, what either fusion ranks: the text searched, each channel's
    candidates, the index's chunks, and the question's sentence scores (its terms and its
    vector in the answer channel against the index's sentences), which answering reuses."""

    question: str
    candidates: list[Candidates]
    chunks: Sequence[Chunk]
    scores: QuestionScores
    arrange: Arranged | None = None
    """How the reranked passages are read, when the folder holds several versions
    (versions.Arranged): the ones to answer from, then the others after them; None: as
    ranked."""

    @functools.cached_property
    def query_lang(self) -> Lang:
        """The language of the text searched (language.detect_lang), detected once for both
        fusions."""
        return question_lang(self.question)

    @functools.cached_property
    def lone_share(self) -> LoneShare:
        """What a tied BM25 hit weighs in either fusion, each chunk's found once a question."""
        return question_share(searched_words(self.candidates), self.chunks)


class Ranked(NamedTuple):
    """What `ranked` gives: the ranking shown, the evidence, and the older passages the
    evidence's arrangement set aside (versions.Arranged.set_aside; none without one)."""

    shown: Retrieval
    evidence: Retrieval
    set_aside: list[Hit]


def ranked(searched: Searched, fusions: list[Settings], count: int, evidence_count: int) -> Ranked:
    """The `count` best passages by the first of `fusions` (the ranking shown) and the
    `evidence_count` best by the last (the evidence's: the answer models read as many
    passages as they were trained on, whatever `count` the user asks for), each fused from
    `searched`, reranked by its passages' best sentences and cut at its own count, where a
    table row the question looks up is brought up to the last place kept (keyedrows.py). With
    one fusion, it is fused and reranked once, `max(count, evidence_count)` deep, and both
    lists are cut from that one reranked list (the passages ranking `count` deep gives while
    both are within `rerank_depth`: select keeps the fused order whatever its depth): so the
    evidence, and the answer, do not depend on `count` (a row brought up to place `count`
    would lie beyond the `evidence_count` the answer reads); the same object when `count` is
    `evidence_count`. With the arrangement of a folder of several versions, also the older
    passages it set aside of the evidence's ranking (the older-version note reads them)."""
    scores, arrange = searched.scores, searched.arrange
    if len(fusions) == 1:
        both = _reranked(searched, fusions[0], max(count, evidence_count))
        shown = _cut(both, count, scores, arrange, True)
        if count == evidence_count and arrange is None:
            return Ranked(shown, shown, [])
        evidence = both
        evidence_cut = _cut(both, evidence_count, scores, arrange)
    else:
        evidence = _reranked(searched, fusions[-1], evidence_count)
        evidence_cut = _cut(evidence, evidence_count, scores, arrange)
        shown = _cut(_reranked(searched, fusions[0], count), count, scores, arrange, True)
    set_aside = arrange.set_aside(evidence.hits) if arrange is not None else []
    return Ranked(shown, evidence_cut, set_aside)


def _reranked(searched: Searched, settings: Settings, count: int) -> Retrieval:
    """The candidates by `settings`' fusion, at least `count` deep (`rerank_depth` when the
    rerank weighs), reranked by their best sentence (each passage's scored once a question:
    QuestionScores.alone), uncut."""
    bank = searched.scores.bank
    depth = max(count, settings.rerank_depth if settings.rerank_weight > 0 else 0)
    fusion = ranked_by(searched.candidates, settings)
    chunks, share = searched.chunks, searched.lone_share
    lang = searched.query_lang
    found = _with_missing(
        searched, fused_retrieval(searched.question, fusion, chunks, settings, depth, share, lang)
    )
    fresh = (hit for hit in found.hits if not searched.scores.scored_alone(hit))
    prefetch(bank.vectors, (n for hit in fresh for n in bank.in_chunk(hit.chunk)))
    return rerank(found, searched.scores, settings.rerank_weight)


def _with_missing(searched: Searched, found: Retrieval) -> Retrieval:
    """`found` with the passages of the documents of the version the question names that
    the search missed (versions.Arranged.missing), scored as its last hit, for the rerank to
    weigh by their sentences."""
    arrange = searched.arrange
    wanted = set(arrange.missing(found.hits)) if arrange is not None else set()
    if not wanted:
        return found
    floor = min((hit.score for hit in found.hits), default=0.0)
    bank = searched.scores.bank
    numbers = sorted(n for doc_id in wanted for n in bank.chunks_of(doc_id))
    added = [Hit(chunk=searched.chunks[n], chunk_index=n, score=floor) for n in numbers]
    return found.model_copy(update={"hits": [*found.hits, *added]})


def _cut(
    reranked: Retrieval,
    count: int,
    scores: QuestionScores,
    arrange: Arranged | None = None,
    shown: bool = False,
) -> Retrieval:
    """The `count` best of a reranked list, the passages of documents writing a record's
    identifier the question writes first (record_ids.py), a table row the question looks up
    brought up from below the cut to its last place (keyedrows.py), else a section it asks by
    its number (sectionhits.py); with `arrange` (versions.py), all that among the passages it
    answers from (the others after them when fewer than `count`, in the ranking `shown`
    only: the evidence never quotes them)."""
    if arrange is None:
        return reranked.model_copy(update={"hits": _best(reranked.hits, count, scores)})
    first, after = arrange(reranked.hits)
    hits = _best(first, count, scores) if first else []
    kept = [*hits, *after][:count] if shown or not hits else hits
    return reranked.model_copy(update={"hits": kept})


def _best(reranked: list[Hit], count: int, scores: QuestionScores) -> list[Hit]:
    """`_cut`'s steps on a list of hits."""
    ranked = with_named_documents(reranked, scores.terms.focus, scores.bank.documents)
    hits = with_looked_up_row(ranked, count, scores)
    # by identity: comparing whole Hit models by value walked every field of each
    brought_up = any(hit is not first for hit, first in zip(hits, ranked, strict=False))
    if not brought_up:
        hits = with_asked_section(ranked, count, scores.bank, scores.terms.focus)
    return hits
