"""A FIFO (or a link to /dev/zero) in the place of a JSON file citeqa reads back from its own
folders (probe s10-pr): the index's ownership marker, a build's manifest.json, the chat's
ui.json. Each was read with Path.read_bytes, so a FIFO hung every command (or the chat's
start) waiting for a writer, and /dev/zero was read until memory ran out. jsonfiles.read_object
now reads a regular file only: a build's manifest is damage like any other (one line, exit 6,
and `citeqa index` rebuilds), a marker that is no file makes `citeqa index` refuse the folder as
not its own (exit 12) while `ask` and `status` answer, and the UI state is ignored."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, Indexed, indexed_copy

from citeqa.ownership import LOCK
from citeqa.publishing import build_running
from citeqa.store import current_build
from citeqa.userdirs import read_ui_state, ui_state_file

pytestmark = pytest.mark.usefixtures("no_hang")

Shared = Indexed
"""The module's corpus and index (fault_helpers.shared_index), built once: each test puts a
special file into a copy of it."""


def _special(path: Path, kind: str) -> None:
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "dev zero"])
@pytest.mark.parametrize("name", ["citeqa-index.json", "manifest.json"])
def test_a_special_file_in_the_index_is_not_waited_on(
    shared_index: Shared, tmp_path: Path, cli: Any, kind: str, name: str
) -> None:
    _corpus, index, where = indexed_copy(shared_index, tmp_path)
    folder = index if name == "citeqa-index.json" else current_build(index)
    _special(folder / name, kind)
    marker = name == "citeqa-index.json"
    for command in (["status"], ["ask", QUESTION], ["index"]):
        result = cli(*command, *where)  # returns: no wait, no traceback
        if marker:  # the folder is no longer known as citeqa's: index refuses it, the rest read
            assert result.code == (12 if command == ["index"] else 0), result.err
        else:  # a damaged build (exit 6): `citeqa index` rebuilds it
            assert result.code == (0 if command == ["index"] else 6), result.err
        if result.code != 0:
            assert result.error_line()


@pytest.mark.parametrize("kind", ["fifo", "dev zero"])
def test_a_special_lock_file_is_no_build_running(
    shared_index: Shared, tmp_path: Path, cli: Any, kind: str
) -> None:
    """The build lock file is read to say who builds a stale index (publishing.build_running):
    opened for reading, a FIFO there hung `ask` and `status` on a stale index (and the chat's
    STALE banner, on its event loop) waiting for a writer. A lock file that is no regular file
    names no build: they say to run `citeqa index`."""
    corpus, index, where = indexed_copy(shared_index, tmp_path)
    (corpus / "new.txt").write_text("A document added since the build.\n", encoding="utf-8")
    (index / LOCK).unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(index / LOCK)
    else:
        (index / LOCK).symlink_to("/dev/zero")
    assert build_running(index) is None  # returns: in this thread, the alarm can end a wait
    for command in (["status"], ["ask", QUESTION]):
        result = cli(*command, *where)
        assert result.code == 0, result.err
        assert "run `citeqa index`" in " ".join((result.out + result.err).split())


@pytest.mark.parametrize("kind", ["fifo", "dev zero"])
def test_a_special_ui_state_file_is_ignored(kind: str) -> None:
    state = ui_state_file()
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text("{}", encoding="utf-8")
    try:
        _special(state, kind)
        assert read_ui_state() == {}
    finally:
        state.unlink()


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("fifo", "its citeqa-index.json is not a regular file but a FIFO"),
        ("dev zero", "its citeqa-index.json is not a regular file but a device"),
        ("damaged", "its citeqa-index.json is not a citeqa index marker"),
    ],
)
def test_index_says_what_is_wrong_with_the_marker(
    shared_index: Shared, tmp_path: Path, cli: Any, kind: str, said: str
) -> None:
    """A marker that is there but no regular file (or not citeqa's) is not called missing."""
    _corpus, index, where = indexed_copy(shared_index, tmp_path)
    if kind == "damaged":
        (index / "citeqa-index.json").write_text("{not json", encoding="utf-8")
    else:
        _special(index / "citeqa-index.json", kind)
    result = cli("index", *where)
    assert result.code == 12
    line = result.error_line()
    assert said in line and "it has no citeqa-index.json" not in line


def test_index_says_the_marker_is_a_link_to_nothing(
    shared_index: Shared, tmp_path: Path, cli: Any
) -> None:
    """A dangling symbolic link in the marker's place is named as such, not called missing."""
    _corpus, index, where = indexed_copy(shared_index, tmp_path)
    marker = index / "citeqa-index.json"
    marker.unlink()
    marker.symlink_to(tmp_path / "gone.json")
    result = cli("index", *where)
    assert result.code == 12
    line = result.error_line()
    assert "its citeqa-index.json is a symbolic link to" in line
    assert "gone.json, which does not exist" in line
    assert "it has no citeqa-index.json" not in line
    assert marker.is_symlink()
