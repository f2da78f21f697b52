"""The transcript: a scrolling column of questions, answers, abstentions and errors.

Every piece of document text is shown through `safe_text` (literal content, never markup).
Quote and passage blocks are clickable: a click posts `SourceChosen` to open the viewer.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, LoadingIndicator, Static

from citeqa.answerlabels import confidence_label, otherwise_label
from citeqa.caution import shown_confidence
from citeqa.models import Answer
from citeqa.readable import fold, is_markdown, preview_text, readable_lines
from citeqa.tui.conversation import SourceRef, Turn, citation_ref, passage_ref, read_with_text
from citeqa.tui.messages import SourceChosen
from citeqa.tui.safe_text import assemble, one_line, plain

ABSTAIN_HEADLINE = "The documents do not appear to answer this."
PASSAGE_PREVIEW_CHARS = 280
"""Characters of each closest passage shown under an abstention."""

QUOTE_LINES = 6
"""Lines of a quote shown before the rest folds behind the space key."""


def _describe(ref: SourceRef) -> list[str | tuple[str, str]]:
    """` — title · section` parts for a caption line."""
    return ["— ", (one_line(ref.name), "bold")]


class SourceBlock(Static):
    """A quote or passage that opens its document when clicked (or chosen in the transcript).

    A quote is laid out by `citeqa.readable` (slide dumps as aligned rows or joined lines) and
    folds after `QUOTE_LINES` lines; `toggle_fold` shows it whole or folds it again.
    """

    def __init__(self, ref: SourceRef, *, preview: bool = False, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.ref = ref
        self.preview = preview
        self.expanded = False
        self._markdown = is_markdown(ref.path)
        self._lines = (
            [] if preview else readable_lines(ref.text, self._markdown)
        )  # a preview is one line
        self.update(self._body())

    @property
    def folds(self) -> bool:
        """Whether the quote is long enough to fold."""
        return not self.preview and fold(self._lines, QUOTE_LINES)[1] > 0

    def toggle_fold(self) -> None:
        """Show the whole quote, or fold it again."""
        if self.folds:
            self.expanded = not self.expanded
            self.update(self._body())

    def _body(self) -> Content:
        ref = self.ref
        if self.preview:
            text = preview_text(ref.text, self._markdown)
            if len(text) > PASSAGE_PREVIEW_CHARS:
                text = text[:PASSAGE_PREVIEW_CHARS].rstrip() + "…"
            marker = f"#{ref.label} "
            return assemble((marker, "bold"), (one_line(text), "italic"), "\n", *_describe(ref))
        marker = f"[{ref.label}] "
        shown, hidden = (self._lines, 0) if self.expanded else fold(self._lines, QUOTE_LINES)
        indent = "\n" + " " * len(marker)  # continuation lines align under the first
        parts: list[str | tuple[str, str]] = []
        if ref.context:  # a table row's header row, over the row
            parts += [indent[1:], (one_line(ref.context), "dim"), "\n"]
        parts += [(marker, "bold"), (indent.join(shown), "italic")]
        for note in ref.notes:  # a footnote the quote cites, under it
            parts += [indent, (one_line(note), "dim")]
        if hidden:
            parts += [indent, (f"… {hidden} more lines (space shows all)", "dim")]
        elif self.expanded:
            parts += [indent, ("(space folds)", "dim")]
        return assemble(*parts, "\n", *_describe(ref))

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
    """An answer: its quotes set apart with [n] markers, then the confidence, and the caution
    of a low one (`Turn.caution`)."""

    def __init__(self, turn: Turn, answer: Answer) -> None:
        super().__init__(classes="answer")
        self.turn = turn
        self.answer = answer

    def compose(self) -> ComposeResult:
        if self.answer.read_with:
            yield read_with_line(self.answer.read_with)
        for citation in self.answer.citations:
            label = otherwise_label(citation, self.answer.lang)
            if label is not None:  # another document states it with another value
                yield Static(plain(label), classes="otherwise")
            ref = citation_ref(citation, self.answer.passages)
            yield SourceBlock(ref, classes="quote")
        if not self.answer.citations:
            yield Static(plain(self.answer.answer), classes="answer-text")
        yield Static(self._footer(), classes="confidence")
        if self.turn.caution:
            yield Static(plain(self.turn.caution), classes="caution")
        yield from note_lines(self.answer)

    def _footer(self) -> Content:
        count = len(self.answer.citations)
        sources = f"{count} source" + ("" if count == 1 else "s")
        label = confidence_label(self.answer)  # in the answer's language, as its caution
        return assemble(
            (label + " ", "dim"),
            (shown_confidence(self.answer.confidence), "bold"),
            (f" · {sources} · {self.turn.mode}", "dim"),
        )


class AbstentionMessage(Vertical):
    """An abstention, shown as such, with the closest passages for the user to judge (without
    the confidence of the quote it did not give, which would read like a half-answer)."""

    def __init__(self, turn: Turn, answer: Answer) -> None:
        super().__init__(classes="abstention")
        self.turn = turn
        self.answer = answer

    def compose(self) -> ComposeResult:
        yield Static(assemble(("⚠ " + ABSTAIN_HEADLINE, "bold")), classes="abstain-headline")
        if self.answer.read_with:
            yield read_with_line(self.answer.read_with)
        yield Static(plain(self.answer.answer), classes="abstain-reason")
        if self.answer.passages:
            yield Static(assemble(("Closest passages:", "dim")))
        else:
            yield Static(assemble(("No passage came close.", "dim")))
        for passage in self.answer.passages:
            yield SourceBlock(passage_ref(passage), preview=True, classes="passage")
        yield from note_lines(self.answer)


def note_lines(answer: Answer) -> list[Static]:
    """One line per note of the answer (e.g. unread files whose names match the question,
    named beside an abstention as `ask` prints them), cleaned (`plain`)."""
    return [Static(plain("Note: " + warning), classes="warning") for warning in answer.warnings]


def read_with_line(previous: str) -> Static:
    """A dim line saying the question was read with the previous one (a follow-up), so the
    reader can tell an answer that carries the earlier subject; the previous question's end
    is shown (cleaned, conversation.read_with_text)."""
    return Static(assemble((read_with_text(previous), "dim")), classes="read-with")


class ErrorMessage(Static):
    """A question that could not be answered, with the reason."""

    def __init__(self, error: str) -> None:
        super().__init__(assemble(("✖ ", "bold"), one_line(error)), classes="error")


class Transcript(VerticalScroll):
    """The conversation so far; newest at the bottom.

    With focus, a cursor marks one quote or passage: up/down move it, enter opens it in the
    viewer, space unfolds (or folds) a long quote.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_cursor", "Open in viewer"),
        Binding("space", "toggle_fold", "Unfold"),
        Binding("up", "move_cursor(-1)", "Previous quote", show=False),
        Binding("down", "move_cursor(1)", "Next quote", show=False),
    ]

    cursor: reactive[int] = reactive(-1)
    """Index of the marked block among `blocks()` (-1: none yet)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The cursor keys work (and show in the footer) only while the transcript has focus,
        not while a widget inside it (the welcome's examples) has."""
        if action in ("open_cursor", "toggle_fold", "move_cursor"):
            return self.has_focus
        return True

    def blocks(self) -> list[SourceBlock]:
        """The quotes and passages of the conversation, top to bottom."""
        return list(self.query(SourceBlock))

    @property
    def current(self) -> SourceBlock | None:
        """The block the cursor marks."""
        blocks = self.blocks()
        return blocks[self.cursor] if 0 <= self.cursor < len(blocks) else None

    def watch_cursor(self) -> None:
        for index, block in enumerate(self.blocks()):
            block.set_class(index == self.cursor, "-cursor")
        current = self.current
        if current is not None and self.has_focus:
            self.scroll_to_widget(current, animate=False)

    def action_move_cursor(self, step: int) -> None:
        blocks = self.blocks()
        if not blocks:
            self.scroll_relative(y=step, animate=False)
            return
        self.cursor = max(0, min(len(blocks) - 1, self.cursor + step))

    def action_open_cursor(self) -> None:
        if self.current is not None:
            self.post_message(SourceChosen(self.current.ref))

    def action_toggle_fold(self) -> None:
        if self.current is not None:
            self.current.toggle_fold()

    def on_focus(self) -> None:
        if self.current is None and self.blocks():
            self.cursor = 0
        self.watch_cursor()

    def add_question(self, turn: Turn, waiting: str) -> None:
        """Show a question and a spinner for its answer."""
        self.mount(QuestionMessage(turn), PendingMessage(turn, waiting))
        self.scroll_end(animate=False)

    def add_note(self, text: str) -> None:
        """A line from the app (such as where an export went), not part of any answer."""
        self.mount(Static(plain(text), classes="note"))
        self.call_after_refresh(self.scroll_end, animate=False)

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
        self.call_after_refresh(self._mark_first_of, widget)

    def _mark_first_of(self, widget: Widget) -> None:
        """Put the cursor on the first quote of a new answer and show the newest lines."""
        blocks = self.blocks()
        first = next((b for b in blocks if widget in b.ancestors), None)
        if first is not None:
            self.cursor = blocks.index(first)
        self.scroll_end(animate=False)
