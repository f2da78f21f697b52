"""The tidying of the USE model's copies (usecopies.py): once a copy is in place, the older
copies and markers beside it that citeqa wrote go, each only the files its manifest lists; a
copy holding anything else (a user's file) stays whole, and `kept_for_user` names it for
`citeqa status`. Copies are written here by hand (their manifests as usemodel.py writes them),
no model needed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citeqa import usecopies

FILES = ("table.npy", "pieces.txt")


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The models folder of a user cache at `tmp_path/cache`."""
    monkeypatch.setattr(usecopies.userdirs, "cache_dir", lambda: tmp_path / "cache")
    folder = tmp_path / "cache" / "models"
    folder.mkdir(parents=True)
    return folder


def write_copy(folder: Path) -> Path:
    """A copy as usemodel.write_copy leaves it: its files, and a manifest naming citeqa."""
    folder.mkdir()
    for name in FILES:
        (folder / name).write_bytes(b"x")
    manifest = {"writer": usecopies.WRITER, "files": sorted(FILES), "probe": [0.0]}
    manifest[usecopies.FOLDER] = folder.name
    (folder / usecopies.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_the_older_copies_and_markers_go_once_a_copy_is_in_place(models: Path) -> None:
    current = write_copy(models / "usem3-0.2-aaaaaaaaaaaaaaaa")
    older = write_copy(models / "usem3-0.1-bbbbbbbbbbbbbbbb")
    marker = usecopies.marker(models / "usem3-0.1-cccccccccccccccc")
    marker.write_text("0.9.0", encoding="utf-8")
    usecopies.remove_others(current)
    assert sorted(path.name for path in models.iterdir()) == [current.name]
    assert usecopies.is_copy(current) and not older.exists()
    assert usecopies.kept_for_user() == []


def test_remove_copy_removes_only_the_files_its_manifest_lists(models: Path) -> None:
    copy = write_copy(models / "usem3-0.1-bbbbbbbbbbbbbbbb")
    (copy / "notes.txt").write_text("mine\n", encoding="utf-8")
    usecopies.remove_copy(copy)
    assert [path.name for path in copy.iterdir()] == ["notes.txt"]


def test_an_older_copy_holding_a_users_file_stays_whole_and_is_named(models: Path) -> None:
    current = write_copy(models / "usem3-0.2-aaaaaaaaaaaaaaaa")
    older = write_copy(models / "usem3-0.1-bbbbbbbbbbbbbbbb")
    (older / "notes.txt").write_text("mine\n", encoding="utf-8")
    not_a_marker = models / "usem3-0.1-cccccccccccccccc.unusable"
    not_a_marker.write_text("my own long notes, not a version\n", encoding="utf-8")
    usecopies.remove_others(current)
    assert sorted(path.name for path in older.iterdir()) == sorted(
        [*FILES, usecopies.MANIFEST, "notes.txt"]
    )
    assert not_a_marker.read_text(encoding="utf-8").startswith("my own")
    assert usecopies.kept_for_user() == [older]


def test_a_copy_recording_another_folder_or_none_stays(models: Path) -> None:
    """s26 hostile probe, finding 1: a user's copy of a copy (`cp -r`, its manifest recording the
    folder it came from) stays whole, as does a copy recording no folder (an earlier citeqa's,
    or a user's copy of one: nothing tells them apart)."""
    current = write_copy(models / "usem3-0.2-aaaaaaaaaaaaaaaa")
    mine = models / "usem3-0.2-aaaaaaaaaaaaaaab"
    shutil.copytree(current, mine)
    earlier = write_copy(models / "usem3-0.1-bbbbbbbbbbbbbbbb")
    manifest = json.loads((earlier / usecopies.MANIFEST).read_text(encoding="utf-8"))
    del manifest[usecopies.FOLDER]
    (earlier / usecopies.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    usecopies.remove_others(current)
    assert sorted(path.name for path in models.iterdir()) == sorted(
        [current.name, mine.name, earlier.name]
    )
    assert sorted(path.name for path in mine.iterdir()) == sorted([*FILES, usecopies.MANIFEST])
    usecopies.record_folder(earlier, manifest)  # as loading it as an install's copy does
    usecopies.remove_others(current)
    assert sorted(path.name for path in models.iterdir()) == [current.name, mine.name]
