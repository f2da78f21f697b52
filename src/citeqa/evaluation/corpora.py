"""Evaluation across corpora: run citeqa and the peers on (corpus, question set) pairs.

Each set's corpus is indexed in a cache folder this module owns (`eval_cache_dir`: never the
repository; `--cache`, `CITEQA_EVAL_CACHE`, else the per-user cache), updated when the corpus
changed. Each set is reported per system (citeqa and, on answerable sets, each peer), and the
macro average of every metric is taken over the sets where it is defined.

Peers keep no context, so they are asked a set's standalone questions only; where a set also
holds follow-ups, citeqa is reported twice: on every question (`citeqa`) and on exactly the
peers' questions (`PEERS_QUESTIONS`, the same answers scored over fewer questions), so that each
peer has a citeqa row measured on the same questions.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from citeqa import userdirs
from citeqa.config import Settings
from citeqa.evaluation.judging import Outcome, judge_outcome
from citeqa.evaluation.metrics import Metrics, QuestionResult, summarize
from citeqa.evaluation.midsession import STAGE as MID_SESSION_STAGE
from citeqa.evaluation.midsession import MidSession, mid_session
from citeqa.evaluation.peer_cache import (
    Corpus,
    cached_outcomes,
    check_peer_models,
    peer_outcomes,
)
from citeqa.evaluation.peers import PEERS
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.reliability import Reliability, answered, reliability
from citeqa.evaluation.runner import AssistantLike, Progress, check_documents, run_questions
from citeqa.evaluation.sets import EvalSet
from citeqa.models import Answer
from citeqa.paths import folder_key, real_path

CITEQA = "citeqa"
PEERS_QUESTIONS = "citeqa, peers' questions"
"""citeqa scored on the questions the peers were asked (a set's standalone questions)."""
MACRO_FIELDS = (
    "hit_1", "hit_5", "mrr", "quote_accuracy", "quote_accuracy_unlimited", "quote_chars_median",
    "abstention_recall", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms",
)  # fmt: skip
"""The metrics averaged over sets (those meaningful on one set at a time)."""


class SetReport(BaseModel):
    """One set's figures, per system."""

    name: str
    kind: str
    split: str
    corpus_dir: str
    n: int
    systems: dict[str, Metrics]
    manifest_hash: str = ""
    mid_session: MidSession | None = None
    """citeqa's standalone answerable questions asked after another one (midsession.py), when
    measured; kept out of the macro average."""


class CorporaReport(BaseModel):
    """Everything one cross-corpus run measured."""

    created_at: str
    split: str
    settings: dict[str, Any] = Field(default_factory=dict)
    sets: list[SetReport]
    macro: dict[str, dict[str, float | None]]
    """system → metric → mean over the sets where it is defined."""
    pooled_abstention_precision: float | None = None
    """citeqa's abstentions over all sets together: the share that were unanswerable."""
    reliability: Reliability | None = None
    """How often citeqa's answers at each confidence are right, all sets pooled."""


def eval_cache_dir(explicit: Path | None = None) -> Path:
    """Where eval keeps its indexes and peer results: never inside the repository."""
    if explicit is not None:
        return real_path(explicit)
    if os.environ.get("CITEQA_EVAL_CACHE"):
        return real_path(os.environ["CITEQA_EVAL_CACHE"])
    return userdirs.cache_dir() / "eval"


def index_dir_for(cache: Path, corpus_dir: Path) -> Path:
    """The cached index of one corpus folder, named by the folder and its absolute path."""
    return cache / "indexes" / folder_key(corpus_dir)


class Assistants:
    """One assistant per corpus folder, built or updated in the cache on first use."""

    def __init__(self, settings: Settings, cache: Path, progress: Progress | None) -> None:
        self.settings, self.cache, self.progress = settings, cache, progress
        self._open: dict[Path, AssistantLike] = {}

    def __call__(self, corpus_dir: Path) -> AssistantLike:
        if corpus_dir not in self._open:
            from citeqa.api import build_index, open_assistant

            settings = self.settings.model_copy(
                update={
                    "corpus_dir": corpus_dir,
                    "index_dir": index_dir_for(self.cache, corpus_dir),
                }
            )
            build_index(settings, progress=self.progress)
            self._open[corpus_dir] = open_assistant(settings, build_if_missing=False)
        return self._open[corpus_dir]


def run_set(
    eval_set: EvalSet,
    assistants: Assistants,
    *,
    peers: bool = True,
    progress: Progress | None = None,
    also_mid_session: bool = False,
) -> tuple[SetReport, list[QuestionResult]]:
    """citeqa (and the peers, on an answerable set) on one set; with `also_mid_session`, its
    standalone answerable questions asked mid-session too (`mid_session`)."""
    assistant = assistants(eval_set.corpus_dir)
    check_documents(assistant.status(), eval_set.questions)
    answers: dict[str, Answer] = {}
    results = run_questions(
        assistant, eval_set.questions, eval_set.questions, progress=progress,
        stage=eval_set.name, answers=answers,
    )  # fmt: skip
    answerable = any(q.is_answerable for q in eval_set.questions)
    asked_mid_session = (
        mid_session(
            assistant,
            eval_set.questions,
            answers,
            progress=progress,
            stage=f"{eval_set.name} {MID_SESSION_STAGE}",
        )
        if also_mid_session and answerable
        else None
    )
    systems = {CITEQA: summarize(results)}
    if peers and answerable:
        standalone = [
            r for q, r in zip(eval_set.questions, results, strict=True) if q.follows is None
        ]
        if len(standalone) < len(results):
            systems[PEERS_QUESTIONS] = summarize(standalone)
        systems.update(peer_metrics(eval_set, assistants.cache, progress))
    report = SetReport(
        name=eval_set.name, kind=eval_set.kind, split=eval_set.split,
        corpus_dir=str(eval_set.corpus_dir), n=len(eval_set.questions), systems=systems,
        manifest_hash=assistant.manifest_hash, mid_session=asked_mid_session,
    )  # fmt: skip
    return report, results


def peer_metrics(
    eval_set: EvalSet,
    cache: Path,
    progress: Progress | None = None,
    dense: dict[str, str] | None = None,
) -> dict[str, Metrics]:
    """Each peer's metrics on the set (standalone questions only: peers keep no context)."""
    standalone = standalone_questions(eval_set)
    outcomes = peer_outcomes(eval_set.name, eval_set.corpus_dir, standalone, cache, progress, dense)
    return _peer_summaries(standalone, outcomes)


def cached_peer_metrics(eval_set: EvalSet, cache: Path) -> dict[str, Metrics] | None:
    """`peer_metrics` when the eval cache holds the peers' results for the set's standalone
    questions; None when it does not (they are not computed: MiniLM takes minutes a set)."""
    standalone = standalone_questions(eval_set)
    outcomes = cached_outcomes(eval_set.name, eval_set.corpus_dir, standalone, cache)
    return None if outcomes is None else _peer_summaries(standalone, outcomes)


def check_peers(sets: list[EvalSet], cache: Path, corpora: Sequence[Corpus] | None = None) -> None:
    """EmbedderUnavailable when a peer's model cannot be found here and some set with answerable
    questions has no cached peer results (peer_cache.check_peer_models): eval checks it once,
    before it copies or indexes anything. `corpora`: each set's corpus when it is not at its
    corpus_dir yet (a quick copy's source files, peer_cache.PlannedCopy)."""
    where = [s.corpus_dir for s in sets] if corpora is None else corpora
    needed = [
        (eval_set.name, corpus, standalone_questions(eval_set))
        for eval_set, corpus in zip(sets, where, strict=True)
        if any(q.is_answerable for q in eval_set.questions)
    ]
    check_peer_models(needed, cache)


def standalone_questions(eval_set: EvalSet) -> list[EvalQuestion]:
    """The set's questions that follow no other: those the peers, which keep no context, ask."""
    return [q for q in eval_set.questions if q.follows is None]


def _peer_summaries(
    standalone: list[EvalQuestion], outcomes: dict[str, dict[str, Outcome]]
) -> dict[str, Metrics]:
    return {
        peer: summarize([judge_outcome(q, outcomes[q.id][peer]) for q in standalone])
        for peer in PEERS
    }


def evaluate_corpora(
    sets: list[EvalSet],
    settings: Settings,
    cache: Path,
    *,
    split: str = "all",
    peers: bool = True,
    progress: Progress | None = None,
    also_mid_session: bool = False,
) -> CorporaReport:
    """Run every set; the per-set figures, their macro average and pooled abstention. With
    `peers`, the caller has checked first that they can run (`check_peers`); with
    `also_mid_session`, each set with answerable questions is also asked mid-session
    (`SetReport.mid_session`)."""
    assistants = Assistants(settings, cache, progress)
    reports, pooled = [], []
    for eval_set in sets:
        report, results = run_set(
            eval_set, assistants, peers=peers, progress=progress, also_mid_session=also_mid_session
        )
        reports.append(report)
        pooled += results
    abstained = [r for r in pooled if r.abstained]
    precision = sum(not r.answerable for r in abstained) / len(abstained) if abstained else None
    return CorporaReport(
        reliability=reliability(answered(pooled)),
        created_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        split=split,
        settings=settings.model_dump(mode="json", exclude={"index_dir", "corpus_dir"}),
        sets=reports,
        macro=macro_average(reports),
        pooled_abstention_precision=precision,
    )


def macro_average(reports: list[SetReport]) -> dict[str, dict[str, float | None]]:
    """system → metric → mean over the sets where that system has that metric. citeqa on the
    peers' questions is averaged over the sets the peers ran on (where a set has no follow-ups,
    those are all its questions: citeqa's own row)."""
    peers = [s for s in PEERS if any(s in r.systems for r in reports)]
    rows = {CITEQA: [r.systems.get(CITEQA) for r in reports]}
    if any(PEERS_QUESTIONS in r.systems for r in reports):
        rows[PEERS_QUESTIONS] = [
            r.systems.get(PEERS_QUESTIONS, r.systems[CITEQA]) if _has_peers(r) else None
            for r in reports
        ]
    rows |= {peer: [r.systems.get(peer) for r in reports] for peer in peers}
    return {system: _means(metrics) for system, metrics in rows.items()}


def _has_peers(report: SetReport) -> bool:
    return any(peer in report.systems for peer in PEERS)


def _means(metrics: list[Metrics | None]) -> dict[str, float | None]:
    """Each MACRO_FIELDS metric averaged over the sets that have it."""
    figures = {}
    for field in MACRO_FIELDS:
        values = [getattr(m, field) for m in metrics if m is not None]
        present = [value for value in values if value is not None]
        figures[field] = statistics.fmean(present) if present else None
    return figures
