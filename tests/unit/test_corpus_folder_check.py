"""paths.check_corpus_folder: what a corpus path that is no folder is said to be, from one
os.stat of it (it stat'ed the path up to four times: exists, is_file, is_dir, stat)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from citeqa.errors import CorpusMissing
from citeqa.paths import check_corpus_folder


def _check_counting_stats(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, int]:
    """What checking `path` says (None: a folder) and how many times it stat'ed it."""
    real_stat = os.stat
    calls: list[str] = []

    def counted(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(target) == os.fspath(path):
            calls.append(os.fspath(target))
        return real_stat(target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counted)
    try:
        check_corpus_folder(path)
        said = None
    except CorpusMissing as missing:
        said = str(missing)
    finally:
        monkeypatch.undo()
    return said, len(calls)


def test_each_kind_of_path_is_said_from_one_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    a_file = folder / "faq.md"
    a_file.write_text("x")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "to-folder").symlink_to(folder)
    (tmp_path / "to-file").symlink_to(a_file)
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    expected = {
        folder: None,
        tmp_path / "to-folder": None,
        a_file: f"{a_file} is a file; give the folder that holds it: {folder}",
        tmp_path / "to-file": (
            f"{tmp_path / 'to-file'} is a file; give the folder that holds it: {tmp_path}"
        ),
        tmp_path / "pipe": f"Corpus path is a FIFO, not a folder: {tmp_path / 'pipe'}",
        tmp_path / "nowhere": f"Corpus folder not found: {tmp_path / 'nowhere'}",
        tmp_path / "loop": f"Corpus folder not found: {tmp_path / 'loop'}",
        tmp_path / "dangling": f"Corpus folder not found: {tmp_path / 'dangling'}",
        a_file / "below": f"Corpus folder not found: {a_file / 'below'}",  # ENOTDIR
    }
    for path, said in expected.items():
        assert _check_counting_stats(path, monkeypatch) == (said, 1), path


def test_an_error_other_than_nothing_there_is_not_called_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission to look is no missing folder: the error stands, as Path.exists let it."""

    def denied(*_args: object, **_kwargs: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "stat", denied)
    with pytest.raises(PermissionError):
        check_corpus_folder(tmp_path)


def test_a_path_with_a_nul_byte_is_not_found() -> None:
    """Path.exists read a NUL in the path as nothing there; os.stat raises ValueError."""
    with pytest.raises(CorpusMissing, match="Corpus folder not found"):
        check_corpus_folder(Path("docs\x00evil"))
