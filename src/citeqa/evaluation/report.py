"""`evaluate`: one run of a question set under the default settings and its ablations.

The result is an `EvalReport`, a pydantic model: `citeqa eval --json` prints it, and
`citeqa.evaluation.markdown` renders it as evals/REPORT.md. It records what was measured
(models, settings, index manifest hash, the set's sha256) next to the figures.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from citeqa.answer_models import shipped_models
from citeqa.answering import confidence_floor
from citeqa.evaluation.ablations import PlannedAblation, plan_ablations
from citeqa.evaluation.metrics import (
    Metrics,
    QuestionResult,
    abstention_sweep,
    by_kind,
    by_lang_pair,
    summarize,
)
from citeqa.evaluation.midsession import MidSession, mid_session
from citeqa.evaluation.questions import EvalQuestion, EvalSetError
from citeqa.evaluation.runner import (
    AssistantLike,
    Progress,
    check_documents,
    run_questions,
    with_passage_languages,
)
from citeqa.models import Answer, ChannelInfo, IndexStatus

SplitChoice = Literal["dev", "test", "all"]
SWEEP_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 17))
"""Least confidences answered (`min_confidence`) tried in the sweep: 0.05 … 0.80, and the
run's own."""


class Configuration(BaseModel):
    """What was measured: the index, its models and the settings."""

    manifest_hash: str
    index_dir: str
    corpus_dir: str
    channels: list[ChannelInfo] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    confidence_floor: float | None = None
    """The least confidence answered: `min_confidence`, or the shipped models' floor when that
    setting is unset (what the sweep varies)."""


class AblationResult(BaseModel):
    """One ablation's metrics per split."""

    name: str
    description: str
    overrides: dict[str, Any]
    metrics: dict[str, Metrics]
    by_lang_pair: dict[str, dict[str, Metrics]] = Field(default_factory=dict)
    """split → language pair → metrics."""


class EvalReport(BaseModel):
    """Everything one `citeqa eval` run measured."""

    created_at: str
    set_path: str
    set_sha256: str
    split: SplitChoice
    questions: dict[str, int]
    """Questions evaluated, per split and in all."""
    configuration: Configuration
    headline_split: str
    headline: dict[str, Metrics]
    """Default configuration, per split ("dev", "test", "all")."""
    breakdowns: dict[str, dict[str, dict[str, Metrics]]]
    """split → "language pair" / "kind" → group → metrics (default configuration)."""
    ablations: list[AblationResult] = Field(default_factory=list)
    skipped_ablations: list[str] = Field(default_factory=list)
    abstention_sweep: list[dict[str, float | None]] = Field(default_factory=list)
    sweep_split: str = "dev"
    results: list[QuestionResult] = Field(default_factory=list)
    """Per question, default configuration."""
    mid_session: MidSession | None = None
    """The standalone answerable questions asked after another one in one session, default
    configuration (midsession.py), when measured."""


def evaluate(
    assistant: AssistantLike,
    questions: list[EvalQuestion],
    *,
    set_path: Path,
    split: SplitChoice = "all",
    ablations: bool = True,
    progress: Progress | None = None,
    also_mid_session: bool = False,
) -> EvalReport:
    """Run the set (or one split of it) under the default settings and, optionally, ablations;
    with `also_mid_session`, its standalone answerable questions asked mid-session too."""
    status = assistant.status()  # walks the corpus (hashing only changed files): once
    check_documents(status, questions)
    questions = with_passage_languages(status, questions)
    selected = [q for q in questions if split == "all" or q.split == split]
    if not selected:
        raise EvalSetError(f"question set {set_path} has no question in the {split} split")
    carried = _carried_channels(assistant)
    plan, skipped = plan_ablations(assistant.settings, carried)
    if not ablations:
        plan, skipped = plan[:1], []
    answers: dict[str, Answer] = {}
    runs = [
        _run(assistant, ablation, selected, questions, progress, answers if n == 0 else None)
        for n, ablation in enumerate(plan)
    ]
    default = runs[0].results
    asked_mid_session = (
        mid_session(assistant, selected, answers, progress=progress) if also_mid_session else None
    )
    configuration = _configuration(assistant, status)
    return EvalReport(
        created_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        set_path=str(set_path),
        set_sha256=hashlib.sha256(set_path.read_bytes()).hexdigest(),
        split=split,
        questions=_counts(selected),
        configuration=configuration,
        headline_split="test" if any(q.split == "test" for q in selected) else "dev",
        headline=_per_split(default, summarize),
        breakdowns=_breakdowns(default),
        ablations=[run.result for run in runs],
        skipped_ablations=skipped,
        abstention_sweep=_sweep(default, configuration.confidence_floor or 0.0),
        sweep_split="dev" if any(r.split == "dev" for r in default) else "test",
        results=default,
        mid_session=asked_mid_session,
    )


