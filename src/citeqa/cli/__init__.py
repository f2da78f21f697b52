"""The `citeqa` command line: a thin shell that parses arguments, calls `citeqa.api` and prints.

Each command group lives in its own module and registers itself on `app`. Domain errors
(`CiteqaError`) become one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import sys

from citeqa.cli.app import app, run_app


def main() -> None:
    """Console-script entry point."""
    from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)

    sys.exit(run_app())


__all__ = ["app", "main"]
