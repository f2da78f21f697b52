"""The conversation as Markdown (for a file) and the last answer as plain text (for the clipboard).

Pure functions over `Turn`s, so they are tested without running the app. Document text is
cleaned of control characters (a file that is later `cat`-ed must not drive the terminal), and
every piece of document or question text, name and id is escaped (citeqa.mdtext) so a Markdown
viewer shows it verbatim: a document's `[x](javascript:…)` or `<img …>` is no link, no HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from citeqa.answerlabels import answer_labels, confidence_line, otherwise_label, quote_lines
from citeqa.mdtext import code_span, md_text
from citeqa.models import Answer, ChannelInfo, Citation, IndexStatus
from citeqa.outputs import write_new
from citeqa.tui.conversation import Turn, read_with_text, source_refs
from citeqa.tui.safe_text import clean, one_line, shown

if TYPE_CHECKING:
    from citeqa.api import Assistant


@dataclass(frozen=True)
class ExportContext:
    """What the export says about the index and the settings the answers came from."""

    manifest_hash: str
    index_dir: str
    corpus_dir: str = ""
    channels: list[ChannelInfo] = field(default_factory=list)
    mode: str = "hybrid"
    k: int | None = None
    index_changes: dict[str, str] = field(default_factory=dict)
    """What an update in the chat did ("updated", "rebuilt"...), by the manifest hash of the
    index it made (CiteqaApp.index_changes)."""

    @classmethod
    def of(
        cls, status: IndexStatus | None, assistant: Assistant | None, mode: str, k: int | None
    ) -> ExportContext:
        """What the chat knows of its index: its status once read, else the loaded assistant's
        manifest hash and folder ("?" before either)."""
        if status is not None:
            return cls(
                status.manifest_hash,
                status.index_dir,
                status.corpus_dir,
                list(status.channels),
                mode,
                k,
            )
        if assistant is not None:
            return cls(assistant.manifest_hash, str(assistant.index_dir), mode=mode, k=k)
        return cls("?", "?", mode=mode, k=k)


def export_stem(now: datetime) -> str:
    """citeqa-conversation-YYYYmmdd-HHMMSS (the export's name without its .md)"""
    return now.strftime("citeqa-conversation-%Y%m%d-%H%M%S")


def export_filename(now: datetime) -> str:
    """citeqa-conversation-YYYYmmdd-HHMMSS.md"""
    return export_stem(now) + ".md"


def _header(context: ExportContext, now: datetime, first_hash: str) -> list[str]:
    models = md_text(
        shown(", ".join(f"{c.name} ({c.model} {c.version}, dim {c.dim})" for c in context.channels))
    )
    return [
        "# citeqa conversation",
        "",
        f"- Exported: {now.isoformat(timespec='seconds')}",
        f"- Corpus: {code_span(shown(context.corpus_dir))}",
        f"- Index: {code_span(shown(context.index_dir))}",
        f"- Index manifest hash: {code_span(shown(first_hash))}",
        f"- Models: {models or 'lexical only'} + BM25",
        f"- Retrieval: {context.mode}, k={context.k if context.k is not None else 'default'}",
        "",
    ]


def _quote_lines(text: str) -> list[str]:
    return ["> " + line for line in md_text(clean(text)).splitlines() or [""]]


def _citation_line(c: Citation, characters: str) -> str:
    """A citation's line: its title, document, file, `characters` (the word, in the answer's
    language) start–end, section or page, and score."""
    repeats_title = c.section and one_line(c.section).casefold() == one_line(c.title).casefold()
    section = md_text(one_line(c.section or ""))
    where = [f"section “{section}”"] if c.section and not repeats_title else []
    where += [f"page {c.page}"] if c.page is not None else []
    extra = (", " + ", ".join(where)) if where else ""
    return (
        f"- [{c.n}] {md_text(one_line(c.title))} — doc {code_span(shown(c.doc_id))}, "
        f"{code_span(shown(c.path))}, "
        f"{characters} {c.start}–{c.end}{extra}, score {c.score:.3f}"
    )


def _answer_lines(answer: Answer, caution: str | None) -> list[str]:
    """An answer's quotes, confidence (and the `caution` the chat showed under it, Turn.caution)
    and citations; an abstention's message and closest passages; labelled in the answer's
    language, as `citeqa ask` labels it (answerlabels)."""
    label = answer_labels(answer.lang)
    lines: list[str] = []
    if answer.abstained:
        message = md_text(one_line(answer.answer))
        lines += ["**Abstained:** " + message, "", label["closest"], ""]
        for ref in source_refs(answer):
            lines += [
                f"- #{ref.label} {md_text(one_line(ref.title))}"
                f" — doc {code_span(shown(ref.doc_id))}, {code_span(shown(ref.path))}, "
                f"{label['characters']} {ref.start}–{ref.end}, score {ref.score:.3f}"
            ]
        return [*lines, ""]
    for citation in answer.citations:
        other = otherwise_label(citation, answer.lang)
        lines += [] if other is None else [f"*{md_text(other)}*", ""]
        quote = _quote_lines(citation.quote)
        if citation.header is not None:  # a table row's header row, its context
            lines += [*_quote_lines(citation.header.text), ">"]
        notes = [f"{note.mark} {note.text}" for note in citation.notes]  # footnotes it cites
        lines += [*quote[:-1], f"{quote[-1]} [{citation.n}]"]
        lines += [*(line for note in notes for line in (">", *_quote_lines(note))), ""]
    lines += [confidence_line(answer), ""]
    lines += [md_text(one_line(caution)), ""] if caution else []
    lines += [label["citations"], ""]
    lines += [_citation_line(c, label["characters"]) for c in answer.citations]
    return [*lines, ""]


def _index_change(context: ExportContext, manifest_hash: str, where: str) -> list[str]:
    """The line saying the index changed `where` (in the chat's update, or outside it) and the
    manifest hash of the index from then on: the offsets of earlier answers are the text of
    the index before."""
    done = context.index_changes.get(manifest_hash, "changed")
    return [
        f"*The index was {md_text(one_line(done))} {where}: index manifest hash"
        f" {code_span(shown(manifest_hash))}.*",
        "",
    ]


def conversation_markdown(turns: list[Turn], context: ExportContext, now: datetime) -> str:
    """The whole conversation: each question, its quotes and its citations with offsets; each
    answer under the manifest hash of the index that gave it (the header's, until a line says
    the index changed)."""
    hashes = [turn.index_hash for turn in turns if turn.index_hash is not None]
    current = hashes[0] if hashes else context.manifest_hash
    lines = _header(context, now, current)
    for turn in turns:
        if turn.index_hash is not None and turn.index_hash != current:
            current = turn.index_hash
            lines += _index_change(context, current, "here; the answers below come from it")
        lines += [f"## {turn.number}. {md_text(one_line(turn.question))}", ""]
        if turn.answer is not None and turn.answer.read_with:
            lines += [f"*{md_text(read_with_text(turn.answer.read_with))}*", ""]
        if turn.answer is not None:
            lines += _answer_lines(turn.answer, turn.caution)
        elif turn.error is not None:
            lines += [f"**Error:** {md_text(one_line(turn.error))}", ""]
        else:
            lines += ["*(not answered)*", ""]
    if hashes and context.manifest_hash not in ("?", current):
        lines += _index_change(context, context.manifest_hash, "after the last answer")
    return "\n".join(lines).rstrip() + "\n"


def write_conversation(
    turns: list[Turn], context: ExportContext, directory: Path, now: datetime | None = None
) -> Path:
    """Write the Markdown export into `directory` (created if needed) and return its path: a
    new file, never over one (a name taken, by an export of the same second from another chat
    or a file of the user's, gets `-2`...: outputs.write_new)."""
    now = now or datetime.now()
    stem = export_stem(now)
    return write_new(directory, stem, ".md", conversation_markdown(turns, context, now))


def answer_text(turn: Turn) -> str:
    """The answer of one turn as plain text: question, quotes with [n], its confidence (and the
    caution the chat showed under it), then the sources."""
    answer = turn.answer
    if answer is None:
        return ""
    lines = ["Q: " + one_line(turn.question), ""]
    if answer.abstained:
        return "\n".join([*lines, one_line(answer.answer)]) + "\n"
    lines += quote_lines(answer.citations, answer.lang, one_line)
    lines += ["", confidence_line(answer)]
    lines += [one_line(turn.caution)] if turn.caution else []
    characters = answer_labels(answer.lang)["characters"]
    lines += [
        f"[{c.n}] {one_line(c.title)} ({shown(c.path)}, {characters} {c.start}-{c.end})"
        for c in answer.citations
    ]
    return "\n".join(lines) + "\n"
