"""`citeqa eval`: run a known-fact question set, print the figures, write the report.

Thin: it reads the set (failing fast on a bad file, before any model loads), opens the
assistant, calls `citeqa.evaluation.evaluate`, and prints a rich table, the Markdown report or
JSON. evals/REPORT.md is rewritten only when the bundled set is evaluated on the bundled corpus
(or wherever `--report` says). Document text never reaches rich markup: tables hold figures.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citeqa.cli.app import app, examples
from citeqa.cli.common import (
    CorpusOption,
    IndexOption,
    open_for_questions,
    progress_bar,
    settings_for,
    stderr_console,
)
from citeqa.visible import shown, to_json

if TYPE_CHECKING:
    from rich.table import Table

    from citeqa.evaluation import EvalReport


class SplitChoice(StrEnum):
    """Which half of the set to run."""

    dev = "dev"
    test = "test"
    all = "all"


@app.command("eval", epilog=examples("citeqa eval --json"))
def eval_command(
    set_file: Annotated[
        Path | None,
        typer.Option("--set", help="Question set (JSONL; default: the bundled evals set)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the Markdown report instead of tables.")
    ] = False,
    no_ablations: Annotated[
        bool, typer.Option("--no-ablations", help="Measure the default settings only.")
    ] = False,
    split: Annotated[
        SplitChoice, typer.Option("--split", help="Which half to run (headline: test).")
    ] = SplitChoice.all,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    report_path: Annotated[
        Path | None, typer.Option("--report", help="Write the Markdown report to this file.")
    ] = None,
    no_report: Annotated[
        bool, typer.Option("--no-report", help="Do not write evals/REPORT.md.")
    ] = False,
) -> None:
    """Measure retrieval and answers on a known-fact question set (with ablations)."""
    from citeqa.evaluation import default_set_path, evaluate, load_questions, render

    # Model libraries must not draw their own progress bars over ours.
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    settings = settings_for(corpus, index)
    path = (set_file or default_set_path()).resolve()
    questions = load_questions(path)
    console = stderr_console()
    assistant = open_for_questions(settings)
    with progress_bar(console, transient=True) as progress:
        report = evaluate(
            assistant, questions, set_path=path, split=split.value,
            ablations=not no_ablations, progress=progress,
        )  # fmt: skip
    target = report_path or _bundled_report(path, corpus, no_report)
    if target is not None:
        target.write_text(render(report), encoding="utf-8")
        console.print(f"report written to {shown(target)}", markup=False, highlight=False)
    if as_json:
        sys.stdout.write(to_json(report.model_dump(mode="json"), indent=2) + "\n")
    elif markdown:
        sys.stdout.write(render(report))
    else:
        print_tables(report)


def _bundled_report(path: Path, corpus: Path | None, no_report: bool) -> Path | None:
    """evals/REPORT.md when the bundled set runs on the bundled corpus, else nothing."""
    from citeqa.evaluation import default_set_path

    if no_report or corpus is not None or path != default_set_path().resolve():
        return None
    return path.parent / "REPORT.md"


def print_tables(report: EvalReport) -> None:
    """Headline, ablation and language-pair tables on stdout."""
    from rich.console import Console

    # Piped output has no terminal width; rich would squeeze the wide tables into 80 columns.
    console = Console(width=None if sys.stdout.isatty() else 140)
    console.print(headline_table(report))
    console.print(breakdown_table(report, "language pair"))
    if len(report.ablations) > 1:
        console.print(ablation_table(report))
    console.print(f"manifest {report.configuration.manifest_hash}", markup=False, highlight=False)


def headline_table(report: EvalReport) -> Table:
    """Default configuration: one row per metric, one column per split (headline first)."""
    from rich.table import Table

    from citeqa.evaluation.markdown import HEADLINE_ROWS, fmt

    splits = [report.headline_split] + [s for s in report.headline if s != report.headline_split]
    table = Table(title=f"citeqa eval: default configuration (headline: {report.headline_split})")
    table.add_column("metric")
    for split in splits:
        table.add_column(f"{split} (n={report.headline[split].n})", justify="right")
    for label, field in HEADLINE_ROWS:
        table.add_row(label, *[fmt(getattr(report.headline[s], field), field) for s in splits])
    return table


def breakdown_table(report: EvalReport, axis: str) -> Table:
    """The headline split broken down by `axis` ("language pair" or "kind")."""
    from rich.table import Table

    from citeqa.evaluation.markdown import BREAKDOWN_COLUMNS, fmt

    split = report.headline_split
    table = Table(title=f"by {axis}, {split} half")
    table.add_column("group", no_wrap=True)
    for label in ["n", *[label for label, _ in BREAKDOWN_COLUMNS]]:
        table.add_column(label, justify="right")
    for name, metrics in report.breakdowns.get(split, {}).get(axis, {}).items():
        figures = [fmt(getattr(metrics, field), field) for _, field in BREAKDOWN_COLUMNS]
        table.add_row(name, str(metrics.n), *figures)
    return table


def ablation_table(report: EvalReport) -> Table:
    """Every configuration on dev and test."""
    from rich.table import Table

    from citeqa.evaluation.markdown import ABLATION_COLUMNS, ablation_rows

    table = Table(title="ablations")
    table.add_column("configuration", no_wrap=True)
    table.add_column("split")
    for label, _ in ABLATION_COLUMNS:
        table.add_column(label, justify="right")
    for row in ablation_rows(report):
        table.add_row(*row)
    return table
