"""The help screen (F1 or ?): every key of the chat, the transcript, the sources and the viewer.

The rows are read from the widgets' own `BINDINGS`, so a new key shows up here by itself;
only the keys that Textual widgets handle without a binding of ours are written out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from citeqa.tui.safe_text import assemble
from citeqa.tui.screens.viewer import DocumentViewer
from citeqa.tui.widgets.question_input import QuestionInput
from citeqa.tui.widgets.transcript import Transcript

KeyRows = list[tuple[str, str]]
"""(keys, what they do)"""

FOCUS_ROWS: KeyRows = [
    ("tab", "Next area: question → examples → sources → transcript"),
    ("shift+tab", "Previous area"),
]
INPUT_ROWS: KeyRows = [
    ("enter", "Ask the question"),
    ("↓ (empty)", "Pick an example question (before the first question)"),
]
SOURCES_ROWS: KeyRows = [
    ("↑ ↓", "Choose a source"),
    ("enter", "Open it in the viewer"),
    ("other keys", "Back to the question, typing them"),
]
PALETTE_ROWS: KeyRows = [("ctrl+p", "Command palette: export, copy, retrieval mode, k, status")]
VIEWER_ROWS: KeyRows = [("↑ ↓ pgup pgdn", "Scroll the document")]


def binding_rows(app: App[Any], bindings: Iterable[BindingType]) -> KeyRows:
    """(keys, description) of each described binding; keys that do the same share a row
    ("f1 ?  Help", "1-9" once), so that the help fits a 40-row terminal."""
    rows: KeyRows = []
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys, description = app.get_key_display(binding), binding.description
        same = next((n for n, (_, said) in enumerate(rows) if said == description), None)
        if same is None:
            rows.append((keys, description))
        elif keys not in rows[same][0].split(" "):
            rows[same] = (f"{rows[same][0]} {keys}", description)
    return rows


def _app_bindings(app: App[Any]) -> list[BindingType]:
    """The app's bindings, its base classes' first (as Textual merges them)."""
    classes = [cls for cls in reversed(type(app).__mro__) if issubclass(cls, App)]
    return [binding for cls in classes for binding in cls.__dict__.get("BINDINGS", [])]


def help_sections(app: App[Any]) -> list[tuple[str, KeyRows]]:
    """Every key of the chat, by where it works."""
    return [
        ("Anywhere in the chat", binding_rows(app, _app_bindings(app)) + PALETTE_ROWS),
        ("Moving around", FOCUS_ROWS),
        ("Question", INPUT_ROWS + binding_rows(app, QuestionInput.BINDINGS)),
        ("Transcript", binding_rows(app, Transcript.BINDINGS)),
        ("Sources", SOURCES_ROWS),
        ("Document viewer", binding_rows(app, DocumentViewer.BINDINGS) + VIEWER_ROWS),
    ]


def help_content(sections: list[tuple[str, KeyRows]]) -> Content:
    """The sections as aligned, literal lines."""
    width = max((len(keys) for _, rows in sections for keys, _ in rows), default=0)
    parts: list[str | tuple[str, str]] = []
    for number, (title, rows) in enumerate(sections):
        parts.append((("\n" if number else "") + title + "\n", "bold"))
        for keys, description in rows:
            parts += [("  " + keys.ljust(width + 2), "bold"), description + "\n"]
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].removesuffix("\n")  # no blank row at the end
    return assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Every key, in a dialog that fits a 120x40 terminal; Esc, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "app.pop_screen", "Close"),
    ]

    def __init__(self, sections: list[tuple[str, KeyRows]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        dialog = Vertical(id="help-dialog")
        dialog.border_title = "Keys"
        dialog.border_subtitle = "Esc closes this help"
        with dialog, VerticalScroll(id="help-scroll"):  # scrolls, with a bar, below 40 rows
            yield Static(help_content(self.sections), id="help-body")
