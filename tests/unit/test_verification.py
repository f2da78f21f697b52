"""Opening an index hashes only the files changed since the build recorded them."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from citeqa.errors import IndexCorrupt
from citeqa.verification import STAMPS, record_stamps, verify_files


@pytest.fixture
def build(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A build folder of two files, hashed and recorded, its record a second newer than them."""
    (tmp_path / "chunks.jsonl").write_text('{"text": "alpha"}\n', encoding="utf-8")
    (tmp_path / "vectors.bin").write_bytes(b"\x00" * 4096)
    files = {
        name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        for name in ("chunks.jsonl", "vectors.bin")
    }
    for name in files:
        os.utime(tmp_path / name, ns=(1_000_000_000_000, 1_000_000_000_000))
    record_stamps(tmp_path, list(files))
    os.utime(tmp_path / STAMPS, ns=(1_000_001_000_000, 1_000_001_000_000))
    return tmp_path, files


def hashes_during(hashed: list[str], folder: Path, files: dict[str, str]) -> list[str]:
    """The files `verify_files` hashed (`hashed`: the hashed_files fixture's list)."""
    hashed.clear()
    verify_files(folder, files)
    return list(hashed)


def test_unchanged_files_are_not_read_again(build, hashed_files) -> None:
    folder, files = build
    assert hashes_during(hashed_files, folder, files) == []


def test_a_file_altered_in_place_at_the_same_size_is_hashed_and_caught(build, hashed_files) -> None:
    folder, files = build
    (folder / "chunks.jsonl").write_text('{"text": "alpho"}\n', encoding="utf-8")
    with pytest.raises(IndexCorrupt, match=r"chunks\.jsonl"):
        hashes_during(hashed_files, folder, files)


def test_a_truncated_file_is_caught(build) -> None:
    folder, files = build
    (folder / "vectors.bin").write_bytes(b"\x00" * 100)
    with pytest.raises(IndexCorrupt, match=r"vectors\.bin"):
        verify_files(folder, files)


def test_a_time_as_new_as_the_record_is_not_trusted(build, hashed_files) -> None:
    folder, files = build
    recorded = (folder / STAMPS).stat().st_mtime_ns
    os.utime(folder / "vectors.bin", ns=(recorded, recorded))
    record_stamps(folder, list(files))  # the record now holds that time too
    os.utime(folder / STAMPS, ns=(recorded, recorded))
    assert hashes_during(hashed_files, folder, files) == ["vectors.bin"]


@pytest.mark.parametrize("record", [None, "not json", "[1, 2]"])
def test_without_a_usable_record_every_file_is_hashed(build, hashed_files, record) -> None:
    folder, files = build
    if record is None:
        (folder / STAMPS).unlink()
    else:
        (folder / STAMPS).write_text(record, encoding="utf-8")
    assert sorted(hashes_during(hashed_files, folder, files)) == sorted(files)


def test_a_file_the_manifest_does_not_list_is_refused(build) -> None:
    """A file of a kind a build writes (a reader may open it by name: a manifest edited to drop
    it) is damage: one of the names a build writes, a channel's too."""
    folder, files = build
    for name in ("statistics.json", "vectors-e5.faiss", "lexical/params.index.json"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("{}\n", encoding="utf-8")
        with pytest.raises(IndexCorrupt, match=re.escape(name)):
            verify_files(folder, files)
        (folder / name).unlink()


def test_a_users_file_the_manifest_does_not_list_is_no_damage(build) -> None:
    """Any other file (a note, a folder of one's own) is a user's, never read: it was refused as
    an altered index (probe s16-hostile); a manifest that lists nothing still is."""
    folder, files = build
    (folder / "my-notes.txt").write_text("mine\n", encoding="utf-8")
    (folder / "mine").mkdir()
    (folder / "mine" / "a.json").write_text("{}\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"Bud1")
    (folder / "export.jsonl").write_text("{}\n", encoding="utf-8")  # a build's ending, no name
    assert verify_files(folder, files, full=True) == ["export.jsonl", "mine/a.json", "my-notes.txt"]
    with pytest.raises(IndexCorrupt, match="it was altered"):
        verify_files(folder, {})
