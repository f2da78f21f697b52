"""Train citeqa's learned answer layer and write it to src/citeqa/data/ as JSON (never pickle).

    pip install -e '.[train]'
    python evals/tools/train_answer_models.py [--cache DIR] [--write]
        [--keep-ranker | --quote-ranker-only | --confidence-only] [--extra KINDS]

Asks every question of the evaluation sets (train_sets.py: evals/sets/, indexes in the eval
cache, built when missing) and collects the features of answer_features.py and
question_evidence.py. Then, on the `dev` halves only, it fits (fixed seeds, two threads,
about a minute once collected):
- the sentence ranker: gradient-boosted trees (LightGBM, binary) on "does this sentence's quote
  hold the answer?" over MATCH_FEATURES, each question weighing the same; its probabilities are
  the evidence the next two models read;
- the answerability model: gradient-boosted trees on "do the documents answer?" over the
  question features. Its threshold is chosen on out-of-fold predictions (5 folds by question
  text, over three fold draws), as the highest that keeps false abstention (averaged over the
  draws) at most TARGET_FALSE_ABSTENTION on every answerable dev set; the bias is shifted
  so that it sits at 0.5 (Settings.abstain_threshold). It also prints what folds by document
  read at that threshold (answer_folds.held_out_report), the figure that tracks the test
  halves: select changes on it;
- the confidence model: a logistic regression (scikit-learn) on "is the quote right?", rescaled
  to be calibrated on the answers given, held out by document (confidence_fit.py), so that
  answers given at 0.8 are right about 80 % of the time; the answerability model's confidence
  floor moves with it.
- the quote ranker: the same task over every SENTENCE_FEATURES (with the answer-locating ones,
  answer_location.py), smaller and more regularised trees (RANKER_PARAMETERS); it chooses the
  quoted sentence, its blend chosen on out-of-fold predictions as the sentence ranker's is.
With --keep-ranker both rankers and their blends stay, and only the answerability and confidence
models are fitted (on evidence from out-of-fold rankers all the same). With --quote-ranker-only
the other three models stay as shipped and only the quote ranker is fitted and written: the
evidence the answerability and confidence models were trained on does not move. With
--confidence-only every other model stays as shipped and only the confidence model is fitted
(on the quotes the shipped quote ranker chooses, out of fold; the answerability model is
written again, its trees as they were, its confidence floor moved to the new scale): run it
after a new quote ranker, whose quotes the confidence model judges.
With --extra, the training-only unanswerable sets of train_extra.py whose names start with the
given kinds (nearmiss, offtopic-piaf, ...) are learnt from too, never judged: the held-out
figures read the evaluation sets alone.
Trees are exported from LightGBM's own JSON dump to flat arrays (answer_models.TreeModel).
It prints every set's figures on both halves and the reliability table of the test halves.
Here: the answerability and confidence models, the threshold, the report. The questions as
asked, and what citeqa would quote of them, are answer_rows.py's; the rankers and their
blends, ranker_fitting.py's; fitting trees and writing JSON, model_fitting.py's.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_folds import held_out_report, out_of_fold, question_folds, question_groups
from answer_rows import Asked, by_set, collect, outcome, unlikely
from confidence_fit import calibrated, logit, moved_floor
from model_fitting import fit_logistic, fit_trees, write
from ranker_fitting import Frozen, choose_blend, fit_quoter, fit_ranker, out_of_fold_ranker
from train_sets import SEED

from citeqa.answer_features import MATCH_FEATURES
from citeqa.answer_models import (
    ANSWERABILITY,
    CONFIDENCE,
    QUOTER,
    RANKER,
    AnswerModels,
    LogisticModel,
    read_model,
)
from citeqa.evaluation.corpora import eval_cache_dir
from citeqa.evaluation.reliability import reliability, reliability_rows
from citeqa.question_evidence import QUESTION_FEATURES

TARGET_FALSE_ABSTENTION = 0.02
MIN_CONFIDENCES = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08)
"""The confidence floors tried, on the scale of the confidence logistic before its rescaling
(confidence_fit.moved_floor), so the same floors are tried whatever the rescaling."""
ANSWERABILITY_ROUNDS = 200


def set_weights(asked: list[Asked]) -> np.ndarray:
    """Each set weighs the same, whatever its size; a set's unanswerable questions (the
    bundled set's questions about what its corpus never mentions) count as a set of their own,
    so that their kind is not drowned by the answerable ones."""
    keys = [f"{a.item.set}{'' if a.item.answerable else ' (unanswerable)'}" for a in asked]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return np.array([len(asked) / (len(counts) * counts[key]) for key in keys])


def threshold(asked: list[Asked], draws: list[np.ndarray], forced: np.ndarray) -> float | None:
    """The highest threshold that keeps false abstention low on every answerable set, given
    the questions that abstain anyway (`forced`), a set's false abstention averaged over the
    fold draws' out-of-fold probabilities (`draws`); None when even `forced` are too many."""
    groups = [
        np.array([i for i in idx if asked[i].item.answerable], dtype=np.int64)
        for idx in by_set(asked).values()
    ]
    answerable = [group for group in groups if len(group)]
    for t in np.arange(0.95, 0.0, -0.01):
        worst = 0.0
        for group in answerable:
            shares = [np.mean(forced[group] | (p[group] < t)) for p in draws]
            worst = max(worst, float(np.mean(shares)))
        if worst <= TARGET_FALSE_ABSTENTION:
            return float(t)
    return None


