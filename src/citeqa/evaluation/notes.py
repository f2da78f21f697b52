"""Plain-language notes on what an evaluation says about the defaults.

Each ablation is compared with the default on the dev half (the tuning half): the mean change of
hit@5, MRR, nDCG@10 and quote accuracy says whether the default's choice is supported. The
`min_confidence` sweep suggests the value with the best recall minus false-abstention rate.
"""

from __future__ import annotations

from citeqa.evaluation.metrics import Metrics
from citeqa.evaluation.report import EvalReport

NOTE_METRICS = ("hit_5", "mrr", "ndcg_10", "quote_accuracy")
"""Metrics whose mean change decides whether an ablation is better or worse than the default."""
TOLERANCE = 0.01
"""Mean changes smaller than this count as no measurable difference."""


def tuning_split(report: EvalReport) -> str | None:
    """The split on which to compare configurations: dev when it was run."""
    if not report.ablations:
        return None
    default = report.ablations[0].metrics
    return "dev" if "dev" in default else next(iter(default), None)


def mean_change(ablation: Metrics, default: Metrics) -> float | None:
    """Mean difference (ablation − default) over the note metrics both define."""
    deltas = []
    for field in NOTE_METRICS:
        a, d = getattr(ablation, field), getattr(default, field)
        if a is not None and d is not None:
            deltas.append(a - d)
    return sum(deltas) / len(deltas) if deltas else None


def _figures(ablation: Metrics, default: Metrics) -> str:
    parts = []
    for label, field in (("hit@5", "hit_5"), ("MRR", "mrr"), ("quote acc", "quote_accuracy")):
        a, d = getattr(ablation, field), getattr(default, field)
        if a is not None and d is not None:
            parts.append(f"{label} {a:.3f} vs {d:.3f}")
    return ", ".join(parts)


def ablation_notes(report: EvalReport) -> list[str]:
    """One bullet per ablation: better, worse or no different from the default, on dev."""
    split = tuning_split(report)
    if split is None or len(report.ablations) < 2:
        return []
    default = report.ablations[0].metrics[split]
    notes = []
    for ablation in report.ablations[1:]:
        metrics = ablation.metrics.get(split)
        change = mean_change(metrics, default) if metrics else None
        if metrics is None or change is None:
            continue
        if change <= -TOLERANCE:
            verdict = "worse than the default, which it supports"
        elif change >= TOLERANCE:
            verdict = "**better than the default**: the default should be reconsidered"
        else:
            verdict = "no measurable difference"
        notes.append(
            f"- **{ablation.name}** on {split}: {_figures(metrics, default)} "
            f"(mean change {change:+.3f}): {verdict}."
        )
    return notes


def threshold_note(report: EvalReport) -> list[str]:
    """The sweep's best `min_confidence` (max recall − false-abstention rate) against the
    current one."""
    rows = [
        r
        for r in report.abstention_sweep
        if r["abstention_recall"] is not None and r["false_abstention_rate"] is not None
    ]
    if not rows:
        return []
    best = max(
        rows, key=lambda r: (r["abstention_recall"] or 0) - (r["false_abstention_rate"] or 0)
    )
    current = report.configuration.confidence_floor
    now = "" if current is None else f" (current {current:g})"
    return [
        f"- **min_confidence**{now}: on {report.sweep_split}, "
        f"{best['threshold']:g} gives the best abstention recall minus false-abstention rate "
        f"(recall {best['abstention_recall']:.3f}, false abstentions "
        f"{best['false_abstention_rate']:.3f})."
    ]
