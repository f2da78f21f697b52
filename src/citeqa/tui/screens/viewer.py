"""The document viewer: the whole document, scrolled to a quote whose characters are highlighted.

The document is cleaned (control characters replaced one-for-one, so offsets hold) and shown
as literal content in three parts split at line breaks: the lines before the quote, the
line(s) holding it, and the rest. Scrolling to the quote is then scrolling to the middle part.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from citeqa.models import Document
from citeqa.readable import source_name
from citeqa.tui.conversation import SourceRef
from citeqa.tui.safe_text import assemble, highlighted, one_line

HIGHLIGHT = "bold reverse"
"""The style of the quoted characters."""

CONTEXT_ROWS = 3
"""Rows of text kept visible above the quote when scrolling to it."""


def split_around(content: Content, start: int, end: int) -> tuple[Content, Content, Content]:
    """`content` cut at the line breaks around [start:end]: before, the quote's lines, after.

    The two line breaks at the cuts are dropped (each part is its own block of lines).
    """
    text = content.plain
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", max(end - 1, start))
    if line_end == -1:
        line_end = len(text)
    before = content[: max(line_start - 1, 0)]
    after = content[line_end + 1 :] if line_end < len(text) else Content("")
    return before, content[line_start:line_end], after


class DocumentViewer(Screen[None]):
    """A full document with one span highlighted; Esc returns to the chat."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
    ]

    def __init__(self, document: Document, ref: SourceRef) -> None:
        super().__init__()
        self.document = document
        self.ref = ref
        self.content = highlighted(document.text, ref.start, ref.end, HIGHLIGHT)
        """The whole document as displayed, with the quote highlighted."""
        self._line_start = document.text.rfind("\n", 0, ref.start) + 1

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="viewer-title")
        before, middle, after = split_around(self.content, self.ref.start, self.ref.end)
        with VerticalScroll(id="viewer-body"):
            yield Static(before, id="viewer-before", classes="doc-part")
            yield Static(middle, id="viewer-match", classes="doc-part")
            yield Static(after, id="viewer-after", classes="doc-part")
        yield Footer()

    def _title(self) -> Content:
        ref = self.ref
        parts: list[str | tuple[str, str]] = [
            (f"[{ref.label}] ", "bold"),
            (one_line(source_name(self.document.title, ref.where)), "bold"),
        ]
        parts += ["\n", (one_line(self.document.path), "dim")]
        parts += [(f"  characters {ref.start}–{ref.end} of {len(self.document.text)}", "dim")]
        return assemble(*parts)

    def on_mount(self) -> None:
        self.query_one("#viewer-before").display = self._line_start > 0
        self.call_after_refresh(self.scroll_to_quote)

    def scroll_to_quote(self) -> None:
        """Scroll so that the first highlighted row sits a few rows from the top."""
        match = self.query_one("#viewer-match", Static)
        body = self.query_one("#viewer-body", VerticalScroll)
        width = max(match.content_region.width, 1)
        prefix = self.content[self._line_start : self.ref.start]
        rows_before = len(prefix.wrap(width)) - 1 if prefix.plain else 0
        top = match.virtual_region.y + rows_before - CONTEXT_ROWS
        body.scroll_to(y=max(top, 0), animate=False, immediate=True)
