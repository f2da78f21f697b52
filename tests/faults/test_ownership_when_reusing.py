"""citeqa deletes only what it created, on the path of a changed corpus's build that reads the
previous build a document at a time (reuse.py): the user's files in the index folder and the
corpus survive a build that reuses, one that finds the previous build altered, and one that
fails half-way, after which the last good index still answers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fault_helpers import (
    QUESTION,
    decoy_snapshot,
    fake_settings,
    make_corpus,
    plant_decoys,
    snapshot,
)

from citeqa import previousindex
from citeqa.api import build_index
from citeqa.ownership import CURRENT
from citeqa.store import load_index

THIRD = "car-t-lupus-remission-news.txt"


def _index_with_decoys(tmp_path: Path) -> tuple[Path, Path, dict[str, object]]:
    corpus = make_corpus(tmp_path / "corpus", ("biotherapy-in-lupus-faq.txt", THIRD))
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    plant_decoys(index, skip=("current",))
    edited = corpus / THIRD
    edited.write_text(edited.read_text(encoding="utf-8") + "\nRituximab was added.\n")
    return corpus, index, decoy_snapshot(index, skip=("current",))


def _owned_leftovers(index: Path) -> list[str]:
    """Temporary build folders citeqa made and did not remove."""
    return [
        p.name
        for p in index.iterdir()
        if p.name.startswith(".tmp-") and p.is_dir() and p.name != ".tmp-cache"
    ]


@pytest.mark.parametrize("alter", [False, True])
def test_a_changed_corpus_build_keeps_the_users_files(tmp_path: Path, alter: bool) -> None:
    corpus, index, decoys = _index_with_decoys(tmp_path)
    if alter:  # a reused file altered, its size and time kept: the build rebuilds
        path = index / CURRENT / "vectors-fake.faiss"
        stat = path.stat()
        data = path.read_bytes()
        path.write_bytes(data[:100] + bytes(64) + data[164:])
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    corpus_before = snapshot(corpus)
    report = build_index(fake_settings(corpus, index))
    assert report.updated == [THIRD] and report.full_rebuild is alter
    assert decoy_snapshot(index, skip=("current",)) == decoys
    assert snapshot(corpus) == corpus_before
    assert not _owned_leftovers(index)


def test_a_build_failing_while_it_reuses_leaves_the_last_index(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index, decoys = _index_with_decoys(tmp_path)
    before = os.readlink(index / CURRENT)
    offsets = index / CURRENT / "chunks.offsets.npy"
    opened, published = previousindex.open_for_reuse, {}

    def altered_after_the_hash(index_dir: Path) -> Any:
        loaded = opened(index_dir)  # every file hashed: the build trusts them from here on
        stat = offsets.stat()
        numbers = np.load(offsets, allow_pickle=False)
        numbers[[1, 2]] = numbers[[2, 1]]  # lines misplaced, the file's size kept
        np.save(offsets, numbers, allow_pickle=False)
        os.utime(offsets, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        published.update(snapshot(index / before))
        return loaded

    monkeypatch.setattr(previousindex, "open_for_reuse", altered_after_the_hash)
    result = cli("index", "--corpus", str(corpus), "--index", str(index))
    assert result.code != 0 and "run `citeqa index`." in result.error_line()
    assert os.readlink(index / CURRENT) == before
    assert published and snapshot(index / before) == published
    assert decoy_snapshot(index, skip=("current",)) == decoys
    assert not _owned_leftovers(index)
    load_index(index)  # still opens (its size and time unchanged)
    monkeypatch.setattr(previousindex, "open_for_reuse", opened)  # the damage found: rebuilt
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    assert cli("ask", QUESTION, "--corpus", str(corpus), "--index", str(index)).code == 0
    assert decoy_snapshot(index, skip=("current",)) == decoys
