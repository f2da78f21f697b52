"""A modal describing the index: where it is, what it holds, which models, whether it is stale.

Like `citeqa status`, it lists the changes one line per kind, naming the first files of each
(changegroups.status_lines), and the documents when there are at most LISTED of them; past
that, the summary `citeqa status` shows (status_summary.summary_of: per folder, the first
LISTED, the languages, the largest). Every row of a corpus of tens of thousands of files (or
folders) would make one huge Content and freeze the chat, and the first 50 alphabetically hid
the documents a user came for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from citeqa.changegroups import status_lines
from citeqa.listing import LISTED
from citeqa.listing import more_line as listed_more_line
from citeqa.models import DocumentStatus, IndexStatus, counted
from citeqa.status_summary import Summary, summary_of
from citeqa.tui.safe_text import assemble, one_line

Parts = list[str | tuple[str, str]]


def more_line(count: int, items: str = "") -> Parts:
    """The line that follows a cut list (listing.more_line), dimmed."""
    return [(listed_more_line(count, items), "dim")]


def status_content(status: IndexStatus, listed: int | None = LISTED) -> Content:
    """The status as literal lines of text; the changes grouped by kind, and past `listed`
    documents their summary (36,612 would freeze the chat)."""
    parts: Parts = [
        ("Index ", "bold"),
        one_line(status.index_dir),
        "\n",
        ("Corpus ", "bold"),
        one_line(status.corpus_dir),
        "\n",
        ("Built ", "bold"),
        one_line(status.built_at),
        f" · format {status.format_version} · {status.size_bytes:,} bytes\n",
        ("Manifest ", "bold"),
        status.manifest_hash,
        "\n",
        ("State ", "bold"),
        ("STALE" if status.stale else "up to date", "bold" if status.stale else ""),
        "\n",
    ]
    parts += listed_lines(status, listed)
    parts += ["\n\n", ("Vector channels", "bold")]
    for channel in status.channels:
        parts += [f"\n  {channel.name}: ", one_line(channel.model)]
        parts += [(f"  {channel.package} {channel.version} · dim {channel.dim}", "dim")]
    return assemble(*parts)


def listed_lines(status: IndexStatus, listed: int | None) -> Parts:
    """The changes one line per kind (changegroups.status_lines: with `listed`, the first
    files of each, then how many more; without, every file), the document count, and the
    documents: all of them, or past `listed` their summary."""
    parts: Parts = []
    for line in status_lines(status.changed, every=listed is None):
        parts += ["  ", one_line(line), "\n"]
    parts += [
        "\n",
        (
            f"{counted(len(status.documents), 'document')}, {counted(status.chunk_count, 'chunk')}",
            "bold",
        ),
    ]
    summary = summary_of(status.documents, listed)
    if summary is None:
        return parts + document_lines(status.documents)
    return parts + summary_lines(summary)


def document_lines(documents: Sequence[DocumentStatus]) -> Parts:
    """One line a document: its title, chunks and languages."""
    parts: Parts = []
    for doc in documents:
        langs = ",".join(doc.lang) or "?"
        parts += [
            "\n  ",
            one_line(doc.title),
            (f"  {counted(doc.chunks, 'chunk')} · {langs}", "dim"),
        ]
    return parts


def summary_lines(summary: Summary) -> Parts:
    """The documents per top-level folder (the first LISTED, then how many more), the
    languages, then the largest documents and how many more there are."""
    parts: Parts = ["\n\n", ("By folder", "bold")]
    for folder in summary.folders:
        parts += [
            "\n  ",
            one_line(folder.folder),
            f"  {counted(folder.documents, 'document')}, {counted(folder.chunks, 'chunk')}",
            (f" · {folder.languages_line()}", "dim"),
        ]
    if summary.more_folders:
        parts += ["\n  ", *more_line(summary.more_folders, "folders")]
    parts += ["\n", ("Languages ", "bold"), one_line(summary.languages)]
    parts += ["\n\n", ("Largest documents", "bold"), *document_lines(summary.largest)]
    if summary.more:
        parts += ["\n  ", *more_line(summary.more)]
    return parts


class IndexStatusScreen(ModalScreen[None]):
    """Index status in a dialog; Esc or the button closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Close")]

    def __init__(self, status: IndexStatus) -> None:
        super().__init__()
        self.status = status

    def compose(self) -> ComposeResult:
        with Vertical(id="status-dialog"):
            yield Static("Index status", id="status-dialog-title")
            with VerticalScroll():
                yield Static(status_content(self.status), id="status-body")
            yield Button("Close", id="status-close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.pop_screen()
