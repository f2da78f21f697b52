"""Render a `CorporaReport` as Markdown: one row per set and system, then the macro average.

Plain text, figures only (set names come from the registry, not from documents). The CLI prints
it with `--markdown` and writes it with `--report PATH`; evals/REPORT-corpora.md is this output.
"""

from __future__ import annotations

from collections.abc import Callable

from citeqa.evaluation.corpora import CITEQA, PEERS_QUESTIONS, CorporaReport
from citeqa.evaluation.judging import QUOTE_LIMIT
from citeqa.evaluation.markdown import (
    MID_SESSION_HEADER,
    MID_SESSION_NOTE,
    changed_ids,
    code_span,
    fmt,
    mid_session_cells,
    table,
)
from citeqa.evaluation.reliability import RELIABILITY_HEADER, reliability_rows
from citeqa.visible import clean

COLUMNS: tuple[tuple[str, str], ...] = (
    ("hit@1", "hit_1"),
    ("hit@5", "hit_5"),
    ("MRR@10", "mrr"),
    (f"quote acc (≤{QUOTE_LIMIT})", "quote_accuracy"),
    ("quote acc (any length)", "quote_accuracy_unlimited"),
    ("median quote chars", "quote_chars_median"),
    ("abstention R", "abstention_recall"),
    ("false abstention", "false_abstention_rate"),
    ("p50 ms", "latency_p50_ms"),
)


CORPORA_HEADING = "# citeqa across corpora"
"""The report's first line: `--report` replaces only a file that starts with it (outputs.py)."""
SET_HEADER = ["set", "kind", "n (ans. + unans.)", "system"]
"""The columns before the metrics in the per-set table: each row counts its own questions,
answerable + unanswerable."""
PEERS_NOTE = (
    "Peers keep no context, so they are asked a set's standalone questions only; where a set"
    f" also has follow-up questions, the row `{PEERS_QUESTIONS}` scores citeqa's answers to"
    " exactly the peers' questions."
)


def set_rows(report: CorporaReport) -> list[list[str]]:
    rows = []
    for s in report.sets:
        for system, metrics in s.systems.items():
            label = f"**{system}**" if system == CITEQA else system
            cells = [fmt(getattr(metrics, field), field) for _, field in COLUMNS]
            counts = f"{metrics.answerable} + {metrics.unanswerable}"
            rows.append([s.name, s.kind, counts, label, *cells])
    return rows


def peers_note(report: CorporaReport) -> str | None:
    """PEERS_NOTE where some set was run with peers on fewer questions than citeqa."""
    return PEERS_NOTE if any(PEERS_QUESTIONS in s.systems for s in report.sets) else None


def macro_rows(report: CorporaReport) -> list[list[str]]:
    return [
        [system, *[fmt(figures.get(field), field) for _, field in COLUMNS]]
        for system, figures in report.macro.items()
    ]


def render_corpora(report: CorporaReport, command: str = "") -> str:
    """The whole report as Markdown."""
    header = [label for label, _ in COLUMNS]
    lines = [
        CORPORA_HEADING,
        "",
        f"Generated on {report.created_at}"
        + (f" by `{command}`" if command else "")
        + "; do not edit by hand.",
        f"Split: **{report.split}**. Scoring: ../shared/benchmarks/README.md (see evals/README.md);"
        f" quote accuracy counts only answers whose quotes total at most {QUOTE_LIMIT} characters.",
        "Peers (BM25, MiniLM + FAISS, USE + FAISS, RRF of the three) rank the corpus's paragraphs"
        " and quote the top paragraph's best-overlap sentence; they never abstain, so they are"
        " measured on answerable sets only.",
        "",
        "## Per set",
        "",
        *table([*SET_HEADER, *header], set_rows(report)),
        "",
        *([note, ""] if (note := peers_note(report)) else []),
        "## Macro average over sets",
        "",
        *table(["system", *header], macro_rows(report)),
        "",
        "Each metric is averaged over the sets where it is defined (retrieval and quotes:"
        " answerable sets; abstention recall: sets with unanswerable questions).",
    ]
    if report.pooled_abstention_precision is not None:
        precision = fmt(report.pooled_abstention_precision)
        lines.append(f"citeqa's abstention precision, all sets pooled: {precision}.")
    lines += mid_session_section(report)
    lines += reliability_section(report)
    return clean("\n".join(lines) + "\n")


def mid_session_rows(report: CorporaReport, mark: Callable[[str], str] = str) -> list[list[str]]:
    """One row per set asked mid-session: its name, the figures and the ids whose answer
    changed, each written by `mark` (a code span in Markdown)."""
    return [
        [
            s.name,
            *mid_session_cells(s.mid_session),
            changed_ids(s.mid_session.changed, mark),
        ]
        for s in report.sets
        if s.mid_session is not None
    ]


MID_SESSION_COLUMNS = ["set", *MID_SESSION_HEADER, "answer changed"]


def mid_session_section(report: CorporaReport) -> list[str]:
    """The mid-session table (citeqa only, not in the macro average), when measured."""
    rows = mid_session_rows(report, code_span)
    if not rows:
        return []
    return [
        "",
        "## Asked mid-session",
        "",
        MID_SESSION_NOTE + " Not part of the macro average.",
        "",
        *table(MID_SESSION_COLUMNS, rows),
    ]


RELIABILITY_NOTE = (
    "Every answer citeqa gave, all sets pooled, by its confidence: a calibrated confidence has"
    " the share right close to the mean confidence in each bin (an answer to a question the"
    f" documents cannot answer is wrong; a right quote totals at most {QUOTE_LIMIT} characters)."
)


def reliability_section(report: CorporaReport) -> list[str]:
    """The reliability table with its calibration error, or nothing when no answer was given."""
    table_ = report.reliability
    if table_ is None or not table_.answers:
        return []
    error = fmt(table_.calibration_error)
    return [
        "",
        "## Reliability of the confidence",
        "",
        RELIABILITY_NOTE,
        "",
        *table(RELIABILITY_HEADER, reliability_rows(table_)),
        "",
        f"Expected calibration error over {table_.answers} answers: {error}.",
    ]
