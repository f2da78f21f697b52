"""The blocking work of the chat, each in a thread worker that reports with a past-tense message.

`WorkerApp` holds the injected assistant factory and index builder and runs them (and every
`ask`) off the event loop. Workers never touch widgets: they post `AssistantReady`,
`AnswerReady`, `AskFailed`, `IndexBuilt`... and the handlers in `CiteqaApp` update the screen.
Progress callbacks come from the worker thread and reach the app through `call_from_thread`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from textual import work
from textual.app import App
from textual.notifications import SeverityLevel

from citeqa.errors import BuildInterrupted, CiteqaError, limit_message
from citeqa.models import BuildReport, IndexStatus
from citeqa.tui.conversation import MODE_OVERRIDES, Turn
from citeqa.tui.load_problem import load_problem
from citeqa.tui.messages import (
    AnswerReady,
    AskFailed,
    AssistantFailed,
    AssistantReady,
    IndexBuilt,
    ModeChanged,
    OverviewFailed,
    OverviewRead,
    StatusRead,
    UpdateFailed,
)
from citeqa.visible import clean

if TYPE_CHECKING:  # the api module loads in a worker, after the first paint
    from citeqa.api import Assistant, ProgressCallback, Session

AssistantFactory: TypeAlias = "Callable[[ProgressCallback], Assistant]"
"""Opens an assistant (slow: loads the index and models, builds the index when missing)."""

IndexBuilder: TypeAlias = "Callable[[ProgressCallback], BuildReport]"
"""Updates the index from the corpus as `citeqa index` does (chat_cmd._update)."""

PROGRESS_INTERVAL = 0.1
"""Seconds between two progress updates forwarded to the screen (a build reports per chunk)."""


def _waited(busy: Callable[[], bool], timeout: float) -> bool:
    """Poll `busy` until it is false or `timeout` seconds pass; whether it became false."""
    until = time.monotonic() + timeout
    while busy() and time.monotonic() < until:
        time.sleep(0.02)
    return not busy()


def describe(error: BaseException) -> str:
    """A domain error's own message, or the line of the process's limit it came of (open files,
    memory, a thread: errors.limit_message, as in the CLI); anything else with its type, since
    it is a bug."""
    if (message := limit_message(error)) is not None:
        return message
    if isinstance(error, CiteqaError):
        return str(error) or type(error).__name__
    return f"unexpected {type(error).__name__}: {error}"


@dataclass(frozen=True)
class BuildBegan:
    """A load (which builds the index first when it is missing) or an update, as it began."""

    current: str | None
    """The build `current` named then (None: no index)."""
    loading: bool
    """A load (`load_assistant`), not an update."""


class WorkerApp(App[None]):
    """An App that runs citeqa's slow calls in thread workers."""

    def __init__(
        self,
        assistant_factory: AssistantFactory,
        index_builder: IndexBuilder | None = None,
        index_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self._assistant_factory = assistant_factory
        self._index_builder = index_builder
        self._index_dir = index_dir
        """The index folder the factory and the builder work on: what a build that the user
        stopped by quitting left there is read from it (`stopped_build`)."""
        self._began: BuildBegan | None = None
        """The last load or update, as it began; `_stopped`: whether the quit stopped it."""
        self._stopped = False
        self._last_progress = 0.0
        self._in_flight = 0
        self._builds_in_flight = 0
        self._in_flight_lock = threading.Lock()
        self._stopping = threading.Event()
        """Set when the user quits: a build under way stops at its next progress report."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications show their text literally and cleaned: error messages carry file
        names and paths (`a[/]b.md` is a MarkupError at render, `report[draft].md` would show as
        `report.md`), which must neither restyle the screen nor drive the terminal. `markup` is
        taken for Textual's signature and ignored: Widget.notify passes markup=True."""
        del markup
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    @property
    def work_in_progress(self) -> bool:
        """Whether a worker thread is still inside a core call (loading, asking, building)."""
        return self._in_flight > 0

    @property
    def build_in_progress(self) -> bool:
        """Whether the "load" or "update" worker is still inside the core: the only work
        that stops when the user quits (an answer or a status read is simply left behind)."""
        return self._builds_in_flight > 0

    @contextlib.contextmanager
    def _tracked(self, *, build: bool = False) -> Iterator[None]:
        with self._in_flight_lock:
            self._in_flight += 1
            self._builds_in_flight += build
        try:
            yield
        finally:
            with self._in_flight_lock:
                self._in_flight -= 1
                self._builds_in_flight -= build

    def work_done(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the workers to leave the core; whether they did."""
        return _waited(lambda: self.work_in_progress, timeout)

    def build_done(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for a build under way to stop; whether it did."""
        return _waited(lambda: self.build_in_progress, timeout)

    def stop_work(self) -> None:
        """Ask the workers to stop: a build stops at its next progress report as it does on
        Ctrl-C in `citeqa index` (its temporary folder goes; `stopped_build` says the rest)."""
        self._stopping.set()

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Show progress on screen (runs on the event loop); overridden by the app."""

    def _progress(self, stage: str, done: int, total: int) -> None:
        """The progress callback handed to the core; called in a worker thread. Once the user
        quits, it raises BuildInterrupted, which a build meets as it meets Ctrl-C (not
        KeyboardInterrupt itself: from a worker thread, asyncio would re-raise it in the app)."""
        if self._stopping.is_set():
            raise BuildInterrupted()
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        with contextlib.suppress(RuntimeError):  # the app is shutting down
            self.call_from_thread(self.show_progress, stage, done, total)

    def _begin_build(self, *, loading: bool) -> None:
        """Note what `current` names as a load or an update begins (in its worker, before it
        can publish anything), for `stopped_build`."""
        from citeqa.api import current_build_name

        before = current_build_name(self._index_dir) if self._index_dir is not None else None
        self._began, self._stopped = BuildBegan(before, loading), False

    def stopped_build(self) -> str | None:
        """The sentence `citeqa index` says on Ctrl-C, for the load or update the user's quit
        stopped (or that still runs as the chat leaves), decided from disk as there
        (api.interruption_message): the new index published, none (a first build), or the
        previous one unchanged. None when no build was stopped, or when the load began with an
        index: it only reads it (open_assistant builds only when there is none), so a build
        published meanwhile is another process's, not the chat's."""
        began = self._began
        if self._index_dir is None or began is None or not self._stopping.is_set():
            return None
        if not (self._stopped or self.build_in_progress):
            return None
        if began.loading and began.current is not None:
            return None
        from citeqa.api import interruption_message

        return interruption_message(self._index_dir, began.current)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_assistant(self) -> None:
        """Open the assistant, then read the index status for the header."""
        with self._tracked(build=True):
            self._begin_build(loading=True)
            try:
                assistant = self._assistant_factory(self._progress)
            except BuildInterrupted:  # the user quit: the chat says on leaving what is on disk
                self._stopped = True
                return
            except Exception as error:  # reported, never raised into the UI
                self.post_message(AssistantFailed(load_problem(error, describe(error))))
                return
            try:
                status = assistant.status()
            except Exception:
                status = None
            self.post_message(AssistantReady(assistant, status))

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def ask_question(self, turn: Turn, session: Session) -> None:
        """Answer one question of the conversation (a follow-up in the session's context)."""
        with self._tracked():
            try:
                answer = session.ask(turn.question, turn.k)
            except Exception as error:
                self.post_message(AskFailed(turn.number, describe(error)))
                return
            self.post_message(AnswerReady(turn.number, answer))

    @work(thread=True, exclusive=True, group="update", exit_on_error=False)
    def update_index(self) -> None:
        """Update the index from the corpus (the app reopens the assistant afterwards)."""
        with self._tracked(build=True):
            if self._index_builder is None:
                self.post_message(UpdateFailed("this session cannot update the index"))
                return
            self._begin_build(loading=False)
            try:
                report = self._index_builder(self._progress)
            except BuildInterrupted:
                self._stopped = True
                return
            except Exception as error:
                self.post_message(UpdateFailed(describe(error)))
                return
            self.post_message(IndexBuilt(report))

    @work(thread=True, exclusive=True, group="configure", exit_on_error=False)
    def reconfigure(self, base: Assistant, mode: str) -> None:
        """The same loaded assistant under the fusion weights of retrieval `mode`."""
        with self._tracked():
            try:
                overrides = MODE_OVERRIDES[mode]
                assistant = base.configured(**overrides) if overrides else base
            except Exception as error:
                self.call_from_thread(self.notify, describe(error), severity="error")
                return
            self.post_message(ModeChanged(mode, assistant, base))

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def read_overview(
        self, corpus_dir: Path, status: IndexStatus | None, assistant: Assistant | None = None
    ) -> None:
        """Describe the corpus for the welcome (with the assistant, examples it answers when
        the corpus lists none). A corpus that cannot be read at launch is left to the loading
        worker to report; once the index is loaded (`status`), the welcome says why."""
        from citeqa.overview import corpus_overview

        suggest = assistant.suggested_examples if assistant is not None else None
        try:
            with self._tracked():
                overview = corpus_overview(corpus_dir, status, suggest)
        except (CiteqaError, OSError) as error:
            if status is not None:
                self.post_message(OverviewFailed(corpus_dir.absolute().name, describe(error)))
            return
        self.post_message(OverviewRead(overview))

    @work(thread=True, exclusive=True, group="status", exit_on_error=False)
    def read_status(self, base: Assistant) -> None:
        """Read the index status of the loaded assistant `base` afresh (it walks the corpus,
        and hashes a file only when its size or time changed: status.py)."""
        with self._tracked():
            try:
                status = base.status()
            except Exception as error:
                self.call_from_thread(self.notify, describe(error), severity="error")
                return
            self.post_message(StatusRead(status, base))
