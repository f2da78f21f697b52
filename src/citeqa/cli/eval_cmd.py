"""`citeqa eval`: run question sets, print the figures, write a report only where asked.

Two modes. `--set FILE` (default: the bundled set) runs one known-fact set on one index with its
ablations (`citeqa.evaluation.evaluate`). `--sets NAMES` runs any number of registered (corpus,
question set) pairs, each corpus indexed in eval's own cache folder, beside the peers
(`citeqa.evaluation.corpora`). Both read their sets first (failing fast on a bad file, before
any model loads) and print rich tables, Markdown or JSON. Nothing is written but the file
`--report PATH` names: a run leaves the checkout as it found it. Document text never reaches
rich markup: tables hold figures.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from citeqa.cli.app import app, examples
from citeqa.cli.common import (
    CorpusOption,
    IndexOption,
    command_line,
    open_for_questions,
    progress_bar,
    settings_for,
    stderr_console,
)
from citeqa.paths import real_path
from citeqa.visible import shown, to_json

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from citeqa.evaluation import EvalQuestion, EvalReport
    from citeqa.evaluation.corpora import CorporaReport
    from citeqa.evaluation.midsession import MidSession
    from citeqa.evaluation.sets import EvalSet


class SplitChoice(StrEnum):
    """Which half of the set to run."""

    dev = "dev"
    test = "test"
    all = "all"


@app.command(
    "eval",
    epilog=examples(
        "citeqa eval --split test --no-ablations",
        "citeqa eval --sets all --split dev --report /tmp/corpora.md",
    ),
)
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
    sets: Annotated[
        str | None,
        typer.Option(
            "--sets",
            help="Registered sets to run across corpora, comma-separated, or 'all' "
            "(see evals/sets/README.md).",
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="Folder for eval's indexes and peer results (--sets)."),
    ] = None,
    no_peers: Annotated[
        bool, typer.Option("--no-peers", help="With --sets: measure citeqa only.")
    ] = False,
    quick: Annotated[
        bool,
        typer.Option("--quick", help="With --sets: the CI floors' quick subset of each set."),
    ] = False,
    mid_session: Annotated[
        bool | None,
        typer.Option(
            "--mid-session/--no-mid-session",
            help="Also ask each standalone question right after another one and count the "
            "answers that change (default: on for one set, the bundled one or --set FILE, and for "
            "--quick; off for full --sets runs).",
        ),
    ] = None,
) -> None:
    """Measure retrieval, quotes and abstention on question sets (with ablations or peers)."""
    from citeqa.evaluation import default_set_path, evaluate, load_questions, render

    # Model libraries must not draw their own progress bars over ours.
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if sets is not None:
        output = Output(report_path, as_json, markdown)
        asked_mid_session = quick if mid_session is None else mid_session
        run_corpora(sets, split.value, cache, not no_peers, quick, output, asked_mid_session)
        return
    settings = settings_for(corpus, index)
    path = real_path(set_file or _default_set(default_set_path()))
    questions = load_questions(path)
    console = stderr_console()
    assistant = open_for_questions(settings)
    with progress_bar(console, transient=True) as progress:
        report = evaluate(
            assistant, questions, set_path=path, split=split.value,
            ablations=not no_ablations, progress=progress,
            also_mid_session=mid_session is not False,
        )  # fmt: skip
    command = command_line(
        ("citeqa", "eval"), ("--set", set_file),
        ("--split", None if split is SplitChoice.all else split.value),
        ("--no-ablations", no_ablations), ("--corpus", corpus), ("--index", index),
        ("--report", report_path), ("--markdown", markdown and report_path is None),
        ("--no-mid-session", mid_session is False),
    )  # fmt: skip
    text = render(report, command, questions) if report_path or markdown else ""
    if report_path is not None:
        write_report(report_path, text)
    if as_json:
        sys.stdout.write(to_json(report.model_dump(mode="json"), indent=2) + "\n")
    elif markdown:
        sys.stdout.write(text)
    else:
        print_tables(report)
        print_misses(report, questions)


NO_DEFAULT_SET = (
    "no question set to run: the bundled one (evals/questions.jsonl) comes with a source"
    " checkout, not with the installed package. Give yours with `--set FILE`: JSON Lines,"
    ' one question a line, e.g. {"id": "q1", "question": "Who leads the trial?",'
    ' "doc_id": "my-report", "answers": ["Dr Martin"]} (every field: evals/README.md in'
    " the source)."
)


def _default_set(path: Path) -> Path:
    """The bundled question set, or EvalSetError saying how to pass one (installed from a
    wheel, there is no evals/ folder)."""
    from citeqa.evaluation.questions import EvalSetError

    if not path.is_file():
        raise EvalSetError(NO_DEFAULT_SET)
    return path


def write_report(path: Path, text: str) -> None:
    """Write the Markdown report where `--report` says (over a citeqa report only, whole or
    not at all: outputs.py), and say so on stderr."""
    from citeqa.evaluation.corpora_markdown import CORPORA_HEADING
    from citeqa.evaluation.markdown import REPORT_HEADING
    from citeqa.evaluation.questions import EvalSetError
    from citeqa.outputs import replace_own

    try:
        replace_own(path, text, (REPORT_HEADING, CORPORA_HEADING))
    except OSError as err:
        raise EvalSetError(f"cannot write the report to {path}: {err.strerror}") from None
    stderr_console().print(f"report written to {shown(path)}", markup=False, soft_wrap=True)


class Output(NamedTuple):
    """Where the figures go: a report file, JSON or Markdown on stdout (else tables)."""

    report_path: Path | None
    as_json: bool
    markdown: bool


def run_corpora(
    names: str,
    split: str,
    cache: Path | None,
    peers: bool,
    quick: bool,
    output: Output,
    mid_session: bool = False,
) -> None:
    """`--sets`: the registered sets across corpora, beside the peers (and, with
    `mid_session`, each answerable set asked mid-session too)."""
    from citeqa.config import load_settings
    from citeqa.evaluation.corpora import eval_cache_dir, evaluate_corpora
    from citeqa.evaluation.corpora_markdown import render_corpora
    from citeqa.paths import make_folder

    folder = make_folder(eval_cache_dir(cache), "eval cache folder")
    loaded = chosen_sets(names, split, folder, quick, peers)
    with progress_bar(stderr_console(), transient=True) as progress:
        report = evaluate_corpora(
            loaded, load_settings(), folder, split=split, peers=peers, progress=progress,
            also_mid_session=mid_session,
        )  # fmt: skip
    flags = ("" if peers else " --no-peers") + (" --quick" if quick else "")
    if mid_session != quick:
        flags += " --mid-session" if mid_session else " --no-mid-session"
    text = render_corpora(report, f"citeqa eval --sets {names} --split {split}{flags}")
    if output.report_path is not None:
        write_report(output.report_path, text)
    if output.as_json:
        sys.stdout.write(to_json(report.model_dump(mode="json"), indent=2) + "\n")
    elif output.markdown:
        sys.stdout.write(text)
    else:
        print_corpora(report)


def chosen_sets(names: str, split: str, cache: Path, quick: bool, peers: bool) -> list[EvalSet]:
    """The sets named (or all; none or an unknown one raises EvalSetError), cut to the split;
    with `quick`, their quick subsets, copied into the cache. With `peers`, EmbedderUnavailable
    first when a peer cannot run (`check_peers`: the one check, before anything is copied)."""
    from citeqa.evaluation.corpora import check_peers
    from citeqa.evaluation.peer_cache import PlannedCopy
    from citeqa.evaluation.quick import (
        QUICK_DOCS,
        QUICK_QUESTIONS,
        make_quick_sets,
        plan_quick_sets,
    )
    from citeqa.evaluation.sets import chosen, load_sets, named_sets

    wanted = named_sets(names)
    if not quick:
        loaded = load_sets(wanted, split=split)  # type: ignore[arg-type]
        if peers:
            check_peers(loaded, cache)
        return loaded
    every = load_sets(split=split, every=True)  # type: ignore[arg-type]
    asked = [s.name for s in chosen(every, wanted)]  # "all": not the sets kept apart
    plans = plan_quick_sets(every, cache / "quick", QUICK_DOCS, QUICK_QUESTIONS, asked)
    if peers:  # before any corpus is copied
        copies = [PlannedCopy(plan.source_dir, plan.files) for plan in plans]
        check_peers([plan.eval_set for plan in plans], cache, copies)
    return make_quick_sets(plans)


def print_corpora(report: CorporaReport) -> None:
    """Per-set and macro tables on stdout."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from citeqa.evaluation.corpora_markdown import (
        COLUMNS,
        SET_HEADER,
        macro_rows,
        peers_note,
        set_rows,
    )

    console = Console(width=None if sys.stdout.isatty() else 160)
    note = peers_note(report)
    per_set = Table(
        title=f"citeqa eval across corpora ({report.split})",
        caption=note.replace("`", '"') if note else None,
    )
    widest = max((len(s.name) for s in report.sets), default=3)
    per_set.add_column("set", no_wrap=True, min_width=widest)
    per_set.add_column("kind", no_wrap=True)
    per_set.add_column(SET_HEADER[2], justify="right")
    per_set.add_column(SET_HEADER[3], no_wrap=True)
    for label, _ in COLUMNS:
        per_set.add_column(label, justify="right")
    for name, *cells in set_rows(report):  # a set's name is its registry's data: no markup
        per_set.add_row(Text(shown(name)), *[cell.replace("**", "") for cell in cells])
    console.print(per_set)
    macro = Table(title="macro average over sets")
    for label in ["system", *[label for label, _ in COLUMNS]]:
        macro.add_column(label, justify="left" if label == "system" else "right")
    for row in macro_rows(report):
        macro.add_row(*row)
    console.print(macro)
    print_mid_session(console, report)
    print_reliability(console, report)


