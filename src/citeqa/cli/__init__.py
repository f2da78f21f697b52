"""The `citeqa` command line: a thin shell that parses arguments, calls `citeqa.api` and prints.

Each command group lives in its own module and registers itself on `app` (`citeqa.cli.app`).
Domain errors (`CiteqaError`) become one line on stderr and a non-zero exit code, never a
traceback. This package holds only the console script's `main`, which imports the command line.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) pending while the block imports, and take it when it ends: a
    KeyboardInterrupt raised inside an import gave Python's traceback, or was "ignored" in one
    of importlib's callbacks and the command ran to its end (probe s16-hostile: exit 0 after a
    Ctrl-C at 0.9 s). Python checks for a signal as the mask is restored, so a held Ctrl-C is
    raised there, where the caller turns it into one line. Where there is no sigmask
    (Windows), the block runs as it is."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def main() -> None:
    """Console-script entry point. Ctrl-C before the command's own handling (importing the
    command line, loading the commands: held until each import is done, `_ctrl_c_held`) or
    after it (flushing stdout) exits 130 with one line too; once the command is done, a Ctrl-C
    while the process ends is ignored: after Python's finalisation restored the default
    handler, it killed the process with no word (-2 to a caller: `eval --report` had written
    its report and printed its tables). A SIGTERM before the command's own handling ends the
    process as the signal does (143, no word): nothing is written yet, and the caller knows
    what it sent; a build turns it into its Ctrl-C (common.interruptible) to clean up.

    Only here: importing this package imports nothing of the command line and changes no
    signal, so a host importing it (a notebook, a thread) keeps its own Ctrl-C and is never
    exited (the command line's `app` is `citeqa.cli.app.app`)."""
    try:
        with _ctrl_c_held():
            import citeqa.cli.app as command_line
            from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (commands)

        code = command_line.run_app()
    except KeyboardInterrupt:  # before the command's own handling: one line, exit 130
        print("citeqa: interrupted", file=sys.stderr)
        code = 130
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # kept through finalisation, unlike a handler
    sys.exit(code)


__all__ = ["main"]
