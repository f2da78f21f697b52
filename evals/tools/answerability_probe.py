"""Would a new column help the answerability model? Refit it with candidate columns and compare.

A measurement, not part of citeqa (evals/README "Session 44, candidate answerability columns").
It runs the trainer's `--keep-ranker` path (train_answer_models.train: shipped rankers, their
out-of-fold evidence, answerability trees, threshold, floor and confidence refitted; fixed
seeds) once per variant, each variant the question features with the named CANDIDATES columns
appended, and prints, beside the trainer's own figures, how well the out-of-fold answerability
held out by document (three draws averaged) separates each unanswerable kind from the
answerable questions (`kind_aucs`: ROC AUC per kind and answerable set, then pooled). A column
that separates lifts these AUCs; a threshold move does not. Nothing is written.

    python evals/tools/answerability_probe.py --cache DIR --variants ";lex_gap;lex_gap,lex_norm"

(";"-separated variants, each a comma-separated list of CANDIDATES names; an empty variant is
the baseline: today's columns alone.) Past variants lost their scratch drivers (evals/README,
sessions 9 and 19): this one is kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import answer_rows
import train_answer_models as trainer
from answer_rows import Asked, Outcome

from citeqa.answer_features import SENTENCE_FEATURES, Wants, holds_asked_name, holds_asked_value
from citeqa.answer_location import Reading
from citeqa.evaluation.corpora import eval_cache_dir
from citeqa.language import question_lang
from citeqa.lexical import query_tokens
from citeqa.question_evidence import QUESTION_FEATURES
from citeqa.retrieval import LEXICAL
from citeqa.topic_terms import covered

KINDS = ("offtopic", "nearmiss")
"""The unanswerable kinds whose separation is read (set names start with them)."""
ANSWERABLE_SETS = ("piaf", "pubmedqa", "bundled")
"""The answerable sets each kind is also read against alone."""


def _quote_text(o: Outcome) -> str:
    return " ".join(c.quote for c in o.citations)


def _quote_share(a: Asked, o: Outcome, specific: bool) -> float:
    """The IDF-weighted share of the question's corpus-used (or specific) terms the quote holds."""
    reading = Reading(a.assistant._loaded.bank, a.top, a.terms)
    terms = reading.specific() if specific else reading.present()
    return covered(terms, frozenset(query_tokens(_quote_text(o)))) if terms else 1.0


def _quote_rarity(a: Asked, o: Outcome) -> float:
    """The weight of the rarest corpus-used question term the quote holds, over an unseen one's."""
    tokens = frozenset(query_tokens(_quote_text(o)))
    present = Reading(a.assistant._loaded.bank, a.top, a.terms).present()
    held = [weight for alternatives, weight in present if not alternatives.isdisjoint(tokens)]
    return max(held, default=0.0) / (a.terms.unseen_weight or 1.0)


def _quote_holds_type(a: Asked, o: Outcome) -> float:
    """1 when the question asks a kind of value the quote holds, 0 when not, .5 when none."""
    wants, text = Wants.of(a.terms.focus), _quote_text(o)
    if not wants.kinds:
        return 0.5
    return float(holds_asked_value(wants, text) or holds_asked_name(wants, text))


def _top1_agree(a: Asked, o: Outcome) -> float:
    """1 when BM25's first passage is the answer channel's first too."""
    first = [n for n, hit in enumerate(a.top) if hit.channel_ranks.get(LEXICAL) == 1]
    dense = [
        n for n, hit in enumerate(a.top) if a.channel and hit.channel_ranks.get(a.channel) == 1
    ]
    return float(bool(first) and first == dense)


def _lexical(a: Asked) -> list[float]:
    return sorted((hit.channel_scores.get(LEXICAL, 0.0) for hit in a.top), reverse=True)


def _lex_gap(a: Asked, o: Outcome) -> float:
    """How far the best BM25 score among the passages rises above the second, over the best."""
    scores = _lexical(a)
    return (scores[0] - scores[1]) / scores[0] if len(scores) > 1 and scores[0] > 0 else 0.0


def _lex_norm(a: Asked, o: Outcome) -> float:
    """The best BM25 score over the question's total term weight."""
    scores = _lexical(a)
    return scores[0] / (sum(weight for _, weight in a.terms.own_terms) or 1.0) if scores else 0.0


def _top_doc_share(a: Asked, o: Outcome) -> float:
    """The share of the passages that come from the first passage's document."""
    first = a.top[0].chunk.doc_id if a.top else None
    return sum(hit.chunk.doc_id == first for hit in a.top) / max(1, len(a.top))


def _same_lang_share(a: Asked, o: Outcome) -> float:
    """The share of the passages in the question's language."""
    lang = question_lang(a.terms.focus)
    return sum(hit.chunk.lang == lang for hit in a.top) / max(1, len(a.top))


