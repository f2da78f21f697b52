"""Disk full at every write of a build (issue 10, item 4 and 10): one clear error, the last good
index still loads and answers, nothing of a user's touched, nothing of citeqa's left behind.

Where the test can mount a small tmpfs (root on Linux), the disk really fills: the free space is
stepped through every size a build needs, so each write in turn is the one that fails. Elsewhere
(and always, as well) an OSError(ENOSPC) is injected at each write function of the build.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, decoy_snapshot, fake_settings, make_corpus, plant_decoys

from citeqa.api import build_index, open_assistant
from citeqa.errors import IndexWriteError
from citeqa.store import load_index

FILL_STEP = 8 * 1024


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    if not _mount_tmpfs(folder, "2m"):
        pytest.skip("cannot mount a tmpfs here; the injected ENOSPC tests cover each write")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """A filler file that leaves about `leave` bytes free on `disk`."""
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    stats = os.statvfs(disk)
    size = max(0, stats.f_bavail * stats.f_frsize - leave)
    with filler.open("wb") as stream, contextlib.suppress(OSError):
        stream.write(b"\0" * size)
    return filler


def _assert_answers(settings: Any, manifest_hash: str | None = None) -> None:
    loaded = load_index(settings.index_dir)
    if manifest_hash is not None:
        assert loaded.manifest_hash == manifest_hash
    answer = open_assistant(settings, build_if_missing=False).ask(QUESTION)
    assert answer.passages


def test_a_really_full_disk_at_every_write(small_disk: Path, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, small_disk / "index")
    build_index(settings)
    plant_decoys(small_disk / "index", skip=("current",))
    decoys = decoy_snapshot(small_disk / "index", skip=("current",))
    good = load_index(settings.index_dir).manifest_hash
    outcomes = []
    for leave in range(0, 40 * FILL_STEP, FILL_STEP):
        filler = _fill(small_disk, leave)
        try:
            build_index(settings, rebuild=True)
            outcomes.append("built")
        except IndexWriteError as err:
            assert "\n" not in str(err)
            outcomes.append("full")
        finally:
            filler.unlink()
        _assert_answers(settings)
        assert decoy_snapshot(small_disk / "index", skip=("current",)) == decoys
        leftovers = [p.name for p in (small_disk / "index").iterdir() if p.name.startswith(".tmp-")]
        assert sorted(leftovers) == [".tmp-cache", ".tmp-notes.txt"]
        if outcomes[-1] == "built":
            break
    assert outcomes[0] == "full" and outcomes[-1] == "built", outcomes
    assert outcomes.count("full") >= 3  # several different writes failed in turn
    assert load_index(settings.index_dir).manifest_hash == good  # same content, rebuilt


def test_a_full_disk_while_writing_the_lock(small_disk: Path, tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = small_disk / "index"
    build_index(fake_settings(corpus, index))
    good = load_index(index).manifest_hash
    (index / ".lock").write_text("")
    filler = _fill(small_disk, 0)
    result = cli("index", "--corpus", str(corpus), "--index", str(index), "--rebuild")
    filler.unlink()
    assert result.code == 5
    assert "lock" in result.error_line() or "space" in result.error_line()
    assert load_index(index).manifest_hash == good


WRITES = [
    "citeqa.ownership.write_new_file",
    "citeqa.publishing.os.pwrite",
    "citeqa.writing.write_file",
    "citeqa.contents.write_file",
    "citeqa.filelist.write_file",
    "citeqa.verification.write_file",
    "citeqa.jsonlines.write_file",  # the offsets files beside chunks.jsonl, documents.jsonl
    "citeqa.jsonlines.JsonlWriter.write",
    "citeqa.vectorspool.VectorSpool.write",
    "citeqa.vectorspool.VectorSpool.save_faiss",
    "citeqa.store.np.save",
    "citeqa.lexical.LexicalIndex.save",
    "citeqa.publishing.sync_tree",  # the whole build, synced before it is published
    "citeqa.publishing.os.symlink",
]


@pytest.mark.parametrize("target", WRITES)
def test_injected_enospc_at_each_write(
    target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index")
    if target != "citeqa.ownership.write_new_file":  # the marker is written by the first build
        build_index(settings)
        good: str | None = load_index(settings.index_dir).manifest_hash
        plant_decoys(settings.index_dir, skip=("current",))
    else:
        good = None
    before = decoy_snapshot(settings.index_dir, skip=("current",)) if good else {}

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(target, full)
        with pytest.raises(IndexWriteError) as caught:
            build_index(settings, rebuild=True)
    assert "\n" not in str(caught.value)
    if good is not None:
        _assert_answers(settings, good)
        assert decoy_snapshot(settings.index_dir, skip=("current",)) == before
        owned = [p.name for p in settings.index_dir.iterdir() if ".tmp-" in p.name]
        assert sorted(owned) == [".tmp-cache", ".tmp-notes.txt"]
