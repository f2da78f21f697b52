"""Ablations: the same loaded index measured under other settings, so defaults come from numbers.

Each ablation is a named set of Settings overrides applied with `Assistant.configured(...)`.
Switches are listed both ways (fusion rrf / blend, expansion on / off, language-aware lexical
weighting on / off), so whichever the default is, the other side gets measured.
An ablation is skipped when the index does not carry the vector channel it needs, and dropped
when, on this index, it changes nothing relative to the default or to an earlier ablation
(e.g. "vectors only" equals "use only" when USE is the only channel). An ablation of channel
weights or the rerank sets both fusions' (the ranking shown's and the evidence's the answer
models read: twofusions.FUSIONS), so that its answer columns measure it too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from citeqa.config import Settings
from citeqa.embedding import known_channels
from citeqa.evaluation.metrics import CUTOFF
from citeqa.retrieval import channel_weight
from citeqa.twofusions import FUSIONS

CROSS_FACTOR = 0.3
"""The "language-aware lexical" ablation weighs cross-language BM25 this much of same-language."""


@dataclass(frozen=True)
class Ablation:
    """A named variation of the settings."""

    name: str
    description: str
    overrides: Callable[[Settings], dict[str, object]]
    needs: tuple[str, ...] = field(default=())
    """Vector channels the index must carry for this ablation to mean anything."""


def _alone(channel: str, others: list[str]) -> Callable[[Settings], dict[str, object]]:
    """Overrides that leave one vector channel alone in both fusions (weight at least 1 where
    it was 0)."""

    def overrides(settings: Settings) -> dict[str, object]:
        changed: dict[str, object] = {
            "weight_lexical": 0.0,
            "weight_lexical_cross": 0.0,
            "weight_vectors": settings.weight_vectors or 1.0,
        }
        for name, _ in FUSIONS:
            weights = dict(getattr(settings, name))
            weights.update({other: 0.0 for other in others if other != channel})
            fusion = settings.model_copy(update={"channel_weights": weights})
            if channel_weight(channel, fusion, True) == 0:
                weights[channel] = 1.0
            changed[name] = weights
        return changed

    return overrides


def _no_rerank(settings: Settings) -> dict[str, object]:
    """Both fusions keep their fused order."""
    return {rerank: 0.0 for _, rerank in FUSIONS}


def channel_ablations(channels: list[str]) -> tuple[Ablation, ...]:
    """One "<channel> only" ablation per vector channel in `channels`."""
    return tuple(
        Ablation(f"{name} only", f"the {name} channel alone", _alone(name, channels), (name,))
        for name in channels
    )


HEAD: tuple[Ablation, ...] = (
    Ablation("default", "the default settings", lambda s: {}),
    Ablation(
        "lexical only",
        "BM25 alone (every vector channel weighted 0)",
        lambda s: {"weight_vectors": 0.0},
    ),
)
"""The ablations listed before the per-channel ones."""

TAIL: tuple[Ablation, ...] = (
    Ablation(
        "vectors only",
        "all vector channels, no BM25",
        lambda s: {"weight_lexical": 0.0, "weight_lexical_cross": 0.0},
    ),
    Ablation("fusion rrf", "weighted reciprocal-rank fusion", lambda s: {"fusion": "rrf"}),
    Ablation("fusion blend", "weighted blend of normalised scores", lambda s: {"fusion": "blend"}),
    Ablation("no query expansion", "no glossary expansion", lambda s: {"expand_queries": False}),
    Ablation("with query expansion", "glossary expansion on", lambda s: {"expand_queries": True}),
    Ablation(
        "no language-aware lexical",
        "BM25 weighed the same whatever the passage language",
        lambda s: {"weight_lexical_cross": s.weight_lexical},
    ),
    Ablation(
        "language-aware lexical",
        f"BM25 weighed {CROSS_FACTOR} × when the passage is in the other language",
        lambda s: {"weight_lexical_cross": round(CROSS_FACTOR * s.weight_lexical, 4)},
    ),
    Ablation(
        "no cross-language lexical",
        "BM25 ignored when the passage is in the other language",
        lambda s: {"weight_lexical_cross": 0.0},
    ),
    Ablation("no per-document cap", "no per-document cap", lambda s: {"per_doc_cap": CUTOFF}),
    Ablation(
        "no sentence reranking",
        "fused order kept (no reordering by best sentence), in both fusions",
        _no_rerank,
    ),
)
"""The ablations listed after the per-channel ones."""


def all_ablations() -> tuple[Ablation, ...]:
    """Every ablation, with one per registered vector channel."""
    return HEAD + channel_ablations(known_channels()) + TAIL


@dataclass(frozen=True)
class PlannedAblation:
    """An ablation to run on this index, with its effective overrides."""

    name: str
    description: str
    overrides: dict[str, object]


def effective_overrides(
    settings: Settings, overrides: dict[str, object], carried: set[str]
) -> dict[str, object]:
    """The overrides that change something on an index carrying `carried` channels (weights
    of channels it does not carry change nothing)."""
    kept = dict(overrides)
    for name, _ in FUSIONS:
        if isinstance(weights := kept.get(name), dict):
            kept[name] = {c: w for c, w in weights.items() if c in carried}
            if kept[name] == {c: w for c, w in getattr(settings, name).items() if c in carried}:
                del kept[name]
    return {key: value for key, value in kept.items() if getattr(settings, key) != value}


def plan_ablations(
    settings: Settings, carried: set[str], ablations: tuple[Ablation, ...] | None = None
) -> tuple[list[PlannedAblation], list[str]]:
    """The ablations worth running here, and a note for each one skipped."""
    planned: list[PlannedAblation] = []
    skipped: list[str] = []
    seen: dict[str, str] = {}
    for ablation in all_ablations() if ablations is None else ablations:
        missing = [c for c in ablation.needs if c not in carried]
        if missing:
            skipped.append(f"{ablation.name}: the index carries no {', '.join(missing)} channel")
            continue
        overrides = effective_overrides(settings, ablation.overrides(settings), carried)
        key = json.dumps(overrides, sort_keys=True, default=str)
        if key in seen:
            skipped.append(f"{ablation.name}: same as {seen[key]} on this index")
            continue
        seen[key] = ablation.name
        planned.append(PlannedAblation(ablation.name, ablation.description, overrides))
    return planned, skipped
