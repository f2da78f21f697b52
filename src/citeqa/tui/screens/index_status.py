"""A modal describing the index: where it is, what it holds, which models, whether it is stale.

Like `citeqa status`, it lists the first `citeqa.listing.LISTED` documents and changes, then
how many more there are: every row of a corpus of tens of thousands of files would make one huge
Content and freeze the chat."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from citeqa.listing import LISTED, first
from citeqa.models import IndexStatus, counted
from citeqa.tui.safe_text import assemble, one_line

Parts = list[str | tuple[str, str]]


def more_line(count: int) -> Parts:
    """The line that follows a cut list: how many items it left out and how to see them all."""
    return [(f"… and {count} more (run `citeqa status --all` for the full list)", "dim")]


def status_content(status: IndexStatus, listed: int | None = LISTED) -> Content:
    """The status as literal lines of text; at most `listed` documents and changes are listed,
    then how many more there are (36,612 documents would freeze the chat)."""
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
    """The changes, the document count and the documents: at most `listed` of each, each cut
    list followed by how many more there are."""
    parts: Parts = []
    changes, more = first(status.changed, listed)
    for change in changes:
        parts += ["  ", one_line(change), "\n"]
    if more:
        parts += ["  ", *more_line(more), "\n"]
    parts += [
        "\n",
        (
            f"{counted(len(status.documents), 'document')}, {counted(status.chunk_count, 'chunk')}",
            "bold",
        ),
    ]
    documents, more = first(status.documents, listed)
    for doc in documents:
        langs = ",".join(doc.lang) or "?"
        parts += [
            "\n  ",
            one_line(doc.title),
            (f"  {counted(doc.chunks, 'chunk')} · {langs}", "dim"),
        ]
    if more:
        parts += ["\n  ", *more_line(more)]
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
