"""What the CLI commands share: path options, settings from them, terminal-safe text, progress.

Document text is data: the commands show it through `citeqa.visible.clean`, which replaces every
control character (escape sequences included) with a visible stand-in, and print it as
`rich.text.Text`, never as markup.
"""

from __future__ import annotations

import shlex
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from citeqa.cli.app import say
from citeqa.errors import IndexMissing
from citeqa.paths import check_corpus_folder, real_path, unusable_path

if TYPE_CHECKING:
    from rich.console import Console

    from citeqa.api import Assistant
    from citeqa.config import Settings

CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="Folder of documents (default: the bundled corpus)."),
]
IndexOption = Annotated[
    Path | None,
    typer.Option(
        "--index",
        help="Folder of the index (default: a per-user folder for the corpus; `status` says it).",
    ),
]
StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="Where a new build puts its vectors: faiss (default, files in the index folder)"
        " or a Qdrant URL (http://host:6333).",
    ),
]


def settings_for(corpus: Path | None, index: Path | None, store: str | None = None) -> Settings:
    """Settings with the folders given on the command line (they beat CITEQA_* and the file)."""
    from citeqa.config import load_settings

    overrides: dict[str, Path | str] = {}
    if store is not None:
        overrides["vector_store"] = store
    unusable = {
        field: path
        for field, path in (("corpus_dir", corpus), ("index_dir", index))
        if path is not None and unusable_path(path) is not None
    }
    if unusable:  # no system call takes it (a name too long): the settings say so, exit 11
        return load_settings(**overrides, **unusable)
    if corpus is not None:
        check_corpus_folder(corpus)
        overrides["corpus_dir"] = real_path(corpus)
    if index is not None:
        overrides["index_dir"] = real_path(index)
        if corpus is None:
            built_from = corpus_of_index(index)
            if built_from is not None:
                overrides["corpus_dir"] = built_from
    return load_settings(**overrides)


def corpus_of_index(index: Path) -> Path | None:
    """The corpus folder an existing index was built from, when it still exists."""
    from citeqa.errors import CiteqaError
    from citeqa.store import current_build, read_manifest

    try:
        manifest, _ = read_manifest(current_build(index))
    except CiteqaError:
        return None
    folder = Path(manifest.corpus_dir)
    return folder if folder.is_dir() else None


def command_line(command: Sequence[str], *options: tuple[str, object]) -> str:
    """`command` (its words: "citeqa", "eval") with the options given (a flag when its value
    is True, none when it is None or False), as a shell would take it: what a report or a
    hint tells the user to type (eval_cmd, index_cmds.asking_it)."""
    words = list(command)
    for flag, value in options:
        if value is True:
            words.append(flag)
        elif value is not None and value is not False:
            words += [flag, str(value)]
    return shlex.join(words)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextmanager
def progress_bar(console: Console, *, transient: bool = False) -> Iterator[Any]:
    """A rich progress bar (counts, ETA) fed by progress(stage, done, total) callbacks. When
    the work fails, the bar goes, so that its message stands alone (an empty corpus's error
    came after "reading 0/1"), and a bar that goes leaves no blank line where stderr is no
    terminal (rich ends such a bar with one). Where the console is no terminal (a log file),
    a bar that stays is plain lines instead (progress_lines.ProgressLines: one per finished
    stage, and now and then one for a long stage), which a reader of the log sees as the
    build goes: rich drew every bar only at the end; a transient bar says nothing there."""
    if not (console.is_interactive or transient):
        from citeqa.cli.progress_lines import ProgressLines

        yield ProgressLines(console.file)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description:<20}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    tasks: dict[str, Any] = {}
    quiet = console.quiet
    try:
        with Progress(*columns, console=console, transient=transient) as bar:

            def update(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=max(total, 1))
                bar.update(tasks[stage], completed=done, total=max(total, 1))

            try:
                yield update
            except BaseException:
                bar.live.transient = True
                raise
            finally:  # rich ends a bar it could not draw (no terminal) with a blank line
                console.quiet = quiet or (bar.live.transient and not console.is_interactive)
    finally:
        console.quiet = quiet


@contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt, so a killed build cleans up like Ctrl-C; the first
    Ctrl-C or SIGTERM makes citeqa ignore the next ones while the build unwinds and the process
    exits (a second Ctrl-C then printed "Exception ignored in threading ... KeyboardInterrupt"
    or cut the cleanup short). Without an interruption the handlers are restored."""
    interrupted = False

    def interrupt(signum: int, frame: object) -> None:
        nonlocal interrupted
        interrupted = True
        for quieted in QUIETED:
            signal.signal(quieted, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = {signum: signal.signal(signum, interrupt) for signum in QUIETED}
    try:
        yield
    finally:
        if not interrupted:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


QUIETED = (signal.SIGINT, signal.SIGTERM)
"""The signals that interrupt a build, once."""


def warn(message: str) -> None:
    say(message)


def open_for_questions(
    settings: Settings, *, prefill: bool = True, index_warnings: bool = False
) -> Assistant:
    """The assistant; a missing index is built first (with a message); the index's notices (a
    stale index, other channels than the settings': `Assistant.index_notices`) are said on
    stderr, or, with `index_warnings`, in each answer's warnings instead (`ask` prints those).
    `prefill` and `index_warnings` as `api.open_assistant` takes them."""
    from citeqa.embedding import check_available, preload

    preload(settings.channels)  # the models load while citeqa's core imports and reads the index
    from citeqa.api import build_index, open_assistant

    opening = partial(
        open_assistant,
        settings,
        build_if_missing=False,
        prefill=prefill,
        index_warnings=index_warnings,
    )
    try:
        assistant = opening()
    except IndexMissing:
        check_available(settings.channels)  # a channel's missing package: that alone is said
        warn(f"no index in {settings.index_dir} yet; building it first (once).")
        with progress_bar(stderr_console()) as progress:
            build_index(settings, progress=progress)
        assistant = opening()
    if not index_warnings:
        for notice in assistant.index_notices():
            warn(notice)
    return assistant
