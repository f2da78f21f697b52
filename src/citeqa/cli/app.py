"""The typer application object and the one place where errors become messages and exit codes."""

from __future__ import annotations

import errno
import os
import sys
import warnings
from difflib import get_close_matches
from typing import Annotated

import typer

from citeqa.errors import CiteqaError, limit_message
from citeqa.visible import cut_words, shown

app = typer.Typer(
    name="citeqa",
    help="Ask questions of a document collection; get verbatim quotes cited to the character."
    " With no command, opens the chat (on --corpus DIR, else the bundled corpus).",
    epilog='\b\nExamples:\n  citeqa ask "What was the main result?"\n  citeqa ask -h',
    no_args_is_help=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def examples(*lines: str) -> str:
    """A command's help epilog: example command lines, kept as written (click's \\b)."""
    title = "Examples:" if len(lines) > 1 else "Example:"
    return "\n".join(["\b", title, *(f"  {line}" for line in lines)])


def version_text() -> str:
    """citeqa's version, the Python it runs on, and each vector channel's model and version
    (read from the registry and package metadata; no model is loaded)."""
    import platform

    from citeqa import __version__
    from citeqa.config import Settings
    from citeqa.embedding import get_embedder, known_channels
    from citeqa.lazyembedder import MISSING, install_hint

    defaults = Settings.model_fields["channels"].default
    lines = [f"citeqa {__version__} (Python {platform.python_version()})", "channels:"]
    for name in known_channels():
        embedder = get_embedder(name)
        mark = " (default)" if name in defaults else ""
        version = embedder.version
        if version == MISSING:
            version = f"not installed ({install_hint(embedder)})"
        lines.append(
            f"  {name}{mark}: {embedder.model}, {embedder.package} {version}, dim {embedder.dim}"
        )
    return "\n".join(lines)


def _show_version(value: bool) -> None:
    if value:
        print(version_text())
        raise typer.Exit(0)


VersionOption = Annotated[
    bool,
    typer.Option(
        "--version",
        "-V",
        is_eager=True,
        callback=_show_version,
        help="Show the version, the vector channels and their model versions, and exit.",
    ),
]


USAGE = 2
"""Exit code of a command-line usage error (as click's); each domain error has its own
(`citeqa.errors`); the README lists them all."""


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear line on stderr and return the Exit to raise."""
    say(message)
    return typer.Exit(code)


def say(message: str) -> None:
    """One line on stderr, sanitised: messages carry paths, keys and names users typed (a
    newline in a name is shown as ␊, not joined to the next word), and a long one is cut to
    its two ends (visible.cut_words: a 100 KB `--set` made a 100 KB line)."""
    print(f"citeqa: {cut_words(shown(message))}", file=sys.stderr)


def _say_warning(
    message: Warning | str, category: type[Warning], *_where: object, **_more: object
) -> None:
    """A library's warning (e.g. qdrant-client's "Api key is used with an insecure
    connection") as one sanitised citeqa line, without the source line Python would print."""
    say(f"warning: {message}")


def run_app() -> int:
    """Run the app, turning domain errors and Ctrl-C into one line and an exit code, and a
    closed stdout (`citeqa ask ... | head -1`) into a quiet PIPE_CLOSED."""
    previous, warnings.showwarning = warnings.showwarning, _say_warning
    try:
        code = _run_app()
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at exit
        return code
    except BrokenPipeError:
        return _stdout_closed()
    except SystemExit as done:
        if _ended_for_closed_pipe(done):
            return _stdout_closed()
        raise
    finally:
        warnings.showwarning = previous


PIPE_CLOSED = 141
"""Exit code when whatever reads citeqa's output closed it early (`| head -1`): 128 + SIGPIPE,
what a shell reports for tools that die of SIGPIPE (README, exit codes)."""


def _ended_for_closed_pipe(done: SystemExit) -> bool:
    """Whether the run exited for a closed stdout: typer (its help and --version too) and
    rich's Console.on_broken_pipe raise SystemExit(1) while handling the BrokenPipeError, which
    Python keeps as the exit's context."""
    cause = done.__context__
    return isinstance(cause, OSError) and cause.errno == errno.EPIPE


def _stdout_closed() -> int:
    """End quietly when stdout is a closed pipe: later writes (and Python's last flush at exit)
    go to /dev/null instead of raising again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind stdout (an embedding host)
        pass
    return PIPE_CLOSED


def _run_app() -> int:
    try:
        # Outside standalone mode, typer *returns* exit codes instead of raising them: an
        # explicit typer.Exit(n), and Ctrl-C (which it turns into 130).
        code = app(standalone_mode=False, prog_name="citeqa")
    except CiteqaError as err:
        if (message := limit_message(err)) is not None:
            say(message)
            return 1
        say(str(err))
        return err.exit_code
    except KeyboardInterrupt:
        print("citeqa: interrupted", file=sys.stderr)
        return 130
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.Abort:
        print("citeqa: aborted", file=sys.stderr)
        return 130
    except Exception as err:  # a process's limit (ulimit -v, -u), a full machine, usage errors
        if (message := limit_message(err)) is not None:
            say(message)
            return 1
        code = _show_usage_error(err)
        if code is None:
            raise
        return code
    if isinstance(code, int) and not isinstance(code, bool) and code != 0:
        if code == 130:
            print("citeqa: interrupted", file=sys.stderr)
        return code
    return 0


def _show_usage_error(err: Exception) -> int | None:
    """Show a command-line usage error as click does and return its exit code (None when `err`
    is not one). Recent typer vendors click as `typer._click`, whose exceptions derive from
    `typer.TyperException`, not from `click.ClickException`; older typer uses click itself."""
    kinds: list[type[Exception]] = []
    if hasattr(typer, "TyperException"):
        kinds.append(typer.TyperException)
    try:
        import click

        kinds += [click.ClickException, click.exceptions.Abort]
    except ImportError:  # pragma: no cover - typer without click
        pass
    if not isinstance(err, tuple(kinds)):
        return None
    if not hasattr(err, "show"):  # click's Abort
        print("citeqa: aborted", file=sys.stderr)
        return 130
    code = int(getattr(err, "exit_code", USAGE))
    line = unknown_option(err) or usage_line(err)
    if line is None:
        err.show()
        return code
    say(line)
    return code


TYPO_CUTOFF = 0.75
"""How close (difflib's ratio) a known option must be to an unknown one to be suggested: click
suggests from 0.6, which offered `--corpus` for `--bogus`; a typo such as `--corpsu` or `--cor`
scores above 0.75."""


def unknown_option(err: Exception) -> str | None:
    """One line for an option the command does not have, pointing to the command's --help,
    or None when `err` is another usage error. click's NoSuchOption is known by its
    `option_name` and `possibilities` (typer vendors its own copy and exports neither class)."""
    name = getattr(err, "option_name", None)
    if not isinstance(name, str) or not hasattr(err, "possibilities"):
        return None
    ctx = getattr(err, "ctx", None)
    command = ctx.command_path if ctx is not None else "citeqa"
    close = get_close_matches(name, list(getattr(err, "possibilities", None) or ()), 3, TYPO_CUTOFF)
    hint = f" (did you mean {' or '.join(close)}?)" if close else ""
    return f"no such option: {name}{hint}; see `{command} --help`"


def usage_line(err: Exception) -> str | None:
    """One line for any other usage error (a bad or out-of-range value, a missing argument:
    `citeqa ask --k 0`), pointing to the command's --help when it is known, instead of click's
    usage block; None for one that shows the help itself (click's no-arguments help, whose
    message is the whole help text)."""
    format_message = getattr(err, "format_message", None)
    if format_message is None:
        return None
    message = " ".join(str(format_message()).split())
    if message.startswith("Usage:"):
        return None
    line = message[:1].lower() + message[1:].rstrip(".")
    ctx = getattr(err, "ctx", None)
    return f"{line}; see `{ctx.command_path} --help`" if ctx is not None else line