def print_mid_session(console: Console, report: CorporaReport) -> None:
    """The mid-session table, when some set was asked mid-session."""
    from citeqa.evaluation.corpora_markdown import MID_SESSION_COLUMNS, mid_session_rows

    rows = mid_session_rows(report, shown)
    if rows:
        console.print(mid_session_table(MID_SESSION_COLUMNS, rows))


def print_reliability(console: Console, report: CorporaReport) -> None:
    """The reliability table of the confidence, when some answer was given."""
    from rich.table import Table

    from citeqa.evaluation.reliability import RELIABILITY_HEADER, reliability_rows

    pooled = report.reliability
    if pooled is None or not pooled.answers:
        return
    caption = (
        f"{pooled.answers} answers, all sets pooled (an answer to an unanswerable question is"
        f" wrong); expected calibration error {pooled.calibration_error:.3f}"
    )
    shown = Table(title="reliability of the confidence", caption=caption)
    for label in RELIABILITY_HEADER:
        shown.add_column(label, justify="left" if label == "confidence" else "right")
    for row in reliability_rows(pooled):
        shown.add_row(*row)
    console.print(shown)


def print_tables(report: EvalReport) -> None:
    """Headline, ablation and language-pair tables on stdout."""
    from rich.console import Console

    # Piped output has no terminal width; rich would squeeze the wide tables into 80 columns.
    console = Console(width=None if sys.stdout.isatty() else 140)
    console.print(headline_table(report))
    console.print(breakdown_table(report, "language pair"))
    if len(report.ablations) > 1:
        console.print(ablation_table(report))
    if report.mid_session is not None:
        console.print(mid_session_table(*single_mid_session(report.mid_session)))
    console.print(f"manifest {report.configuration.manifest_hash}", markup=False, highlight=False)


