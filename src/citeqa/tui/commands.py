"""The command palette provider: update the index, export, copy, retrieval mode, k, index status.

`citeqa_commands` names each command and the app action it calls; the provider offers them
to the palette of any app that has `palette_commands`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from citeqa.tui.conversation import K_CHOICES, MODES

PaletteCommand = tuple[str, str, Callable[[], object]]
"""(name, help, callback)"""


@runtime_checkable
class HasPaletteCommands(Protocol):
    """An app that offers citeqa commands."""

    def palette_commands(self) -> list[PaletteCommand]: ...


class ChatActions(Protocol):
    """The app actions the palette triggers."""

    def action_update_index(self) -> None: ...
    def action_export(self) -> None: ...
    def action_copy_answer(self) -> None: ...
    def action_show_status(self) -> None: ...
    def action_toggle_sources(self) -> None: ...
    def action_set_mode(self, mode: str) -> None: ...
    def action_set_k(self, k: int) -> None: ...


def citeqa_commands(app: ChatActions) -> list[PaletteCommand]:
    """Every citeqa command: name, help and the action it calls."""
    commands: list[PaletteCommand] = [
        (
            "Update the index",
            "Re-read changed files, as `citeqa index` does, and reload",
            app.action_update_index,
        ),
        (
            "Export the conversation to Markdown",
            "A .md file in the per-user exports folder",
            app.action_export,
        ),
        ("Copy the last answer", "Quotes and citations to the clipboard", app.action_copy_answer),
        ("Show index status", "Documents, chunks, models, staleness", app.action_show_status),
        ("Toggle the sources panel", "Show or hide the sources", app.action_toggle_sources),
    ]
    commands += [
        (f"Retrieval mode: {mode}", "How passages are found", partial(app.action_set_mode, mode))
        for mode in MODES
    ]
    commands += [
        (f"Set k = {k}", "Passages retrieved per question", partial(app.action_set_k, k))
        for k in K_CHOICES
    ]
    return commands


class CiteqaCommands(Provider):
    """citeqa's own commands in Textual's command palette."""

    def _commands(self) -> list[PaletteCommand]:
        app = self.app
        return app.palette_commands() if isinstance(app, HasPaletteCommands) else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
