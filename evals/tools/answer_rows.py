"""What the answer-model trainer reads, and what citeqa would quote under given models.

`collect` asks every question of the evaluation sets (train_sets.py) as citeqa asks it: the top
passages of the evidence fusion, their candidate sentences, each sentence's features
(answer_features.py) and its label (does quoting it alone answer, within the length limit?),
kept as an `Asked`. `outcome` says what citeqa would quote of an `Asked` under given rankers,
the question's evidence row (question_evidence.py) and whether the quote is right;
`macro_quote_accuracy` averages that over the sets. Used by train_answer_models.py and its
helpers, and by quote_errors.py.
"""

from __future__ import annotations

import functools
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from train_extra import extra_corpora
from train_sets import Corpus, Item, corpora, quote_right

from citeqa import abstention, answering, candidates
from citeqa.answer_features import LONG_QUOTE, Wants, sentence_features
from citeqa.answer_location import Reading
from citeqa.answer_models import AnswerModels, Model, sentence_scores
from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.evaluation.corpora import index_dir_for
from citeqa.followups import in_context
from citeqa.question_evidence import question_features
from citeqa.questions import QuestionTerms
from citeqa.quoting import citations_of, quote_spans
from citeqa.sentences import QuestionScores


@dataclass
class Asked:
    """One question after retrieval: its candidates, their features and labels."""

    item: Item
    assistant: Assistant
    early: bool
    top: list
    terms: QuestionTerms
    scored: list
    rows: np.ndarray
    labels: np.ndarray
    meaning: tuple = (None, None)
    """The question's answer-channel vector and the corpus centroid (question_features)."""

    @property
    def channel(self) -> str | None:
        """The index's answer channel (question_features), None without a vector channel."""
        return self.assistant._loaded.index.manifest.answer_channel


def open_corpus(corpus: Corpus, cache: Path) -> Assistant:
    """The corpus's assistant, its index in the eval cache (built or updated when needed)."""
    settings = Settings(
        corpus_dir=corpus.corpus_dir, index_dir=index_dir_for(cache, corpus.corpus_dir)
    )
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def ask(assistant: Assistant, item: Item) -> Asked:
    """What the assistant sees for one question, as api.Assistant._answer computes it: the
    top passages of the evidence fusion (Settings.evidence_channel_weights), which the answer
    models read and quote from, whatever the ranking shown (which is not run)."""
    context = assistant.follow_up_context(item.text, item.follows)
    text = in_context(context, item.text) if context else item.text
    terms = assistant._terms(item.text, context)
    if abstention.before_search(terms, "en") is not None:
        return Asked(item, assistant, True, [], terms, [], np.zeros((0, 0)), np.zeros(0))
    vectors = assistant._query_vectors(text)
    depth, evidence = assistant.settings.answer_passages, assistant._fusions[-1:]
    top = assistant._retrievals(text, vectors, depth, terms, evidence)[1].hits[:depth]
    bank = assistant._loaded.bank
    channel = assistant._loaded.index.manifest.answer_channel
    answer_vector = vectors.get(channel or "")
    scored = QuestionScores(bank, terms, answer_vector).scored(top)
    rows = sentence_features(scored, bank, top, terms, Wants.of(terms.focus))
    labels = np.array([_right_alone(item, s, bank, top) for s in scored], dtype=np.float64)
    meaning = (answer_vector, assistant._loaded.centroid)
    return Asked(item, assistant, False, top, terms, scored, rows, labels, meaning)


def _right_alone(item: Item, sentence, bank, top) -> bool:
    """Whether quoting this sentence alone, as written (not cut to its clauses), answers within
    the evaluation's length limit: the ranker learns to prefer a sentence short enough to read
    whole (labels taken on the clause cut made it prefer an over-long sentence's fragment to a
    whole sentence holding the answer, e.g. a secondary end point's clause over the primary
    result); answers still cut a long sentence it picks (outcome, below)."""
    if not item.answerable:
        return False
    citations = citations_of(quote_spans([sentence], bank, top), bank.documents)
    short = sum(len(c.quote) for c in citations) <= LONG_QUOTE
    return short and quote_right(item, citations)


