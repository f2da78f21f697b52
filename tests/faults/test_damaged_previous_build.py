"""A previous index damaged between builds, against the build that reads it a document at a
time (reuse.py) and its file list: the next `citeqa index` either rebuilds
cleanly or stops with one message naming the fix, and the last good index survives."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fault_helpers import QUESTION, make_corpus

from citeqa.doctally import StoredRuns, tally_recipe
from citeqa.errors import IndexCorrupt
from citeqa.ownership import CURRENT
from citeqa.reuse import Previous
from citeqa.store import load_index

THIRD = "car-t-lupus-remission-news.txt"
COMPARED = ("chunks.jsonl", "vectors-fake.faiss", "sentences-fake.npy", "sentences.npy")


def _changed_corpus(tmp_path: Path, cli: Any) -> tuple[Path, Path]:
    """An index of two documents, then one of them edited (the next build reuses the other)."""
    corpus = make_corpus(tmp_path / "corpus", ("biotherapy-in-lupus-faq.txt", THIRD))
    index = tmp_path / "index"
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    edited = corpus / THIRD
    edited.write_text(edited.read_text(encoding="utf-8") + "\nRituximab was added.\n")
    return corpus, index


def _rewrite(path: Path, data: bytes, keep_stamp: bool) -> None:
    """Replace the file's bytes; with `keep_stamp`, its size and time stay (as a copy tool
    that restores times would leave them), so only a hash tells it changed."""
    stat = path.stat()
    assert len(data) == stat.st_size or not keep_stamp
    path.write_bytes(data)
    if keep_stamp:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _same_as_a_new_build(corpus: Path, index: Path, tmp_path: Path, cli: Any) -> None:
    fresh = tmp_path / "fresh"
    assert cli("index", "--corpus", str(corpus), "--index", str(fresh)).code == 0
    for name in COMPARED:
        ours, theirs = index / CURRENT / name, fresh / CURRENT / name
        assert ours.read_bytes() == theirs.read_bytes(), name


@pytest.mark.parametrize("keep_stamp", [False, True])
def test_a_file_list_with_a_bad_line_is_rebuilt(tmp_path: Path, cli: Any, keep_stamp: bool) -> None:
    """files.jsonl is read only when first needed: a bad line raised IndexCorrupt out of the
    build itself, so `citeqa index` and the `--rebuild` its message advised both failed."""
    corpus, index = _changed_corpus(tmp_path, cli)
    path = index / CURRENT / "files.jsonl"
    lines = path.read_bytes().split(b"\n")
    lines[1] = b"{" + b" " * (len(lines[1]) - 1)
    _rewrite(path, b"\n".join(lines), keep_stamp)
    assert cli("status", "--corpus", str(corpus), "--index", str(index)).code != 0
    result = cli("index", "--corpus", str(corpus), "--index", str(index))
    assert result.code == 0, result.err
    _same_as_a_new_build(corpus, index, tmp_path, cli)
    assert cli("ask", QUESTION, "--corpus", str(corpus), "--index", str(index)).code == 0
    assert cli("index", "--rebuild", "--corpus", str(corpus), "--index", str(index)).code == 0


def _swap_lines(data: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[0], lines[-2] = lines[-2], lines[0]
    return b"\n".join(lines)


def _swap_offsets(path: Path) -> bytes:
    offsets = np.load(path, allow_pickle=False)
    offsets[[1, 2]] = offsets[[2, 1]]
    stream = io.BytesIO()
    np.save(stream, offsets, allow_pickle=False)
    return stream.getvalue()


def _zero_rows(data: bytes) -> bytes:
    """Zero 256 bytes a quarter of the way in: rows of the unchanged (first) document."""
    start = len(data) // 4
    return data[:start] + bytes(256) + data[start + 256 :]


def _swap_chunk_counts(data: bytes) -> bytes:
    """files.jsonl with its chunks column's two counts swapped (line 6: the header, then the
    columns file, sha256, doc_id, title, chunks)."""
    lines = data.split(b"\n")
    counts = json.loads(lines[5])
    assert len(counts) == 2 and counts[0] != counts[1]
    swapped = json.dumps(counts[::-1]).encode()
    assert len(swapped) == len(lines[5])
    lines[5] = swapped
    return b"\n".join(lines)


ALTERATIONS = {
    "files.jsonl": lambda path: _swap_chunk_counts(path.read_bytes()),
    "chunks.jsonl": lambda path: _swap_lines(path.read_bytes()),
    "chunks.offsets.npy": _swap_offsets,
    "vectors-fake.faiss": lambda path: _zero_rows(path.read_bytes()),
    "sentences-fake.npy": lambda path: _zero_rows(path.read_bytes()),
}


@pytest.mark.parametrize("name", sorted(ALTERATIONS))
def test_a_reused_file_altered_with_its_stamp_kept_is_not_reused(
    tmp_path: Path, cli: Any, name: str
) -> None:
    """Opening trusts a file whose size and time are unchanged; a build reusing it copied
    zeroed vectors into the new index silently, or raised a traceback on a moved line."""
    corpus, index = _changed_corpus(tmp_path, cli)
    path = index / CURRENT / name
    _rewrite(path, ALTERATIONS[name](path), keep_stamp=True)
    result = cli("index", "--corpus", str(corpus), "--index", str(index))
    assert result.code == 0, result.err
    _same_as_a_new_build(corpus, index, tmp_path, cli)


def test_asking_an_index_with_a_line_altered_is_one_message(tmp_path: Path, cli: Any) -> None:
    corpus, index = _changed_corpus(tmp_path, cli)
    path = index / CURRENT / "chunks.jsonl"
    _rewrite(path, _swap_lines(path.read_bytes()), keep_stamp=True)
    result = cli("ask", QUESTION, "--corpus", str(corpus), "--index", str(index))
    assert result.code != 0
    assert "run `citeqa index`." in result.error_line()


def test_the_previous_builds_chunks_read_where_they_are_not_is_index_corrupt(
    tmp_path: Path, cli: Any
) -> None:
    """Should a file change between the build's hash of it and its read, the read says so."""
    index = _changed_corpus(tmp_path, cli)[1]
    path = index / CURRENT / "chunks.offsets.npy"
    _rewrite(path, _swap_offsets(path), keep_stamp=True)
    previous = Previous(load_index(index))
    with pytest.raises(IndexCorrupt, match="run `citeqa index`"):
        list(previous.chunks("biotherapy-in-lupus-faq"))


