"""A build whose `current` already points to the new build has succeeded: what fails after the
switch (removing the superseded build, which may wait for readers; the progress bar closing;
syncing the index folder) never says "the previous index is unchanged", nor does a first build's
write failure (there was none)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import SmallBuild

from citeqa import indexing, publishing
from citeqa.api import build_index
from citeqa.cli import index_cmds
from citeqa.errors import PUBLISHED, BuildInterrupted, IndexWriteError, StoreUnreachable
from citeqa.publishing import current_name


def _failing_removal(monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    """Removing the superseded build (reached only after the switch) raises `failure`."""

    @contextmanager
    def failing(folder: Path, wait: float) -> Iterator[bool]:
        raise failure
        yield True

    monkeypatch.setattr(publishing, "_readers_excluded", failing)


@pytest.mark.parametrize(
    "failure",
    [KeyboardInterrupt(), OSError(5, "Input/output error"), StoreUnreachable("gone")],
    ids=["ctrl-c", "oserror", "store"],
)
def test_a_failure_after_the_switch_keeps_the_new_build(
    small: SmallBuild, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    settings, index = small.settings, small.index
    build_index(settings)
    old = current_name(index)
    with monkeypatch.context() as patch:
        _failing_removal(patch, failure)
        report = build_index(settings, rebuild=True)
    assert report.full_rebuild and report.documents == 2
    new = current_name(index)
    assert new is not None and new != old
    assert old is not None and (index / old).is_dir()  # left for the next build
    build_index(settings, rebuild=True)
    assert not (index / old).exists()


def test_ctrl_c_after_the_switch_reports_the_build(
    small: SmallBuild, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("index", *small.where).code == 0
    _failing_removal(monkeypatch, KeyboardInterrupt())
    result = cli("index", *small.where, "--rebuild")
    assert result.code == 0, result.err
    assert result.out.startswith("Rebuilt: 2 documents")


def test_ctrl_c_once_the_build_returned_says_it_was_published(
    small: SmallBuild, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C as the progress bar closes, after build_index returned: the new index is in
    use, so the message says so, not "the previous index is unchanged" (nor, as before the
    review of s15-trial-b, the plain "interrupted")."""
    index = small.index
    progress_bar = index_cmds.progress_bar

    @contextmanager
    def interrupted_on_close(*args: Any, **kwargs: Any) -> Iterator[Any]:
        with progress_bar(*args, **kwargs) as update:
            yield update
        raise KeyboardInterrupt

    monkeypatch.setattr(index_cmds, "progress_bar", interrupted_on_close)
    result = cli("index", *small.where)
    assert result.code == 130
    assert result.error_line() == f"citeqa: {PUBLISHED}"
    assert current_name(index) is not None


def _failing_folder_sync(monkeypatch: pytest.MonkeyPatch, index: Path) -> None:
    """Syncing the index folder, the last write of publishing (after `current` was switched),
    fails as on a disk that went read-only."""
    sync = publishing._fsync_dir

    def failing(folder: Path) -> None:
        if folder == index:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        sync(folder)

    monkeypatch.setattr(publishing, "_fsync_dir", failing)


def test_a_write_failure_after_a_first_builds_switch_says_the_new_index_is_in_use(
    small: SmallBuild, monkeypatch: pytest.MonkeyPatch, cli: Any
) -> None:
    """There was no previous index, and the new one is in place: the message says so (on main
    it read "the previous index is unchanged")."""
    index = small.index
    _failing_folder_sync(monkeypatch, index)
    result = cli("index", *small.where)
    assert result.code == IndexWriteError.exit_code
    line = result.error_line()
    assert "Input/output error" in line and "previous index" not in line
    assert "the new index was published before it and is in use" in line
    assert current_name(index) is not None


def test_a_write_failure_before_a_first_builds_switch_says_there_is_no_index(
    small: SmallBuild, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, index = small.settings, small.index

    def full(folder: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(publishing, "sync_tree", full)
    with pytest.raises(IndexWriteError) as raised:
        build_index(settings)
    assert "previous index" not in str(raised.value)
    assert str(raised.value).endswith("no index was published, and there was none before.")
    assert not index.exists()


def test_a_write_failure_after_an_updates_switch_says_the_new_index_is_in_use(
    small: SmallBuild, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, index = small.settings, small.index
    build_index(settings)
    old = current_name(index)
    _failing_folder_sync(monkeypatch, index)
    with pytest.raises(IndexWriteError) as raised:
        build_index(settings, rebuild=True)
    assert "the new index was published before it and is in use" in str(raised.value)
    assert current_name(index) not in (None, old)


@pytest.mark.parametrize("failure", ["disk full", "ctrl-c"])
def test_a_build_published_by_another_process_before_the_lock_is_not_this_builds(
    small: SmallBuild, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """Another process publishes a build between this build's start and its lock; this build
    then fails to write (or is interrupted) before its own switch: the previous index, now the
    other process's, is unchanged by it (the build it began with was read before the lock, so
    it said "the new index was published before it" / "Build interrupted after its new index
    was published")."""
    settings, index = small.settings, small.index
    build_index(settings)
    locked = indexing.claimed_and_locked
    others: list[str | None] = []

    @contextmanager
    def after_another_publishes(folder: Path) -> Iterator[Any]:
        if not others:
            others.append(None)  # the other process's own build goes straight to the lock
            build_index(settings, rebuild=True)
            others[0] = current_name(index)
        with locked(folder) as owner:
            yield owner

    sync = publishing.sync_tree

    def full(folder: Path) -> None:  # once the other process's build is published
        if others[0] is None:
            return sync(folder)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def ctrl_c(stage: str, done: int, total: int) -> None:
        if stage == "chunking" and others[0] is not None:
            raise KeyboardInterrupt

    monkeypatch.setattr(indexing, "claimed_and_locked", after_another_publishes)
    if failure == "disk full":
        monkeypatch.setattr(publishing, "sync_tree", full)
    with pytest.raises((IndexWriteError, BuildInterrupted)) as raised:
        build_index(settings, rebuild=True, progress=ctrl_c if failure == "ctrl-c" else None)
    said = str(raised.value)
    assert "was published" not in said and said.endswith("the previous index is unchanged.")
    assert current_name(index) == others[0] is not None


@pytest.mark.parametrize(
    "limit", [MemoryError(), RuntimeError("can't start new thread")], ids=["memory", "thread"]
)
def test_a_first_build_stopped_by_a_process_limit_claims_no_previous_index(
    small: SmallBuild, monkeypatch: pytest.MonkeyPatch, cli: Any, limit: BaseException
) -> None:
    """errors.OUT_OF_MEMORY / NO_THREAD said "A build in progress left the previous index as it
    was", from a first build too, where there was none."""
    index = small.index

    def no_memory(*_args: Any, **_kwargs: Any) -> None:
        raise limit

    monkeypatch.setattr(indexing, "write_build", no_memory)
    result = cli("index", *small.where)
    assert result.code == 1
    line = result.error_line()
    assert "stopped." in line and "previous index" not in line
    assert "published index" in line and current_name(index) is None
