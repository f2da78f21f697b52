"""Known-fact evaluation behind `citeqa eval`: question sets, metrics, ablations and the report.

- `questions`: the JSONL set format (evals/README.md), validated; `EvalSetError` on a bad file.
- `sets`: the registry of (corpus, question set) pairs across corpora, loaded by name and split.
- `metrics`: pure retrieval and answer metrics over judged questions, with breakdowns.
- `runner`: asks each question (follow-ups in one session with their parents) and judges it.
- `ablations`: the settings variations measured in the same run.
- `misses`: the questions a run missed, each with what citeqa did (listed by `citeqa eval`).
- `report`: `evaluate(...)` → `EvalReport`; `markdown.render(report)` → evals/REPORT.md.

The core never imports rich, typer or textual; ir-measures is used only by tests, to prove the
metrics here agree with it.
"""

from __future__ import annotations

from citeqa.evaluation.markdown import render
from citeqa.evaluation.metrics import Metrics, QuestionResult, summarize
from citeqa.evaluation.questions import EvalQuestion, EvalSetError, default_set_path, load_questions
from citeqa.evaluation.report import EvalReport, evaluate
from citeqa.evaluation.sets import EvalSet, load_sets, set_names

__all__ = [
    "EvalQuestion",
    "EvalReport",
    "EvalSet",
    "EvalSetError",
    "Metrics",
    "QuestionResult",
    "default_set_path",
    "evaluate",
    "load_questions",
    "load_sets",
    "render",
    "set_names",
    "summarize",
]
