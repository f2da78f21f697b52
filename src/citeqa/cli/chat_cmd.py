"""`citeqa chat` (and bare `citeqa`): open the Textual chat on a corpus and its index.

Textual is imported inside the command, so `citeqa ask` and the other commands never pay
for it. The app gets an assistant factory and an index updater bound to the settings; it runs
them in its own workers (the first run builds the index, with progress in the app; ctrl+r
updates it as `citeqa index` does).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from citeqa.cli.app import VersionOption, app, examples, fail, say
from citeqa.cli.common import CorpusOption, IndexOption, settings_for

if TYPE_CHECKING:
    from citeqa.api import Assistant, ProgressCallback
    from citeqa.config import Settings
    from citeqa.models import BuildReport
    from citeqa.tui.workers import WorkerApp


STOP_GRACE = 5.0
"""Seconds the chat waits, after the user quit, for a build to stop at its next step and
remove its temporary folder (a model still loading cannot stop: it is left behind)."""

NO_TERMINAL = (
    "the chat needs a terminal (stdin and stdout); from a script or a pipe use"
    ' `citeqa ask "QUESTION"` or `citeqa ask --jsonl`.'
)


@app.callback(invoke_without_command=True)
def default_to_chat(
    ctx: typer.Context,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    version: VersionOption = False,
) -> None:
    """With no command, `citeqa [--corpus DIR] [--index DIR]` opens the chat (on the bundled
    corpus by default). Before a command, as `citeqa --help` lists them, they are the command's
    own (`citeqa --corpus DIR ask ...` is `citeqa ask --corpus DIR ...`; the same option after
    the command wins)."""
    if ctx.invoked_subcommand is None:
        launch_chat(corpus, index)
        return
    given = {name: str(path) for name, path in (("corpus", corpus), ("index", index)) if path}
    if given:  # every command takes both; click gives a command its defaults from this map
        ctx.default_map = {ctx.invoked_subcommand: given}


@app.command("chat", epilog=examples("citeqa chat --corpus ~/papers"))
def chat(corpus: CorpusOption = None, index: IndexOption = None) -> None:
    """Chat with the documents in the terminal: cited answers, sources, document viewer."""
    launch_chat(corpus, index)


def launch_chat(corpus: Path | None, index: Path | None) -> None:
    """Run the chat app until the user quits; without a terminal, a one-line hint (exit 2)."""
    settings = settings_for(corpus, index)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise fail(NO_TERMINAL, 2)

    # Model libraries must not draw progress bars or fork warnings over the full-screen app.
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from citeqa.tui.app import CiteqaApp  # lazy: only the chat pays for Textual

    chat_app = CiteqaApp(
        partial(_open, settings),
        partial(_update, settings),
        corpus_dir=settings.corpus_dir,
        index_dir=settings.index_dir,
    )
    chat_app.run(loop=asyncio.new_event_loop())  # not asyncio.run: it waits for the workers
    _leave_unfinished_work(chat_app)


def _leave_unfinished_work(chat_app: WorkerApp) -> None:
    """After the user quit: a worker thread still in the core (the interpreter would wait for
    it) is left behind by exiting now. A build stops at its next step (the app asked it to),
    so only then wait a moment, saying so, for it to remove its temporary folder, and say what
    it left, as `citeqa index` does on Ctrl-C (WorkerApp.stopped_build); an answer or a status
    read being written is dropped at once."""
    if chat_app.build_in_progress:
        _let_the_build_stop(chat_app.build_done)
    if (stopped := chat_app.stopped_build()) is not None:
        say(stopped)
    if not chat_app.work_in_progress:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(chat_app.return_code or 0)


def _let_the_build_stop(done: Callable[[float], bool]) -> None:
    """Wait up to STOP_GRACE seconds for the build, saying so on stderr (what it left is said
    next: a first build leaves no index, an update the previous one or, past its switch, the
    new one)."""
    sys.stderr.write("Stopping…\n")
    sys.stderr.flush()
    done(STOP_GRACE)


def _open(settings: Settings, progress: ProgressCallback) -> Assistant:
    """Open the assistant (building the index on first run); runs in the app's worker."""
    from citeqa.embedding import preload

    preload(settings.channels)  # the models load while the index is read or built
    from citeqa.api import open_assistant

    return open_assistant(settings, progress=progress)


def _update(settings: Settings, progress: ProgressCallback) -> BuildReport:
    """Update the index as `citeqa index` does (only the files added, changed or removed are
    read and embedded again; a full rebuild only where `index` does one itself, e.g. other
    models or cutting); runs in the app's worker."""
    from citeqa.api import build_index

    return build_index(settings, progress=progress)
