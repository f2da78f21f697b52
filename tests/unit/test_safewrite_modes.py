"""replace_whole's file modes: the umask, an existing report's mode, ui.json's 0600, and a
file system that refuses chmod (review s10-m10 item 1)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from citeqa import safewrite


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_077(monkeypatch: pytest.MonkeyPatch):
    safewrite._umask.cache_clear()
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)
        safewrite._umask.cache_clear()


def test_a_new_file_follows_the_umask(tmp_path: Path, umask_077: None) -> None:
    target = tmp_path / "report.md"
    safewrite.replace_whole(target, b"# report\n", ".citeqa-")
    assert target.read_bytes() == b"# report\n"
    assert _mode(target) == 0o600


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    safewrite.replace_whole(target, b"new", ".citeqa-")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o640


def test_an_explicit_mode_wins(tmp_path: Path) -> None:
    target = tmp_path / "ui.json"
    target.write_bytes(b"{}")
    os.chmod(target, 0o644)
    safewrite.replace_whole(target, b"{ }", ".ui-", mode=0o600)
    assert _mode(target) == 0o600


def test_ui_state_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from citeqa import userdirs

    monkeypatch.setattr(userdirs, "ui_state_file", lambda: tmp_path / "state" / "ui.json")
    userdirs.write_ui_state(theme="dark")
    assert _mode(tmp_path / "state" / "ui.json") == 0o600


def test_a_refused_chmod_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(descriptor: int, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchmod", refuse)
    target = tmp_path / "report.md"
    safewrite.replace_whole(target, b"# report\n", ".citeqa-")
    assert target.read_bytes() == b"# report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