@pytest.mark.parametrize("damage", ["altered", "not there"])
def test_vectors_faiss_cannot_read_are_named_in_plain_words(
    tmp_path: Path, cli: Any, damage: str
) -> None:
    """A vectors file altered with its size and time kept, or missing for a channel a
    hand-edited manifest names without listing its file: `ask` and `status` said FAISS's own
    C++ error ("Error in faiss::read_index_up(IOReader*, int) at …/index_read.cpp:3251: Index
    type 0x58585858 not recognized"); now one line naming the file and the fix."""
    corpus, index = _changed_corpus(tmp_path, cli)
    folder = index / CURRENT
    if damage == "altered":
        path = folder / "vectors-fake.faiss"
        _rewrite(path, b"XXXXXXXX" + path.read_bytes()[8:], keep_stamp=True)
        named = "vectors-fake.faiss"
    else:
        manifest = json.loads((folder / "manifest.json").read_text())
        manifest["channels"].append({**manifest["channels"][0], "name": "fake2"})
        (folder / "manifest.json").write_text(json.dumps(manifest))
        named = "vectors-fake2.faiss"
    for command in (["ask", QUESTION], ["status"]):
        result = cli(*command, "--corpus", str(corpus), "--index", str(index))
        line = result.error_line()
        assert result.code == 6, result.err
        assert named in line and line.endswith("run `citeqa index`.")
        assert "faiss::" not in line and ".cpp" not in line


def _negative_first_id(path: Path) -> bytes:
    ids = np.load(path, allow_pickle=False)
    ids[0] = -1
    stream = io.BytesIO()
    np.save(stream, ids, allow_pickle=False)
    return stream.getvalue()


def test_stored_term_ids_that_name_no_term_are_computed_again(tmp_path: Path, cli: Any) -> None:
    """Should terms.ids.npy change between the build's hash of it and its read, an id that names
    no term refuses the stored runs (every share is computed again); a negative id read the
    vocabulary's last term for the first chunk's, silently."""
    index = _changed_corpus(tmp_path, cli)[1]
    path = index / CURRENT / "terms.ids.npy"
    _rewrite(path, _negative_first_id(path), keep_stamp=True)
    previous = Previous(load_index(index))
    assert previous.tally("biotherapy-in-lupus-faq", tally_recipe()) is None


def test_stored_runs_read_where_they_are_not_name_the_rebuild(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run missing once the build reads it (its files changed since they were checked): the
    message said "run `citeqa index`", the very command that had just failed."""
    index = _changed_corpus(tmp_path, cli)[1]
    previous = Previous(load_index(index))
    stored = previous.tally("biotherapy-in-lupus-faq", tally_recipe())
    assert stored is not None

    def missing(self: StoredRuns, chunk: int) -> list[str]:
        raise IndexError(chunk)

    monkeypatch.setattr(StoredRuns, "run", missing)
    with pytest.raises(IndexCorrupt, match=r"run `citeqa index --rebuild`\."):
        list(stored.runs)
