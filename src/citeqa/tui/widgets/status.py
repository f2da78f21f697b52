"""The status line (spinner, what the app is doing, build progress) and the STALE banner."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, LoadingIndicator, ProgressBar, Static

from citeqa.models import IndexStatus
from citeqa.tui.load_problem import LoadProblem
from citeqa.tui.safe_text import assemble, one_line


class StatusLine(Horizontal):
    """One line: a spinner while busy, a message, and a progress bar while building."""

    def __init__(self) -> None:
        super().__init__(id="status-line")

    def compose(self) -> ComposeResult:
        yield LoadingIndicator(id="spinner")
        yield Label("", id="status-text")
        yield ProgressBar(id="progress", show_eta=False)

    def busy(self, text: str) -> None:
        """Show the spinner and `text`; hide the progress bar until progress is reported."""
        self.query_one("#spinner").display = True
        self.query_one("#progress").display = False
        self._say(text)

    def progress(self, text: str, fraction: float) -> None:
        """Show `text` and one bar for the whole of loading or building (0..1, only grows)."""
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=100, progress=round(fraction * 100, 1))
        self._say(text)

    @property
    def percent(self) -> float:
        """What the progress bar shows, in percent."""
        percentage = self.query_one("#progress", ProgressBar).percentage or 0.0
        return percentage * 100 if self.bar_shown else 0.0

    @property
    def bar_shown(self) -> bool:
        return bool(self.query_one("#progress").display)

    def idle(self, text: str) -> None:
        """Hide spinner and progress; show `text`."""
        self.query_one("#spinner").display = False
        self.query_one("#progress").display = False
        self._say(text)

    def _say(self, text: str) -> None:
        self.query_one("#status-text", Label).update(assemble(one_line(text)))

    @property
    def text(self) -> str:
        """What the status line currently says."""
        return str(self.query_one("#status-text", Label).content)


def _remedy(status: IndexStatus, updating: bool) -> tuple[str | tuple[str, str], ...]:
    """The STALE banner's last words: the update under way (this chat's, or another process's:
    the holder of the build lock), else what ctrl+r does."""
    from citeqa.api import build_running, update_in_progress

    if updating:
        return ("Updating it now; questions wait for the update.",)
    holder = build_running(Path(status.index_dir))
    if holder:
        said = update_in_progress(holder)
        return (said[0].upper() + said[1:] + "; then ", ("ctrl+r", "bold"), " loads it.")
    return (("ctrl+r", "bold"), " updates it.")


class StaleBanner(Static):
    """A warning, shown only when the index is stale (its corpus changed since it was built,
    or another version of citeqa built it)."""

    def __init__(self) -> None:
        super().__init__("", id="stale-banner")
        self.display = False

    def show_status(self, status: IndexStatus | None, updating: bool = False) -> None:
        """Show the banner when `status` says the index is stale (why: api.stale_reason, and
        the first changes, as `ask` names them: api.stale_list), hide it otherwise. Its remedy
        is ctrl+r, unless the chat is `updating` the index or another process's build of it
        runs (api.build_running): then that an update is in progress."""
        from citeqa.api import stale_list, stale_reason  # loaded by then: the status came from it

        if status is None or not status.stale:
            self.display = False
            return
        stale = f": {stale_reason(status.changed, 'the index')} ({stale_list(status.changed)}). "
        self.update(assemble(("⚠ STALE index", "bold"), stale, *_remedy(status, updating)))
        self.display = True

    def show_error(self, problem: LoadProblem) -> None:
        """Show why nothing can be answered, in full (the banner wraps; a status line cuts):
        the problem's title, its error, then what ctrl+r does about it."""
        self.update(
            assemble(
                (f"✖ {problem.title}", "bold"),
                f": {one_line(problem.error)} ",
                ("ctrl+r", "bold"),
                f" {problem.remedy}",
            )
        )
        self.display = True
