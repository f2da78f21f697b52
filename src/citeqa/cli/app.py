"""The typer application object and the one place where errors become messages and exit codes."""

from __future__ import annotations

import sys

import typer

from citeqa.errors import CiteqaError

app = typer.Typer(
    name="citeqa",
    help="Ask questions of a document collection; get verbatim quotes cited to the character.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear line on stderr and return the Exit to raise."""
    print(f"citeqa: {message}", file=sys.stderr)
    return typer.Exit(code)


def run_app() -> int:
    """Run the app, turning domain errors and Ctrl-C into one line and an exit code."""
    try:
        app(standalone_mode=False)
    except CiteqaError as err:
        print(f"citeqa: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("citeqa: interrupted", file=sys.stderr)
        return 130
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except Exception as err:  # click usage errors and the like
        import click

        if isinstance(err, click.ClickException):
            err.show()
            return err.exit_code
        if isinstance(err, click.exceptions.Abort):
            print("citeqa: aborted", file=sys.stderr)
            return 130
        raise
    return 0
