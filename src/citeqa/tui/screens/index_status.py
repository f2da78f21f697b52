"""A modal describing the index: where it is, what it holds, which models, whether it is stale."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from citeqa.models import IndexStatus
from citeqa.tui.safe_text import assemble, one_line


def status_content(status: IndexStatus) -> Content:
    """The status as literal lines of text."""
    parts: list[str | tuple[str, str]] = [
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
    for change in status.changed:
        parts += ["  ", one_line(change), "\n"]
    parts += ["\n", (f"{len(status.documents)} documents, {status.chunk_count} chunks", "bold")]
    for doc in status.documents:
        langs = ",".join(doc.lang) or "?"
        parts += ["\n  ", one_line(doc.title), (f"  {doc.chunks} chunks · {langs}", "dim")]
    parts += ["\n\n", ("Vector channels", "bold")]
    for channel in status.channels:
        parts += [f"\n  {channel.name}: ", one_line(channel.model)]
        parts += [(f"  {channel.package} {channel.version} · dim {channel.dim}", "dim")]
    return assemble(*parts)


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
