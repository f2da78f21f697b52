"""The status line (spinner, what the app is doing, build progress) and the STALE banner."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
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


RECHECK_SECONDS = 2.0
"""How often the banner asks whether the other process's update it names still runs (and only
while it names one: StaleBanner)."""


def _remedy(updating: bool, holder: str | None) -> tuple[str | tuple[str, str], ...]:
    """The STALE banner's last words: the update under way (this chat's, or another process's:
    `holder`, of the build lock), else what ctrl+r does."""
    from citeqa.api import update_in_progress

    if updating:
        return ("Updating it now; questions wait for the update.",)
    if holder:
        said = update_in_progress(holder)
        return (said[0].upper() + said[1:] + "; then ", ("ctrl+r", "bold"), " loads it.")
    return (("ctrl+r", "bold"), " updates it.")


class StaleBanner(Static):
    """A warning, shown only when the index is stale (its corpus changed since it was built,
    or another version of citeqa built it).

    While it says another process's update of the index is in progress, it asks every
    RECHECK_SECONDS whether that build still runs (`_recheck_holder`), and only then: that is
    the one thing it says that can turn false without the chat knowing. Its other states change
    only by what the chat itself does (a new status read, its own update, ctrl+r, which takes
    the build lock and says when another process holds it), so no timer runs for them: none
    while the index is up to date, none while the banner offers ctrl+r."""

    def __init__(self) -> None:
        super().__init__("", id="stale-banner")
        self.display = False
        self._status: IndexStatus | None = None
        self._holder: str | None = None
        """The other process's build the banner says is in progress, None when it says none."""
        self._recheck: Timer | None = None
        """The timer of `_recheck_holder`, running only while `_holder` is set."""

    def show_status(self, status: IndexStatus | None, updating: bool = False) -> None:
        """Show the banner when `status` says the index is stale (why: api.stale_reason, and
        its changes grouped by kind, as `ask` says them: api.short_changes), hide it otherwise.
        Its remedy is ctrl+r, unless the chat is `updating` the index or another process's build
        of it runs (api.build_running): then that an update is in progress, until that build
        ends (`_recheck_holder`)."""
        from citeqa.api import build_running  # loaded by then

        holder = None
        if status is not None and status.stale and not updating:
            holder = build_running(Path(status.index_dir))
        self._show(status, updating, holder)

    def _show(self, status: IndexStatus | None, updating: bool, holder: str | None) -> None:
        """`show_status` once the build lock's `holder` is known (None: no other process's
        build), read once per status or recheck."""
        from citeqa.api import short_changes, stale_reason  # loaded by then

        self._status = status
        self._follow(holder)
        if status is None or not status.stale:
            self.display = False
            return
        reason = stale_reason(status.changed, "the index")
        stale = f": {reason}: {short_changes(status.changed)}. "
        self.update(assemble(("⚠ STALE index", "bold"), stale, *_remedy(updating, holder)))
        self.display = True

    def _follow(self, holder: str | None) -> None:
        """Say `holder`'s build is in progress from now on, and recheck it while there is one:
        the timer starts with the first holder and stops when none is left."""
        self._holder = holder
        if holder is not None and self._recheck is None:
            self._recheck = self.set_interval(RECHECK_SECONDS, self._recheck_holder)
        elif holder is None and self._recheck is not None:
            self._recheck.stop()
            self._recheck = None

    @property
    def rechecking(self) -> bool:
        """Whether the banner asks, on a timer, whether another process's build still runs."""
        return self._recheck is not None

    def _recheck_holder(self) -> None:
        """While the banner says another process's update is in progress, whether it still is
        (the build lock read once): when it ended (or another took its place), the banner says
        so (it said "in progress" until the chat next read the index status)."""
        if self._holder is None or self._status is None:
            return
        from citeqa.api import build_running

        holder = build_running(Path(self._status.index_dir))
        if holder != self._holder:
            self._show(self._status, False, holder)

    def show_error(self, problem: LoadProblem) -> None:
        """Show why nothing can be answered, in full (the banner wraps; a status line cuts):
        the problem's title, its error, then what ctrl+r does about it."""
        self._follow(None)
        self.update(
            assemble(
                (f"✖ {problem.title}", "bold"),
                f": {one_line(problem.error)} ",
                ("ctrl+r", "bold"),
                f" {problem.remedy}",
            )
        )
        self.display = True
