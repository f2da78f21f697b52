"""The transcript: a scrolling column of questions, answers, abstentions and errors.

Every piece of document text is shown through `safe_text` (literal content, never markup).
Quote and passage blocks are clickable: a click posts `SourceChosen` to open the viewer.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, LoadingIndicator, Static

from citeqa.models import Answer
from citeqa.tui.conversation import SourceRef, Turn, citation_ref, passage_ref
from citeqa.tui.messages import SourceChosen
from citeqa.tui.safe_text import assemble, one_line, plain

ABSTAIN_HEADLINE = "The documents do not appear to answer this."
PASSAGE_PREVIEW_CHARS = 280
"""Characters of each closest passage shown under an abstention."""


def _describe(ref: SourceRef) -> list[str | tuple[str, str]]:
    """` — title · section` parts for a caption line."""
    parts: list[str | tuple[str, str]] = ["— ", (one_line(ref.title), "bold")]
    if ref.where:
        parts += [" · ", one_line(ref.where)]
    return parts


class SourceBlock(Static):
    """A quote or passage that opens its document when clicked."""

    def __init__(self, ref: SourceRef, *, preview: bool = False, classes: str = "") -> None:
        self.ref = ref
        text = ref.text
        if preview and len(text) > PASSAGE_PREVIEW_CHARS:
            text = text[:PASSAGE_PREVIEW_CHARS].rstrip() + "…"
        if preview:
            marker = f"#{ref.label} "
            body = assemble((marker, "bold"), (one_line(text), "italic"), "\n", *_describe(ref))
        else:
            marker = f"[{ref.label}] "
            body = assemble((marker, "bold"), (text, "italic"), "\n", *_describe(ref))
        super().__init__(body, classes=classes)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(SourceChosen(self.ref))


class QuestionMessage(Static):
    """The question as the user typed it."""

    def __init__(self, turn: Turn) -> None:
        super().__init__(assemble(("You ", "bold"), turn.question), classes="question")


class PendingMessage(Horizontal):
    """A spinner and a line saying what the question is waiting for."""

    def __init__(self, turn: Turn, waiting: str) -> None:
        super().__init__(id=f"pending-{turn.number}", classes="pending")
        self._label = Label(plain(waiting), classes="pending-text")

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield self._label

    def set_waiting(self, text: str) -> None:
        self._label.update(plain(text))


class AnswerMessage(Vertical):
    """An answer: its quotes set apart with [n] markers, then the confidence."""

    def __init__(self, turn: Turn, answer: Answer) -> None:
        super().__init__(classes="answer")
        self.turn = turn
        self.answer = answer

    def compose(self) -> ComposeResult:
        for citation in self.answer.citations:
            ref = citation_ref(citation, self.answer.passages)
            yield SourceBlock(ref, classes="quote")
        if not self.answer.citations:
            yield Static(plain(self.answer.answer), classes="answer-text")
        yield Static(self._footer(), classes="confidence")
        for warning in self.answer.warnings:
            yield Static(plain("Note: " + warning), classes="warning")

    def _footer(self) -> Content:
        count = len(self.answer.citations)
        sources = f"{count} source" + ("" if count == 1 else "s")
        return assemble(
            ("Confidence ", "dim"),
            (f"{self.answer.confidence:.2f}", "bold"),
            (f" · {sources} · {self.turn.mode}", "dim"),
        )


class AbstentionMessage(Vertical):
    """An abstention, shown as such, with the closest passages for the user to judge."""

    def __init__(self, turn: Turn, answer: Answer) -> None:
        super().__init__(classes="abstention")
        self.turn = turn
        self.answer = answer

    def compose(self) -> ComposeResult:
        yield Static(assemble(("⚠ " + ABSTAIN_HEADLINE, "bold")), classes="abstain-headline")
        yield Static(plain(self.answer.answer), classes="abstain-reason")
        confidence = f"Confidence {self.answer.confidence:.2f}"
        if self.answer.passages:
            yield Static(assemble((confidence + " · closest passages:", "dim")))
        else:
            yield Static(assemble((confidence + " · no passage came close.", "dim")))
        for passage in self.answer.passages:
            yield SourceBlock(passage_ref(passage), preview=True, classes="passage")


class ErrorMessage(Static):
    """A question that could not be answered, with the reason."""

    def __init__(self, error: str) -> None:
        super().__init__(assemble(("✖ ", "bold"), one_line(error)), classes="error")


class Transcript(VerticalScroll):
    """The conversation so far; newest at the bottom."""

    def add_question(self, turn: Turn, waiting: str) -> None:
        """Show a question and a spinner for its answer."""
        self.mount(QuestionMessage(turn), PendingMessage(turn, waiting))
        self.scroll_end(animate=False)

    def set_waiting(self, turn: Turn, text: str) -> None:
        """Change what the pending spinner of `turn` says."""
        for pending in self.query(f"#pending-{turn.number}").results(PendingMessage):
            pending.set_waiting(text)

    def show_result(self, turn: Turn) -> None:
        """Replace the spinner of `turn` by its answer, abstention or error."""
        if turn.answer is not None and turn.answer.abstained:
            widget: Static | Vertical = AbstentionMessage(turn, turn.answer)
        elif turn.answer is not None:
            widget = AnswerMessage(turn, turn.answer)
        else:
            widget = ErrorMessage(turn.error or "unknown error")
        pending = self.query(f"#pending-{turn.number}")
        if pending:
            self.mount(widget, before=pending.first())
            pending.remove()
        else:
            self.mount(widget)
        self.call_after_refresh(self.scroll_end, animate=False)