def collect(cache: Path, extra: tuple[str, ...] = ()) -> list[Asked]:
    """Every question asked of its corpus; with `extra`, the training-only sets of those kinds
    too (train_extra.py)."""
    asked: list[Asked] = []
    for corpus in extra_corpora(corpora(), cache, extra) if extra else corpora():
        began = time.perf_counter()
        assistant = open_corpus(corpus, cache)
        asked.extend(ask(assistant, item) for item in corpus.items)
        print(
            f"{corpus.name}: {len(corpus.items)} questions, {time.perf_counter() - began:.0f} s",
            flush=True,
        )
    return asked


@dataclass
class Outcome:
    evidence: np.ndarray
    citations: list
    right: bool


def outcome(a: Asked, ranker: Model | None, ratio: float, quoter: Model | None = None) -> Outcome:
    """What citeqa would quote: by the quote ranker, else by the sentence ranker, else (both
    None) by the hand score; the evidence is read in the sentence ranker's order."""
    bank, settings = a.assistant._loaded.bank, a.assistant.settings
    scores = sentence_scores(ranker, a.rows) if ranker is not None and len(a.scored) else None
    probabilities = scores if scores is not None else np.zeros(len(a.scored))
    candidates = answering.in_order(a.scored, probabilities, a.rows)
    if ranker is None and quoter is None:
        chosen = answering.choose_by_score(
            a.scored, bank, settings.max_quote_sentences, settings.quote_budget
        )
    else:
        quoting = candidates if quoter is None else _by_quoter(a, quoter)
        lead = (quoter or ranker).extra.get("lead_ratio", 1.0)  # type: ignore[union-attr]
        chosen = answering.choose(
            quoting, bank, settings.max_quote_sentences, ratio, settings.quote_budget, lead
        )
    citations = citations_of(quote_spans(chosen, bank, a.top, a.terms), bank.documents)
    evidence = question_features(
        candidates.probabilities,
        candidates.rows,
        Reading(bank, a.top, a.terms),
        a.meaning,
        a.channel,
    )
    short = sum(len(c.quote) for c in citations) <= LONG_QUOTE
    return Outcome(evidence, citations, short and quote_right(a.item, citations))


def _by_quoter(a: Asked, quoter: Model) -> candidates.Candidates:
    """The candidates in the quote ranker's order (answering.reordered), scored on the rows as
    collected, which out-of-fold predictions are keyed by."""
    scores = sentence_scores(quoter, a.rows) if len(a.scored) else np.zeros(0)
    return answering.in_order(a.scored, scores, a.rows)


def by_set(asked: list[Asked]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for number, a in enumerate(asked):
        groups.setdefault(a.item.set, []).append(number)
    return groups


def macro_quote_accuracy(
    asked: list[Asked], ranker: Model | None, ratio: float, quoter: Model | None = None
) -> float:
    answerable = [a for a in asked if a.item.answerable and not a.early]
    rights = [outcome(a, ranker, ratio, quoter).right for a in answerable]
    groups = by_set(answerable)
    return statistics.mean(float(np.mean([rights[i] for i in idx])) for idx in groups.values())


def unlikely(models: AnswerModels, evidence: np.ndarray, sure: float) -> bool:
    """Whether citeqa, with its default settings, would refuse to answer (answering.refusal)
    given the question's evidence row and the confidence `sure` that the quote is right."""
    answerable = float(models.answerability.predict(evidence))
    return answering.refusal(models, answerable, sure, _defaults()) is not None


@functools.cache
def _defaults() -> Settings:
    """citeqa's default settings, read once (Settings() rereads the environment and the config
    file: ~0.5 ms a question)."""
    return Settings()
