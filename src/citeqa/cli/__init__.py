"""The `citeqa` command line: a thin shell that parses arguments, calls `citeqa.api` and prints.

Each command group lives in its own module and registers itself on `app` (`citeqa.cli.app`).
Domain errors (`CiteqaError`) become one line on stderr and a non-zero exit code, never a
traceback. This package holds only the console script's `main`, which imports the command line.
"""

# No `from __future__`, no `signal`, no `contextlib` here: the package is imported before
# `main` can catch a Ctrl-C, and `signal`'s own imports (enum, functools, collections) ran long
# enough for one to land in them with Python's traceback (probe s17-hostile: 2 runs in 10 at
# 0.62-0.80 s). `_signal` (the C module `signal` wraps) is loaded with the interpreter, so
# importing it runs no code; `sys` too.
import _signal
import sys


def _hold_ctrl_c() -> set[int] | None:
    """Hold a Ctrl-C (SIGINT) pending from here until `_take_ctrl_c`: a KeyboardInterrupt raised
    inside an import gave Python's traceback, or was "ignored" in one of importlib's callbacks
    and the command ran to its end (probe s16-hostile: exit 0 after a Ctrl-C at 0.9 s). The
    previous mask, or None where there is none (Windows: the imports run as they are)."""
    if not hasattr(_signal, "pthread_sigmask"):
        return None
    return set(_signal.pthread_sigmask(_signal.SIG_BLOCK, {_signal.SIGINT}))


def _take_ctrl_c(previous: set[int] | None) -> None:
    """Restore the mask `_hold_ctrl_c` changed: Python checks for a signal as it is restored, so
    a held Ctrl-C is raised here, where `main` turns it into one line."""
    if previous is not None:
        _signal.pthread_sigmask(_signal.SIG_SETMASK, previous)


def main() -> None:
    """Console-script entry point. Ctrl-C before the command's own handling (importing the
    command line, loading the commands: held until each import is done, `_hold_ctrl_c`) or
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
        previous = _hold_ctrl_c()
        try:
            import citeqa.cli.app as command_line
            from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (commands)
        finally:
            _take_ctrl_c(previous)
        code = command_line.run_app()
    except KeyboardInterrupt:  # before the command's own handling: one line, exit 130
        print("citeqa: interrupted", file=sys.stderr)
        code = 130
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)  # kept through finalisation, unlike a handler
    sys.exit(code)


__all__ = ["main"]
