"""Render an `EvalReport` as Markdown (evals/REPORT.md), with notes on what it says of defaults.

Plain text only: the CLI prints it with `--markdown` and writes it to the report file. A
question set is data (its ids, questions, kinds and languages may hold escape sequences or bidi
controls), so every table cell and listed question is one visible line (`visible.shown`) and the
whole text goes through `visible.clean`, as every export does. The notes
compare each ablation with the default on the dev half, where tuning belongs; test figures are
the headline and are not used to choose anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from citeqa.evaluation.metrics import Metrics, QuestionResult
from citeqa.evaluation.midsession import MidSession
from citeqa.evaluation.misses import REASONS, misses
from citeqa.evaluation.notes import ablation_notes, threshold_note
from citeqa.evaluation.questions import EvalQuestion, pair_label
from citeqa.evaluation.report import EvalReport
from citeqa.mdtext import code_span as md_code_span
from citeqa.paths import real_path
from citeqa.visible import clean
from citeqa.visible import shown as one_line

HEADLINE_ROWS: tuple[tuple[str, str], ...] = (
    ("hit@1", "hit_1"),
    ("hit@3", "hit_3"),
    ("hit@5", "hit_5"),
    ("hit@10", "hit_10"),
    ("MRR@10", "mrr"),
    ("nDCG@10", "ndcg_10"),
    ("recall@5", "recall_5"),
    ("recall@10", "recall_10"),
    ("quote accuracy (quotes ≤ 400 chars)", "quote_accuracy"),
    ("quote accuracy, any length", "quote_accuracy_unlimited"),
    ("median quote length (chars)", "quote_chars_median"),
    ("citation validity", "citation_validity"),
    ("abstention precision", "abstention_precision"),
    ("abstention recall", "abstention_recall"),
    ("false-abstention rate", "false_abstention_rate"),
    ("latency p50 (ms)", "latency_p50_ms"),
    ("latency p95 (ms)", "latency_p95_ms"),
)
BREAKDOWN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("hit@1", "hit_1"),
    ("hit@5", "hit_5"),
    ("MRR", "mrr"),
    ("nDCG@10", "ndcg_10"),
    ("recall@5", "recall_5"),
    ("quote acc", "quote_accuracy"),
    ("abst R", "abstention_recall"),
    ("false abst", "false_abstention_rate"),
)
ABLATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("hit@1", "hit_1"),
    ("hit@5", "hit_5"),
    ("MRR", "mrr"),
    ("nDCG@10", "ndcg_10"),
    ("quote acc", "quote_accuracy"),
    ("abst P", "abstention_precision"),
    ("abst R", "abstention_recall"),
)
SETTINGS_SHOWN = (
    "channels", "k", "candidates", "fusion", "rrf_k", "weight_lexical", "weight_lexical_cross",
    "channel_weights", "weight_vectors", "expand_queries", "per_doc_cap", "cap_relevance",
    "rerank_depth", "rerank_weight", "evidence_channel_weights", "evidence_rerank_weight",
    "abstain_threshold", "answer_passages",
    "max_quote_sentences", "quote_budget", "chunk_size", "chunk_overlap",
)  # fmt: skip


def shown(path: str) -> str:
    """A path relative to the working folder when it lies inside it (the report is committed)."""
    try:
        return str(real_path(path).relative_to(real_path(Path.cwd())))
    except ValueError:
        return path


def code_span(text: str) -> str:
    """`text` on one visible line as a Markdown code span (mdtext.code_span: a backtick in it,
    a path's, cannot end the span early)."""
    return md_code_span(one_line(text))


def fmt(value: float | None, field: str = "") -> str:
    """A figure for a table: 3 decimals, latencies in ms with 1, "—" when undefined."""
    if value is None:
        return "—"
    if field == "quote_chars_median":
        return f"{value:.0f}"
    return f"{value:.1f}" if field.startswith("latency") else f"{value:.3f}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += [
        "| " + " | ".join(one_line(cell).replace("|", "\\|") for cell in row) + " |" for row in rows
    ]
    return lines


BUNDLED_COMMAND = "citeqa eval --report evals/REPORT.md"
"""The command that regenerates evals/REPORT.md (run from the checkout's root)."""
REPORT_HEADING = "# citeqa evaluation report"
"""The report's first line: `--report` replaces only a file that starts with it (outputs.py)."""


def render(
    report: EvalReport, command: str = BUNDLED_COMMAND, questions: Iterable[EvalQuestion] = ()
) -> str:
    """The whole report as Markdown; `command` is the one that made it (to regenerate it),
    `questions` the set run (naming each missed question's expected document)."""
    parts = [
        _intro(report, command),
        _configuration(report),
        _headline(report),
        _breakdowns(report),
        _ablations(report),
        _sweep(report),
        _notes(report),
        _mid_session(report.mid_session, questions),
        _misses(report.results, questions),
        _definitions(),
    ]
    return clean("\n\n".join(part for part in parts if part) + "\n")


