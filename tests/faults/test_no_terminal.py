"""Bare `citeqa` (or `citeqa chat`) without a terminal prints a one-line hint and exits 2
instead of starting a full-screen app that hangs (issue 10, item 8)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fault_helpers import REPO


@pytest.mark.parametrize("args", [[], ["chat"]])
@pytest.mark.parametrize("stdin_tty", [False, True])
def test_no_terminal_is_a_hint_and_exit_2(args: list[str], stdin_tty: bool) -> None:
    """stdin from /dev/null (or, with a pseudo-terminal on stdin, stdout into a pipe)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    stdin: int | None = subprocess.DEVNULL
    closing = []
    if stdin_tty:
        leader, follower = os.openpty()
        stdin, closing = follower, [leader, follower]
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from citeqa.cli import main; main()", *args],
            stdin=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=60,
        )
    finally:
        for descriptor in closing:
            os.close(descriptor)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "terminal" in lines[0] and "citeqa ask" in lines[0]
