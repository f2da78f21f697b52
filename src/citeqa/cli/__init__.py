"""The `citeqa` command line: a thin shell that parses arguments, calls `citeqa.api` and prints.

Each command group lives in its own module and registers itself on `app`. Domain errors
(`CiteqaError`) become one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import signal
import sys

from citeqa.cli.app import app, run_app


def main() -> None:
    """Console-script entry point. Ctrl-C before the command's own handling (loading the
    commands) or after it (flushing stdout) exits 130 with one line too; once the command is
    done, a Ctrl-C while the process ends is ignored: after Python's finalisation restored the
    default handler, it killed the process with no word (-2 to a caller: `eval --report` had
    written its report and printed its tables)."""
    try:
        from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)

        code = run_app()
    except KeyboardInterrupt:
        print("citeqa: interrupted", file=sys.stderr)
        code = 130
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # kept through finalisation, unlike a handler
    sys.exit(code)


__all__ = ["app", "main"]
