"""Session 20 probe: what choosing otherwise among today's candidates does to quote accuracy.

Asks each answerable question of the chosen sets' half once (answer_rows.ask, the shipped
models, no abstention applied) and prints per set quote<=400 / median quoted characters, and
their macro means, for:
  shipped      the quote answer_rows.outcome makes (the shipped quote ranker's choice)
  lead L       the shortest sentence the quote ranker rates at least L of its best
  blend w      the shortest of the near-best (lead .9) by quote ranker^(1-w) * sentence ranker^w
  pair r/B     the shipped quote and the quote ranker's runner-up, when the runner-up rates at
               least r of the best and the two quotes total at most B characters

    PYTHONPATH=src python evals/tools/quote_choice_probe.py --cache DIR [--half train|check]

Each candidate is quoted alone as citeqa quotes it (quoting.quote_spans with the question's
terms: clause cut, neighbours). Not a test: figures only (evals/README.md, session 20).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from answer_rows import Asked, ask, open_corpus, outcome
from train_sets import corpora, quote_right

from citeqa.answer_models import sentence_scores, shipped_models
from citeqa.evaluation.corpora import eval_cache_dir
from citeqa.evaluation.judging import QUOTE_LIMIT
from citeqa.quoting import citations_of, quote_spans

SETS = ("bundled", "piaf", "piaf-paragraphs", "pubmedqa")


@dataclass(frozen=True)
class Candidate:
    quoter: float
    ranker: float
    sentence_chars: int
    quote_chars: int
    right: bool


@dataclass(frozen=True)
class Question:
    set: str
    shipped_chars: int
    shipped_right: bool
    candidates: list[Candidate]
    """Best first by the quote ranker."""


def collected(a: Asked) -> Question:
    """The question's shipped quote and its candidates, each quoted alone."""
    models = shipped_models()
    bank = a.assistant._loaded.bank
    ratio = models.quoter.extra.get("neighbour_ratio", 1.0)
    judged = outcome(a, models.ranker, ratio, models.quoter)
    quoter = sentence_scores(models.quoter, a.rows) if len(a.scored) else np.zeros(0)
    ranker = sentence_scores(models.ranker, a.rows) if len(a.scored) else np.zeros(0)
    candidates = []
    for number in np.argsort(-quoter, kind="stable"):
        item = a.scored[number]
        sentence = bank.sentences[item.index]
        citations = citations_of(quote_spans([item], bank, a.top, a.terms), bank.documents)
        chars = sum(len(c.quote) for c in citations)
        right = chars <= QUOTE_LIMIT and quote_right(a.item, citations)
        candidates.append(
            Candidate(
                float(quoter[number]),
                float(ranker[number]),
                sentence.end - sentence.start,
                chars,
                right,
            )
        )
    chars = sum(len(c.quote) for c in judged.citations)
    return Question(a.item.set, chars, judged.right, candidates)


Choice = Callable[[Question], tuple[int, bool]]
"""A variant: the question's quoted characters and whether the quote is right."""


def shipped(q: Question) -> tuple[int, bool]:
    return q.shipped_chars, q.shipped_right


def lead(share: float) -> Choice:
    def choice(q: Question) -> tuple[int, bool]:
        top = q.candidates[0].quoter
        near = [c for c in q.candidates if c.quoter >= share * top]
        best = min(near, key=lambda c: c.sentence_chars)
        return best.quote_chars, best.right

    return choice


def blend(weight: float) -> Choice:
    def score(c: Candidate) -> float:
        return float(np.log(max(c.quoter, 1e-6)) * (1 - weight)) + float(
            np.log(max(c.ranker, 1e-6)) * weight
        )

    def choice(q: Question) -> tuple[int, bool]:
        top = max(score(c) for c in q.candidates)
        near = [c for c in q.candidates if score(c) >= top + np.log(0.9)]
        best = min(near, key=lambda c: c.sentence_chars)
        return best.quote_chars, best.right

    return choice


def pair(share: float, budget: int) -> Choice:
    def choice(q: Question) -> tuple[int, bool]:
        chars, right = q.shipped_chars, q.shipped_right
        if len(q.candidates) < 2:
            return chars, right
        best, runner = q.candidates[:2]
        if runner.quoter >= share * best.quoter and chars + runner.quote_chars <= budget:
            return chars + runner.quote_chars, right or runner.right
        return chars, right

    return choice


def report(name: str, questions: list[Question], choice: Choice) -> None:
    cells, rights, medians = [], [], []
    for set_name in SETS:
        outcomes = [choice(q) for q in questions if q.set == set_name and q.candidates]
        if not outcomes:
            continue
        right = sum(r for _, r in outcomes) / len(outcomes)
        median = statistics.median(c for c, _ in outcomes)
        cells.append(f"{set_name} {right:.3f}/{median:.0f}")
        rights.append(right)
        medians.append(median)
    macro = f"macro {statistics.mean(rights):.4f} / {statistics.mean(medians):.1f}"
    print(f"{name:<14}{'  '.join(cells)}  {macro}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", default="train", choices=("train", "check"))
    parser.add_argument("--cache", type=Path, default=None, help="eval cache (indexes)")
    args = parser.parse_args()
    questions: list[Question] = []
    for corpus in corpora():
        items = [
            item
            for item in corpus.items
            if item.set in SETS and item.role == args.half and item.answerable
        ]
        if not items:
            continue
        assistant = open_corpus(corpus, eval_cache_dir(args.cache))
        asked = (ask(assistant, item) for item in items)
        questions.extend(collected(a) for a in asked if not a.early)
    variants: list[tuple[str, Choice]] = [("shipped", shipped)]
    variants += [(f"lead {share}", lead(share)) for share in (1.0, 0.9, 0.8)]
    variants += [(f"blend {weight}", blend(weight)) for weight in (0.5, 1.0)]
    variants += [
        (f"pair {share}/{budget}", pair(share, budget))
        for share in (0.7, 0.5, 0.3)
        for budget in (250, 400)
    ]
    for name, choice in variants:
        report(name, questions, choice)


if __name__ == "__main__":
    main()
