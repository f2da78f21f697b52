"""Measure retrieval (MRR@10, hit@1) of fusion settings on the answerable sets, fast.

    python evals/tools/tune_fusion.py --cache DIR [--split dev] [--sets a,b] \
        [--grid '{"weight_lexical": [0.5, 1.0]}'] [--limit N] [--peers]

Each question's query vectors and terms are computed once; every setting of the grid (the
product of the lists given, over `Settings` fields) then re-runs only fusion, selection and the
sentence rerank, so a grid of a dozen settings over the dev halves takes minutes. Prints one
line per setting: each set's MRR and hit@1 and their macro average. Indexes come from eval's
cache (`citeqa eval --sets ... --cache DIR` builds them). With `--peers`, each line also gives
each set's margin over its best peer (MRR), read from the peer results `citeqa eval --sets`
cached for the same questions (never computed here: MiniLM takes minutes per set); a set whose
peers are not cached gets none. `--limit` leaves the peers out (they answered the whole set).
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path
from typing import Any

from citeqa.config import load_settings
from citeqa.evaluation.corpora import Assistants, cached_peer_metrics
from citeqa.evaluation.judging import Span, is_relevant
from citeqa.evaluation.metrics import CUTOFF, reciprocal_rank
from citeqa.evaluation.sets import EvalSet, load_sets
from citeqa.questions import clean_question


def prepared(assistant: Any, questions: list) -> list[tuple]:
    """(question, cleaned text, vectors, terms) of each standalone answerable question."""
    rows = []
    for q in questions:
        if not q.is_answerable or q.follows is not None:
            continue
        text, _ = clean_question(q.question, assistant.settings.max_question_chars)
        rows.append((q, text, assistant._query_vectors(text), assistant._terms(text, None)))
    return rows


def measure(assistant: Any, rows: list[tuple]) -> tuple[float, float, float]:
    """MRR@10, hit@1 and mean ms per question of `assistant` over the prepared rows."""
    rr, hit1, began = [], [], time.perf_counter()
    for q, text, vectors, terms in rows:
        hits = assistant._retrieve(text, vectors, CUTOFF, terms).hits
        spans = [Span(h.chunk.doc_id, h.chunk.start, h.chunk.end, h.chunk.text) for h in hits]
        ranks = [r for r, span in enumerate(spans, 1) if is_relevant(q, span)]
        rr.append(reciprocal_rank(ranks))
        hit1.append(1.0 if ranks and ranks[0] == 1 else 0.0)
    ms = (time.perf_counter() - began) * 1000 / max(1, len(rows))
    return statistics.fmean(rr), statistics.fmean(hit1), ms


def best_peer(eval_set: EvalSet, cache: Path) -> tuple[str, float] | None:
    """The set's best peer by MRR@10 and its MRR, if `citeqa eval --sets` cached the peers'
    results for these questions; None otherwise (they are not computed here)."""
    metrics = cached_peer_metrics(eval_set, cache)
    if metrics is None:
        return None
    mrr = {peer: figures.mrr or 0.0 for peer, figures in metrics.items()}
    name = max(mrr, key=mrr.__getitem__)
    return name, mrr[name]


def grid(spec: dict[str, list]) -> list[dict[str, Any]]:
    keys = sorted(spec)
    combos = itertools.product(*(spec[k] for k in keys))
    return [dict(zip(keys, values, strict=True)) for values in combos]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--sets", default="bundled,piaf,pubmedqa,piaf-paragraphs")
    parser.add_argument("--grid", default="{}")
    parser.add_argument("--limit", type=int, default=0, help="questions per set (0: all)")
    parser.add_argument("--peers", action="store_true", help="margin over the best cached peer")
    args = parser.parse_args()
    settings = load_settings()
    assistants = Assistants(settings, args.cache.resolve(), None)
    loaded, peers = [], {}
    for eval_set in load_sets(args.sets.split(","), split=args.split):
        assistant = assistants(eval_set.corpus_dir)
        rows = prepared(assistant, eval_set.questions)
        loaded.append((eval_set.name, assistant, rows[: args.limit] if args.limit else rows))
        found = best_peer(eval_set, args.cache.resolve()) if args.peers and not args.limit else None
        if found:
            peers[eval_set.name] = found
            print(f"{eval_set.name}: best peer {found[0]} MRR {found[1]:.3f}", flush=True)
    for overrides in grid(json.loads(args.grid)):
        figures = {}
        for name, assistant, rows in loaded:
            figures[name] = measure(assistant.configured(**overrides), rows)
        macro = statistics.fmean(f[0] for f in figures.values())
        sets = "  ".join(
            f"{n} {m:.3f}/{h:.3f}{_margin(m, peers.get(n))} {ms:.0f}ms"
            for n, (m, h, ms) in figures.items()
        )
        print(f"{json.dumps(overrides)}  macro MRR {macro:.4f}  {sets}", flush=True)


def _margin(mrr: float, peer: tuple[str, float] | None) -> str:
    return f" ({mrr - peer[1]:+.3f} vs {peer[0]})" if peer else ""


if __name__ == "__main__":
    main()
