"""The welcome at the top of an empty chat: what the corpus is, and example questions to pick.

It shows at once; the corpus figures and the examples arrive from a worker (`OverviewRead`)
and again, with the passages counted, once the index is loaded. The examples are an option
list (tab or ↓ from the empty question reaches it, enter asks); they go away after the first
question, the corpus line stays, and so does the line saying how many files the build did
not read, by type (once the index is loaded: unread.welcome_line), and the one naming the
hidden names and tools' folders left out (buildnotes.welcome_hidden_line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from citeqa.tui.messages import ExamplePicked
from citeqa.tui.safe_text import assemble, one_line

if TYPE_CHECKING:
    from citeqa.overview import Overview

GREETING = "Ask a question about the documents: answers are quotes, each cited to its source."
WAITING = "The index is being prepared; you can type a question now, it waits for it."
PICK = "Examples (tab or ↓ to pick one, enter to ask it):"


class Welcome(Vertical):
    """Greeting, corpus line and example questions."""

    def __init__(self) -> None:
        super().__init__(id="welcome")
        self.examples: list[str] = []
        self.retired = False
        """Set by the first question: the examples are gone for good."""

    def compose(self) -> ComposeResult:
        yield Static(assemble((GREETING, "bold")), id="welcome-greeting")
        yield Static("", id="welcome-corpus")
        yield Static("", id="welcome-unread")
        yield Static("", id="welcome-left-out")
        yield Static(assemble((WAITING, "dim")), id="welcome-waiting")
        yield Static(assemble((PICK, "dim")), id="welcome-pick")
        yield OptionList(id="examples")

    def on_mount(self) -> None:
        self.query_one("#welcome-corpus").display = False
        self.query_one("#welcome-unread").display = False
        self.query_one("#welcome-left-out").display = False
        self.query_one("#welcome-pick").display = False
        self.query_one("#examples").display = False

    def show(self, overview: Overview) -> None:
        """The corpus line and, unless a question was already asked, its examples."""
        line = self.query_one("#welcome-corpus", Static)
        line.display = True
        line.update(
            assemble(
                ("Corpus ", "bold"), one_line(overview.name), " · ", one_line(overview.summary)
            )
        )
        unread = self.query_one("#welcome-unread", Static)
        unread.display = overview.unread is not None
        unread.update(assemble((one_line(overview.unread or ""), "yellow")))
        left_out = self.query_one("#welcome-left-out", Static)
        left_out.display = overview.left_out is not None
        left_out.update(assemble((one_line(overview.left_out or ""), "dim")))
        if self.retired or not overview.examples:
            return
        self.examples = [example.question for example in overview.examples]
        options = self.query_one("#examples", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(assemble(one_line(e.question), (f"  {e.lang}", "dim")), id=str(n))
            for n, e in enumerate(overview.examples)
        )
        options.highlighted = highlighted if highlighted is not None else 0
        options.display = True
        self.query_one("#welcome-pick").display = True

    def show_unavailable(self, corpus_name: str, error: str) -> None:
        """The corpus line when the corpus could not be described: its name and why, unless
        figures read before are shown already (the examples stay as they are)."""
        line = self.query_one("#welcome-corpus", Static)
        if line.display:
            return
        line.display = True
        line.update(
            assemble(
                ("Corpus ", "bold"),
                one_line(corpus_name),
                " · ",
                (one_line(f"figures unavailable: {error}"), "yellow"),
            )
        )

    def ready(self) -> None:
        """The index is loaded, or cannot be: the line saying it is being prepared goes."""
        self.query_one("#welcome-waiting").display = False

    def retire(self) -> None:
        """After the first question: the examples go, the corpus line stays."""
        self.retired = True
        self.query_one("#welcome-pick").display = False
        options = self.query_one("#examples", OptionList)
        if options.has_focus:
            self.app.set_focus(None)
        options.display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.retired and event.option.id is not None:
            self.post_message(ExamplePicked(self.examples[int(event.option.id)]))