MISSES_SHOWN = 20
"""At most this many missed questions are listed; the rest are counted."""
QUESTION_SHOWN = 90
"""A longer question is cut to this many characters in the list."""


def print_misses(report: EvalReport, questions: list[EvalQuestion]) -> None:
    """The questions the default configuration missed, each with what citeqa did, sanitised."""
    from citeqa.evaluation.misses import misses

    missed = misses(report.results, questions)
    total = len(report.results)
    if not missed:
        sys.stdout.write(f"no question missed ({total} asked)\n")
        return
    lines = [f"missed {len(missed)} of {total} questions (id · question · expected document:"
             " what citeqa did):"]  # fmt: skip
    for miss in missed[:MISSES_SHOWN]:
        question = miss.question if len(miss.question) <= QUESTION_SHOWN else (
            miss.question[: QUESTION_SHOWN - 1] + "…"
        )  # fmt: skip
        lines.append("  " + shown(f"{miss.id} · {question} · {miss.expected}: {miss.did}"))
    if len(missed) > MISSES_SHOWN:
        lines.append(f"  … and {len(missed) - MISSES_SHOWN} more (all of them: --json, results)")
    sys.stdout.write("\n".join(lines) + "\n")


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
    from rich.text import Text

    from citeqa.evaluation.markdown import BREAKDOWN_COLUMNS, fmt
    from citeqa.evaluation.questions import pair_label

    split = report.headline_split
    table = Table(title=f"by {axis}, {split} half")
    table.add_column("group", no_wrap=True)
    for label in ["n", *[label for label, _ in BREAKDOWN_COLUMNS]]:
        table.add_column(label, justify="right")
    for name, metrics in report.breakdowns.get(split, {}).get(axis, {}).items():
        figures = [fmt(getattr(metrics, field), field) for _, field in BREAKDOWN_COLUMNS]
        group = Text(shown(pair_label(name)))  # a set's languages are its data: no markup
        table.add_row(group, str(metrics.n), *figures)
    return table


def single_mid_session(figures: MidSession) -> tuple[list[str], list[list[str]]]:
    """The single-set report's mid-session columns and its one row: the default
    configuration's counts and the ids whose answer changed."""
    from citeqa.evaluation.markdown import MID_SESSION_HEADER, changed_ids, mid_session_cells

    row = [*mid_session_cells(figures), changed_ids(figures.changed, shown)]
    return [*MID_SESSION_HEADER, "answer changed"], [row]


def mid_session_table(columns: list[str], rows: list[list[str]]) -> Table:
    """The mid-session table of both reports (one set's, or one row per set across corpora):
    the names and ids left-aligned, the counts right-aligned; each row's first cell (a set's
    name across corpora) and its last (the ids whose answer changed) are shown as text (no
    markup, sanitised)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="asked mid-session (standalone questions after another one)")
    for label in columns:
        table.add_column(label, justify="left" if label in ("set", "answer changed") else "right")
    for row in rows:
        table.add_row(Text(shown(row[0])), *row[1:-1], Text(row[-1]))
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