def abstention_recall(asked: list[Asked], abstained: np.ndarray) -> float:
    """Macro abstention recall over the unanswerable questions of each set."""
    groups = [[i for i in idx if not asked[i].item.answerable] for idx in by_set(asked).values()]
    return statistics.mean(float(np.mean(abstained[g])) for g in groups if g)


def choose_abstention(
    asked: list[Asked], draws: list[np.ndarray], sure: np.ndarray, confidence: LogisticModel
) -> tuple[float, float]:
    """(threshold, unscaled floor): the pair with the best macro abstention recall whose
    false abstention stays within the target on every answerable set, both averaged over the
    fold draws (`draws`: out-of-fold answerability probabilities, one array per draw); a
    confidence below the floor abstains too (the quote would almost surely be wrong). The
    floors tried are MIN_CONFIDENCES, on the scale of the `confidence` model before its
    rescaling (moved_floor moves them to the confidence shown: min_confidence)."""
    best, best_recall = (0.01, 0.0), -1.0
    for unscaled in MIN_CONFIDENCES:
        floor = moved_floor(unscaled, confidence)
        t = threshold(asked, draws, sure < floor)
        if t is None:
            print(f"  min confidence {floor:.4f}: false abstention over the target")
            continue
        recall = statistics.mean(abstention_recall(asked, (p < t) | (sure < floor)) for p in draws)
        print(f"  min confidence {floor:.4f}: threshold {t:.2f}, abstention recall {recall:.3f}")
        if recall > best_recall + 1e-9:
            best, best_recall = (t, unscaled), recall
    return best


FOLD_SEEDS = (SEED, SEED + 1, SEED + 2)
"""The fold draws the answerability model's out-of-fold figures are averaged over: one draw's
chosen threshold moved by .03 and its macro recall by .05 from one seed to the next."""


