"""Bare `citeqa` (or `citeqa chat`) without a terminal prints a one-line hint and exits 2
instead of starting a full-screen app that hangs (issue 10, item 8)."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import REPO, make_corpus
from rich.console import Console

from citeqa.cli import index_cmds
from citeqa.store import load_index


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


class _FailingStderr(io.StringIO):
    """A stderr whose every write fails as `error` says (a closed pipe, a full disk)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise self.error


@pytest.mark.parametrize(
    "error",
    [BrokenPipeError(errno.EPIPE, "Broken pipe"), OSError(errno.ENOSPC, "No space left")],
    ids=["closed-pipe", "full-disk"],
)
def test_a_stderr_that_fails_does_not_stop_the_build(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    """`citeqa index 2>&1 | head -3` and `2>/dev/full`: the build's progress lines could not be
    written, and the error came out of the build's callback, so the build stopped; the build
    now completes, its index is published, and its progress says no more after the first
    failed line."""
    stderr = _FailingStderr(error)
    monkeypatch.setattr(
        index_cmds, "stderr_console", lambda: Console(file=stderr, force_terminal=False)
    )
    corpus = make_corpus(tmp_path / "corpus")
    result = cli("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    assert result.code == 0, result.err
    assert "added (2)" in result.out
    assert stderr.writes == 1  # silent after the first failure
    assert load_index(tmp_path / "index").manifest.chunk_count > 0
