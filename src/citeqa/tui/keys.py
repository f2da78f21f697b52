"""The chat's keyboard: quit and help in the footer, the help screen, and where tab goes.

`KeyedApp` sits between the workers and the chat app: it owns the keys that are about moving
around rather than about answers: ctrl+q, F1 / ?, tab order (question -> examples -> sources
-> transcript, shift+tab back; a hidden stop is skipped), keys typed in the sources or the
examples list going on in the question (all but "/" and a listed source's number), and which
keys are active over the viewer and modals.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from citeqa.tui.screens.help import HelpScreen, help_sections
from citeqa.tui.widgets.question_input import QuestionInput
from citeqa.tui.widgets.sources import SourcesPanel
from citeqa.tui.workers import WorkerApp

FOCUS_ORDER = ("#question", "#examples", "#sources", "#transcript")
"""Where tab moves focus on the chat screen, in order (shift+tab goes back); the welcome's
examples are a stop only until the first question."""


TYPE_THROUGH = ("sources", "examples")
"""Lists where typing a printable key starts (or goes on with) a question instead."""


class KeyedApp(WorkerApp):
    """Keys for moving around the chat screen (the app's own actions live in `CiteqaApp`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
    ]
    CHAT_ONLY_ACTIONS: ClassVar[frozenset[str]] = frozenset({"help", "focus_input"})
    """Actions that only work on the chat screen (hidden over the viewer and the modals)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Chat-screen keys are inactive (and hidden) over the viewer and the modal."""
        if action in self.CHAT_ONLY_ACTIONS:
            return self.screen is self.screen_stack[0]
        return True

    async def on_event(self, event: events.Event) -> None:
        """A printable key pressed in the sources list or the examples moves the focus to the
        question input before the key is sent on, so the input types it (see `_types_through`)."""
        if isinstance(event, events.Key) and not event.is_forwarded and self._types_through(event):
            self.screen.set_focus(self.query_one(QuestionInput))
        await super().on_event(event)

    def _types_through(self, event: events.Key) -> bool:
        """Whether `event`, about to reach a list of `TYPE_THROUGH`, belongs in the question: any
        printable key but "/" (back to the question) and the number of a listed source. Decided
        as the app dispatches the key and the focus moves at once (not `focus()`, which waits),
        so keys typed in one burst, queued behind it, reach the input too."""
        focused = self.focused
        char = event.character
        if not isinstance(focused, OptionList) or focused.id not in TYPE_THROUGH:
            return False
        if not event.is_printable or not char or char == "/":
            return False
        sources = self.query_one(SourcesPanel)
        return not (char in "123456789" and sources.ref_numbered(int(char)) is not None)

    def action_focus_next(self) -> None:
        if not self._cycle_focus(1):
            super().action_focus_next()

    def action_focus_previous(self) -> None:
        if not self._cycle_focus(-1):
            super().action_focus_previous()

    def _cycle_focus(self, step: int) -> bool:
        """Move focus along `FOCUS_ORDER` on the chat screen (False elsewhere)."""
        if self.screen is not self.screen_stack[0]:
            return False
        stops = [
            widget
            for widget in self.query(",".join(FOCUS_ORDER))
            if widget.focusable and all(node.display for node in widget.ancestors_with_self)
        ]
        stops.sort(key=lambda widget: FOCUS_ORDER.index(f"#{widget.id}"))
        if not stops:
            return False
        here = stops.index(self.focused) if self.focused in stops else -1
        stops[(here + step) % len(stops)].focus()
        return True

    async def action_quit(self) -> None:
        """Quit at once: a build under way stops at its next step and keeps the previous index
        (the chat command gives it a moment: chat_cmd._leave_unfinished_work)."""
        self.stop_work()
        await super().action_quit()

    def action_help_quit(self) -> None:
        """Ctrl+C (Textual's copy key) says which key quits, in plain words: Textual's own toast
        is markup, and this app's notifications show their text literally (workers.notify)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app", title="Do you want to quit?")
                return

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections(self)))

    def action_focus_input(self) -> None:
        self.query_one(QuestionInput).focus()

    def action_focus_sources(self) -> None:
        self.query_one(SourcesPanel).display = True
        self.query_one("#sources").focus()
