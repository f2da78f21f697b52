"""`CiteqaApp`: the chat screen and the handlers that turn worker messages into widget updates.

The screen paints at once; the assistant loads in a worker (`WorkerApp.load_assistant`).
Questions asked before it is ready wait in a queue behind a spinner; questions are answered
one at a time, in order, through the conversation's `Session` so follow-ups keep their context.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Input

from citeqa.buildnotes import report_notes
from citeqa.caution import low_confidence
from citeqa.errors import CiteqaError
from citeqa.models import BuildReport, IndexStatus, counted, documents_read
from citeqa.tui.commands import CiteqaCommands, PaletteCommand, citeqa_commands
from citeqa.tui.conversation import Turn, source_refs
from citeqa.tui.export import ExportContext, answer_text, write_conversation
from citeqa.tui.keys import KeyedApp
from citeqa.tui.load_problem import LoadProblem
from citeqa.tui.messages import (
    AnswerReady,
    AskFailed,
    AssistantFailed,
    AssistantReady,
    ExamplePicked,
    IndexBuilt,
    ModeChanged,
    OverviewFailed,
    OverviewRead,
    SourceChosen,
    StatusRead,
    UpdateFailed,
)
from citeqa.tui.preferences import restore_theme
from citeqa.tui.progress import StageProgress
from citeqa.tui.safe_text import one_line
from citeqa.tui.screens.index_status import IndexStatusScreen
from citeqa.tui.screens.viewer import DocumentViewer
from citeqa.tui.widgets.question_input import QuestionInput
from citeqa.tui.widgets.sources import SourcesPanel
from citeqa.tui.widgets.status import StaleBanner, StatusLine
from citeqa.tui.widgets.transcript import Transcript
from citeqa.tui.widgets.welcome import Welcome
from citeqa.tui.workers import AssistantFactory, IndexBuilder, describe
from citeqa.userdirs import exports_dir

if TYPE_CHECKING:  # the api module loads in a worker, after the first paint
    from citeqa.api import Assistant, Session

__all__ = ["AssistantFactory", "CiteqaApp", "IndexBuilder"]


NOTES_SHOWN = 30.0
"""Seconds an update's notification stays when it carries the build's notes (files skipped,
word lists, outsized files, no sentence vectors): longer than a plain one, to be read."""


def _source_key(n: int) -> Binding:
    return Binding(str(n), f"open_source({n})", "Open source", key_display="1-9", show=n == 1)


class CiteqaApp(KeyedApp):
    """Ask questions of the documents; read verbatim, cited answers; open the sources."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "citeqa"
    COMMANDS = KeyedApp.COMMANDS | {CiteqaCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012  (as Textual types it)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+b", "toggle_sources", "Sources"),
        Binding("ctrl+s", "export", "Export"),
        Binding("ctrl+r", "update_index", "Update index"),
        Binding("slash", "focus_input", "Ask"),
        Binding("escape", "focus_input", "Ask", show=False),
        *[_source_key(n) for n in range(1, 10)],
    ]
    CHAT_ONLY_ACTIONS = KeyedApp.CHAT_ONLY_ACTIONS | {
        "open_source",
        "toggle_sources",
        "update_index",
    }

    def __init__(
        self,
        assistant_factory: AssistantFactory,
        index_builder: IndexBuilder | None = None,
        *,
        export_dir: Path | None = None,
        corpus_dir: Path | None = None,
        index_dir: Path | None = None,
    ) -> None:
        super().__init__(assistant_factory, index_builder, index_dir)
        self.export_dir = export_dir
        self.corpus_dir = corpus_dir
        """The corpus being opened, described by the welcome before its index is loaded."""
        self.base: Assistant | None = None
        self.assistant: Assistant | None = None
        self.session: Session | None = None
        self.index_info: IndexStatus | None = None
        self.mode = "hybrid"
        """The retrieval mode of the assistant that answers."""
        self.requested_mode = "hybrid"
        """The mode the user chose last: the one a reload configures its assistant for."""
        self.k: int | None = None
        self.turns: list[Turn] = []
        self._queue: deque[Turn] = deque()
        self._asking = False
        self._updating = False
        self._last_build: BuildReport | None = None
        """The chat's last update, until the index it made is loaded."""
        self.index_changes: dict[str, str] = {}
        """What an update in the chat did ("updated", "rebuilt"...), by the manifest hash of
        the index it made (the export says it where that index's answers begin)."""
        self.last_export: Path | None = None
        self._held_session: Session | None = None
        self._stages = StageProgress()
        self._loading_since = time.monotonic()
        self._load_problem: LoadProblem | None = None
        """Why the assistant could not load and what the chat says of it (load_problem.py),
        until it loads."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield StaleBanner()
        with Horizontal(id="main"):
            with Transcript(id="transcript"):
                yield Welcome()
            yield SourcesPanel()
        yield StatusLine()
        yield QuestionInput(id="question")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "loading…"
        self.query_one(StatusLine).busy("Loading models…")
        # Focused now, not by focus() (which waits behind the queued messages): Textual's
        # driver reads the terminal before the app composes, so keys typed at launch are queued
        # already, and a key handled while nothing has the focus goes to the screen and is lost.
        self.screen.set_focus(self.query_one(QuestionInput))
        restore_theme(self)
        self._count_progress_afresh()
        self.set_interval(1.0, self._say_progress)
        self.load_assistant()
        if self.corpus_dir is not None:
            self.read_overview(self.corpus_dir, None)

    # -- loading -------------------------------------------------------------------------------

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """One bar for the whole first run, with the step it is at; it never goes backwards."""
        self._stages.update(stage, done, total)
        self._say_progress()

    def _say_progress(self) -> None:
        """The progress line, its seconds counting even while a step reports nothing."""
        stages = self._stages
        if not stages.seen or self.session is not None or not self.work_in_progress:
            return
        doing = "Loading" if stages.seen[0] == "loading models" else "Indexing"
        elapsed = time.monotonic() - self._loading_since
        text = f"{doing} · {stages.label} · {elapsed:.0f} s"
        self.query_one(StatusLine).progress(text, stages.fraction)

    def _count_progress_afresh(self) -> None:
        """Before loading or updating: the bar starts again from its first step."""
        self._stages = StageProgress()
        self._loading_since = time.monotonic()

    def on_assistant_ready(self, message: AssistantReady) -> None:
        if message.superseded:  # a newer load reports (messages.WorkerReport)
            return
        self._load_problem = None
        self._note_index_change(message.assistant)
        self.base = message.assistant
        self._show_index(message.status)
        notice = message.assistant.channels_notice()
        if notice:
            self.notify(one_line(notice), title="Vector channels", severity="warning")
        self.query_one(Welcome).ready()
        if message.status is not None:
            self.read_overview(Path(message.status.corpus_dir), message.status, message.assistant)
        if self.requested_mode != "hybrid":
            self.reconfigure(message.assistant, self.requested_mode)
            return
        self.mode = self.requested_mode
        self._use(message.assistant)

    def _note_index_change(self, assistant: Assistant) -> None:
        """After an update in the chat, what became of the index, by the manifest hash of the
        index now loaded (the export marks where its answers begin)."""
        report, self._last_build = self._last_build, None
        if report is None:
            return
        changed = report.verb != "Index up to date"
        self.index_changes[assistant.manifest_hash] = report.verb.lower() if changed else "reloaded"

    def on_assistant_failed(self, message: AssistantFailed) -> None:
        """The index cannot be used, the assistant could not load (a model, a memory limit), or
        the corpus has no readable document: say so in full (the banner wraps; an error in a
        notification too), in the header, and to every question, instead of "loading…" and
        waiting for ever; the welcome no longer says the index is being prepared."""
        if message.superseded:
            return
        problem = self._load_problem = message.problem
        self.sub_title = problem.headline
        line = problem.title if problem.banner_only else f"{problem.title}: {problem.error}"
        self.query_one(StatusLine).idle(line)
        self.query_one(StaleBanner).show_error(problem)
        self.query_one(Welcome).ready()
        if not problem.banner_only:
            self.notify(problem.error, title=problem.title, severity="error")
        for turn in self._queue:
            self.query_one(Transcript).set_waiting(turn, self._waiting_reason())

    def on_mode_changed(self, message: ModeChanged) -> None:
        if message.superseded:  # the user chose another mode since: it reports
            return
        if message.base is not self.base:  # a reload since configures the new index itself
            return
        self.mode = message.mode
        self._use(message.assistant)

    def _use(self, assistant: Assistant) -> None:
        """Make `assistant` the one that answers, in a new conversation session; during an
        update, the session is held for a failed update and questions wait for the reload."""
        self.assistant = assistant
        try:
            session = assistant.session()
        except CiteqaError as error:
            self.notify(describe(error), severity="error")
            return
        if self._updating:
            self._held_session = session
            return
        self.session = session
        self._set_idle()
        self._next_question()

    def _show_index(self, status: IndexStatus | None) -> None:
        """Header subtitle and STALE banner from the index status."""
        self.index_info = status
        self._show_stale()
        if status is None:
            self.sub_title = "index loaded"
            return
        models = "+".join([c.name for c in status.channels] + ["bm25"])
        corpus = one_line(Path(status.corpus_dir).name)
        stale = "⚠ STALE · " if status.stale else ""
        self.sub_title = (
            f"{stale}{corpus} · {documents_read(len(status.documents), status.corpus_files)} · "
            f"{counted(status.chunk_count, 'chunk')} · {models}"
        )

    def _show_stale(self) -> None:
        """The STALE banner from the index status, saying so while the chat updates the index
        (the banner keeps a load problem shown: `on_assistant_failed`)."""
        if self._load_problem is None:
            self.query_one(StaleBanner).show_status(self.index_info, updating=self._updating)

    def _set_idle(self) -> None:
        k = self.k if self.k is not None else "default"
        self.query_one(StatusLine).idle(f"Ready · {self.mode} retrieval · k={k}")

    # -- asking --------------------------------------------------------------------------------

    def on_overview_read(self, message: OverviewRead) -> None:
        if message.superseded:  # the one read with the loaded index reports
            return
        for welcome in self.query(Welcome):  # none once the app is closing
            welcome.show(message.overview)

    def on_overview_failed(self, message: OverviewFailed) -> None:
        if message.superseded:
            return
        for welcome in self.query(Welcome):  # none once the app is closing
            welcome.show_unavailable(message.corpus_name, message.error)

    def on_example_picked(self, message: ExamplePicked) -> None:
        self.query_one(QuestionInput).focus()
        self._ask(message.question)

    @on(Input.Submitted, "#question")
    def submit_question(self, event: Input.Submitted) -> None:
        self._ask(event.value)

    def _ask(self, text: str) -> None:
        """Queue a question (typed or picked) and ask it as soon as the assistant is free."""
        question = " ".join(text.split())
        field = self.query_one(QuestionInput)
        if not question:
            return
        field.remember(question)
        field.value = ""
        self.query_one(Welcome).retire()
        turn = Turn(number=len(self.turns) + 1, question=question, mode=self.mode, k=self.k)
        self.turns.append(turn)
        self._queue.append(turn)
        waiting = "Searching…" if self.session and not self._asking else self._waiting_reason()
        self.query_one(Transcript).add_question(turn, waiting)
        self._next_question()

    def _waiting_reason(self) -> str:
        if self._updating:
            return "Waiting for the index update…"
        if self._load_problem is not None:
            return self._load_problem.waiting
        if self.session is None:
            return "Waiting for the models to load…"
        return "Waiting for the previous question…"

    def _next_question(self) -> None:
        """Ask the oldest waiting question, if the assistant is ready and idle."""
        if self.session is None or self._asking or not self._queue:
            return
        turn = self._queue.popleft()
        if self.assistant is not None:
            turn.index_hash = self.assistant.manifest_hash
        self._asking = True
        self.query_one(Transcript).set_waiting(turn, "Searching the documents…")
        self.query_one(StatusLine).busy("Answering…")
        self.ask_question(turn, self.session)

    def on_answer_ready(self, message: AnswerReady) -> None:
        turn = self.turns[message.turn - 1]
        turn.answer = message.answer
        if self.assistant is not None:
            turn.caution = low_confidence(message.answer, self.assistant.settings.caution_below)
        self.query_one(Transcript).show_result(turn)
        title = (
            "Closest passages" if message.answer.abstained else f"Sources of question {turn.number}"
        )
        refs = source_refs(message.answer)
        self.query_one(SourcesPanel).show(refs, title=title, passages=message.answer.abstained)
        self._done_asking()

    def on_ask_failed(self, message: AskFailed) -> None:
        turn = self.turns[message.turn - 1]
        turn.error = message.error
        self.query_one(Transcript).show_result(turn)
        self.notify(message.error, title="Could not answer", severity="error")
        self._done_asking()

    def _done_asking(self) -> None:
        self._asking = False
        if self.session is not None:
            self._set_idle()
        self._next_question()

    # -- sources -------------------------------------------------------------------------------

    def on_source_chosen(self, message: SourceChosen) -> None:
        if self.assistant is None:
            return
        try:
            document = self.assistant.document(message.ref.doc_id)
        except (CiteqaError, KeyError) as error:
            detail = str(error) if isinstance(error, KeyError) else describe(error)
            self.notify(f"Cannot open {message.ref.doc_id}: {detail}", severity="error")
            return
        self.push_screen(DocumentViewer(document, message.ref))

    def action_open_source(self, n: int) -> None:
        ref = self.query_one(SourcesPanel).ref_numbered(n)
        if ref is None:
            self.notify(f"No source [{n}] in the panel.", severity="warning")
            return
        self.post_message(SourceChosen(ref))

    def action_toggle_sources(self) -> None:
        panel = self.query_one(SourcesPanel)
        panel.display = not panel.display

    # -- palette commands ----------------------------------------------------------------------

    def palette_commands(self) -> list[PaletteCommand]:
        return citeqa_commands(self)

    def action_update_index(self) -> None:
        """Update the index as `citeqa index` does (only changed files re-embedded), then
        reload it; questions asked meanwhile wait for the reload."""
        if self._updating:
            self.notify("An update of the index is already running.")
            return
        self._updating = True
        self._held_session, self.session = self.session, None  # questions wait for the reload
        self.query_one(StatusLine).busy("Updating the index…")
        self._show_stale()
        self._count_progress_afresh()
        self.update_index()

    def on_index_built(self, message: IndexBuilt) -> None:
        report = message.report
        self._updating = False
        self._last_build = report
        verb = report.verb
        title = verb if verb == "Index up to date" else f"Index {verb.lower()}"
        said = f"{verb}: {report.contents} in {report.seconds:.1f} s."
        notes = report_notes(report)  # what `citeqa index` prints under its report, as it says it
        if notes:
            lines = "\n".join(f"• {note}" for note in notes)
            self.notify(f"{said}\n{lines}", title=title, severity="warning", timeout=NOTES_SHOWN)
        else:
            self.notify(said, title=title)
        self.query_one(StatusLine).busy("Loading models…")
        self.load_assistant()  # its progress goes on from the update's, on the same bar

    def on_update_failed(self, message: UpdateFailed) -> None:
        self._updating = False
        self.notify(message.error, title="Update failed", severity="error")
        self._show_stale()
        if self._held_session is not None:  # the old index still answers, in the same context
            self.session = self._held_session
            self._set_idle()
            self._next_question()
        else:
            self.query_one(StatusLine).idle("Update failed: " + message.error)

    def action_set_mode(self, mode: str) -> None:
        self.requested_mode = mode
        if self.base is None:
            self.mode = mode
            self.notify(f"Retrieval mode {mode} applies once the models are loaded.")
            return
        self.notify(f"Retrieval mode: {mode} (a new conversation context starts).")
        self.reconfigure(self.base, mode)

    def action_set_k(self, k: int) -> None:
        self.k = k
        self.notify(f"k = {k} passages per question.")
        if self.session is not None and not self._asking:
            self._set_idle()

    def action_show_status(self) -> None:
        if self.base is None:
            self.notify("The index is not loaded yet.", severity="warning")
            return
        self.read_status(self.base)

    def on_status_read(self, message: StatusRead) -> None:
        if message.superseded or message.base is not self.base:  # a reload since shows its own
            return
        self._show_index(message.status)
        self.push_screen(IndexStatusScreen(message.status))

    def action_export(self) -> None:
        """Write the conversation as Markdown to the per-user exports folder (or the folder the
        app was given) and say where, in a notification and in the transcript."""
        if not self.turns:
            self.notify("Nothing to export yet: ask a question first.", severity="warning")
            return
        folder = self.export_dir or exports_dir()
        try:
            context = ExportContext.of(self.index_info, self.assistant, self.mode, self.k)
            context = replace(context, index_changes=dict(self.index_changes))
            path = write_conversation(self.turns, context, folder, datetime.now())
        except OSError as error:
            self.notify(f"Cannot write the export: {error}", severity="error")
            return
        self.last_export = path
        self.notify(one_line(str(path)), title="Conversation exported")
        self.query_one(Transcript).add_note(f"Conversation exported to {path}")

    def action_copy_answer(self) -> None:
        answered = [turn for turn in self.turns if turn.answer is not None]
        if not answered:
            self.notify("No answer to copy yet.", severity="warning")
            return
        self.copy_to_clipboard(answer_text(answered[-1]))
        self.notify("The last answer is on the clipboard.")
