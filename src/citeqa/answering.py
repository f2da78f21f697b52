"""Hits → Answer: choose the sentences that answer, quote them, decide to abstain.

The sentences of the top passages are scored (sentences.py); the best one to three are quoted
(quoting.py) with citations checked against the document text. Confidence (0..1) is a logistic
blend of the evidence (see `confidence`), lowered when the question names a drug or trial the
corpus never mentions. Below the threshold, the answer abstains and still lists the closest
passages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from citeqa import abstention
from citeqa.config import Settings
from citeqa.models import Answer, Document, Hit, Lang, Passage, Retrieval
from citeqa.questions import QuestionTerms
from citeqa.quoting import answer_text, citations_of, quote_spans, verified
from citeqa.sentences import ScoredSentence, SentenceBank, score_sentences

NEIGHBOUR_RATIO = 0.85
"""A further sentence is quoted when its score is at least this share of the best one."""
LEAD_RATIO = 0.9
"""Of the sentences scoring at least this share of the best, the shortest leads the quote:
near-equal evidence read at a glance (macro quote accuracy within 400 characters over the dev
halves: .378 when the top score always leads, .389 at 0.9; test halves .403 and .405)."""


def choose(
    scored: list[ScoredSentence], bank: SentenceBank, limit: int, budget: int
) -> list[ScoredSentence]:
    """The shortest of the near-best sentences, then others close in score while the quote
    stays within `budget` characters, at most `limit`, in reading order."""
    if not scored:
        return []
    best = min(
        (s for s in scored if s.score >= LEAD_RATIO * scored[0].score),
        key=lambda s: _length(s, bank),
    )
    chosen = [best]
    length = _length(best, bank)
    for candidate in scored:
        if len(chosen) >= limit or candidate.score < NEIGHBOUR_RATIO * scored[0].score:
            break
        if candidate is best or length + _length(candidate, bank) > budget:
            continue
        chosen.append(candidate)
        length += _length(candidate, bank)
    return sorted(
        chosen,
        key=lambda s: (
            bank.sentences[s.index].doc_id != bank.sentences[best.index].doc_id,
            bank.sentences[s.index].doc_id,
            bank.sentences[s.index].start,
        ),
    )


CONFIDENCE_WEIGHTS = {
    "bias": 1.26,
    "semantic": 1.07,
    "coverage": -0.45,
    "context": 0.02,
    "agreement": 0.33,
    "unknown_names": -2.15,
    "missing": -0.57,
    "passage_coverage": 0.31,
    "gap": -1.13,
}
"""Logistic weights of the evidence features (see `confidence_features`), fitted on the dev
half of evals/ by evals/tools/fit_confidence.py (class-balanced logistic regression)."""


def _length(item: ScoredSentence, bank: SentenceBank) -> int:
    sentence = bank.sentences[item.index]
    return sentence.end - sentence.start


def confidence_features(
    best: ScoredSentence, top_hit: Hit, terms: QuestionTerms, bank: SentenceBank
) -> dict[str, float]:
    """The evidence behind an answer, each feature roughly in 0..1."""
    ranks = top_hit.channel_ranks
    passage_tokens = frozenset().union(*(bank.tokens[n] for n in bank.in_chunk(top_hit.chunk)))
    return {
        "bias": 1.26,
        "semantic": best.semantic,
        "coverage": best.coverage,
        "context": best.context,
        "agreement": 1.0 if len(ranks) > 1 and max(ranks.values()) <= 3 else 0.0,
        "unknown_names": terms.unknown_names,
        "missing": terms.missing,
        "passage_coverage": terms.coverage(passage_tokens | bank.section_tokens(top_hit.chunk)),
        "gap": terms.worst_gap(passage_tokens | bank.section_tokens(top_hit.chunk)),
    }


def confidence(
    best: ScoredSentence | None, top_hit: Hit | None, terms: QuestionTerms, bank: SentenceBank
) -> float:
    """How sure the evidence makes us, 0..1: meaning, key-term coverage, channel agreement,
    minus unknown names (a drug or trial the corpus never mentions)."""
    if best is None or top_hit is None:
        return 0.0
    features = confidence_features(best, top_hit, terms, bank)
    logit = sum(CONFIDENCE_WEIGHTS[name] * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-logit)), 4)


def passages_of(retrieval: Retrieval, documents: Mapping[str, Document]) -> list[Passage]:
    return [
        Passage(
            rank=rank,
            doc_id=hit.chunk.doc_id,
            title=documents[hit.chunk.doc_id].title,
            path=documents[hit.chunk.doc_id].path,
            start=hit.chunk.start,
            end=hit.chunk.end,
            text=hit.chunk.text,
            lang=hit.chunk.lang,
            score=round(hit.score, 6),
        )
        for rank, hit in enumerate(retrieval.hits, 1)
    ]


def compose(
    question: str,
    retrieval: Retrieval,
    bank: SentenceBank,
    terms: QuestionTerms,
    query_vector: np.ndarray | None,
    settings: Settings,
) -> Answer:
    """The Answer for a retrieval: quotes and citations, or an abstention with the passages."""
    lang = retrieval.query_lang
    early = abstention.before_search(terms, lang)
    if early is not None:
        shown = [] if terms.focus_terms == 0 else passages_of(retrieval, bank.documents)
        return abstained(question, early, lang, 0.0, shown)
    top = retrieval.hits[: settings.answer_passages]
    scored = score_sentences(bank, top, terms, query_vector)
    chosen = choose(scored, bank, settings.max_quote_sentences, settings.quote_budget)
    sure = confidence(scored[0] if scored else None, top[0] if top else None, terms, bank)
    citations = citations_of(quote_spans(chosen, bank, top), bank.documents)
    passages = passages_of(retrieval, bank.documents)
    if (
        sure < settings.abstain_threshold
        or not citations
        or not verified(citations, bank.documents)
    ):
        return abstained(question, abstention.not_answered(terms, lang), lang, sure, passages)
    return Answer(
        question=question,
        abstained=False,
        confidence=sure,
        answer=answer_text(citations),
        citations=citations,
        passages=passages,
    )


def abstained(
    question: str, reason: str, lang: Lang, sure: float, passages: list[Passage]
) -> Answer:
    """An abstention: the reason in words, and the closest passages for the reader to judge."""
    return Answer(
        question=question,
        abstained=True,
        confidence=sure,
        answer=abstention.message(reason, lang, bool(passages)),
        passages=passages,
        reason=reason,
    )
