"""Past-tense messages that workers post to the app; handlers on the app update the widgets.

Workers never touch widgets: they run the slow `citeqa.api` calls in threads and report what
happened with one of these. Those of a worker that may be started again while it runs (loading,
reading the overview or the status, reconfiguring) are `WorkerReport`s: a handler drops one
whose worker a newer one superseded (`superseded`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import NoActiveWorker, Worker, get_current_worker

from citeqa.models import Answer, BuildReport, IndexStatus
from citeqa.tui.conversation import SourceRef
from citeqa.tui.load_problem import LoadProblem

if TYPE_CHECKING:  # the api module loads in a worker, after the first paint
    from citeqa.api import Assistant
    from citeqa.overview import Overview


class WorkerReport(Message):
    """What an exclusive worker reports, knowing the worker it came from. Starting such a worker
    again cancels the one running, but Textual cannot stop a thread: the cancelled one runs on
    and its report may arrive after the newer one's (s22: the overview read at launch replaced
    the one read with the index, and the welcome lost its passages). Cancelling and handling
    both happen on the event loop, so a handler that drops a `superseded` report never shows
    an older result over a newer one."""

    def __init__(self) -> None:
        super().__init__()
        self.worker: Worker[None] | None = _current_worker()

    @property
    def superseded(self) -> bool:
        """Whether a newer worker of the same group cancelled the one that posted this."""
        return self.worker is not None and self.worker.is_cancelled


def _current_worker() -> Worker[None] | None:
    """The worker running this code, or None outside any (a message built by a test)."""
    try:
        return get_current_worker()
    except NoActiveWorker:
        return None


class AssistantReady(WorkerReport):
    """The index and models are loaded."""

    def __init__(self, assistant: Assistant, status: IndexStatus | None) -> None:
        super().__init__()
        self.assistant = assistant
        self.status = status


class AssistantFailed(WorkerReport):
    """Loading the index or the models failed: `problem` says why and what the chat says of it
    (an unusable index, an assistant that could not load, or a corpus with no readable
    document)."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__()
        self.problem = problem


class AnswerReady(Message):
    """The question of turn `turn` has been answered."""

    def __init__(self, turn: int, answer: Answer) -> None:
        super().__init__()
        self.turn = turn
        self.answer = answer


class AskFailed(Message):
    """Asking the question of turn `turn` failed with a message for the user."""

    def __init__(self, turn: int, error: str) -> None:
        super().__init__()
        self.turn = turn
        self.error = error


class IndexBuilt(Message):
    """An update of the index (ctrl+r) finished."""

    def __init__(self, report: BuildReport) -> None:
        super().__init__()
        self.report = report


class UpdateFailed(Message):
    """An update of the index (ctrl+r) failed; the previous index is untouched."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class StatusRead(WorkerReport):
    """A fresh index status was read (for the status modal, header and STALE banner) from the
    loaded assistant `base`; the app drops it when a reload replaced that assistant since."""

    def __init__(self, status: IndexStatus, base: Assistant) -> None:
        super().__init__()
        self.status = status
        self.base = base


class ModeChanged(WorkerReport):
    """The loaded assistant `base` was reconfigured for another retrieval mode; the app drops
    it when a reload replaced `base` since (the reload reconfigures the new one itself)."""

    def __init__(self, mode: str, assistant: Assistant, base: Assistant) -> None:
        super().__init__()
        self.mode = mode
        self.assistant = assistant
        self.base = base


class SourceChosen(Message):
    """The user chose a source (in the sources list, the transcript or by its number key)."""

    def __init__(self, ref: SourceRef) -> None:
        super().__init__()
        self.ref = ref


class OverviewRead(WorkerReport):
    """The corpus was described (figures and example questions) for the welcome."""

    def __init__(self, overview: Overview) -> None:
        super().__init__()
        self.overview = overview


class OverviewFailed(WorkerReport):
    """The corpus could not be described for the welcome once the index was loaded: `error`
    says why."""

    def __init__(self, corpus_name: str, error: str) -> None:
        super().__init__()
        self.corpus_name = corpus_name
        self.error = error


class ExamplePicked(Message):
    """The user picked an example question of the welcome."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