def _cross_top(a: Asked, o: Outcome) -> float:
    """1 when the first passage is not in the question's language."""
    return float(bool(a.top) and a.top[0].chunk.lang != question_lang(a.terms.focus))


def _best(column: str) -> Callable[[Asked, Outcome], float]:
    """The best candidate sentence's value of a SENTENCE_FEATURES column."""
    number = SENTENCE_FEATURES.index(column)

    def best(a: Asked, o: Outcome) -> float:
        return float(a.rows[:, number].max()) if len(a.rows) else 0.0

    return best


CANDIDATES: dict[str, Callable[[Asked, Outcome], float]] = {
    "quote_present": lambda a, o: _quote_share(a, o, specific=False),
    "quote_specific": lambda a, o: _quote_share(a, o, specific=True),
    "quote_rarity": _quote_rarity,
    "quote_holds_type": _quote_holds_type,
    "top1_agree": _top1_agree,
    "lex_gap": _lex_gap,
    "lex_norm": _lex_norm,
    "top_doc_share": _top_doc_share,
    "same_lang_share": _same_lang_share,
    "cross_top": _cross_top,
    **{
        f"best_{column}": _best(column)
        for column in (
            "bigrams",
            "question_run",
            "matched_share",
            "specific_share",
            "proximity",
            "bm25",
        )
    },
}
"""Candidate columns, each read of a question as asked (Asked) and of what citeqa would quote
of it (Outcome)."""


def roc_auc(positive: np.ndarray, score: np.ndarray) -> float:
    """The chance that a positive scores above a negative (ties count half); .5 without both."""
    ranks = np.empty(len(score))
    order = np.argsort(score, kind="stable")
    ranks[order] = np.arange(1, len(score) + 1)
    for value in np.unique(score):  # ties share their mean rank
        tied = score == value
        ranks[tied] = ranks[tied].mean()
    positives = int(positive.sum())
    negatives = len(score) - positives
    if not positives or not negatives:
        return 0.5
    return float(
        (ranks[positive].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


def kind_aucs(sets: list[str], answerable: np.ndarray, probability: np.ndarray) -> dict[str, float]:
    """How well `probability` (of answering) ranks answerable questions above each unanswerable
    kind: "<kind>/<set>" against one answerable set, "<kind>/all" against every answerable
    question, "all" every unanswerable question but content-free inputs against them."""
    names = np.array(sets)
    aucs: dict[str, float] = {}
    for kind in KINDS:
        unanswerable = np.char.startswith(names, kind) & ~answerable
        for name in (*ANSWERABLE_SETS, "all"):
            against = answerable & (names == name) if name != "all" else answerable
            mask = unanswerable | against
            aucs[f"{kind}/{name}"] = roc_auc(answerable[mask], probability[mask])
    mask = ~np.char.startswith(names, "contentfree")
    aucs["all"] = roc_auc(answerable[mask], probability[mask])
    return aucs


@contextmanager
def appended(names: list[str]) -> Iterator[None]:
    """The trainer reading the question features with the CANDIDATES `names` appended."""
    outcome, features, report = trainer.outcome, trainer.QUESTION_FEATURES, trainer.judged_report

    def extended(a: Asked, ranker, ratio, quoter=None) -> Outcome:
        o = answer_rows.outcome(a, ranker, ratio, quoter)
        o.evidence = np.concatenate([o.evidence, [CANDIDATES[n](a, o) for n in names]])
        return o

    def judged(open_, answerable, draws, forced, t) -> None:
        sets = [a.item.set for a in open_]
        aucs = kind_aucs(sets, answerable > 0, np.mean(draws, axis=0))
        print("  held-out documents, AUC: " + ", ".join(f"{k} {v:.4f}" for k, v in aucs.items()))
        report(open_, answerable, draws, forced, t)

    trainer.outcome = extended
    trainer.QUESTION_FEATURES = QUESTION_FEATURES + tuple(names)  # type: ignore[assignment]
    trainer.judged_report = judged
    try:
        yield
    finally:
        trainer.outcome, trainer.QUESTION_FEATURES, trainer.judged_report = (
            outcome,
            features,
            report,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="eval cache (indexes)")
    parser.add_argument("--variants", default="", help="';'-separated lists of CANDIDATES")
    args = parser.parse_args()
    variants = [[n for n in v.split(",") if n] for v in args.variants.split(";")]
    unknown = {n for v in variants for n in v} - set(CANDIDATES)
    if unknown:
        parser.error(f"unknown columns: {', '.join(sorted(unknown))}")
    asked = answer_rows.collect(eval_cache_dir(args.cache))
    for names in variants:
        print(f"\nvariant: {', '.join(names) or 'today’s columns'}", flush=True)
        with appended(names):
            trainer.train(asked, keep_ranker=True)


if __name__ == "__main__":
    main()
