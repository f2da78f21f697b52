"""The process's open-file limit (`ulimit -n`) reached while reading the index (probe s10-pr):
every reader words an OSError as a damaged index, so `ask` and `status` said "the index is
unreadable ([Errno 24] Too many open files); run `citeqa index`" (exit 6), though the index was
fine and a rebuild could not help. They now say what happened (exit 1); the index is untouched
and answers once the limit is raised."""

from __future__ import annotations

import contextlib
import errno
import os
import resource
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, Indexed, chat_load_error, indexed_copy, snapshot

Shared = Indexed
"""The module's corpus and index (fault_helpers.shared_index): every test here reads them
only, checking the index is as it found it, but the build's, which works on a copy."""


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
    shared_index: Shared, cli: Any, command: list[str]
) -> None:
    _, index, where = shared_index
    assert cli(*command, *where).code == 0  # every module it needs is imported by now
    before = snapshot(index)
    with few_files():
        result = cli(*command, *where)
    line = result.error_line()
    assert result.code == 1
    assert "too many open files" in line and "no sign of damage" in line
    assert "run `citeqa index`" not in line
    assert snapshot(index) == before
    assert cli(*command, *where).code == 0


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_the_chat_does_not_call_the_open_file_limit_a_damaged_index(
    shared_index: Shared, cli: Any
) -> None:
    """The chat opens the index as `ask` does; at the open-file limit it says the same line
    as the CLI (errors.limit_message), not "unreadable ... run `citeqa index`"."""
    from citeqa.cli.chat_cmd import _open
    from citeqa.cli.common import settings_for

    corpus, index, where = shared_index
    assert cli("ask", QUESTION, *where).code == 0  # every module it needs is imported by now
    before = snapshot(index)
    settings = settings_for(corpus, index)

    def open_with_few_files(progress: Any) -> Any:
        with few_files():
            return _open(settings, progress)

    error = chat_load_error(open_with_few_files)
    assert error is not None
    assert "too many open files" in error and "no sign of damage" in error
    assert "run `citeqa index`" not in error
    assert snapshot(index) == before


def _refused(error_number: int, name_ends: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """os.open of a file whose name ends with `name_ends` fails with `error_number`, as at a
    process's limit; every other file opens."""
    real_open = os.open

    def limited_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(name_ends):
            raise OSError(error_number, os.strerror(error_number), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", limited_open)


def _faiss_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """FAISS reads each .faiss file at the process's open-file limit, lowered for the read: its
    own RuntimeError ("could not open … for reading: Too many open files"); the file cannot
    be opened after it either (`_refused`), as while the limit holds."""
    from citeqa.vectorindex import faiss_module

    faiss = faiss_module()
    real_read = faiss.read_index

    def read_at_the_limit(path: str, *args: Any) -> Any:
        limits = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (0, limits[1]))  # no file opens
        try:
            return real_read(path, *args)
        finally:
            resource.setrlimit(resource.RLIMIT_NOFILE, limits)

    monkeypatch.setattr(faiss, "read_index", read_at_the_limit)
    _refused(errno.EMFILE, ".faiss", monkeypatch)


def test_a_reader_at_the_open_file_limit_says_so_in_the_cli_and_the_chat(
    shared_index: Shared, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index's readers turned EMFILE into IndexCorrupt ("run `citeqa index`"), which the
    chat then had to tell from damage (whole-change review); they raise ProcessLimit now."""
    from citeqa.cli.chat_cmd import _open
    from citeqa.cli.common import settings_for
    from citeqa.errors import ProcessLimit
    from citeqa.tui.load_problem import NOT_LOADED, problem_kind
    from citeqa.tui.workers import describe

    corpus, index, where = shared_index
    before = snapshot(index)
    _faiss_at_the_limit(monkeypatch)
    result = cli("ask", QUESTION, *where)
    assert result.code == 1
    line = result.error_line()
    assert "too many open files" in line and "run `citeqa index`" not in line
    with pytest.raises(ProcessLimit) as raised:
        _open(settings_for(corpus, index), lambda *progress: None)
    assert problem_kind(raised.value) is NOT_LOADED
    assert describe(raised.value) == line.removeprefix("citeqa: ")
    monkeypatch.undo()
    assert snapshot(index) == before
    assert cli("ask", QUESTION, *where).code == 0


def test_a_build_at_the_open_file_limit_stops_instead_of_rebuilding_in_full(
    shared_index: Shared,
    tmp_path: Path,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    fake_embedder: Any,
) -> None:
    """Reopening the published index to reuse it met the limit: that is no damaged index to
    rebuild in full (every document embedded again, to fail at the same limit), but the limit,
    said at once."""
    corpus, index, where = indexed_copy(shared_index, tmp_path)  # it adds a file
    (corpus / "new.txt").write_text("Belimumab is a monoclonal antibody.", encoding="utf-8")
    before = snapshot(index)
    _faiss_at_the_limit(monkeypatch)
    fake_embedder.reset_counts()
    result = cli("index", *where)
    assert result.code == 1
    assert "too many open files" in result.error_line()
    assert fake_embedder.texts_embedded == 0
    monkeypatch.undo()
    assert snapshot(index) == before


def test_a_memory_map_refused_is_out_of_memory_not_damage(
    shared_index: Shared, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mmap fails with ENOMEM under a memory limit: it said "unreadable ...; run `citeqa
    index`" (exit 6)."""
    import mmap

    _, index, where = shared_index
    before = snapshot(index)

    def no_memory(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.ENOMEM, os.strerror(errno.ENOMEM))

    monkeypatch.setattr(mmap, "mmap", no_memory)
    result = cli("ask", QUESTION, *where)
    assert result.code == 1
    assert result.error_line().startswith("citeqa: out of memory: stopped.")
    monkeypatch.undo()
    assert snapshot(index) == before


def test_memory_running_out_in_the_lexical_index_is_no_damage(
    shared_index: Shared, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LexicalIndex.load tells a process limit (ProcessLimit) from damage (IndexCorrupt)."""
    from citeqa import lexical
    from citeqa.errors import OUT_OF_MEMORY, ProcessLimit
    from citeqa.store import load_index

    _, index, _ = shared_index
    before = snapshot(index)

    def no_memory(*_args: Any, **_kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(lexical, "StoredBM25", no_memory)
    with pytest.raises(ProcessLimit, match="out of memory") as raised:
        load_index(index)
    assert str(raised.value) == OUT_OF_MEMORY
    assert snapshot(index) == before
