"""The question input: one line, history on up/down; a multi-line paste becomes one question.

A newline (ctrl+j) asks as Enter does, because an Enter typed before the chat took the terminal
arrives so (the shell's line mode makes it a newline). A paste made before Textual enables
bracketed paste arrives so too, each line break a newline followed at once by the next line's
keys: a newline therefore asks only when no printable key follows within NEWLINE_WAIT; one that
does is a line break of a paste, and becomes a space.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Input

_WHITESPACE = re.compile(r"\s+")
NEWLINE_WAIT = 0.1
"""Seconds a newline waits for a next key before it asks: a paste's keys come in one read of
the terminal, microseconds apart; a person types no key within 0.1 s of an Enter."""


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
        self._newline: Timer | None = None
        """A newline's pending question (see the module's docstring), until a key follows."""

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False  # deterministic screenshots

    async def key_ctrl_j(self) -> None:
        """A newline asks the question as Enter does, unless a printable key follows at once
        (the module's docstring). A key method, not a binding: no key of its own in the help."""
        self._forget_newline()
        self._newline = self.set_timer(NEWLINE_WAIT, self.action_submit)

    async def _on_key(self, event: events.Key) -> None:
        """A printable key right after a newline: the newline was a paste's line break."""
        if self._newline is not None and event.is_printable:
            self._forget_newline()
            before = self.value[: self.cursor_position]
            if before and not before[-1].isspace() and not (event.character or "").isspace():
                self.insert_text_at_cursor(" ")
        await super()._on_key(event)

    async def action_submit(self) -> None:
        self._forget_newline()  # asked now (by Enter, or by the newline's own timer)
        await super().action_submit()

    def _forget_newline(self) -> None:
        if self._newline is not None:
            self._newline.stop()
            self._newline = None

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
