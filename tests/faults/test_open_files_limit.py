"""The process's open-file limit (`ulimit -n`) reached while reading the index (probe s10-pr):
every reader words an OSError as a damaged index, so `ask` and `status` said "the index is
unreadable ([Errno 24] Too many open files); run `citeqa index`" (exit 6), though the index was
fine and a rebuild could not help. They now say what happened (exit 1); the index is untouched
and answers once the limit is raised."""

from __future__ import annotations

import contextlib
import os
import resource
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, chat_load_error, make_corpus, snapshot


@contextlib.contextmanager
def few_files() -> Iterator[None]:
    """The process may open only two more files than it holds now."""
    previous = resource.getrlimit(resource.RLIMIT_NOFILE)
    holding = len(os.listdir("/proc/self/fd"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (holding + 2, previous[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, previous)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
@pytest.mark.parametrize("command", [["ask", QUESTION], ["status"]])
def test_the_open_file_limit_is_not_called_a_damaged_index(
    tmp_path: Path, cli: Any, command: list[str]
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert cli("index", *where).code == 0
    assert cli(*command, *where).code == 0  # every module it needs is imported by now
    before = snapshot(tmp_path / "index")
    with few_files():
        result = cli(*command, *where)
    line = result.error_line()
    assert result.code == 1
    assert "too many open files" in line and "no sign of damage" in line
    assert "run `citeqa index`" not in line
    assert snapshot(tmp_path / "index") == before
    assert cli(*command, *where).code == 0


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_the_chat_does_not_call_the_open_file_limit_a_damaged_index(
    tmp_path: Path, cli: Any
) -> None:
    """The chat opens the index as `ask` does; at the open-file limit it says the same line
    as the CLI (errors.open_files_message), not "unreadable ... run `citeqa index`"."""
    from citeqa.cli.chat_cmd import _open
    from citeqa.cli.common import settings_for

    corpus = make_corpus(tmp_path / "corpus")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert cli("index", *where).code == 0
    assert cli("ask", QUESTION, *where).code == 0  # every module it needs is imported by now
    settings = settings_for(corpus, tmp_path / "index")

    def open_with_few_files(progress: Any) -> Any:
        with few_files():
            return _open(settings, progress)

    error = chat_load_error(open_with_few_files)
    assert error is not None
    assert "too many open files" in error and "no sign of damage" in error
    assert "run `citeqa index`" not in error


def test_the_chat_does_not_offer_a_rebuild_for_the_open_file_limit() -> None:
    """The index's readers turn EMFILE into IndexCorrupt; the chat's header said "index
    unusable · ctrl+r rebuilds it" beside "no sign of damage" (whole-change review)."""
    import errno

    from citeqa.errors import IndexCorrupt
    from citeqa.tui.load_problem import INDEX_UNUSABLE, NOT_LOADED, load_problem

    try:
        try:
            raise OSError(errno.EMFILE, "Too many open files")
        except OSError as cause:
            raise IndexCorrupt("vectors-use.faiss is unreadable; run `citeqa index`") from cause
    except IndexCorrupt as error:
        assert load_problem(error) is NOT_LOADED
    assert load_problem(IndexCorrupt("damaged")) is INDEX_UNUSABLE