def _intro(report: EvalReport, command: str) -> str:
    counts = ", ".join(f"{name} {n}" for name, n in report.questions.items() if name != "all")
    return "\n".join(
        [
            REPORT_HEADING,
            "",
            f"Generated by `citeqa eval` on {report.created_at}; do not edit by hand "
            f"(regenerate it with {code_span(command)}).",
            "",
            f"Question set: {code_span(shown(report.set_path))} "
            f"(sha256 `{report.set_sha256[:16]}…`), "
            f"{report.questions['all']} questions ({counts}). Split evaluated: {report.split}. "
            f"Headline: the **{report.headline_split}** half; settings are tuned on dev only.",
        ]
    )


def _configuration(report: EvalReport) -> str:
    config = report.configuration
    lines = ["## Configuration measured", ""]
    lines.append(f"- Index manifest hash: {code_span(config.manifest_hash)}")
    corpus, index = code_span(shown(config.corpus_dir)), code_span(shown(config.index_dir))
    lines.append(f"- Corpus: {corpus}, index: {index}")
    for channel in config.channels:
        lines.append(
            f"- Vector channel {code_span(channel.name)}: {channel.model} ({channel.package} "
            f"{channel.version}, dim {channel.dim}, {channel.index_type} index)"
        )
    lines.append("- Lexical channel: BM25 (bm25s), folded and stemmed English and French tokens")
    knobs = [(key, config.settings[key]) for key in SETTINGS_SHOWN if key in config.settings]
    lines += ["", *table(["setting", "value"], [[f"`{k}`", f"`{v}`"] for k, v in knobs])]
    return "\n".join(lines)


def _headline(report: EvalReport) -> str:
    splits = [report.headline_split] + [s for s in report.headline if s != report.headline_split]
    rows = [
        [label] + [fmt(getattr(report.headline[s], field), field) for s in splits]
        for label, field in HEADLINE_ROWS
    ]
    counts = [f"{s} (n={report.headline[s].n})" for s in splits]
    title = f"## Headline: default configuration, {report.headline_split} half"
    return "\n".join([title, "", *table(["metric", *counts], rows)])


def breakdown_table(groups: dict[str, Metrics]) -> list[str]:
    """One row per group: n, then the breakdown columns."""
    rows = [
        [pair_label(name), str(m.n)]
        + [fmt(getattr(m, field), field) for _, field in BREAKDOWN_COLUMNS]
        for name, m in groups.items()
    ]
    return table(["group", "n", *[label for label, _ in BREAKDOWN_COLUMNS]], rows)


def _breakdowns(report: EvalReport) -> str:
    lines = ["## Breakdowns (default configuration)"]
    order = [report.headline_split] + [s for s in report.breakdowns if s != report.headline_split]
    for split in order:
        for axis, groups in report.breakdowns.get(split, {}).items():
            if groups:  # no kind in the set: no "By kind" table
                lines += ["", f"### By {axis}, {split} half", "", *breakdown_table(groups)]
    return "\n".join(lines)


def ablation_rows(report: EvalReport) -> list[list[str]]:
    """config, split, then the ablation columns; splits in headline-first order."""
    rows = []
    for ablation in report.ablations:
        for split in ("dev", "test", "all"):
            metrics = ablation.metrics.get(split)
            if metrics is None or split == "all":
                continue
            figures = [fmt(getattr(metrics, field), field) for _, field in ABLATION_COLUMNS]
            rows.append([ablation.name, split, *figures])
    return rows


def _ablations(report: EvalReport) -> str:
    if len(report.ablations) < 2:
        return ""
    header = ["configuration", "split", *[label for label, _ in ABLATION_COLUMNS]]
    lines = ["## Ablations", "", *table(header, ablation_rows(report)), ""]
    for ablation in report.ablations:
        changes = ", ".join(f"`{k}={v}`" for k, v in ablation.overrides.items()) or "none"
        lines.append(f"- **{ablation.name}**: {ablation.description} (overrides: {changes})")
    lines += [f"- skipped: {note}" for note in report.skipped_ablations]
    lines += ["", *pair_ablation_table(report)]
    return "\n".join(lines)


def pair_ablation_table(report: EvalReport, field: str = "hit_5") -> list[str]:
    """One metric (hit@5 by default) per configuration, split and answerable language pair."""
    pairs = sorted(
        {pair for a in report.ablations for groups in a.by_lang_pair.values() for pair in groups
         if not pair.endswith("none")}
    )  # fmt: skip
    rows = []
    for ablation in report.ablations:
        for split in ("dev", "test"):
            groups = ablation.by_lang_pair.get(split)
            if groups is not None:
                cells = [fmt(getattr(groups[p], field)) if p in groups else "—" for p in pairs]
                rows.append([ablation.name, split, *cells])
    label = next((name for name, f in ABLATION_COLUMNS if f == field), field)
    return [f"{label} by language pair:", "", *table(["configuration", "split", *pairs], rows)]


