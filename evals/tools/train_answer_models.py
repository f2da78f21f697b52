"""Train citeqa's learned answer layer and write it to src/citeqa/data/ as JSON (never pickle).

    python evals/tools/train_answer_models.py [--work DIR] [--benchmarks DIR] [--write]

Builds (once, in --work) an index of each corpus of train_sets.py, runs retrieval for every
question, and collects the features of answer_features.py. Then, on the "train" halves only
(bundled dev, half of PIAF-dev and PubMedQA-dev by document, generated off-topic and near-miss
questions), it fits three logistic regressions (scikit-learn, fixed seed):
- the sentence ranker: is this sentence's quote more likely right than that one's? (pairs of
  sentences of one question)
- the answerability model: do the documents answer the question? Its threshold is the highest
  that keeps false abstention at most TARGET_FALSE_ABSTENTION on every answerable train set;
  the bias is shifted so that the threshold is 0.5 (Settings.abstain_threshold).
- the confidence model: is the quote right? (calibrated: answers at 0.8 are right ~80 %)
Each set weighs the same (macro average). It prints the figures of every set on both halves
and the reliability table of the "check" halves, and writes the models with --write.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_sets import SEED, Corpus, Item, corpora, quote_right

from citeqa import abstention, answering
from citeqa.answer_features import (
    QUESTION_FEATURES,
    SENTENCE_FEATURES,
    Wants,
    question_features,
    sentence_features,
)
from citeqa.answer_models import AnswerModels, LogisticModel
from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.errors import IndexMissing
from citeqa.questions import in_context, is_follow_up
from citeqa.quoting import citations_of, quote_spans
from citeqa.sentences import score_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "citeqa" / "data"
TARGET_FALSE_ABSTENTION = 0.04
RATIOS = (0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
PAIRS_PER_QUESTION = 40


@dataclass
class Asked:
    """One question after retrieval: its candidates, their features and labels."""

    item: Item
    assistant: Assistant
    early: bool
    top: list
    terms: object
    scored: list
    rows: np.ndarray
    labels: np.ndarray


def open_corpus(corpus: Corpus, work: Path) -> Assistant:
    settings = Settings(corpus_dir=corpus.corpus_dir, index_dir=work / f"index-{corpus.name}")
    try:
        return open_assistant(settings, build_if_missing=False)
    except IndexMissing:
        build_index(settings)
        return open_assistant(settings, build_if_missing=False)


def ask(assistant: Assistant, item: Item) -> Asked:
    context = item.follows if item.follows and is_follow_up(item.question) else None
    text = in_context(context, item.question) if context else item.question
    vectors = assistant._query_vectors(text)
    terms = assistant._terms(item.question, context)
    retrieval = assistant._retrieve(text, vectors, assistant.settings.k, terms)
    if abstention.before_search(terms, "en") is not None:
        return Asked(item, assistant, True, [], terms, [], np.zeros((0, 0)), np.zeros(0))
    bank = assistant._loaded.bank
    top = retrieval.hits[: assistant.settings.answer_passages]
    answer_vector = vectors.get(assistant._loaded.index.manifest.answer_channel or "")
    scored = score_sentences(bank, top, terms, answer_vector)
    rows = sentence_features(scored, bank, top, terms, Wants.of(terms.focus))
    labels = np.array(
        [
            quote_right(item, citations_of(quote_spans([s], bank, top), bank.documents))
            for s in scored
        ],
        dtype=np.float64,
    )
    return Asked(item, assistant, False, top, terms, scored, rows, labels)


def collect(work: Path, benchmarks: Path) -> list[Asked]:
    asked = []
    for corpus in corpora(ROOT, benchmarks, work):
        began = time.perf_counter()
        assistant = open_corpus(corpus, work)
        asked.extend(ask(assistant, item) for item in corpus.items)
        print(
            f"{corpus.name}: {len(corpus.items)} questions, {time.perf_counter() - began:.0f} s",
            flush=True,
        )
    return asked


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, names: tuple[str, ...], c: float):
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit((x - mean) / scale, y, sample_weight=weights)
    return LogisticModel(names, mean, scale, model.coef_[0], float(model.intercept_[0]), {})


def set_weights(asked: list[Asked]) -> np.ndarray:
    """Each set weighs the same, whatever its size."""
    counts: dict[str, int] = {}
    for a in asked:
        counts[a.item.set] = counts.get(a.item.set, 0) + 1
    return np.array([len(asked) / (len(counts) * counts[a.item.set]) for a in asked])


def fit_ranker(asked: list[Asked]) -> LogisticModel:
    """Pairwise (RankNet-style) logistic regression: within each question, a sentence whose
    quote is right against one whose quote is not, so only how sentences of one question
    differ is learned, not how questions differ. Each set weighs the same."""
    useful = [a for a in asked if a.item.answerable and a.labels.any() and not a.labels.all()]
    x_all = np.vstack([a.rows for a in useful])
    mean, scale = x_all.mean(axis=0), x_all.std(axis=0)
    scale[scale == 0] = 1.0
    rng = np.random.default_rng(SEED)
    pairs, weights = [], []
    for a, weight in zip(useful, set_weights(useful), strict=True):
        rows = (a.rows - mean) / scale
        right, wrong = np.flatnonzero(a.labels), np.flatnonzero(a.labels == 0)
        chosen = [(r, w) for r in right for w in wrong]
        if len(chosen) > PAIRS_PER_QUESTION:
            picked = rng.choice(len(chosen), PAIRS_PER_QUESTION, replace=False)
            chosen = [chosen[i] for i in picked]
        for r, w in chosen:
            pairs.extend([rows[r] - rows[w], rows[w] - rows[r]])
            weights.extend([weight / len(chosen)] * 2)
    y = np.tile([1.0, 0.0], len(pairs) // 2)
    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False, random_state=SEED)
    model.fit(np.array(pairs), y, sample_weight=np.array(weights) * len(useful))
    return LogisticModel(SENTENCE_FEATURES, mean, scale, model.coef_[0], 0.0, {})


@dataclass
class Outcome:
    evidence: np.ndarray
    citations: list
    right: bool


def outcome(a: Asked, ranker: LogisticModel, ratio: float) -> Outcome:
    bank = a.assistant._loaded.bank
    probabilities = ranker.predict(a.rows) if len(a.scored) else np.zeros(0)
    order = np.argsort(-probabilities, kind="stable")
    candidates = answering.Candidates(
        [a.scored[i] for i in order], probabilities[order], a.rows[order]
    )
    chosen = answering.choose(candidates, bank, a.assistant.settings.max_quote_sentences, ratio)
    citations = citations_of(quote_spans(chosen, bank, a.top), bank.documents)
    evidence = question_features(candidates.probabilities, candidates.rows, a.top, a.terms, bank)
    return Outcome(evidence, citations, quote_right(a.item, citations))


def by_set(asked: list[Asked]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for number, a in enumerate(asked):
        groups.setdefault(a.item.set, []).append(number)
    return groups


def choose_ratio(asked: list[Asked], ranker: LogisticModel) -> float:
    answerable = [a for a in asked if a.item.answerable and not a.early]
    best, best_score = RATIOS[-1], -1.0
    for ratio in RATIOS:
        rights = [outcome(a, ranker, ratio).right for a in answerable]
        groups = by_set(answerable)
        score = statistics.mean(np.mean([rights[i] for i in idx]) for idx in groups.values())
        print(f"  neighbour ratio {ratio}: macro quote accuracy {score:.3f}", flush=True)
        if score > best_score + 1e-9:
            best, best_score = ratio, score
    return best


def threshold(asked: list[Asked], probabilities: np.ndarray) -> float:
    """The highest threshold that keeps false abstention low on every answerable set."""
    for t in np.arange(0.95, 0.0, -0.01):
        worst = 0.0
        for idx in by_set(asked).values():
            answerable = [i for i in idx if asked[i].item.answerable]
            if answerable:
                abstained = [asked[i].early or probabilities[i] < t for i in answerable]
                worst = max(worst, float(np.mean(abstained)))
        if worst <= TARGET_FALSE_ABSTENTION:
            return float(t)
    return 0.01


def train(asked: list[Asked]) -> AnswerModels:
    train_half = [a for a in asked if a.item.role == "train"]
    ranker = fit_ranker(train_half)
    ratio = choose_ratio(train_half, ranker)
    ranker = dataclasses.replace(ranker, extra={"neighbour_ratio": ratio})
    open_ = [a for a in train_half if not a.early]
    outcomes = [outcome(a, ranker, ratio) for a in open_]
    x = np.vstack([o.evidence for o in outcomes])
    weights = set_weights(open_)
    answerable = np.array([a.item.answerable for a in open_], dtype=np.float64)
    model = fit(x, answerable, weights, QUESTION_FEATURES, 1.0)
    t = threshold(open_, model.predict(x))
    shifted = dataclasses.replace(
        model, bias=model.bias - float(np.log(t / (1 - t))), extra={"threshold_before_shift": t}
    )
    right = np.array([o.right for o in outcomes], dtype=np.float64)
    confidence = fit(x, right, weights, QUESTION_FEATURES, 1.0)
    return AnswerModels(ranker, shifted, confidence)


def report(asked: list[Asked], models: AnswerModels) -> None:
    """Per set and half: abstention (false abstention on answerable sets, recall on the
    others), quote accuracy (citations ≤ 400 characters), the best any candidate sentence
    could do, and the median quote length."""
    ratio = models.ranker.extra["neighbour_ratio"]
    print(f"{'set':<18}{'half':<7}{'n':>6}{'abstain':>9}{'quote≤400':>11}{'oracle':>8}{'len':>6}")
    table = []
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
                label = name if answerable else f"{name} (unans.)"
                print(
                    f"{label:<18}{role:<7}{len(group):>6}{np.mean([r[0] for r in rows]):>9.3f}"
                    f"{np.mean([r[1] for r in rows]):>11.3f}{oracle:>8.3f}"
                    f"{statistics.median(lengths) if lengths else 0:>6.0f}",
                    flush=True,
                )
                if role == "check":
                    table.extend((r[3], r[1]) for r in rows if not r[0])
    reliability(table)


def _judged(a: Asked, models: AnswerModels, ratio: float) -> tuple[bool, bool, int, float]:
    """(abstained, right, quote length, confidence) as citeqa would answer."""
    if a.early:
        return True, False, 0, 0.0
    o = outcome(a, models.ranker, ratio)
    abstained = float(models.answerability.predict(o.evidence)) < 0.5 or not o.citations
    length = sum(len(c.quote) for c in o.citations)
    sure = float(models.confidence.predict(o.evidence))
    return abstained, o.right and not abstained, length, sure


def reliability(pairs: list[tuple[float, bool]]) -> None:
    print("\nreliability (check halves, answered questions): confidence bin → share right")
    for low in np.arange(0.0, 1.0, 0.1):
        inside = [right for sure, right in pairs if low <= sure < low + 0.1]
        if inside:
            print(f"  {low:.1f}–{low + 0.1:.1f}: {np.mean(inside):.2f} of {len(inside)}")


def write(models: AnswerModels) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    for name, model in (
        ("sentence_ranker.json", models.ranker),
        ("answerability.json", models.answerability),
        ("confidence.json", models.confidence),
    ):
        data = {
            "features": list(model.features),
            "mean": [round(float(v), 6) for v in model.mean],
            "scale": [round(float(v), 6) for v in model.scale],
            "weights": [round(float(v), 6) for v in model.weights],
            "bias": round(model.bias, 6),
            "extra": {k: round(v, 4) for k, v in model.extra.items()},
            "trained_by": "evals/tools/train_answer_models.py",
        }
        (DATA / name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/citeqa-train"))
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--write", action="store_true", help="write the models to src/citeqa/data")
    args = parser.parse_args()
    began = time.perf_counter()
    asked = collect(args.work, args.benchmarks)
    collected = time.perf_counter()
    models = train(asked)
    print(f"collect {collected - began:.0f} s, train {time.perf_counter() - collected:.0f} s")
    report(asked, models)
    if args.write:
        write(models)


if __name__ == "__main__":
    main()
