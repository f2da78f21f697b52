"""Choices the chat remembers between runs (the theme), in the per-user UI-state file.

`citeqa.userdirs` owns the file (`~/.local/state/citeqa/ui.json` on Linux). A missing or damaged
file means defaults; a file that cannot be written costs only the memory of the choice.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual.app import App

from citeqa.userdirs import read_ui_state, write_ui_state


def restore_theme(app: App[Any]) -> None:
    """Apply the theme chosen last time, if it still exists; then remember each new choice."""
    saved = read_ui_state().get("theme")
    if isinstance(saved, str) and saved in app.available_themes:
        app.theme = saved
    app.theme_changed_signal.subscribe(app, lambda theme: remember_theme(theme.name))


def remember_theme(name: str) -> None:
    """Save `name` as the theme to use next time (silently skipped if it cannot be written)."""
    with contextlib.suppress(OSError):
        write_ui_state(theme=name)
