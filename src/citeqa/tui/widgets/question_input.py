"""The question input: one line, history on up/down; a multi-line paste becomes one question."""

from __future__ import annotations

import re
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

_WHITESPACE = re.compile(r"\s+")


class QuestionInput(Input):
    """An Input that remembers submitted questions and joins pasted lines with spaces."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Previous question", show=False),
        Binding("down", "history(1)", "Next question", show=False),
        Binding("escape", "app.focus_sources", "Pick a source"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            placeholder="Ask a question about the documents…",
            select_on_focus=False,
            **kwargs,  # type: ignore[arg-type]
        )
        self.history: list[str] = []
        self._cursor = 0
        self._draft = ""

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False  # deterministic screenshots

    async def key_ctrl_j(self) -> None:
        """A newline asks the question as Enter does: an Enter typed before the chat took the
        terminal (in the shell's line mode, which makes it a newline) reaches the input so.
        A key method, not a binding: no key of its own in the help."""
        await self.action_submit()

    def remember(self, question: str) -> None:
        """Add a submitted question to the history and reset browsing to its end."""
        if question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._cursor = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        """Move through the history; past the newest entry, restore the unsent draft. With no
        history, down from an empty question goes to the welcome's examples (if shown)."""
        if not self.history:
            examples = self.screen.query("#examples")
            if step > 0 and not self.value and examples and examples.first().display:
                examples.first().focus()
            return
        if self._cursor == len(self.history):
            self._draft = self.value
        self._cursor = max(0, min(len(self.history), self._cursor + step))
        self.value = (
            self._draft if self._cursor == len(self.history) else self.history[self._cursor]
        )
        self.cursor_position = len(self.value)

    def _on_paste(self, event: events.Paste) -> None:
        """Paste all lines as one question (Input would keep only the first line)."""
        event.stop()
        event.prevent_default()  # keep Input's own first-line-only paste from running too
        text = _WHITESPACE.sub(" ", event.text).strip()
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
