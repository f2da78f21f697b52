"""The question's row for the answerability and confidence models: do the documents answer at all?

Question features (`question_features`, named by QUESTION_FEATURES) read the best candidate
sentences' ranker scores and features (answer_features.py), how much of the question a passage
covers, the share of the question's words the corpus never uses, and whether the corpus speaks
of the question's subject (how rare the shared terms are, the coverage of the terms the corpus
uses, the best dense similarity, the question's closeness to the corpus centroid), and how much
of what the question asks beyond its document's subject a passage covers (topic_terms.py). What
the passages show (`passage_evidence`) is read on each of the top passages and the best kept,
so that it does not move when the fusion reorders them (a fusion that brought a closer passage
first made unanswerable questions look answerable). The shipped models (citeqa/data/*.json)
name the features they were trained on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from citeqa.answer_features import SENTENCE_FEATURES
from citeqa.answer_location import Reading
from citeqa.models import Hit
from citeqa.retrieval import LEXICAL
from citeqa.sentences import SentenceBank
from citeqa.topic_terms import covered

QUESTION_FEATURES = (
    "best_ranker",
    "second_ranker",
    "best_semantic",
    "best_coverage",
    "best_context",
    "top_dense",
    "passage_coverage",
    "passage_gap",
    "missing",
    "absent_share",
    "unknown_names",
    "log_terms",
    "agreement",
    "best_type_missing",
    "best_length",
    "top_ranker_margin",
    "dense_peak",
    "dense_best",
    "matched_rarity",
    "present_coverage",
    "best_present_coverage",
    "passages_coverage",
    "centroid_similarity",
    "dense_lift",
    "specific_coverage",
)


def _dense_scores(hits: list[Hit], channel: str | None) -> list[float]:
    """The scores of these hits in dense `channel` (None, no vector channel: none)."""
    if channel is None:
        return []
    return [hit.channel_scores[channel] for hit in hits if channel in hit.channel_scores]


def question_features(
    ranker: np.ndarray,
    rows: np.ndarray,
    reading: Reading,
    meaning: tuple[np.ndarray | None, np.ndarray | None],
    channel: str | None,
) -> np.ndarray:
    """The row of QUESTION_FEATURES for a question whose candidate sentences scored `ranker`
    (probabilities, best first) with feature `rows`; `meaning` holds the question's vector in
    the answer channel and the corpus's centroid there, when known. The dense features read
    the scores of `channel`, the answer channel (None: the index has no vector channel, so no
    dense scores), and whether the channels agree counts BM25 and that channel only: the
    models were fitted on them, and another channel's scores are on another scale (e5 scores
    unrelated text about 0.76) and its ranks make agreement rarer. `reading`: the question
    against its top passages, as the candidates' features read it (answer_location.Reading).
    What a passage says of the question is read on each of the top passages and the best
    kept (passage_evidence), whichever the fusion put first."""
    terms = reading.terms
    column = {name: number for number, name in enumerate(SENTENCE_FEATURES)}
    best = (lambda name: float(rows[:, column[name]].max())) if len(rows) else (lambda name: 0.0)
    passages = passage_evidence(reading, channel)
    return np.array(
        [
            float(ranker[0]) if len(ranker) else 0.0,
            float(ranker[1]) if len(ranker) > 1 else 0.0,
            best("semantic"),
            best("coverage"),
            best("context"),
            passages.dense,
            passages.coverage,
            passages.gap,
            terms.missing,
            len(terms.absent) / max(1, terms.focus_terms),
            terms.unknown_names,
            math.log1p(terms.focus_terms) / 3.0,
            passages.agreement,
            float(rows[0, column["type_missing"]]) if len(rows) else 1.0,
            float(rows[0, column["log_length"]]) if len(rows) else 0.0,
            float(ranker[0] - ranker[1]) if len(ranker) > 1 else 0.0,
            passages.dense_peak,
            passages.dense,  # dense_best: top_dense's twin since both read every passage
            passages.rarity,
            passages.present_coverage,
            passages.sentence_coverage,
            passages.joint_coverage,
            *_typical_meaning(passages.dense, *meaning),
            passages.specific_coverage,
        ],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class PassageEvidence:
    """The best any one of the question's top passages shows of the question: the highest
    dense score in the answer channel (`dense`) and how far it rises above
    the others' mean (`dense_peak`); the highest weighted coverage of the question's terms
    (`coverage`) and the lowest weight of the heaviest term left out (`gap`); whether a passage
    ranks in the first three of both BM25 and the answer channel (`agreement`); how rare in the
    corpus the rarest question term a passage holds is (`rarity`: an off-topic question shares
    only common words); the highest coverage of the question's terms the corpus uses
    (`present_coverage`) and of its specific terms, those beyond the passage's document's topic
    (`specific_coverage`, topic_terms.specific_terms); the highest coverage of the terms the
    corpus uses by one sentence of the passages (`sentence_coverage`), and the weighted
    coverage of the question's terms by the passages together (`joint_coverage`). Each is read
    on every passage, so the figures do not move when the fusion reorders the same passages."""

    dense: float
    dense_peak: float
    coverage: float
    gap: float
    agreement: float
    rarity: float
    present_coverage: float
    specific_coverage: float
    sentence_coverage: float
    joint_coverage: float


def passage_evidence(reading: Reading, channel: str | None) -> PassageEvidence:
    """The question's PassageEvidence over `reading`'s passages (zeros, and a full gap, for
    none)."""
    hits, terms, bank = reading.hits, reading.terms, reading.bank
    present = reading.present()
    tokens = [reading.tokens_at(number) for number in range(len(hits))]
    dense = sorted(_dense_scores(hits, channel), reverse=True)
    others = dense[1:]
    unseen = terms.unseen_weight or 1.0
    return PassageEvidence(
        dense=max(dense, default=0.0),
        dense_peak=dense[0] - sum(others) / len(others) if others else max(dense, default=0.0),
        coverage=max((terms.coverage(t) for t in tokens), default=0.0),
        gap=min((terms.worst_gap(t) for t in tokens), default=1.0 if terms.focus_terms else 0.0),
        agreement=max((_agree(hit, channel) for hit in hits), default=0.0),
        rarity=max(
            (weight for alternatives, weight in present if any(alternatives & t for t in tokens)),
            default=0.0,
        )
        / unseen,
        present_coverage=max((covered(present, t) for t in tokens), default=0.0),
        specific_coverage=max(
            (covered(reading.specific_at(number), t) for number, t in enumerate(tokens)),
            default=0.0,
        ),
        sentence_coverage=max(
            (
                covered(present, _row_tokens(bank, n))
                for hit in hits
                for n in bank.in_chunk(hit.chunk)
            ),
            default=0.0,
        ),
        joint_coverage=terms.coverage(reading.passage_tokens()),
    )


def _row_tokens(bank: SentenceBank, index: int) -> frozenset[str]:
    """A sentence's tokens, a table row's with its header row's (SentenceBank.table_header): a
    row's words are its cells under its column names, wherever the passage holding it opens (a
    long table's later passages do not hold the header row itself)."""
    header = bank.table_header(index)
    return bank.tokens[index] if header is None else bank.tokens[index] | bank.tokens[header]


def _agree(hit: Hit, channel: str | None) -> float:
    """1 when the passage ranks in the first three of both BM25 and the answer `channel`."""
    ranks = [rank for name, rank in hit.channel_ranks.items() if name in (LEXICAL, channel)]
    return 1.0 if len(ranks) > 1 and max(ranks) <= 3 else 0.0


def _typical_meaning(
    best_dense: float, query: np.ndarray | None, centroid: np.ndarray | None
) -> list[float]:
    """The question's similarity to the corpus centroid, and how far the best dense hit rises
    above it (an off-topic question is about as close to its best passage as to anything the
    corpus says); zeros when either vector is unknown."""
    if query is None or centroid is None or len(query) != len(centroid):
        return [0.0, 0.0]
    typical = float(np.dot(query, centroid))
    return [typical, best_dense - typical]
