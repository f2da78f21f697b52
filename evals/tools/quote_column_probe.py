"""Session 19 probe: new quote-ranker columns, out of fold on the dev train halves.

Collects each answerable dev-train question once (answer_rows.ask), appends candidate columns,
refits the quote ranker out of fold by document (ranker_fitting.out_of_fold_ranker, hand power 1,
lead .9 as shipped) per variant and draw, prints per-set quote<=400 / median characters.

    PYTHONPATH=src python evals/tools/quote_column_probe.py --cache DIR [--draws 9,10,11]
        [--variants base,all,refers_back+back_after_best,...]

Session 19's probe (tried, not shipped; evals/README.md). Not a test: figures only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ranker_fitting
from answer_rows import Asked, ask, open_corpus, outcome
from train_sets import corpora

from citeqa import answer_models
from citeqa.answer_features import SENTENCE_FEATURES
from citeqa.answer_location import term_positions
from citeqa.evaluation.corpora import eval_cache_dir
from citeqa.quote_context import _refers_back

NEW = (
    "best_offset",  # sentence index minus the hand-best candidate's, same document, |d|<=4, else 9
    "after_best",  # 1 when the sentence directly follows the hand-best candidate
    "refers_back",  # opens by referring back (quote_context's rule)
    "back_after_best",  # refers back and follows the hand-best candidate within 2 sentences
    "first_match_at",  # share of words before the first matched question term (1 none)
    "after_last_match",  # share of words after the last matched question term (1 none)
)


def extra_columns(a: Asked) -> np.ndarray:
    bank = a.assistant._loaded.bank
    if not len(a.scored):
        return np.zeros((0, len(NEW)))
    hand = a.rows[:, SENTENCE_FEATURES.index("hand_score")]
    best = a.scored[int(np.argmax(hand))]
    best_sentence = bank.sentences[best.index]
    focus = a.terms.own_terms
    out = []
    for item in a.scored:
        s = bank.sentences[item.index]
        d = item.index - best.index
        offset = float(d) if s.doc_id == best_sentence.doc_id and abs(d) <= 4 else 9.0
        text = bank.documents[s.doc_id].text
        back = float(_refers_back(text, s.start))
        lang = a.top[item.passage_rank - 1].chunk.lang
        words = bank.words(item.index, lang)
        positions = term_positions(words, focus)
        n = max(1, len(words))
        if positions:
            places = [p for ps in positions.values() for p in ps]
            first, after = min(places) / n, (n - 1 - max(places)) / n
        else:
            first, after = 1.0, 1.0
        out.append(
            [offset, float(offset == 1.0), back, float(back and 0 < offset <= 2), first, after]
        )
    return np.array(out, dtype=np.float64)


def evaluate(asked: list[Asked], quoter) -> dict[str, tuple[float, float, int]]:
    by_set: dict[str, list[tuple[bool, int]]] = {}
    for a in asked:
        o = outcome(a, None, 1.01, quoter)
        length = sum(len(c.quote) for c in o.citations)
        by_set.setdefault(a.item.set, []).append((o.right, length))
    return {
        name: (
            float(np.mean([r for r, _ in v])),
            statistics.median([n for _, n in v if n]) if any(n for _, n in v) else 0.0,
            len(v),
        )
        for name, v in sorted(by_set.items())
    }


def line(label: str, figures: dict) -> str:
    macro = statistics.mean(f[0] for f in figures.values())
    median = statistics.mean(f[1] for f in figures.values())
    cells = " | ".join(f"{k} {f[0]:.3f}/{f[1]:.0f}" for k, f in figures.items())
    return f"{label:<28} {cells} | macro {macro:.4f} median {median:.1f}"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--cache", type=Path, required=True)
    p.add_argument("--draws", default="9")
    p.add_argument("--variants", default="base,all")
    p.add_argument("--power", type=float, default=1.0)
    p.add_argument("--lead", type=float, default=0.9)
    args = p.parse_args()
    began = time.perf_counter()
    asked: list[Asked] = []
    for corpus in corpora():
        items = [i for i in corpus.items if i.role == "train" and i.answerable]
        if not items:
            continue
        assistant = open_corpus(corpus, eval_cache_dir(args.cache))
        for item in items:
            a = ask(assistant, item)
            if a.early:
                continue
            asked.append(a)
        print(f"{corpus.name}: {len(items)} asked, {time.perf_counter() - began:.0f} s", flush=True)
    base_rows = [a.rows for a in asked]
    extras = [extra_columns(a) for a in asked]
    print(f"columns {time.perf_counter() - began:.0f} s", flush=True)
    shipped = answer_models.shipped_models().quoter
    print(line("shipped quoter (in-sample)", evaluate(asked, shipped)), flush=True)
    for variant in args.variants.split(","):
        names = [] if variant == "base" else list(NEW) if variant == "all" else variant.split("+")
        picks = [NEW.index(n) for n in names]
        features = SENTENCE_FEATURES + tuple(names)
        for a, rows, extra in zip(asked, base_rows, extras, strict=True):
            a.rows = np.hstack([rows, extra[:, picks]]) if picks else rows
        ranker_fitting.SENTENCE_FEATURES = features
        results = []
        for draw in (int(d) for d in args.draws.split(",")):
            ranker_fitting.SEED = draw
            by_rows = ranker_fitting.out_of_fold_ranker(asked, 5, quote=True)
            blend = {"hand_power": args.power, "neighbour_ratio": 1.01, "lead_ratio": args.lead}
            frozen = ranker_fitting.Frozen(by_rows, blend, None, features)
            figures = evaluate(asked, frozen)
            results.append(figures)
            print(line(f"{variant} d{draw}", figures), flush=True)
        if len(results) > 1:
            mean = {
                k: tuple(statistics.mean(r[k][j] for r in results) for j in range(3))
                for k in results[0]
            }
            print(line(f"{variant} mean", mean), flush=True)
    print(f"done {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