class _Run:
    """One configuration's judged results and its summary per split."""

    def __init__(self, ablation: PlannedAblation, results: list[QuestionResult]) -> None:
        self.results = results
        self.result = AblationResult(
            name=ablation.name,
            description=ablation.description,
            overrides=ablation.overrides,
            metrics=_per_split(results, summarize),
            by_lang_pair=_per_split(results, by_lang_pair),
        )


def _run(
    assistant: AssistantLike,
    ablation: PlannedAblation,
    selected: list[EvalQuestion],
    questions: list[EvalQuestion],
    progress: Progress | None,
    answers: dict[str, Answer] | None = None,
) -> _Run:
    configured = assistant.configured(**ablation.overrides) if ablation.overrides else assistant
    results = run_questions(
        configured, selected, questions, progress=progress, stage=ablation.name, answers=answers
    )
    return _Run(ablation, results)


def _carried_channels(assistant: AssistantLike) -> set[str]:
    """Vector channels the loaded index carries (`Assistant.channels`: read from its manifest,
    without describing the index as `status` does)."""
    return set(assistant.channels) or set(assistant.settings.channels)


def _counts(selected: list[EvalQuestion]) -> dict[str, int]:
    counts = {"all": len(selected)}
    for question in selected:
        counts[question.split] = counts.get(question.split, 0) + 1
    return counts


def _splits(results: list[QuestionResult]) -> dict[str, list[QuestionResult]]:
    """Results per split present, plus "all" when both halves are there."""
    groups: dict[str, list[QuestionResult]] = {}
    for name in ("dev", "test"):
        part = [r for r in results if r.split == name]
        if part:
            groups[name] = part
    if len(groups) > 1:
        groups["all"] = results
    return groups


def _per_split(results: list[QuestionResult], summary: Any) -> dict[str, Any]:
    return {name: summary(part) for name, part in _splits(results).items()}


def _breakdowns(results: list[QuestionResult]) -> dict[str, dict[str, dict[str, Metrics]]]:
    return {
        name: {"language pair": by_lang_pair(part), "kind": by_kind(part)}
        for name, part in _splits(results).items()
        if name != "all"
    }


def _sweep(results: list[QuestionResult], floor: float) -> list[dict[str, float | None]]:
    """Abstention figures per least confidence answered (the current one among them), on the
    dev half (where tuning belongs)."""
    tuning = [r for r in results if r.split == "dev"] or results
    return abstention_sweep(tuning, sorted({*SWEEP_THRESHOLDS, round(floor, 4)}))


def _configuration(assistant: AssistantLike, status: IndexStatus) -> Configuration:
    settings = assistant.settings
    return Configuration(
        manifest_hash=assistant.manifest_hash,
        index_dir=str(settings.index_dir),
        corpus_dir=str(settings.corpus_dir),
        channels=list(status.channels),
        settings=settings.model_dump(mode="json", exclude={"index_dir", "corpus_dir"}),
        confidence_floor=round(confidence_floor(shipped_models(), settings), 4),
    )
