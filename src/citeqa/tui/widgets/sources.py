"""The sources panel: the citations of the latest answer (or an abstention's closest passages).

Each line shows the [n] marker, title, section or page and language; an abstention's closest
passage (#n) also its retrieval match ("match 0.51"). A citation shows no score of its own:
the answer's confidence, beside it, is the figure a reader can use. Choosing a line
(enter or click) posts `SourceChosen`; the number keys 1–9 do the same from the app.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from citeqa.tui.conversation import SourceRef
from citeqa.tui.messages import SourceChosen
from citeqa.tui.safe_text import assemble, one_line

EMPTY_HINT = "Sources of the latest answer appear here."


def source_line(ref: SourceRef, *, passage: bool = False) -> Content:
    """One line describing a source: [n] title · section · lang (a passage's: · match 0.51)."""
    marker = f"#{ref.label} " if passage else f"[{ref.label}] "
    parts: list[str | tuple[str, str]] = [(marker, "bold"), one_line(ref.name)]
    parts += [(" · ", "dim"), (ref.lang or "?", "italic")]
    if passage:
        parts.append((f" · match {ref.score:.2f}", "dim"))
    return assemble(*parts)


class SourcesPanel(Vertical):
    """A titled list of the current sources."""

    def __init__(self) -> None:
        super().__init__(id="sources-panel")
        self.refs: list[SourceRef] = []

    def compose(self) -> ComposeResult:
        yield Label("Sources", id="sources-title")
        yield OptionList(id="sources")

    def on_mount(self) -> None:
        self.show([], title="Sources")

    def show(self, refs: list[SourceRef], *, title: str, passages: bool = False) -> None:
        """List `refs` under `title`."""
        self.refs = list(refs)
        self.query_one("#sources-title", Label).update(title)
        options = self.query_one("#sources", OptionList)
        options.clear_options()
        if not refs:
            options.add_option(Option(assemble((EMPTY_HINT, "dim")), disabled=True))
            return
        options.add_options(
            Option(source_line(ref, passage=passages), id=str(index))
            for index, ref in enumerate(refs)
        )
        options.highlighted = 0

    def ref_numbered(self, label: int) -> SourceRef | None:
        """The source carrying marker `label`, if listed."""
        return next((ref for ref in self.refs if ref.label == label), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(SourceChosen(self.refs[int(event.option.id)]))
