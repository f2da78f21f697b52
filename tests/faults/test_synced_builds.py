"""A published build is on disk whole: every file and folder of it was synced before `current`
pointed to it (a power cut after publication finds no file the build left in the page cache)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fault_helpers import QUESTION, fake_settings, make_corpus

from citeqa.api import build_index, open_assistant
from citeqa.ownership import CURRENT


def _synced_during_build(settings: object, monkeypatch: pytest.MonkeyPatch) -> set[tuple]:
    """(device, inode) of everything `os.fsync` was called on while building."""
    synced: set[tuple] = set()
    sync = os.fsync

    def recording(descriptor: int) -> None:
        stat = os.fstat(descriptor)
        synced.add((stat.st_dev, stat.st_ino))
        sync(descriptor)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", recording)
        build_index(settings, rebuild=True)  # type: ignore[arg-type]
    return synced


def test_every_file_and_folder_of_a_published_build_was_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)  # a previous build: the next one reuses what it can
    synced = _synced_during_build(settings, monkeypatch)
    build = (settings.index_dir / CURRENT).resolve()
    entries = [build, *build.rglob("*")]
    assert any(path.name == "lexical" for path in entries)  # a library's folder is among them
    unsynced = [
        path.relative_to(build).as_posix()
        for path in entries
        if (path.stat().st_dev, path.stat().st_ino) not in synced
    ]
    assert unsynced == [], unsynced
    assert (settings.index_dir.stat().st_dev, settings.index_dir.stat().st_ino) in synced
    assert open_assistant(settings, build_if_missing=False).ask(QUESTION).passages