def _sweep(report: EvalReport) -> str:
    if not report.abstention_sweep:
        return ""
    current = report.configuration.confidence_floor
    fields = ("abstention_precision", "abstention_recall", "false_abstention_rate")
    rows = [
        [threshold_label(row["threshold"]) + (" (current)" if row["threshold"] == current else "")]
        + [fmt(row[f]) for f in fields]
        for row in report.abstention_sweep
    ]
    return "\n".join(
        [
            f"## min_confidence sweep ({report.sweep_split} half)",
            "",
            "What abstention would have been had `min_confidence` (the least confidence an"
            " answer may show) been t, from the default run: an answer whose confidence is"
            " below t abstains." + _current_floor(report),
            "",
            *table(["min_confidence", "abst P", "abst R", "false abst"], rows),
        ]
    )


def threshold_label(value: float | None) -> str:
    """A swept value: two decimals, four when it needs them (the models' floor)."""
    if value is None:
        return "—"
    return f"{value:.2f}" if round(value, 2) == value else f"{value:.4f}"


def _current_floor(report: EvalReport) -> str:
    """What the current row is, and where the sweep is exact or an estimate."""
    current = report.configuration.confidence_floor
    if current is None:
        return ""
    unset = report.configuration.settings.get("min_confidence") is None
    whose = ", the shipped models' floor (the setting is unset)" if unset else ""
    return (
        f" The current value, {threshold_label(current)}{whose}, gives this run's figures;"
        " above it the rows are exact, below it an estimate (an abstention the floor alone"
        " decided, with a confidence of at least t, counts as answered, its quote assumed"
        " verifiable; one the answerability model or a rule decided abstains at every t)."
    )


def _notes(report: EvalReport) -> str:
    notes = [*ablation_notes(report), *threshold_note(report)]
    if not notes:
        return ""
    return "\n".join(["## What the numbers say about the defaults", "", *notes])


def _misses(results: list[QuestionResult], questions: Iterable[EvalQuestion]) -> str:
    """The missed questions grouped by their one reason (misses.REASONS), as `citeqa eval`
    lists them."""
    missed = misses(results, questions)
    lines = ["## Misses (default configuration)", ""]
    lines.append(f"{len(missed)} of {len(results)} questions missed, each under its reason.")
    for reason, title in REASONS.items():
        chosen = [miss for miss in missed if miss.reason == reason]
        if not chosen:
            continue
        lines += ["", f"**{title}** ({len(chosen)})", ""]
        lines += [
            f"- {code_span(m.id)} ({m.result.split}, {one_line(pair_label(m.result.lang_pair))}): "
            f"{one_line(m.question)} — expected {one_line(m.expected)}: {one_line(m.did)}"
            for m in chosen
        ]
    return "\n".join(lines)


MID_SESSION_HEADER = ["asked", "same answer", "share same", "read as follow-ups"]
"""The mid-session table's figure columns (after the set's name in the cross-corpus report)."""
MID_SESSION_NOTE = (
    "Each standalone answerable question asked right after another standalone question (the"
    " nearest earlier one in file order about another document, else the question just"
    " before; the first after the last) in one session, against the same question asked"
    " fresh: the same answer is the same abstention and the same quoted characters. A"
    " standalone question read as a follow-up is read with the question before."
)


def mid_session_cells(figures: MidSession) -> list[str]:
    """One row of the mid-session table: the counts and the share answered the same."""
    return [
        str(figures.asked),
        str(figures.same),
        fmt(figures.same_share),
        str(figures.read_as_follow_up),
    ]


def changed_ids(ids: list[str], mark: Callable[[str], str]) -> str:
    """The ids whose answer changed mid-session, each written by `mark`, or a dash for none."""
    return ", ".join(map(mark, ids)) or "—"


def _mid_session(figures: MidSession | None, questions: Iterable[EvalQuestion]) -> str:
    """The mid-session figures and the questions whose answer changed, when measured."""
    if figures is None:
        return ""
    lines = ["## Asked mid-session (default configuration)", "", MID_SESSION_NOTE, ""]
    lines += table(MID_SESSION_HEADER, [mid_session_cells(figures)])
    text = {q.id: q.question for q in questions}
    for title, ids in (("Answer changed", figures.changed), ("Read as follow-ups",
                                                             figures.follow_ups)):  # fmt: skip
        if ids:
            lines += ["", f"**{title}** ({len(ids)})", ""]
            lines += [f"- {code_span(i)}: {one_line(text.get(i, ''))}" for i in ids]
    return "\n".join(lines)


def _definitions() -> str:
    return "\n".join(
        [
            "## Definitions",
            "",
            'See evals/README.md ("Metrics") and `citeqa.evaluation.metrics`. In short: a '
            "passage is relevant when it is from the question's document (within its span, "
            "when the set gives one) and contains an accepted answer (case and spaces folded); "
            "hit@k, MRR@10 and nDCG@10 (binary gains, ideal from the relevant passages "
            "retrieved) are over answerable questions; recall@k is the share "
            "of accepted answer strings found in the top k; quote accuracy is the share of "
            "answerable questions answered with a quote containing an accepted answer, the "
            "quotes totalling at most 400 characters (the figure for any length is beside it); "
            'abstention precision and recall treat "should abstain" (unanswerable) as positive.',
        ]
    )