def answerability_out_of_fold(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, fold_of: np.ndarray
) -> np.ndarray:
    """Each row's answerability predicted by trees fitted without its fold (`fold_of`)."""

    def trees(inside: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        rows = x[inside], y[inside], w[inside]
        return fit_trees(*rows, QUESTION_FEATURES, ANSWERABILITY_ROUNDS).predict

    return out_of_fold(x, fold_of, trees)


UNSCALED_FLOOR = "min_confidence_unscaled"
"""The answerability model's confidence floor on the scale of the confidence logistic before
its rescaling (MIN_CONFIDENCES), kept so that a refit of the confidence model alone moves the
same floor to its new scale."""


def floors(unscaled: float, confidence: LogisticModel) -> dict[str, float]:
    """The answerability model's confidence floor, shown scale (min_confidence) and unscaled."""
    return {"min_confidence": moved_floor(unscaled, confidence), UNSCALED_FLOOR: unscaled}


def calibrated_confidence(
    open_: list[Asked],
    x: np.ndarray,
    right: np.ndarray,
    weights: np.ndarray,
    by_document: list[np.ndarray],
    keys: list[str],
    t: float,
    unscaled: float,
) -> LogisticModel:
    """The confidence model calibrated on the answers citeqa gives (confidence_fit.calibrated,
    over the fold draws FOLD_SEEDS; `keys`: each question's document)."""

    def fit(rows: np.ndarray, labels: np.ndarray, w: np.ndarray) -> LogisticModel:
        return fit_logistic(rows, labels, w, QUESTION_FEATURES)

    sets = [a.item.set for a in open_]
    rows = x, right, weights
    return calibrated(rows, keys, sets, by_document, (t, unscaled), fit, FOLD_SEEDS)


def abstention_and_confidence(
    open_: list[Asked],
    x: np.ndarray,
    right: np.ndarray,
    weights: np.ndarray,
    draws: list[np.ndarray],
    by_document: list[np.ndarray],
    keys: list[str],
) -> tuple[float, float, LogisticModel]:
    """(threshold, unscaled floor, confidence model): the abstention chosen (choose_abstention)
    with the confidence logistic before its rescaling, then the confidence calibrated on the
    questions that threshold and floor answer. The rescaling (a·logit + b, a > 0, of the same
    deterministic logistic) keeps the order and moves the floor with the scale, so the pick
    holds with the rescaled model; it is not chosen again."""
    confidence = fit_logistic(x, right, weights, QUESTION_FEATURES)
    t, unscaled = choose_abstention(open_, draws, confidence.predict(x), confidence)
    confidence = calibrated_confidence(open_, x, right, weights, by_document, keys, t, unscaled)
    return t, unscaled, confidence


HELD_OUT_THRESHOLDS = (0.06, 0.08, 0.1, 0.12)
"""Thresholds the held-out-document figures are also printed at, so that two trainings compare
at equal false abstention whatever threshold each chose."""


def judged_report(
    open_: list[Asked],
    answerable: np.ndarray,
    draws: list[np.ndarray],
    forced: np.ndarray,
    t: float,
) -> None:
    """answer_folds.held_out_report over the evaluation sets' questions alone (training-only
    ones, train_extra.py, are learnt from, never judged), at `t` and at HELD_OUT_THRESHOLDS."""
    judged = np.array([not a.item.set.startswith("extra-") for a in open_])
    sets = [a.item.set for a, keep in zip(open_, judged, strict=True) if keep]
    kept = [p[judged] for p in draws]
    for other in sorted({*HELD_OUT_THRESHOLDS, round(t, 2)}):
        held_out_report(sets, answerable[judged], kept, forced[judged], other)


def train(asked: list[Asked], keep_ranker: bool = False, only: str = "") -> AnswerModels:
    """The four models, fitted on the dev halves; with `keep_ranker`, the shipped rankers and
    their blends stay (out-of-fold rankers still give the evidence the other two models learn
    from, as a question the rankers never saw would show it); with `only` == QUOTER, only the
    quote ranker is fitted; with `only` == CONFIDENCE, only the confidence model is."""
    train_half = [a for a in asked if a.item.role == "train"]
    keep_ranker = keep_ranker or only == CONFIDENCE
    quoter, unseen_quoter = fit_quoter(train_half, keep_ranker)
    if only == QUOTER:
        return AnswerModels(
            read_model(RANKER, MATCH_FEATURES),
            read_model(ANSWERABILITY, QUESTION_FEATURES),
            read_model(CONFIDENCE, QUESTION_FEATURES),
            quoter,
        )
    if keep_ranker:
        ranker = read_model(RANKER, MATCH_FEATURES)
        extra = dict(ranker.extra)
        by_rows = out_of_fold_ranker([a for a in train_half if a.item.answerable and not a.early])
    else:
        power, ratio, by_rows = choose_blend(train_half)
        extra = {"neighbour_ratio": ratio, "hand_power": power}
        ranker = dataclasses.replace(fit_ranker(train_half), extra=extra)
    unseen = Frozen(by_rows, extra, ranker)  # the evidence as a question not trained on sees it
    open_ = [a for a in train_half if not a.early]
    ratio = quoter.extra["neighbour_ratio"]
    outcomes = [outcome(a, unseen, ratio, unseen_quoter) for a in open_]  # type: ignore[arg-type]
    x = np.vstack([o.evidence for o in outcomes])
    weights = set_weights(open_)
    answerable = np.array([a.item.answerable for a in open_], dtype=np.float64)
    right = np.array([o.right for o in outcomes], dtype=np.float64)
    keys = question_groups([a.item for a in open_])
    by_document = [
        answerability_out_of_fold(x, answerable, weights, question_folds(keys, 5, s))
        for s in FOLD_SEEDS
    ]
    if only == CONFIDENCE:
        shipped = read_model(ANSWERABILITY, QUESTION_FEATURES)
        t = shipped.extra["threshold_before_shift"]
        unscaled = shipped.extra.get(UNSCALED_FLOOR, shipped.extra.get("min_confidence", 0.0))
        confidence = calibrated_confidence(open_, x, right, weights, by_document, keys, t, unscaled)
        extra = {**shipped.extra, **floors(unscaled, confidence)}
        return AnswerModels(ranker, dataclasses.replace(shipped, extra=extra), confidence, quoter)
    texts = [a.item.text for a in open_]
    draws = [
        answerability_out_of_fold(x, answerable, weights, question_folds(texts, 5, s))
        for s in FOLD_SEEDS
    ]
    t, unscaled, confidence = abstention_and_confidence(
        open_, x, right, weights, draws, by_document, keys
    )
    refused = confidence.predict(x) < moved_floor(unscaled, confidence)
    judged_report(open_, answerable > 0, by_document, refused, t)
    model = fit_trees(x, answerable, weights, QUESTION_FEATURES, ANSWERABILITY_ROUNDS)
    shifted = dataclasses.replace(
        model,
        bias=model.bias - float(logit(np.array(t))),
        extra={"threshold_before_shift": t, **floors(unscaled, confidence)},
    )
    return AnswerModels(ranker, shifted, confidence, quoter)


def report(asked: list[Asked], models: AnswerModels) -> None:
    """Per set and half: abstention (false abstention on answerable sets, recall on the
    others), quote accuracy (citations ≤ 400 characters), the best any candidate sentence
    could do, and the median quote length."""
    ratio = models.quoter.extra["neighbour_ratio"]
    print(
        f"{'set':<22}{'half':<7}{'n':>6}{'abstain':>9}{'quote≤400':>11}{'hand':>7}"
        f"{'oracle':>8}{'len':>6}"
    )
    table: list[tuple[str, float, bool]] = []
    for name, idx in sorted(by_set(asked).items()):
        for role in ("train", "check"):
            for answerable in (True, False):
                group = [
                    asked[i]
                    for i in idx
                    if asked[i].item.role == role and asked[i].item.answerable == answerable
                ]
                if not group:
                    continue
                rows = [_judged(a, models, ratio) for a in group]
                lengths = [n for abstained, _, n, _ in rows if not abstained]
                oracle = np.mean([a.labels.any() for a in group]) if answerable else 0.0
                hand = np.mean([not a.early and outcome(a, None, 1).right for a in group])
                label = name if answerable else f"{name} (unans.)"
                print(
                    f"{label:<22}{role:<7}{len(group):>6}{np.mean([r[0] for r in rows]):>9.3f}"
                    f"{np.mean([r[1] for r in rows]):>11.3f}{hand:>7.3f}{oracle:>8.3f}"
                    f"{statistics.median(lengths) if lengths else 0:>6.0f}",
                    flush=True,
                )
                if role == "check":
                    table.extend((name, r[3], r[1]) for r in rows if not r[0])
    print_reliability([(sure, right) for _, sure, right in table])
    errors = {
        name: reliability([(sure, right) for n, sure, right in table if n == name])
        for name in sorted({n for n, _, _ in table})
    }
    shown = ", ".join(f"{name} {r.calibration_error} ({r.answers})" for name, r in errors.items())
    print(f"  per set (answers): {shown}")


def _judged(a: Asked, models: AnswerModels, ratio: float) -> tuple[bool, bool, int, float]:
    """(abstained, right, quote length, confidence) as citeqa would answer."""
    if a.early:
        return True, False, 0, 0.0
    o = outcome(a, models.ranker, ratio, models.quoter)
    sure = float(models.confidence.predict(o.evidence))
    abstained = unlikely(models, o.evidence, sure) or not o.citations
    length = sum(len(c.quote) for c in o.citations)
    return abstained, o.right and not abstained, length, sure


def print_reliability(pairs: list[tuple[float, bool]]) -> None:
    """The reliability table of the check halves' answers (citeqa.evaluation.reliability)."""
    table = reliability(pairs)
    print("\nreliability (check halves, answered questions): confidence bin → share right")
    for low_high, answers, _, share in reliability_rows(table):
        print(f"  {low_high}: {share} of {answers}")
    print(f"  expected calibration error {table.calibration_error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="eval cache (indexes)")
    parser.add_argument("--write", action="store_true", help="write the models to src/citeqa/data")
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--keep-ranker",
        action="store_true",
        help="keep the shipped rankers; fit only the answerability and confidence models",
    )
    which.add_argument(
        "--quote-ranker-only",
        action="store_true",
        help="keep the sentence ranker, answerability and confidence; fit the quote ranker",
    )
    which.add_argument(
        "--confidence-only",
        action="store_true",
        help="keep the rankers and the answerability model; fit the confidence model",
    )
    parser.add_argument(
        "--extra",
        default="",
        help="learn from the training-only sets of these kinds too, comma-separated name "
        "prefixes: nearmiss, offtopic, nearmiss-piaf, offtopic-piaf, ... (train_extra.py)",
    )
    args = parser.parse_args()
    began = time.perf_counter()
    extra = tuple(kind.strip() for kind in args.extra.split(",") if kind.strip())
    asked = collect(eval_cache_dir(args.cache), extra)
    collected = time.perf_counter()
    only = QUOTER if args.quote_ranker_only else CONFIDENCE if args.confidence_only else ""
    models = train(asked, args.keep_ranker, only)
    print(f"collect {collected - began:.0f} s, train {time.perf_counter() - collected:.0f} s")
    report(asked, models)
    if args.write:
        write(models, only)


if __name__ == "__main__":
    main()
